import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { resolveObject } from '../actions/objects';
import { fn, intacctCall } from '../transport';

const PAGE_SIZE = 50;

function escapeQuery(value: string): string {
	return value.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
}

async function readPage(ctx: ILoadOptionsFunctions, request: IDataObject, resultId?: string) {
	const f = resultId ? fn('more', 'readMore', { resultId }) : fn('list', 'readByQuery', request);
	const response = await intacctCall(ctx, [f], { idempotent: true });
	const result = response.results.find((r) => r.controlId === f.controlId);
	return result && result.status === 'success' ? result : undefined;
}

/** Records of the selected object whose label or ID contains the filter; the next page is a readMore. */
export async function searchRecords(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const def = resolveObject(String(this.getCurrentNodeParameter('object') ?? ''), String(this.getCurrentNodeParameter('objectName') ?? ''));
	if (!def) return { results: [] };
	const label = def.labelField ?? 'RECORDNO';
	const text = filter?.trim();
	const conditions = text
		? [`${label} LIKE '%${escapeQuery(text)}%'`, ...(def.idField ? [`${def.idField} LIKE '%${escapeQuery(text)}%'`] : [])].join(' OR ')
		: '';
	const fields = ['RECORDNO', label, ...(def.idField && def.idField !== label ? [def.idField] : [])].join(',');
	const result = await readPage(this, { object: def.object, fields, query: conditions, pagesize: String(PAGE_SIZE) }, paginationToken);
	if (!result) return { results: [] };
	return {
		results: result.records.map((record) => {
			const id = def.idField ? String(record[def.idField] ?? '') : '';
			const name = String(record[label] ?? record.RECORDNO);
			return { name: id && id !== name ? `${name} (${id})` : name, value: String(record.RECORDNO) };
		}),
		paginationToken: result.resultId && Number(result.numRemaining) > 0 ? result.resultId : undefined,
	};
}

/** The transaction definitions (docparid) of Order Entry or Purchasing, for the selected document object. */
export async function getTransactionDefinitions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const object = String(this.getCurrentNodeParameter('object') ?? '');
	const params = object === 'PODOCUMENT' ? 'PODOCUMENTPARAMS' : 'SODOCUMENTPARAMS';
	const result = await readPage(this, { object: params, fields: 'DOCID', query: '', pagesize: '1000' });
	return (result?.records ?? [])
		.map((record) => String(record.DOCID ?? ''))
		.filter(Boolean)
		.sort((a, b) => a.localeCompare(b))
		.map((docid) => ({ name: docid, value: docid }));
}

export const listSearch = { searchRecords };
export const loadOptions = { getTransactionDefinitions };
