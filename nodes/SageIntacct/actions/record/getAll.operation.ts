import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../common/descriptions';
import { collect, paginate } from '../../../common/pagination';
import type { PageRequest, Paginator } from '../../../common/pagination';
import type { RawResponse, RequestContext } from '../../../common/transport';
import { credentialSecrets, fn, intacctCall, resultError, resultFor } from '../../transport';
import type { IntacctResult } from '../../transport';
import { fieldsOption, objectProperties, outputOption, shipperDefinitionsOption, stamp, toOutput } from '../common';
import { docparidOf, objectOf } from '../objects';
import type { IntacctObjectDef } from '../objects';

const properties: INodeProperties[] = [
	...objectProperties,
	...returnAllOrLimit(),
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		default: '',
		placeholder: "e.g. STATUS = 'T' AND WHENMODIFIED >= '01/31/2026 00:00:00'",
		description: 'ReadByQuery filter in Sage Intacct’s query language (=, &lt;, &gt;, &gt;=, &lt;=, LIKE, IN, IS NULL, AND, OR); empty returns every record',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			fieldsOption,
			outputOption(),
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				default: 100,
				typeOptions: { minValue: 1, maxValue: 1000 },
				description: 'Records per readByQuery/readMore page (1–1000)',
			},
			shipperDefinitionsOption,
		],
	},
];

export const description = stamp('getAll', properties);

export interface QueryOptions {
	def: IntacctObjectDef;
	query: string;
	fields: string;
	pageSize: number;
	docparid?: string;
	itemIndex?: number;
}

/**
 * Pages of readByQuery, then readMore with the resultId until numremaining is 0. The page number
 * rides along in the request only so that the loop guard compares pages, not the constant resultId.
 */
export function queryPages(ctx: RequestContext, options: QueryOptions): AsyncGenerator<IDataObject[]> {
	const { def, query, fields, pageSize, docparid, itemIndex } = options;
	const node = ctx.getNode();
	const fetchPage = async (page: PageRequest): Promise<RawResponse<IntacctResult>> => {
		const resultId = page.body?.resultId as string | undefined;
		const f = resultId
			? fn('more', 'readMore', { resultId })
			: fn('query', 'readByQuery', {
					object: def.object,
					fields,
					query,
					pagesize: String(pageSize),
					...(docparid ? { docparid } : {}),
				});
		const response = await intacctCall(ctx, [f], { itemIndex, idempotent: true });
		const result = resultFor(node, response, f.controlId, itemIndex);
		if (result.status !== 'success') {
			throw resultError(node, result, { itemIndex, secrets: await credentialSecrets(ctx), subject: `${def.object} query` });
		}
		return { statusCode: 200, headers: {}, body: result };
	};
	const paginator: Paginator = {
		first: () => ({ body: { page: 1 } }),
		items: (response) => (response.body as IntacctResult).records as IDataObject[],
		next: (response, _items, current) => {
			const result = response.body as IntacctResult;
			if (!result.resultId || !(Number(result.numRemaining) > 0)) return undefined;
			return { body: { page: Number(current.body?.page ?? 1) + 1, resultId: result.resultId } };
		},
	};
	return paginate(fetchPage, paginator, {
		itemKey: (record) => String(record.RECORDNO ?? JSON.stringify(record)),
	});
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const def = objectOf(this, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	// A small limit needs no bigger page; otherwise the chosen page size (100 by default).
	const chosen = Math.min(1000, Math.max(1, Math.floor(Number(options.pageSize) || 100)));
	const pageSize = limit !== undefined ? Math.min(chosen, Math.max(1, limit)) : chosen;
	const records = await collect(
		queryPages(this, {
			def,
			query: String(this.getNodeParameter('query', itemIndex, '') ?? '').trim(),
			fields: String(options.fields ?? '*').trim() || '*',
			pageSize,
			docparid: docparidOf(this, def, itemIndex, false),
			itemIndex,
		}),
		{ returnAll, limit },
	);
	return toOutput(def, records, options);
}
