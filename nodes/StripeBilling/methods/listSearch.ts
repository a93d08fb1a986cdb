import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { stripeApi } from '../transport';

const DASHBOARD = 'https://dashboard.stripe.com';

interface SearchSpec {
	path: string;
	/** Builds a search query from the typed filter; without it the list is filtered locally. */
	query?: (filter: string) => string;
	dashboard: string;
	label: (record: IDataObject) => string;
}

const quote = (value: string) => `'${value.replace(/'/g, "\\'")}'`;

async function search(ctx: ILoadOptionsFunctions, spec: SearchSpec, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const text = (filter ?? '').trim();
	const mode = text.startsWith('test') ? 'test/' : '';
	let body: IDataObject;
	if (text && spec.query) {
		body = await stripeApi(ctx, { path: `${spec.path}/search`, qs: { query: spec.query(text), limit: 50, page: paginationToken } });
	} else {
		body = await stripeApi(ctx, { path: spec.path, qs: { limit: 100, starting_after: paginationToken } });
	}
	let data = (body.data as IDataObject[] | undefined) ?? [];
	if (text && !spec.query) data = data.filter((r) => spec.label(r).toLowerCase().includes(text.toLowerCase()) || String(r.id).includes(text));
	const results: INodeListSearchItems[] = data.map((record) => ({
		name: spec.label(record),
		value: String(record.id),
		url: `${DASHBOARD}/${mode}${spec.dashboard}/${String(record.id)}`,
	}));
	const next = body.object === 'search_result' ? (body.next_page as string | null) : body.has_more ? String(data.at(-1)?.id ?? '') : undefined;
	return { results, paginationToken: body.has_more && next ? next : undefined };
}

const named = (record: IDataObject, ...keys: string[]) => keys.map((k) => record[k]).find((v) => typeof v === 'string' && v !== '') as string | undefined;

export async function searchCustomers(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await search(this, {
		path: '/v1/customers',
		query: (f) => `name~${quote(f)} OR email~${quote(f)}`,
		dashboard: 'customers',
		label: (r) => `${named(r, 'name', 'email') ?? r.id}${r.email && r.name ? ` <${String(r.email)}>` : ''}`,
	}, filter, paginationToken);
}

export async function searchProducts(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await search(this, { path: '/v1/products', query: (f) => `name~${quote(f)}`, dashboard: 'products', label: (r) => named(r, 'name') ?? String(r.id) }, filter, paginationToken);
}

export async function searchPrices(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await search(this, {
		path: '/v1/prices',
		dashboard: 'prices',
		label: (r) => `${named(r, 'nickname', 'lookup_key') ?? String(r.id)} (${String(r.unit_amount_decimal ?? r.unit_amount ?? '')} ${String(r.currency ?? '').toUpperCase()} minor units)`,
	}, filter, paginationToken);
}

export async function searchSubscriptions(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await search(this, { path: '/v1/subscriptions', dashboard: 'subscriptions', label: (r) => `${String(r.id)} (${String(r.status)}, ${String(r.customer)})` }, filter, paginationToken);
}

export async function searchInvoices(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await search(this, {
		path: '/v1/invoices',
		query: (f) => `number:${quote(f)}`,
		dashboard: 'invoices',
		label: (r) => `${named(r, 'number') ?? 'Draft'} – ${named(r, 'customer_name', 'customer_email') ?? String(r.customer)} (${String(r.status)})`,
	}, filter, paginationToken);
}

export async function searchMeters(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await search(this, { path: '/v1/billing/meters', dashboard: 'meters', label: (r) => `${String(r.display_name)} (${String(r.event_name)})` }, filter, paginationToken);
}
