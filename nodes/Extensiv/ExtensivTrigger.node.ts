import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { queryFrom, startCursor, takeNew } from '../common/polling';
import type { PollCursor } from '../common/polling';
import { fromExtensivOrder, fromExtensivReceiver, fromExtensivShipment } from './mapping';
import { extensivList } from './transport';

const STATUS_NAMES: Record<number, string> = { 0: 'open', 1: 'complete', 2: 'cancelled' };
/** Last status seen per record, to tell a status change from another edit; bounded, oldest dropped first. */
const MAX_TRACKED = 20_000;

const SOURCES = {
	order: { path: '/orders', idKey: 'orderId', detail: 'OrderItems' },
	receiver: { path: '/inventory/receivers', idKey: 'receiverId', detail: 'ReceiveItems' },
} as const;

/** Extensiv stamps times without a zone; they are UTC on the API. */
function modifiedAt(record: IDataObject): string {
	const value = String(((record.readOnly ?? {}) as IDataObject).lastModifiedDate ?? '');
	return /[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`;
}

/** RQL date literal: UTC, seconds precision, no zone (as Extensiv writes them). */
const rqlDate = (date: Date): string => date.toISOString().slice(0, 19);

export class ExtensivTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Extensiv 3PL Warehouse Manager Trigger',
		name: 'extensivTrigger',
		icon: { light: 'file:extensiv.svg', dark: 'file:extensiv.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["resource"] + " " + $parameter["event"]}}',
		description: 'Starts the workflow when Extensiv orders or receivers change status (polling)',
		defaults: { name: 'Extensiv Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'extensivApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				default: 'order',
				options: [
					{ name: 'Order', value: 'order', description: 'Outbound (shipping) orders' },
					{ name: 'Receiver', value: 'receiver', description: 'Inbound ASNs and receipts' },
				],
			},
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				default: 'statusChanged',
				options: [
					{ name: 'Status Changed', value: 'statusChanged', description: 'New records, and records whose status changed since last seen' },
					{ name: 'Any Change', value: 'anyChange', description: 'Every record modified since the last poll' },
				],
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				default: [],
				options: [
					{ name: 'Cancelled', value: 2 },
					{ name: 'Complete (Shipped / Received)', value: 1 },
					{ name: 'Open', value: 0 },
				],
				description: 'Only records now in one of these statuses; none selected means any status',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Backfill From',
						name: 'backfillFrom',
						type: 'dateTime',
						default: '',
						description: 'On the first poll, emit records modified since this date (default: only changes from activation on)',
					},
					{
						displayName: 'Output',
						name: 'output',
						type: 'options',
						default: 'raw',
						options: [
							{ name: 'Extensiv Record', value: 'raw' },
							{ name: 'Canonical (Sales Order or Purchase Order)', value: 'canonical' },
							{ name: 'Canonical Shipment (Orders Only)', value: 'shipment' },
						],
					},
					{
						displayName: 'RQL Filter',
						name: 'rql',
						type: 'string',
						default: '',
						placeholder: 'e.g. referenceNum==SO-1*',
						description: 'Extra RQL condition ANDed to the modification-date filter',
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const resource = this.getNodeParameter('resource') as keyof typeof SOURCES;
		const source = SOURCES[resource];
		if (!source) throw new NodeOperationError(this.getNode(), `Unknown records "${String(resource)}"`);
		const event = this.getNodeParameter('event') as string;
		const statuses = (this.getNodeParameter('statuses', []) as Array<number | string>).map(Number);
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const extra = typeof options.rql === 'string' && options.rql.trim() ? options.rql.trim() : undefined;
		const idOf = (record: IDataObject) => String(((record.readOnly ?? {}) as IDataObject)[source.idKey] ?? '');
		const statusOf = (record: IDataObject) => Number(((record.readOnly ?? {}) as IDataObject).status);
		const output = (records: IDataObject[]) =>
			records.map((record) => {
				if (options.output === 'shipment' && resource === 'order') return fromExtensivShipment(record) as unknown as IDataObject;
				if (options.output === 'canonical') {
					return (resource === 'order' ? fromExtensivOrder(record) : fromExtensivReceiver(record)) as unknown as IDataObject;
				}
				return record;
			});

		if (this.getMode() === 'manual') {
			const sample = await extensivList(this, {
				path: source.path,
				qs: { sort: '-readOnly.lastModifiedDate', detail: source.detail, ...(extra ? { rql: extra } : {}) },
				returnAll: false,
				limit: 1,
			});
			return sample.length ? [this.helpers.returnJsonArray(output(sample))] : null;
		}

		const staticData = this.getWorkflowStaticData('node');
		const settings = { backfillFrom: options.backfillFrom ? String(options.backfillFrom) : undefined };
		const cursor = startCursor(staticData.watermark as PollCursor | undefined, settings);
		const from = queryFrom(cursor, settings);
		const rql = [`readOnly.lastModifiedDate=ge=${rqlDate(from)}`, extra].filter(Boolean).join(';');
		const records = await extensivList(this, {
			path: source.path,
			qs: { rql, sort: 'readOnly.lastModifiedDate', detail: source.detail },
			returnAll: true,
		});
		const result = takeNew(records, (record) => ({ id: idOf(record), modifiedAt: modifiedAt(record) }), cursor, settings);
		staticData.watermark = result.cursor as unknown as IDataObject;

		const known = (staticData.statuses ?? {}) as Record<string, number>;
		const emitted: IDataObject[] = [];
		const changes: IDataObject[] = [];
		for (const record of result.records) {
			const id = idOf(record);
			const status = statusOf(record);
			const previous = Object.hasOwn(known, id) ? known[id] : undefined;
			// Re-inserted so the oldest-seen ids are the first ones dropped.
			delete known[id];
			known[id] = status;
			if (event === 'statusChanged' && previous === status) continue;
			if (statuses.length > 0 && !statuses.includes(status)) continue;
			emitted.push(record);
			changes.push({ status: STATUS_NAMES[status] ?? status, previousStatus: previous === undefined ? null : (STATUS_NAMES[previous] ?? previous) });
		}
		const ids = Object.keys(known);
		for (const id of ids.slice(0, Math.max(0, ids.length - MAX_TRACKED))) delete known[id];
		staticData.statuses = known;
		if (!emitted.length) return null;
		// Raw records carry what changed under `_statusChange`; canonical output stays canonical.
		const raw = !options.output || options.output === 'raw';
		const items = output(emitted).map((record, index) => (raw ? { ...record, _statusChange: changes[index] } : record));
		return [this.helpers.returnJsonArray(items)];
	}
}
