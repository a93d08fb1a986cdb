import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { definitions } from '../actions/definitions';
import { haloApi } from '../transport';

const PAGE_SIZE = 50;

/** Records of the node's current resource for a resource locator, with Halo's search and paging. */
export async function searchRecords(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const resource = this.getCurrentNodeParameter('resource') as keyof typeof definitions;
	const def = definitions[resource];
	if (!def) return { results: [] };
	const page = Number(paginationToken ?? 1) || 1;
	const body = await haloApi<IDataObject>(this, {
		path: def.path,
		qs: { pageinate: true, page_size: PAGE_SIZE, page_no: page, ...(filter ? { search: filter } : {}) },
	});
	const records = Array.isArray(body?.[def.listKey]) ? (body[def.listKey] as IDataObject[]) : [];
	const total = Number(body?.record_count);
	return {
		results: records.map((record) => ({
			name: `${String(record[def.nameField] ?? `#${String(record.id)}`)} (${String(record.id)})`,
			value: String(record.id),
		})),
		paginationToken: Number.isFinite(total) && page * PAGE_SIZE < total ? String(page + 1) : undefined,
	};
}
