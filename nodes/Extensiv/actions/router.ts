import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../../common/execution';
import { resources } from './resources';
import type { OperationModule } from './shared';

/** Map dispatch: resource → operation module, run once per input item by the pack's item loop. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const operations = (Object.hasOwn(resources, resource) ? resources[resource as keyof typeof resources].operations : undefined) as
		| Record<string, OperationModule>
		| undefined;
	const module = operations && Object.hasOwn(operations, operation) ? operations[operation] : undefined;
	if (!module) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported for resource "${resource}"`);
	}
	return [await runPerItem(this, async (itemIndex) => await module.execute.call(this, itemIndex))];
}
