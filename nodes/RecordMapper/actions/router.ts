import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../../common/execution';
import type { OperationModule } from './common';
import { toNodeError } from './common';
import * as crossReference from './crossReference/CrossReference.resource';
import * as record from './record/Record.resource';
import * as valueMap from './valueMap/ValueMap.resource';

export const resources: Record<string, { operations: Record<string, OperationModule> }> = { record, crossReference, valueMap };

/** Map dispatch: resource → operation; per-item operations run in the pack's item loop. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const operations = Object.hasOwn(resources, resource) ? resources[resource].operations : undefined;
	const module = operations && Object.hasOwn(operations, operation) ? operations[operation] : undefined;
	if (!module) throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported for resource "${resource}"`);
	if (module.executeAll) return await module.executeAll.call(this);
	const execute = module.execute!;
	return [
		await runPerItem(this, async (itemIndex, item) => {
			try {
				return await execute.call(this, itemIndex, item);
			} catch (error) {
				throw toNodeError(this, error, itemIndex);
			}
		}),
	];
}
