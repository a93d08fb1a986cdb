import type { IDataObject } from 'n8n-workflow';

import { compact, referenceTo, toIsoDate, toIsoDateTime } from '../../common/canonical';
import type { PurchaseOrder } from '../../common/canonical';
import { SYSTEM, idsOf, customerRef, facilityRef, identifierTo, lineFrom, lineTo, linesOf, obj, statusOf, str } from './common';

/** A receiver (inbound ASN / receipt) as a canonical PurchaseOrder: what the 3PL expects to receive. */
export function fromExtensivReceiver(record: IDataObject): PurchaseOrder {
	const readOnly = obj(record.readOnly);
	const id = str(readOnly.receiverId);
	const supplier = obj(record.supplierIdentifier);
	const customer = customerRef(record);
	const facility = facilityRef(record);
	return compact({
		type: 'PurchaseOrder' as const,
		externalIds: idsOf(id),
		source: id ? compact({ system: SYSTEM, id, updatedAt: toIsoDateTime(readOnly.lastModifiedDate) }) : undefined,
		number: str(record.referenceNum) ?? str(record.poNum),
		orderDate: toIsoDate(readOnly.creationDate),
		expectedDate: toIsoDate(record.expectedDate),
		status: statusOf(readOnly),
		supplier: referenceTo(SYSTEM, str(supplier.id), compact({ name: str(supplier.name) })) ?? {},
		notes: str(record.notes),
		lines: linesOf(record, 'receiveItems').map(lineFrom),
		extensions: { [SYSTEM]: compact({ customer, facility, poNum: str(record.poNum) }) },
	});
}

export function toExtensivReceiver(order: PurchaseOrder): IDataObject {
	const ext = obj(order.extensions?.[SYSTEM]);
	return compact({
		customerIdentifier: identifierTo(ext.customer as PurchaseOrder['supplier'] | undefined),
		facilityIdentifier: identifierTo(ext.facility as PurchaseOrder['supplier'] | undefined),
		referenceNum: order.number,
		poNum: str(ext.poNum) ?? order.number,
		expectedDate: order.expectedDate,
		supplierIdentifier: identifierTo(order.supplier),
		notes: order.notes,
		receiveItems: order.lines.map(lineTo),
	}) as IDataObject;
}
