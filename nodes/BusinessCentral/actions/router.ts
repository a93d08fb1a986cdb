import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../../common/execution';
import type { BusinessCentralType } from './node.type';
import type { OperationModule } from './operations';
import { resources } from './resources';

/** Map dispatch: resource → operation module, run once per input item by the pack's item loop. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as BusinessCentralType['resource'];
	const operation = this.getNodeParameter('operation', 0) as BusinessCentralType['operation'];
	const operations = (resources[resource] as { operations?: Record<string, OperationModule> } | undefined)?.operations;
	const module = operations && Object.hasOwn(operations, operation) ? operations[operation] : undefined;
	if (!module) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported for resource "${resource}"`);
	}
	return [await runPerItem(this, async (itemIndex) => await module.execute.call(this, itemIndex))];
}
