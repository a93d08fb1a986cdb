import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';

import { autotaskRequest } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		options: ['DELETE', 'GET', 'PATCH', 'POST', 'PUT'].map((m) => ({ name: m, value: m })),
		default: 'GET',
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Tickets/entityInformation/fields',
		description: 'Path under the zone’s /v1.0 API root; the zone, credential headers and thread limits are applied',
	},
	{
		displayName: 'Query Parameters (JSON)',
		name: 'qs',
		type: 'json',
		default: '{}',
	},
	{
		displayName: 'Body (JSON)',
		name: 'body',
		type: 'json',
		default: '{}',
		displayOptions: { show: { method: ['PATCH', 'POST', 'PUT'] } },
	},
];

export const description = updateDisplayOptions({ show: { resource: ['customApiCall'], operation: ['request'] } }, properties);

function jsonParameter(ctx: IExecuteFunctions, name: string, itemIndex: number): IDataObject | undefined {
	const raw = ctx.getNodeParameter(name, itemIndex, '{}') as unknown;
	if (raw === '' || raw === undefined) return undefined;
	if (typeof raw !== 'string') return raw as IDataObject;
	try {
		return JSON.parse(raw) as IDataObject;
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), `${name === 'qs' ? 'Query Parameters' : 'Body'} is not valid JSON: ${(error as Error).message}`, {
			itemIndex,
		});
	}
}

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const method = this.getNodeParameter('method', itemIndex, 'GET') as IHttpRequestMethods;
	const path = String(this.getNodeParameter('path', itemIndex, '')).trim().replace(/^\/*(v1\.0\/)?/i, '');
	const qs = jsonParameter(this, 'qs', itemIndex);
	const body = ['PATCH', 'POST', 'PUT'].includes(method) ? jsonParameter(this, 'body', itemIndex) : undefined;
	const response = await autotaskRequest<IDataObject>(this, { method, path, qs, body, itemIndex });
	return (response.body ?? {}) as IDataObject;
}
