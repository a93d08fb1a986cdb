import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { chargebeeList } from '../transport';

const PAGE = 50;

/** Customers for the Customer locator: by email or company prefix (Chargebee's starts_with filter). */
export async function searchCustomers(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const text = filter?.trim();
	const qs: IDataObject = { 'sort_by[desc]': 'updated_at', ...(text ? { [text.includes('@') ? 'email[starts_with]' : 'company[starts_with]']: text } : {}) };
	const customers = await chargebeeList(this, { path: '/customers', key: 'customer', qs, returnAll: false, limit: PAGE });
	return {
		results: customers.map((c) => ({
			name: `${String(c.company ?? ([c.first_name, c.last_name].filter(Boolean).join(' ') || c.id))}${c.email ? ` <${String(c.email)}>` : ''}`,
			value: String(c.id),
		})),
	};
}

/** Subscriptions for the Subscription locator, optionally of customers whose id starts with the filter. */
export async function searchSubscriptions(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const text = filter?.trim();
	const qs: IDataObject = { 'sort_by[desc]': 'updated_at', ...(text ? { 'id[starts_with]': text } : {}) };
	const subscriptions = await chargebeeList(this, { path: '/subscriptions', key: 'subscription', qs, returnAll: false, limit: PAGE });
	return {
		results: subscriptions.map((s) => ({
			name: `${String(s.id)} · ${String(s.customer_id)} · ${String(s.status)}`,
			value: String(s.id),
		})),
	};
}
