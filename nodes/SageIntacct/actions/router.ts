import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../../common/execution';
import { runBatch } from './batch';
import type { OperationModule } from './common';
import * as customApiCall from './customApiCall/CustomApiCall.resource';
import * as record from './record/Record.resource';

export const resources = { record, customApiCall };

/** Map dispatch: resource → operation module, run once per input item (or as one batch for writes). */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as keyof typeof resources;
	const operation = this.getNodeParameter('operation', 0) as string;
	const operations = (resources[resource] as { operations?: Record<string, OperationModule> } | undefined)?.operations;
	const module = operations && Object.hasOwn(operations, operation) ? operations[operation] : undefined;
	if (!module) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported for resource "${resource}"`);
	}
	if (resource === 'record' && Object.hasOwn(record.batchable, operation)) {
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		if (options.batch === true) {
			return [await runBatch(this, record.batchable[operation as keyof typeof record.batchable])];
		}
	}
	return [await runPerItem(this, async (itemIndex) => await module.execute.call(this, itemIndex))];
}
