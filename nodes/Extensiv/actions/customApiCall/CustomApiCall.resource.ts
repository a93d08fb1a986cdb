import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';

import { nameValueList, nameValuePairs } from '../../../common/descriptions';
import { collect } from '../../../common/pagination';
import { extensivPages, extensivRequest } from '../../transport';
import type { OperationModule } from '../shared';
import { parseJson, stamp } from '../shared';

const request: OperationModule = {
	description: stamp('customApiCall', 'request', [
		{
			displayName: 'Method',
			name: 'method',
			type: 'options',
			default: 'GET',
			options: ['DELETE', 'GET', 'POST', 'PUT'].map((m) => ({ name: m, value: m })),
		},
		{
			displayName: 'Path',
			name: 'path',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. /inventory/stockdetails',
			description: 'Path on the Extensiv API host; the credential’s token is used',
		},
		nameValueList('query', 'Query Parameters', 'e.g. rql'),
		{ ...nameValueList('headers', 'Headers', 'e.g. If-Match'), placeholder: 'Add Header', description: 'E.g. If-Match with an ETag for PUT.' },
		{
			displayName: 'Body (JSON)',
			name: 'body',
			type: 'json',
			default: '',
			displayOptions: { show: { method: ['POST', 'PUT'] } },
		},
		{
			displayName: 'Follow Pages',
			name: 'followPages',
			type: 'boolean',
			default: false,
			displayOptions: { show: { method: ['GET'] } },
			description: 'Whether to page with pgsiz/pgnum and the HAL next link and output every record',
		},
	] as INodeProperties[]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const pairs = (name: string): IDataObject => nameValuePairs(this.getNodeParameter(name, itemIndex, {}));
		const method = this.getNodeParameter('method', itemIndex) as IHttpRequestMethods;
		const path = this.getNodeParameter('path', itemIndex) as string;
		const qs = pairs('query');
		const headers = pairs('headers');
		if (method === 'GET' && this.getNodeParameter('followPages', itemIndex, false)) {
			return await collect(extensivPages(this, { path, qs, pageSize: 1000, itemIndex }), { returnAll: true });
		}
		const body = method === 'POST' || method === 'PUT' ? parseJson(this.getNode(), this.getNodeParameter('body', itemIndex, ''), 'Body (JSON)', itemIndex) : undefined;
		const response = await extensivRequest(this, { method, path, qs, headers, body, itemIndex });
		const result = response.body;
		if (typeof result === 'object' && result !== null && !Array.isArray(result)) {
			return { ...(result as IDataObject), ...(response.headers.etag ? { etag: response.headers.etag } : {}) };
		}
		if (Array.isArray(result)) return result as IDataObject[];
		return { success: true, statusCode: response.statusCode };
	},
};

export const operations = { request };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customApiCall'] } },
		options: [{ name: 'Make a Request', value: 'request', description: 'Call any Extensiv REST endpoint with this credential', action: 'Make a custom API call' }],
		default: 'request',
	},
	...request.description,
];
