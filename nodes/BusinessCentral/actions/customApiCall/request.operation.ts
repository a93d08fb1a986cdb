import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';

import { nameValueList, nameValuePairs } from '../../../common/descriptions';
import { collect, nextLinkPaginator, paginate } from '../../../common/pagination';
import { businessCentralRequest } from '../../transport';
import { jsonObject } from '../fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		default: 'GET',
		options: ['DELETE', 'GET', 'PATCH', 'POST'].map((m) => ({ name: m, value: m })),
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. companies(f2a5738a-44e3-ea11-bb43-000d3a2feca1)/salesQuotes',
		description: 'Path under the environment’s /api/v2.0 root; the credential’s token and the rate limits are applied',
	},
	nameValueList('query', 'Query Parameters', 'e.g. $filter'),
	{
		displayName: 'If-Match',
		name: 'ifMatch',
		type: 'string',
		default: '',
		displayOptions: { show: { method: ['PATCH', 'DELETE'] } },
		description: 'The @odata.etag of the record, or * to overwrite whatever version is current',
	},
	{
		displayName: 'Body (JSON)',
		name: 'body',
		type: 'json',
		default: '{}',
		displayOptions: { show: { method: ['PATCH', 'POST'] } },
	},
	{
		displayName: 'Follow Pages',
		name: 'followPages',
		type: 'boolean',
		default: false,
		displayOptions: { show: { method: ['GET'] } },
		description: 'Whether to follow @odata.nextLink to the end and output every record of the collection',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['customApiCall'], operation: ['request'] } }, properties);

function queryOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const qs: IDataObject = nameValuePairs(ctx.getNodeParameter('query', itemIndex, {}));
	return qs;
}

/** One item per record of a collection (`value`), else the body, else `{ success, statusCode }`. */
function asItems(body: unknown, statusCode: number): IDataObject[] {
	if (typeof body === 'object' && body !== null && Array.isArray((body as IDataObject).value)) {
		return ((body as IDataObject).value as unknown[]).map((entry) => (typeof entry === 'object' && entry !== null ? (entry as IDataObject) : ({ value: entry } as IDataObject)));
	}
	if (typeof body === 'object' && body !== null) return [body as IDataObject];
	if (body === undefined || body === null || body === '') return [{ success: true, statusCode }];
	return [{ body: String(body), statusCode }];
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const method = this.getNodeParameter('method', itemIndex) as IHttpRequestMethods;
	const path = this.getNodeParameter('path', itemIndex) as string;
	const qs = queryOf(this, itemIndex);
	if (method === 'GET' && this.getNodeParameter('followPages', itemIndex, false)) {
		const pages = paginate(
			async (page) => await businessCentralRequest(this, { path, url: page.url, qs: page.qs, itemIndex }),
			nextLinkPaginator({
				first: { qs },
				nextUrl: (response) => ((response.body as IDataObject | undefined)?.['@odata.nextLink'] as string | undefined) || undefined,
				items: (response) => asItems(response.body, response.statusCode),
			}),
		);
		return await collect(pages, { returnAll: true });
	}
	const ifMatch = String(this.getNodeParameter('ifMatch', itemIndex, '') ?? '').trim();
	const body = method === 'GET' || method === 'DELETE' ? undefined : jsonObject(this.getNode(), this.getNodeParameter('body', itemIndex, '{}'), 'Body (JSON)', itemIndex);
	const response = await businessCentralRequest(this, { method, path, qs, body, headers: ifMatch ? { 'If-Match': ifMatch } : undefined, itemIndex });
	return asItems(response.body, response.statusCode);
}
