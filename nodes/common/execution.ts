import { NodeApiError, NodeOperationError } from 'n8n-workflow';
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
	const routesToErrorOutput = ctx.getNode().onError === 'continueErrorOutput';

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = toExecutionData(await handler(itemIndex, items[itemIndex]));
			for (const entry of result) output.push({ ...entry, pairedItem: { item: itemIndex } });
		} catch (error) {
			const nodeError = withItemIndex(ctx, error, itemIndex);
			if (ctx.continueOnFail()) {
				output.push({
					json: {
						error: nodeError.message,
						...(nodeError.description ? { description: nodeError.description } : {}),
						errorClass: errorClassOf(nodeError),
					},
					// n8n routes items to the error output by their item-level error, and then keeps only the
					// message in json; with the regular output the json above is kept whole.
					...(routesToErrorOutput ? { error: nodeError } : {}),
					pairedItem: { item: itemIndex },
				});
				continue;
			}
			throw nodeError;
		}
	}
	return output;
}

/**
 * Duck-typed: n8n-core may throw errors built by another copy of n8n-workflow than the one this
 * package resolves, so `instanceof` is not reliable across that boundary.
 */
function isNodeError(error: unknown): error is NodeApiError | NodeOperationError {
	return (
		error instanceof Error &&
		typeof (error as { context?: unknown }).context === 'object' &&
		(error as { context?: unknown }).context !== null &&
		'node' in error
	);
}

function withItemIndex(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (isNodeError(error)) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	const message = error instanceof Error ? error : new Error(String(error));
	return new NodeOperationError(ctx.getNode(), message, { itemIndex });
}
