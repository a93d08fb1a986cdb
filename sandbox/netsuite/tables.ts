import type { Row, Table } from './suiteql';
import type { NsStore } from './store';
import { ITEM_CODES, TRANSACTION_CODES, type NsRecord } from './types';

const refId = (value: unknown): number | null => {
	const id = (value as { id?: unknown } | undefined)?.id;
	return id === undefined || id === null ? null : Number(id);
};
const date = (value: unknown): Date | null => (typeof value === 'string' && value ? new Date(value) : null);
const text = (value: unknown): string | null => (value === undefined || value === null || value === '' ? null : String(value));
const num = (value: unknown): number | null => (value === undefined || value === null || value === '' ? null : Number(value));
const bool = (value: unknown): string => (value === true ? 'T' : 'F');

function recordTable(name: string, columns: string[], source: () => NsRecord[], toRow: (r: NsRecord) => Row): Table {
	return {
		name,
		columns,
		*rows(afterId?: number) {
			for (const record of source()) if (afterId === undefined || Number(record.id) > afterId) yield toRow(record);
		},
	};
}

const ENTITY_COLUMNS = ['id', 'entityid', 'companyname', 'email', 'phone', 'isinactive', 'subsidiary', 'externalid', 'datecreated', 'lastmodifieddate'];

function entityRow(r: NsRecord): Row {
	return {
		id: Number(r.id),
		entityid: text(r.entityId),
		companyname: text(r.companyName),
		email: text(r.email),
		phone: text(r.phone),
		isinactive: bool(r.isInactive),
		subsidiary: refId(r.subsidiary),
		externalid: text(r.externalId),
		datecreated: date(r.dateCreated),
		lastmodifieddate: date(r.lastModifiedDate),
	};
}

/** Ledger rows are a pure function of their id: the large table costs nothing until it is read. */
export function ledgerRow(id: number, firstItem: number, items: number): Row {
	return {
		id,
		custrecord_item: firstItem + ((id * 7) % Math.max(1, items)),
		custrecord_location: 2 + (id % 3),
		custrecord_quantity: ((id * 37) % 200) - 60,
		custrecord_memo: `Stock movement ${id}`,
		lastmodifieddate: new Date(Date.UTC(2025, 0, 1) + id * 60_000),
	};
}

/** The SuiteQL tables of the sandbox account, read from the records store (no copies). */
export function suiteQlTables(store: NsStore, ledgerRows: () => number): Record<string, Table> {
	const transactions = () =>
		Object.keys(TRANSACTION_CODES)
			.flatMap((type) => store.all(type).map((r) => ({ ...r, __type: type }) as NsRecord))
			.sort((a, b) => Number(a.id) - Number(b.id));
	const items = () =>
		Object.keys(ITEM_CODES)
			.flatMap((type) => store.all(type).map((r) => ({ ...r, __type: type }) as NsRecord))
			.sort((a, b) => Number(a.id) - Number(b.id));
	// Built once per query: ledger rows refer to items by position.
	let cachedIds: number[] | undefined;
	const itemIds = () => (cachedIds ??= store.all('inventoryItem').map((r) => Number(r.id)));
	return {
		customer: recordTable('customer', ENTITY_COLUMNS, () => store.all('customer'), entityRow),
		vendor: recordTable('vendor', ENTITY_COLUMNS, () => store.all('vendor'), entityRow),
		item: recordTable(
			'item',
			['id', 'itemid', 'displayname', 'description', 'itemtype', 'cost', 'baseprice', 'upccode', 'isinactive', 'vendor', 'externalid', 'datecreated', 'lastmodifieddate'],
			items,
			(r) => ({
				id: Number(r.id),
				itemid: text(r.itemId),
				displayname: text(r.displayName),
				description: text(r.salesDescription),
				itemtype: ITEM_CODES[r.__type as string],
				cost: num(r.cost),
				baseprice: num(r.salesPrice),
				upccode: text(r.upcCode),
				isinactive: bool(r.isInactive),
				vendor: refId(r.vendor),
				externalid: text(r.externalId),
				datecreated: date(r.dateCreated),
				lastmodifieddate: date(r.lastModifiedDate),
			}),
		),
		transaction: recordTable(
			'transaction',
			['id', 'tranid', 'type', 'entity', 'trandate', 'status', 'foreigntotal', 'memo', 'otherrefnum', 'createdfrom', 'externalid', 'datecreated', 'lastmodifieddate'],
			transactions,
			(r) => ({
				id: Number(r.id),
				tranid: text(r.tranId),
				type: TRANSACTION_CODES[r.__type as string],
				entity: refId(r.entity ?? r.customer),
				trandate: date(r.tranDate),
				status: text((r.status as { id?: string } | undefined)?.id ?? (r.shipStatus as { id?: string } | undefined)?.id),
				foreigntotal: num(r.total ?? r.payment),
				memo: text(r.memo),
				otherrefnum: text(r.otherRefNum),
				createdfrom: refId(r.createdFrom),
				externalid: text(r.externalId),
				datecreated: date(r.dateCreated),
				lastmodifieddate: date(r.lastModifiedDate),
			}),
		),
		location: recordTable('location', ['id', 'name', 'lastmodifieddate'], () => store.all('location'), (r) => ({
			id: Number(r.id),
			name: text(r.name),
			lastmodifieddate: date(r.lastModifiedDate),
		})),
		inventoryitemlocations: {
			name: 'inventoryitemlocations',
			columns: ['item', 'location', 'quantityonhand', 'quantityavailable', 'quantitycommitted', 'quantityonorder', 'lastmodifieddate'],
			*rows() {
				for (const r of store.table('inventoryBalance').values()) {
					const onHand = Number(r.quantityOnHand);
					const committed = Number(r.quantityCommitted);
					yield {
						item: refId(r.item),
						location: refId(r.location),
						quantityonhand: onHand,
						quantityavailable: onHand - committed,
						quantitycommitted: committed,
						quantityonorder: num(r.quantityOnOrder),
						lastmodifieddate: date(r.lastModifiedDate),
					};
				}
			},
		},
		customrecord_stock_ledger: {
			name: 'customrecord_stock_ledger',
			columns: ['id', 'custrecord_item', 'custrecord_location', 'custrecord_quantity', 'custrecord_memo', 'lastmodifieddate'],
			*rows(afterId?: number) {
				const ids = itemIds();
				const first = ids[0] ?? 1;
				const total = ledgerRows();
				for (let id = Math.max(1, (afterId ?? 0) + 1); id <= total; id++) yield ledgerRow(id, first, ids.length);
			},
			contiguous: {
				count: ledgerRows,
				row: (id: number) => {
					const ids = itemIds();
					return ledgerRow(id, ids[0] ?? 1, ids.length);
				},
			},
		},
	};
}
