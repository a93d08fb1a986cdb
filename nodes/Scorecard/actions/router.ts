import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../../common/execution';
import * as compute from './compute.operation';
import * as history from './history.operation';

export const operations = { compute, history };

/** Compute scores the whole input at once; Get History reads the store once per input item. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = this.getNodeParameter('operation', 0) as string;
	if (operation === 'compute') return await compute.execute.call(this);
	if (operation === 'history') return [await runPerItem(this, async (itemIndex) => await history.execute.call(this, itemIndex))];
	throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported`);
}
