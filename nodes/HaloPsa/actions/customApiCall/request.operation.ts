import { NodeOperationError, jsonParse, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';

import { nameValueList, nameValuePairs } from '../../../common/descriptions';
import { haloList, haloRequest } from '../../transport';

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
		placeholder: 'e.g. /TicketType',
		description: 'Path under the Resource Server URL of the credential; its OAuth2 token is used',
	},
	nameValueList('query', 'Query Parameters', 'e.g. client_id'),
	{
		displayName: 'Body (JSON)',
		name: 'body',
		type: 'json',
		default: '',
		displayOptions: { show: { method: ['POST'] } },
		description: 'Request body; Halo creates and updates with an array of records, e.g. [{"ID": 12, "summary": "New"}]',
	},
	{
		displayName: 'All Pages Of',
		name: 'listKey',
		type: 'string',
		default: '',
		placeholder: 'e.g. tickets',
		displayOptions: { show: { method: ['GET'] } },
		description: 'Name of the list in the response; when set, every page is fetched (pageinate=true) and each record is output',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['customApiCall'], operation: ['request'] } }, properties);

function asItems(body: unknown, statusCode: number): IDataObject[] {
	if (Array.isArray(body)) return body.map((entry) => (typeof entry === 'object' && entry !== null ? entry : { value: entry }));
	if (typeof body === 'object' && body !== null) return [body as IDataObject];
	if (body === undefined || body === null || body === '') return [{ success: true, statusCode }];
	return [{ body: String(body), statusCode }];
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const method = this.getNodeParameter('method', itemIndex) as IHttpRequestMethods;
	const path = this.getNodeParameter('path', itemIndex) as string;
	const qs: IDataObject = nameValuePairs(this.getNodeParameter('query', itemIndex, {}));
	const listKey = method === 'GET' ? String(this.getNodeParameter('listKey', itemIndex, '')).trim() : '';
	if (listKey) return await haloList(this, { path, listKey, qs, returnAll: true, itemIndex });
	let body: IDataObject | IDataObject[] | undefined;
	if (method === 'POST') {
		const raw = this.getNodeParameter('body', itemIndex, '') as unknown;
		const parsed = typeof raw === 'string' ? (raw.trim() ? jsonParse<unknown>(raw, { fallbackValue: undefined }) : undefined) : raw;
		if (parsed !== undefined && (typeof parsed !== 'object' || parsed === null)) {
			throw new NodeOperationError(this.getNode(), 'Body (JSON) must be a JSON array or object', { itemIndex });
		}
		body = parsed as IDataObject | IDataObject[] | undefined;
	}
	const response = await haloRequest(this, { method, path, qs, body, itemIndex });
	return asItems(response.body, response.statusCode);
}
