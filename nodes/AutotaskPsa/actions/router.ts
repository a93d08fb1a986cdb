import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItemConcurrently } from '../../common/concurrentItems';
import type { OperationModule } from './operations';
import { resources } from './resources';
import type { AutotaskResource } from './resources';

/**
 * Map dispatch: resource → operation module, run per input item. With "Parallel Requests" above 1
 * several items run at once; the per-endpoint limiter still keeps Autotask's 3 threads.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as AutotaskResource;
	const operation = this.getNodeParameter('operation', 0) as string;
	const operations = (resources[resource] as { operations?: Record<string, OperationModule> } | undefined)?.operations;
	const module = operations && Object.hasOwn(operations, operation) ? operations[operation] : undefined;
	if (!module) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported for resource "${resource}"`);
	}
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const parallel = Math.max(1, Math.min(10, Math.floor(Number(options?.parallelRequests ?? 1)) || 1));
	return [await runPerItemConcurrently(this, parallel, async (itemIndex) => await module.execute.call(this, itemIndex))];
}
