import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { definitionOf } from '../actions/definitions';
import { businessCentralRequest, odataString } from '../transport';

const PAGE_SIZE = 50;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One page of a searchable list; the token is Business Central's own `@odata.nextLink`. */
async function search(
	ctx: ILoadOptionsFunctions,
	path: string,
	qs: IDataObject,
	token: string | undefined,
	label: (record: IDataObject) => string,
): Promise<INodeListSearchResult> {
	const response = await businessCentralRequest<IDataObject>(ctx, {
		...(token ? { url: token } : { path, qs }),
		headers: { Prefer: `odata.maxpagesize=${PAGE_SIZE}` },
	});
	const records = Array.isArray(response.body?.value) ? (response.body.value as IDataObject[]) : [];
	const next = response.body?.['@odata.nextLink'];
	return {
		results: records.map((record) => ({ name: label(record), value: String(record.id) })),
		paginationToken: typeof next === 'string' && next ? next : undefined,
	};
}

function containsFilter(filter: string | undefined, ...fields: string[]): string | undefined {
	const text = filter?.trim();
	if (!text) return undefined;
	return fields.map((field) => `contains(${field},${odataString(text)})`).join(' or ');
}

/** The company picked in the node, needed before any company-scoped list can load. */
function currentCompany(ctx: ILoadOptionsFunctions): string {
	const value = ctx.getCurrentNodeParameter('companyId', { extractValue: true }) as unknown;
	const id = typeof value === 'string' ? value.trim().replace(/[{}]/g, '') : '';
	if (!GUID.test(id)) throw new NodeOperationError(ctx.getNode(), 'Pick a company first', { description: 'The list depends on the company.' });
	return id;
}

export async function searchCompanies(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const $filter = containsFilter(filter, 'name', 'displayName');
	return await search(this, 'companies', { $select: 'id,name,displayName', ...($filter ? { $filter } : {}) }, paginationToken, (c) =>
		String(c.displayName || c.name),
	);
}

/** Records of the node's current resource (customers, items, sales orders, ...) in the picked company. */
export async function searchRecords(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const resource = this.getNodeParameter('resource', 'customer') as string;
	const def = definitionOf(resource);
	if (!def) return { results: [] };
	const company = currentCompany(this);
	const secondary = def.titleField === 'number' ? (def.set.startsWith('sales') ? 'customerName' : 'vendorName') : 'number';
	const $filter = containsFilter(filter, def.titleField, secondary);
	return await search(
		this,
		`companies(${company})/${def.set}`,
		{ $select: `id,${def.titleField},${secondary}`, $orderby: def.titleField, ...($filter ? { $filter } : {}) },
		paginationToken,
		(r) => `${String(r[def.titleField] ?? r.id)}${r[secondary] ? ` (${String(r[secondary])})` : ''}`,
	);
}

export async function searchPaymentJournals(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const company = currentCompany(this);
	const $filter = containsFilter(filter, 'code', 'displayName');
	return await search(this, `companies(${company})/customerPaymentJournals`, { $select: 'id,code,displayName', ...($filter ? { $filter } : {}) }, paginationToken, (j) =>
		`${String(j.code)}${j.displayName ? ` (${String(j.displayName)})` : ''}`,
	);
}
