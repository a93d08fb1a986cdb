import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runPerItem, type ItemResult } from '../../common/execution';
import * as add from './add.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as markSucceeded from './markSucceeded.operation';
import * as replay from './replay.operation';
import * as resolve from './resolve.operation';
import * as update from './update.operation';

interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number, item: INodeExecutionData): Promise<ItemResult>;
}

export const operations: Record<string, OperationModule> = {
	add,
	get,
	getMany,
	update,
	replay,
	resolve,
	markSucceeded: {
		description: markSucceeded.description,
		execute(itemIndex, item) {
			return markSucceeded.execute.call(this, itemIndex, item.json as IDataObject);
		},
	},
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = this.getNodeParameter('operation', 0) as string;
	const module = Object.hasOwn(operations, operation) ? operations[operation] : undefined;
	if (!module) throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported`);
	return [await runPerItem(this, async (itemIndex, item) => await module.execute.call(this, itemIndex, item))];
}
