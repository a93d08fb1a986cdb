import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { queueFor, toJson } from './common';

export const description: INodeProperties[] = [
	{
		displayName: 'Key',
		name: 'successKey',
		type: 'string',
		required: true,
		default: '',
		placeholder: '={{ $json.poNumber }}',
		description: 'Business key of a record that has now gone through: its open and replayed exceptions are resolved',
		displayOptions: { show: { operation: ['markSucceeded'] } },
	},
];

/** Passes the input item through (so it can sit on the success path) with the exceptions it resolved. */
export async function execute(this: IExecuteFunctions, itemIndex: number, json: IDataObject): Promise<IDataObject> {
	const key = String(this.getNodeParameter('successKey', itemIndex)).trim();
	if (!key) throw new NodeOperationError(this.getNode(), 'Key is empty', { itemIndex, description: 'Set Key to the business key of the record, e.g. {{ $json.poNumber }}.' });
	const queue = await queueFor(this, itemIndex);
	const resolved = await queue.succeeded(key);
	return { ...json, resolvedExceptions: resolved.map((item) => toJson(item).id as string) };
}
