import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { errorClassOf } from './errors';

export type ItemResult = IDataObject | IDataObject[] | INodeExecutionData[] | undefined;

function isExecutionData(value: unknown): value is INodeExecutionData {
	return typeof value === 'object' && value !== null && 'json' in value;
}

function toExecutionData(result: ItemResult): INodeExecutionData[] {
	if (result === undefined) return [];
	const list = Array.isArray(result) ? result : [result];
	return list.map((entry) => (isExecutionData(entry) ? entry : { json: entry as IDataObject }));
}

/**
 * The pack's only item loop: runs `handler` once per input item, pairs every output item with
 * its input, and on failure either emits an error item (continueOnFail) or throws an error that
 * carries the item's index.
 */
export async function runPerItem(
	ctx: IExecuteFunctions,
	handler: (itemIndex: number, item: INodeExecutionData) => Promise<ItemResult>,
): Promise<INodeExecutionData[]> {
	const items = ctx.getInputData();
	const output: INodeExecutionData[] = [];

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = toExecutionData(await handler(itemIndex, items[itemIndex]));
			for (const entry of result) output.push({ ...entry, pairedItem: { item: itemIndex } });
		} catch (error) {
			if (ctx.continueOnFail()) {
				const err = error as Error & { description?: string; context?: IDataObject };
				output.push({
					json: {
						error: err.message,
						...(err.description ? { description: err.description } : {}),
						errorClass: errorClassOf(error),
					},
					pairedItem: { item: itemIndex },
				});
				continue;
			}
			throw withItemIndex(ctx, error, itemIndex);
		}
	}
	return output;
}

function withItemIndex(ctx: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof Error && 'context' in error && typeof error.context === 'object' && error.context) {
		const context = error.context as IDataObject;
		if (context.itemIndex === undefined) context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}
