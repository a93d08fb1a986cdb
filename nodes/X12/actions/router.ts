import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../../common/execution';
import { operations, WITH_REJECTED_OUTPUT } from './operations';

/**
 * Map dispatch to the operation, once per input item through the pack's item loop. Rejected sets
 * are collected on the side (paired with their input item) and become the second output.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = this.getNodeParameter('operation', 0) as string;
	const module = Object.hasOwn(operations, operation) ? operations[operation] : undefined;
	if (!module) throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported`);
	const rejected: INodeExecutionData[] = [];
	const main = await runPerItem(this, async (itemIndex) => {
		const result = await module.execute.call(this, itemIndex);
		for (const item of result.rejected ?? []) rejected.push({ ...item, pairedItem: { item: itemIndex } });
		return result.items;
	});
	return WITH_REJECTED_OUTPUT.includes(operation) ? [main, rejected] : [main];
}
