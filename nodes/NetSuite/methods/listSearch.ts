import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { OTHER_RECORD_TYPE, recordTypeInfo } from '../actions/recordTypes';
import { suiteQlPages } from '../transport/suiteql';

const PAGE = 100;

/** Records of the chosen type for the record picker, searched by their name/number column with SuiteQL. */
export async function searchRecords(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const chosen = (this.getCurrentNodeParameter('recordType') ?? this.getCurrentNodeParameter('sourceType') ?? 'customer') as string;
	const info = chosen === OTHER_RECORD_TYPE ? undefined : recordTypeInfo(chosen);
	if (!info) return { results: [] };
	const conditions = [info.tableFilter, filter ? `UPPER(${info.labelColumn}) LIKE '%${filter.toUpperCase().replace(/'/g, "''")}%'` : undefined].filter(Boolean);
	const query = `SELECT id, ${info.labelColumn} AS label FROM ${info.table}${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''} ORDER BY id DESC`;
	let rows: IDataObject[] = [];
	// The newest matches only: the search box narrows them down.
	for await (const page of suiteQlPages(this, query, { returnAll: false, limit: PAGE, pageSize: PAGE, concurrency: 1 })) {
		rows = page;
		break;
	}
	return {
		results: rows.map((row) => ({ name: `${String(row.label ?? row.id)} (${String(row.id)})`, value: String(row.id) })),
	};
}
