import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../../common/execution';
import * as calculate from './calculate.operation';
import * as releaseClaims from './releaseClaims.operation';

/** Calculate works on the whole input at once (accruals sum many lines); Release Claims per item. */
export const operations = { calculate, releaseClaims };

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = this.getNodeParameter('operation', 0) as string;
	if (operation === 'calculate') return await calculate.execute.call(this);
	if (operation === 'releaseClaims') return [await runPerItem(this, async (itemIndex) => await releaseClaims.execute.call(this, itemIndex))];
	throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported`);
}
