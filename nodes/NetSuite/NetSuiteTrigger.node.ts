import { NodeConnectionTypes, NodeOperationError, UserError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { queryFrom, startCursor, takeNew } from '../common/polling';
import type { PollCursor, PollSettings } from '../common/polling';
import { authenticationProperty, credentials } from './actions/authentication';
import { RECORD_TYPES, recordTypeInfo } from './actions/recordTypes';
import { netSuiteApi, netSuiteSettings } from './transport';
import { suiteQlRows } from './transport/suiteql';

const CURSOR = 'watermark';
const STAMP_FORMAT = 'YYYY-MM-DD HH24:MI:SS';

/** `YYYY-MM-DD HH24:MI:SS` (NetSuite renders it in the integration user's time zone; UTC assumed). */
function sqlTimestamp(date: Date): string {
	return date.toISOString().slice(0, 19).replace('T', ' ');
}

function parseStamp(value: unknown): Date {
	return new Date(`${String(value).replace(' ', 'T')}Z`);
}

/** The SuiteQL that lists ids and change times of one record type from `from` on. */
export function pollQuery(recordType: string, event: string, from: Date | undefined, extra?: string): string {
	const info = recordTypeInfo(recordType);
	if (!info) throw new UserError(`Record Type: "${recordType}" cannot be polled`);
	const column = event === 'created' ? 'datecreated' : 'lastmodifieddate';
	const conditions = [
		info.tableFilter,
		from ? `${column} >= TO_TIMESTAMP('${sqlTimestamp(from)}', '${STAMP_FORMAT}')` : undefined,
		extra?.trim() ? `(${extra.trim()})` : undefined,
	].filter(Boolean);
	return `SELECT id, TO_CHAR(${column}, '${STAMP_FORMAT}') AS changed_at FROM ${info.table}${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''} ORDER BY id`;
}

export class NetSuiteTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'NetSuite ERP Trigger',
		name: 'netSuiteTrigger',
		icon: { light: 'file:netSuite.svg', dark: 'file:netSuite.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"] + ": " + $parameter["recordType"]}}',
		description: 'Starts a workflow when NetSuite records are created or changed (polls SuiteQL)',
		defaults: { name: 'NetSuite ERP Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials,
		properties: [
			authenticationProperty,
			{
				displayName: 'Record Type',
				name: 'recordType',
				type: 'options',
				options: RECORD_TYPES.map((t) => ({ name: t.name, value: t.value })),
				default: 'salesOrder',
			},
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: [
					{ name: 'Created or Updated', value: 'modified', description: 'Fires once per change (last modified date)' },
					{ name: 'Created', value: 'created', description: 'Fires once per new record (date created)' },
				],
				default: 'modified',
			},
			{
				displayName: 'Backfill From',
				name: 'backfillFrom',
				type: 'dateTime',
				default: '',
				description: 'On the first poll, emit records changed since this date; empty starts from now',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Additional Condition (SuiteQL)',
						name: 'condition',
						type: 'string',
						default: '',
						placeholder: "e.g. status = 'B'",
						description: 'A SuiteQL condition on the record type’s table (customer, vendor, item or transaction)',
					},
					{
						displayName: 'Lookback (Minutes)',
						name: 'lookbackMinutes',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 5,
						description: 'Each poll re-reads this window before the watermark, for changes NetSuite commits late; duplicates are dropped',
					},
					{
						displayName: 'Output',
						name: 'output',
						type: 'options',
						default: 'record',
						options: [
							{ name: 'Full Record', value: 'record', description: 'Read each changed record (one request each)' },
							{ name: 'ID and Change Time', value: 'row' },
						],
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const recordType = this.getNodeParameter('recordType') as string;
		const event = this.getNodeParameter('event', 'modified') as string;
		const backfill = String(this.getNodeParameter('backfillFrom', '') ?? '').trim();
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const settings: PollSettings = {
			lookbackMs: Math.max(0, Number(options.lookbackMinutes ?? 5)) * 60_000,
			...(backfill ? { backfillFrom: backfill } : {}),
		};
		if (backfill && Number.isNaN(new Date(backfill).getTime())) {
			throw new NodeOperationError(this.getNode(), `Backfill From: "${backfill}" is not a date`);
		}
		const condition = options.condition as string | undefined;
		const key = (row: IDataObject) => ({ id: String(row.id), modifiedAt: parseStamp(row.changed_at) });
		const toItems = async (rows: IDataObject[]) => {
			if (options.output === 'row') {
				return rows.map((row) => ({ id: String(row.id), recordType, event, changedAt: parseStamp(row.changed_at).toISOString() }));
			}
			return await fullRecords(this, recordType, rows);
		};

		if (this.getMode() === 'manual') {
			const rows = await suiteQlRows(this, pollQuery(recordType, event, undefined, condition).replace(/ORDER BY id$/, `ORDER BY ${event === 'created' ? 'datecreated' : 'lastmodifieddate'} DESC`), {
				returnAll: false,
				limit: 1,
			});
			const sample = await toItems(rows);
			return sample.length ? [this.helpers.returnJsonArray(sample)] : null;
		}

		const staticData = this.getWorkflowStaticData('node');
		const cursor = startCursor(staticData[CURSOR] as PollCursor | undefined, settings);
		const rows = await suiteQlRows(this, pollQuery(recordType, event, queryFrom(cursor, settings), condition), { returnAll: true });
		const result = takeNew(rows, key, cursor, settings);
		const items = await toItems(result.records);
		// The watermark moves only once the records are in hand: a failed read is retried next poll.
		staticData[CURSOR] = result.cursor as unknown as IDataObject;
		return items.length ? [this.helpers.returnJsonArray(items)] : null;
	}
}

/** Reads the changed records (within the concurrency limit); one deleted since the query is skipped. */
async function fullRecords(ctx: IPollFunctions, recordType: string, rows: IDataObject[]): Promise<IDataObject[]> {
	const { maxConcurrent } = await netSuiteSettings(ctx);
	const out: Array<IDataObject | undefined> = new Array(rows.length);
	let next = 0;
	const worker = async () => {
		while (next < rows.length) {
			const index = next++;
			const row = rows[index];
			const record = await netSuiteApi<IDataObject>(ctx, {
				path: `/record/v1/${recordType}/${String(row.id)}`,
				qs: { expandSubResources: true },
				acceptStatus: [404],
			});
			out[index] = record && (record as IDataObject).id !== undefined ? record : undefined;
		}
	};
	await Promise.all(Array.from({ length: Math.min(maxConcurrent, rows.length) }, worker));
	return out.filter((r): r is IDataObject => r !== undefined);
}
