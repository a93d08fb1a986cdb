import type { IDataObject } from 'n8n-workflow';

import { compact, referenceTo, toDecimal, toIsoDate, toIsoDateTime } from '../../common/canonical';
import type { Address, LineItem, OrderStatus, Reference } from '../../common/canonical';

/** The key of Extensiv ids in canonical `externalIds`. */
export const SYSTEM = 'extensiv';

/** The embedded line items of an order or receiver, however they were returned. */
export const ORDER_ITEM_REL = 'http://api.3plCentral.com/rels/orders/item';

export const obj = (value: unknown): IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as IDataObject) : {};
export const str = (value: unknown): string | undefined =>
	value === undefined || value === null || value === '' ? undefined : String(value);

/** Lines from `orderItems`/`receiveItems` or an `_embedded` list. */
export function linesOf(record: IDataObject, key: 'orderItems' | 'receiveItems'): IDataObject[] {
	const direct = record[key] ?? record[key.charAt(0).toUpperCase() + key.slice(1)];
	if (Array.isArray(direct)) return direct as IDataObject[];
	const embedded = obj(record._embedded);
	const list = Object.entries(embedded).find(([rel, value]) => /item/i.test(rel) && Array.isArray(value));
	return list ? (list[1] as IDataObject[]) : [];
}

/** Transaction status of orders and receivers: 0 open, 1 complete, 2 cancelled. */
export function statusOf(readOnly: IDataObject): OrderStatus | undefined {
	const status = readOnly.status;
	if (status === 2 || status === 'Cancelled') return 'cancelled';
	if (status === 1 || status === 'Complete' || status === 'Closed') return 'fulfilled';
	if (status === 0 || status === 'Open') return 'open';
	return undefined;
}

export function addressFrom(value: unknown): Address | undefined {
	const a = obj(value);
	if (Object.keys(a).length === 0) return undefined;
	return compact({
		name: str(a.companyName) ?? str(a.name),
		attention: a.companyName ? str(a.name) : undefined,
		line1: str(a.address1),
		line2: str(a.address2),
		city: str(a.city),
		region: str(a.state),
		postalCode: str(a.zip),
		country: str(a.country),
	});
}

export function addressTo(address: Address | undefined): IDataObject | undefined {
	if (!address) return undefined;
	return compact({
		companyName: address.name,
		name: address.attention ?? address.name,
		address1: address.line1,
		address2: address.line2,
		city: address.city,
		state: address.region,
		zip: address.postalCode,
		country: address.country,
	}) as IDataObject;
}

export function lineFrom(line: IDataObject, index: number): LineItem {
	const readOnly = obj(line.readOnly);
	const item = obj(line.itemIdentifier);
	const lineId = str(readOnly.orderItemId ?? readOnly.receiveItemId);
	return compact({
		externalIds: lineId ? { [SYSTEM]: lineId } : undefined,
		lineNumber: String(index + 1),
		item: compact({ sku: str(item.sku), code: str(item.sku), externalIds: item.id !== undefined ? { [SYSTEM]: String(item.id) } : undefined }),
		quantity: toDecimal(line.qty),
		notes: str(line.notes),
	});
}

export function lineTo(line: LineItem): IDataObject {
	const sku = line.item?.sku ?? line.item?.code;
	const id = line.item?.externalIds?.[SYSTEM];
	return compact({
		itemIdentifier: compact({ sku, id: id !== undefined ? Number(id) : undefined }),
		// Quantities are decimals on the wire; a JSON number is what the API takes.
		qty: line.quantity !== undefined ? Number(line.quantity) : undefined,
		notes: line.notes,
	}) as IDataObject;
}

export const customerRef = (record: IDataObject): Reference | undefined => {
	const c = obj(record.customerIdentifier);
	return referenceTo(SYSTEM, str(c.id), compact({ name: str(c.name), code: str(c.externalId) }));
};

export const facilityRef = (record: IDataObject): Reference | undefined => {
	const f = obj(record.facilityIdentifier);
	return referenceTo(SYSTEM, str(f.id ?? record.facilityId), compact({ name: str(f.name) }));
};

export function identifierTo(ref: Reference | undefined): IDataObject | undefined {
	if (!ref) return undefined;
	const id = ref.externalIds?.[SYSTEM];
	return compact({ id: id !== undefined ? Number(id) : undefined, name: ref.name, externalId: ref.code }) as IDataObject;
}

export { toIsoDate, toIsoDateTime };

/** `externalIds` of a record: its Extensiv id, or none yet. */
export const idsOf = (id: string | undefined): Record<string, string> => (id ? { [SYSTEM]: id } : {});
