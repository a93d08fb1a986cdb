import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';

import { nameValueList, nameValuePairs } from '../../../common/descriptions';
import { collect, linkHeaderNext, nextLinkPaginator, paginate } from '../../../common/pagination';
import { parseJsonParameter } from '../../helpers/values';
import { connectWiseRequest } from '../../transport';

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
		default: '',
		required: true,
		placeholder: 'e.g. /service/tickets/123/notes',
		description: 'Path under /apis/3.0 of your ConnectWise PSA; the credential’s site and authentication are used',
	},
	nameValueList('query', 'Query Parameters', 'e.g. conditions'),
	{
		displayName: 'Body (JSON)',
		name: 'body',
		type: 'json',
		default: '',
		displayOptions: { show: { method: ['PATCH', 'POST', 'PUT'] } },
		description: 'Request body; PATCH takes a JSON-Patch array such as [{"op": "replace", "path": "summary", "value": "New"}]',
	},
	{
		displayName: 'Follow Pages',
		name: 'followPages',
		type: 'boolean',
		default: false,
		displayOptions: { show: { method: ['GET'] } },
		description: 'Whether to follow the Link header’s next page until the end and output every record',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customApiCall'], operation: ['request'] } },
	properties,
);

function queryOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const qs: IDataObject = nameValuePairs(ctx.getNodeParameter('query', itemIndex, {}));
	return qs;
}

/** One output item per record when the response is a list, else the response body (or `{ success: true }`). */
function asItems(body: unknown, statusCode: number): IDataObject[] {
	if (Array.isArray(body)) return body.map((entry) => (typeof entry === 'object' && entry !== null ? entry : { value: entry }));
	if (typeof body === 'object' && body !== null) return [body as IDataObject];
	if (body === undefined || body === null || body === '') return [{ success: true, statusCode }];
	return [{ body: body as string, statusCode }];
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const method = this.getNodeParameter('method', itemIndex) as IHttpRequestMethods;
	const path = this.getNodeParameter('path', itemIndex) as string;
	const qs = queryOf(this, itemIndex);
	if (method === 'GET' && this.getNodeParameter('followPages', itemIndex, false)) {
		const pages = paginate(
			async (page) => await connectWiseRequest(this, { path, url: page.url, qs: page.qs, itemIndex }),
			nextLinkPaginator({ first: { qs }, nextUrl: linkHeaderNext }),
		);
		return await collect(pages, { returnAll: true });
	}
	const body =
		method === 'GET' || method === 'DELETE'
			? undefined
			: parseJsonParameter(this.getNode(), this.getNodeParameter('body', itemIndex, ''), 'Body (JSON)', itemIndex);
	const response = await connectWiseRequest(this, { method, path, qs, body, itemIndex });
	return asItems(response.body, response.statusCode);
}
