import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { errorClassOf } from './errors';

export type ItemResult = IDataObject | IDataObject[] | INodeExecutionData[] | undefined;

const EXECUTION_DATA_KEYS = new Set(['json', 'binary', 'pairedItem', 'error', 'metadata', 'index']);

// A vendor record may itself have a field called "json"; only an object made of execution-data
// keys with an object `json` is taken as an already-built item.
function isExecutionData(value: unknown): value is INodeExecutionData {
	if (typeof value !== 'object' || value === null || !('json' in value)) return false;
	const { json } = value as { json: unknown };
	if (typeof json !== 'object' || json === null || Array.isArray(json)) return false;
	return Object.keys(value).every((key) => EXECUTION_DATA_KEYS.has(key));
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
						error: error instanceof Error ? err.message : String(error),
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
