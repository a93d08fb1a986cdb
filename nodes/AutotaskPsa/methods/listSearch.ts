import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { entityByResource } from '../actions/entities';
import { autotaskApi } from '../transport';

const PAGE_SIZE = 50;

/**
 * The records of the current resource for a "From List" picker: a `contains` search on the
 * entity’s name field, in id order page by page (`id gt` the last id seen is the token).
 */
export async function searchRecords(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const def = entityByResource(String(this.getCurrentNodeParameter('resource') ?? ''));
	if (!def) return { results: [] };
	const conditions: IDataObject[] = [{ op: 'gt', field: 'id', value: 0 }];
	const text = filter?.trim();
	if (text) conditions.push(/^\d+$/.test(text) ? { op: 'or', items: [{ op: 'eq', field: 'id', value: Number(text) }, { op: 'contains', field: def.searchField, value: text }] } : { op: 'contains', field: def.searchField, value: text });
	if (paginationToken && /^\d+$/.test(paginationToken)) conditions.push({ op: 'gt', field: 'id', value: Number(paginationToken) });
	const body = await autotaskApi<IDataObject>(this, {
		path: `${def.entity}/query`,
		qs: { search: JSON.stringify({ filter: conditions, MaxRecords: PAGE_SIZE }) },
	});
	const records = Array.isArray(body?.items) ? (body.items as IDataObject[]) : [];
	const last = records.length ? Math.max(...records.map((r) => Number(r.id) || 0)) : 0;
	return {
		results: records.map((record) => ({ name: def.label(record), value: String(record.id) })),
		paginationToken: records.length >= PAGE_SIZE ? String(last) : undefined,
	};
}
