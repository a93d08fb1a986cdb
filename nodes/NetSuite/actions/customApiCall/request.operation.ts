import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';

import { netSuiteRequest } from '../../transport';
import { jsonParameter } from '../shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		default: 'GET',
		options: [
			{ name: 'DELETE', value: 'DELETE' },
			{ name: 'GET', value: 'GET' },
			{ name: 'PATCH', value: 'PATCH' },
			{ name: 'POST', value: 'POST' },
			{ name: 'PUT', value: 'PUT' },
		],
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: '/record/v1/metadata-catalog',
		required: true,
		placeholder: 'e.g. /record/v1/customer/123?expandSubResources=true',
		description: 'Path under /services/rest; signed with the credential',
	},
	{ displayName: 'Query Parameters (JSON)', name: 'qs', type: 'json', default: '{}' },
	{ displayName: 'Headers (JSON)', name: 'headers', type: 'json', default: '{}', description: 'E.g. {"Prefer": "transient"} for SuiteQL.' },
	{
		displayName: 'Body (JSON)',
		name: 'body',
		type: 'json',
		default: '{}',
		displayOptions: { show: { method: ['PATCH', 'POST', 'PUT'] } },
	},
];

export const description = updateDisplayOptions({ show: { resource: ['customApiCall'], operation: ['request'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const method = this.getNodeParameter('method', itemIndex, 'GET') as IHttpRequestMethods;
	const rawPath = String(this.getNodeParameter('path', itemIndex, '')).trim().replace(/^\/?services\/rest/i, '');
	const [path, query] = rawPath.split('?', 2);
	const qs: IDataObject = { ...Object.fromEntries(new URLSearchParams(query ?? '')), ...jsonParameter(this, 'qs', 'Query Parameters (JSON)', itemIndex) };
	const headers = jsonParameter(this, 'headers', 'Headers (JSON)', itemIndex);
	const body = ['PATCH', 'POST', 'PUT'].includes(method) ? jsonParameter(this, 'body', 'Body (JSON)', itemIndex) : undefined;
	const response = await netSuiteRequest<unknown>(this, { method, path, qs, headers, body, itemIndex });
	return {
		statusCode: response.statusCode,
		...(response.headers.location ? { location: response.headers.location } : {}),
		body: (response.body ?? null) as IDataObject,
	};
}
