import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runPerItem, type ItemResult } from '../../common/execution';
import * as append from './append.operation';
import * as query from './query.operation';
import * as verify from './verify.operation';

interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number, item: INodeExecutionData): Promise<ItemResult>;
}

export const operations: Record<string, OperationModule> = { append, query, verify };

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = this.getNodeParameter('operation', 0) as string;
	const module = Object.hasOwn(operations, operation) ? operations[operation] : undefined;
	if (!module) throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported`);
	// Query and Verify read the whole log: once per run, not once per input item.
	if (operation !== 'append') {
		return [await runPerItem(this, async (itemIndex, item) => (itemIndex === 0 ? await module.execute.call(this, itemIndex, item) : undefined))];
	}
	return [await runPerItem(this, async (itemIndex, item) => await module.execute.call(this, itemIndex, item))];
}
