import { NodeOperationError, jsonParse, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';

import { deriveIdempotencyKey, stripeList, stripeRequest } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		default: 'GET',
		options: [
			{ name: 'DELETE', value: 'DELETE' },
			{ name: 'GET', value: 'GET' },
			{ name: 'POST', value: 'POST' },
		],
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. /v1/billing/meters/mtr_123/event_summaries',
		description: 'Path from the API root, starting with /v1; the credential’s key, API version and base URL are used',
	},
	{
		displayName: 'Parameters (JSON)',
		name: 'parameters',
		type: 'json',
		default: '{}',
		description: 'Query parameters (GET, DELETE) or the form-encoded body (POST) as a JSON object; nesting becomes Stripe’s bracket keys',
	},
	{
		displayName: 'Follow Pages',
		name: 'followPages',
		type: 'boolean',
		default: false,
		displayOptions: { show: { method: ['GET'] } },
		description: 'Whether to read every page of a list (starting_after while has_more) and output one item per object',
	},
	{
		displayName: 'Idempotency Key',
		name: 'idempotencyKey',
		type: 'string',
		default: '',
		displayOptions: { show: { method: ['POST'] } },
		description: 'Empty: derived from the workflow, node, path and input item, so the same input never posts twice',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['customApiCall'], operation: ['request'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const method = this.getNodeParameter('method', itemIndex) as IHttpRequestMethods;
	const path = String(this.getNodeParameter('path', itemIndex, '')).trim();
	if (!path.startsWith('/v1/') && !path.startsWith('/v2/')) {
		throw new NodeOperationError(this.getNode(), `Path "${path}" must start with /v1/ (or /v2/)`, { itemIndex });
	}
	const raw = this.getNodeParameter('parameters', itemIndex, '{}') as unknown;
	const parameters = (typeof raw === 'string' ? (raw.trim() ? jsonParse<IDataObject>(raw) : {}) : raw) as IDataObject;
	if (typeof parameters !== 'object' || parameters === null || Array.isArray(parameters)) {
		throw new NodeOperationError(this.getNode(), 'Parameters (JSON) must be a JSON object', { itemIndex });
	}
	if (method === 'GET' && this.getNodeParameter('followPages', itemIndex, false)) {
		return await stripeList(this, { path, qs: parameters, returnAll: true, itemIndex });
	}
	const response = await stripeRequest<IDataObject | string>(this, {
		method,
		path,
		...(method === 'POST'
			? {
					body: parameters,
					idempotencyKey: deriveIdempotencyKey(this, itemIndex, `customApiCall.${method} ${path}`, this.getNodeParameter('idempotencyKey', itemIndex, '') as string),
				}
			: { qs: parameters }),
		itemIndex,
	});
	const body = typeof response.body === 'string' && response.body ? (JSON.parse(response.body) as IDataObject) : (response.body as IDataObject);
	return body ?? {};
}
