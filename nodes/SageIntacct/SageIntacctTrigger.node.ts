import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { collect } from '../common/pagination';
import { pollWithWatermark } from '../common/polling';
import { queryPages } from './actions/record/getAll.operation';
import { OBJECTS } from './actions/objects';
import type { IntacctObjectDef } from './actions/objects';
import { dateTimeFrom } from './mapping/common';
import { toCanonical } from './mapping';

/** WHENMODIFIED as readByQuery compares it: "MM/DD/YYYY HH:MM:SS" (UTC here). */
export function intacctTimestamp(date: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())}/${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

function withPollFields(fields: string): string {
	const list = fields.trim() || '*';
	if (list === '*') return list;
	const names = list.split(',').map((f) => f.trim().toUpperCase());
	for (const needed of ['RECORDNO', 'WHENMODIFIED']) if (!names.includes(needed)) names.push(needed);
	return names.join(',');
}

export class SageIntacctTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sage Intacct Trigger',
		name: 'sageIntacctTrigger',
		icon: { light: 'file:sageIntacct.svg', dark: 'file:sageIntacct.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"new or changed " + $parameter["object"]}}',
		description: 'Starts a workflow when Sage Intacct records are created or changed (polls WHENMODIFIED)',
		defaults: { name: 'Sage Intacct Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'sageIntacctApi', required: true }],
		properties: [
			{
				displayName: 'Object',
				name: 'object',
				type: 'options',
				options: OBJECTS.map((o) => ({ name: o.displayName, value: o.object })).sort((a, b) => a.name.localeCompare(b.name)),
				default: 'CUSTOMER',
				description: 'The object to watch for new and changed records',
			},
			{
				displayName: 'Transaction Definition',
				name: 'transactionDefinition',
				type: 'string',
				default: '',
				placeholder: 'e.g. Sales Order',
				displayOptions: { show: { object: ['SODOCUMENT', 'PODOCUMENT'] } },
				description: 'Only documents of this transaction definition (docparid); empty watches all',
			},
			{
				displayName: 'Backfill From',
				name: 'backfillFrom',
				type: 'dateTime',
				default: '',
				description:
					'On the first poll, also emit records modified since this date. Empty starts from the first poll (no old records).',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Additional Query',
						name: 'query',
						type: 'string',
						default: '',
						placeholder: "e.g. STATUS = 'T'",
						description: 'Combined with AND with the WHENMODIFIED filter',
					},
					{
						displayName: 'Fields',
						name: 'fields',
						type: 'string',
						default: '*',
						description: 'Comma-separated fields to return (RECORDNO and WHENMODIFIED are always added)',
					},
					{
						displayName: 'Lookback (Minutes)',
						name: 'lookbackMinutes',
						type: 'number',
						default: 5,
						typeOptions: { minValue: 0 },
						description: 'Each poll re-reads this far before the watermark, for records committed late; duplicates are dropped',
					},
					{
						displayName: 'Output',
						name: 'output',
						type: 'options',
						default: 'raw',
						options: [
							{ name: 'Canonical', value: 'canonical' },
							{ name: 'Raw', value: 'raw' },
						],
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const objectName = this.getNodeParameter('object') as string;
		const def: IntacctObjectDef | undefined = OBJECTS.find((o) => o.object === objectName);
		if (!def) throw new NodeOperationError(this.getNode(), `Object: "${objectName}" cannot be watched`);
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const extra = String(options.query ?? '').trim();
		const docparid = def.document ? String(this.getNodeParameter('transactionDefinition', '') ?? '').trim() || undefined : undefined;
		const backfill = String(this.getNodeParameter('backfillFrom', '') ?? '').trim();
		const fields = withPollFields(String(options.fields ?? '*'));
		const run = async (query: string, limit?: number) =>
			await collect(queryPages(this, { def, query, fields, pageSize: limit ?? 1000, docparid }), {
				returnAll: limit === undefined,
				limit,
			});
		const shape = (records: IDataObject[]) =>
			options.output === 'canonical' ? records.map((r) => (toCanonical(def.object, r) ?? r) as unknown as IDataObject) : records;

		const result = await pollWithWatermark<IDataObject>(this, {
			fetch: async (from) => {
				const since = `WHENMODIFIED >= '${intacctTimestamp(from)}'`;
				return await run(extra ? `${since} AND (${extra})` : since);
			},
			key: (record) => ({ id: String(record.RECORDNO ?? ''), modifiedAt: dateTimeFrom(record.WHENMODIFIED) ?? new Date(0).toISOString() }),
			sample: async () => await run(extra, 1),
			settings: {
				backfillFrom: backfill || undefined,
				lookbackMs: Math.max(0, Number(options.lookbackMinutes ?? 5)) * 60_000,
			},
		});
		if (!result) return null;
		return [result[0].map((item) => ({ ...item, json: shape([item.json])[0] }))];
	}
}
