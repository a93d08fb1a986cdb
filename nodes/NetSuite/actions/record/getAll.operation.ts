import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../common/descriptions';
import { collect, offsetPaginator, paginate } from '../../../common/pagination';
import type { PageRequest } from '../../../common/pagination';
import { MAX_PAGE_SIZE, netSuiteRequest, netSuiteSettings, OFFSET_CAP } from '../../transport';
import { otherRecordTypeProperty, outputOptions, recordTypeOf, recordTypeProperty, toOutput } from '../shared';
import { fetchRecord, recordPath, stamp } from './common';

const properties: INodeProperties[] = [
	recordTypeProperty,
	otherRecordTypeProperty,
	...returnAllOrLimit(),
	{
		displayName: 'Filter (Q)',
		name: 'q',
		type: 'string',
		default: '',
		placeholder: 'e.g. email START_WITH "ap@" AND lastModifiedDate ON_OR_AFTER "1/1/2026"',
		description:
			'NetSuite record filter: field OPERATOR value, joined with AND / OR (IS, EQUAL, GREATER, CONTAIN, START_WITH, AFTER, ON_OR_AFTER, ANY_OF, EMPTY, …)',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Full Records',
				name: 'fullRecords',
				type: 'boolean',
				default: true,
				description:
					'Whether to read each record (NetSuite lists only return IDs); reads run in parallel within the credential’s concurrency limit',
			},
			{
				displayName: 'Expand Sublists',
				name: 'expandSubResources',
				type: 'boolean',
				default: true,
				description: 'Whether full records include sublist lines',
			},
			outputOptions(['customer', 'vendor', 'items', 'orders', 'fulfillments', 'invoices', 'credit memos', 'payments']),
		],
	},
	{
		displayName:
			'NetSuite lists stop at 100,000 records. To read more, or to read columns without one request per record, use the SuiteQL resource.',
		name: 'capNotice',
		type: 'notice',
		default: '',
	},
];

export const description = stamp('getAll', properties);

/** Runs `fn` over `values` with at most `limit` calls in flight, keeping order. */
async function mapLimited<T, R>(values: T[], limit: number, fn: (value: T) => Promise<R>): Promise<R[]> {
	const out: R[] = new Array(values.length);
	let next = 0;
	const worker = async () => {
		while (next < values.length) {
			const index = next++;
			out[index] = await fn(values[index]);
		}
	};
	await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), values.length) }, worker));
	return out;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const recordType = recordTypeOf(this, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const q = String(this.getNodeParameter('q', itemIndex, '') ?? '').trim();
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const pageSize = returnAll ? MAX_PAGE_SIZE : Math.min(MAX_PAGE_SIZE, Math.max(1, limit ?? 50));
	const path = recordPath(recordType);
	const fetchPage = async (page: PageRequest) => await netSuiteRequest(this, { path, qs: page.qs, itemIndex });
	const paginator = offsetPaginator({
		pageSize,
		qs: q ? { q } : {},
		items: (response) => ((response.body as IDataObject)?.items as IDataObject[]) ?? [],
		hasMore: (response, items) => {
			const body = response.body as IDataObject;
			const offset = Number(body.offset ?? 0);
			// Offsets at or past the cap are refused by NetSuite; stop there instead of failing.
			return body.hasMore === true && offset + items.length < OFFSET_CAP;
		},
	});
	const refs = await collect(paginate(fetchPage, paginator, { itemKey: (r) => String(r.id) }), { returnAll, limit });
	if (options.fullRecords === false) return refs.map(({ id }) => ({ id }));
	const { maxConcurrent } = await netSuiteSettings(this);
	const records = await mapLimited(refs, maxConcurrent, async (ref) =>
		await fetchRecord(this, recordType, String(ref.id), itemIndex, { expandSubResources: options.expandSubResources !== false }),
	);
	return toOutput(recordType, options.output, records);
}
