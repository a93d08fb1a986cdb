import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import * as confirm from './confirm.operation';
import * as diff from './diff.operation';

/** Both operations work on the whole input at once (a diff compares the set, a confirm commits in batches). */
export const operations = { diff, confirm };

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = this.getNodeParameter('operation', 0) as string;
	if (operation === 'diff') return await diff.execute.call(this);
	if (operation === 'confirm') return await confirm.execute.call(this);
	throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported`);
}
