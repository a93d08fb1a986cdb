import type { AnyCanonical, CanonicalType } from '../../common/canonical';
import type { IntacctRecord } from './common';
import { fromIntacctCreditMemo, fromIntacctInvoice, fromIntacctPayment, toIntacctCreditMemo, toIntacctInvoice, toIntacctPayment } from './billing';
import {
	fromIntacctPurchaseOrder,
	fromIntacctSalesOrder,
	fromIntacctShipment,
	toIntacctPurchaseOrder,
	toIntacctSalesOrder,
	toIntacctShipment,
} from './documents';
import { fromIntacctInventory, fromIntacctItem, toIntacctInventory, toIntacctItem } from './item';
import { fromIntacctCustomer, fromIntacctVendor, toIntacctCustomer, toIntacctVendor } from './party';

export { SYSTEM } from './common';
export * from './party';
export * from './item';
export * from './documents';
export * from './billing';

export interface IntacctMapping {
	/** The Intacct object the canonical type lives in. */
	resource: string;
	/** For Order Entry / Purchasing documents: the usual transaction definition. */
	transactionType?: string;
	toCanonical(record: IntacctRecord): AnyCanonical;
	fromCanonical(canonical: AnyCanonical): IntacctRecord;
}

/** Canonical type → Sage Intacct object and both conversions (used by the node and the Record Mapper). */
export const sageIntacctMappings: Partial<Record<CanonicalType, IntacctMapping>> = {
	Customer: { resource: 'CUSTOMER', toCanonical: fromIntacctCustomer, fromCanonical: (c) => toIntacctCustomer(c as never) },
	Supplier: { resource: 'VENDOR', toCanonical: fromIntacctVendor, fromCanonical: (c) => toIntacctVendor(c as never) },
	Item: { resource: 'ITEM', toCanonical: fromIntacctItem, fromCanonical: (c) => toIntacctItem(c as never) },
	InventoryLevel: { resource: 'ITEMWAREHOUSEINFO', toCanonical: fromIntacctInventory, fromCanonical: (c) => toIntacctInventory(c as never) },
	SalesOrder: {
		resource: 'SODOCUMENT',
		transactionType: 'Sales Order',
		toCanonical: fromIntacctSalesOrder,
		fromCanonical: (c) => toIntacctSalesOrder(c as never),
	},
	PurchaseOrder: {
		resource: 'PODOCUMENT',
		transactionType: 'Purchase Order',
		toCanonical: fromIntacctPurchaseOrder,
		fromCanonical: (c) => toIntacctPurchaseOrder(c as never),
	},
	Shipment: {
		resource: 'SODOCUMENT',
		transactionType: 'Shipper',
		toCanonical: fromIntacctShipment,
		fromCanonical: (c) => toIntacctShipment(c as never),
	},
	Invoice: { resource: 'ARINVOICE', toCanonical: fromIntacctInvoice, fromCanonical: (c) => toIntacctInvoice(c as never) },
	CreditMemo: { resource: 'ARADJUSTMENT', toCanonical: fromIntacctCreditMemo, fromCanonical: (c) => toIntacctCreditMemo(c as never) },
	Payment: { resource: 'ARPYMT', toCanonical: fromIntacctPayment, fromCanonical: (c) => toIntacctPayment(c as never) },
};

/** The canonical type of a record read from `object` (documents: by their transaction definition). */
export function canonicalTypeFor(object: string, record: IntacctRecord, shipperDefinitions: string[] = ['Shipper']): CanonicalType | undefined {
	if (object === 'SODOCUMENT') {
		const definition = String(record.DOCPARID ?? record.TRANSACTIONTYPE ?? '');
		return shipperDefinitions.includes(definition) ? 'Shipment' : 'SalesOrder';
	}
	const found = Object.entries(sageIntacctMappings).find(([type, m]) => m.resource === object && type !== 'Shipment');
	return found?.[0] as CanonicalType | undefined;
}

export function toCanonical(object: string, record: IntacctRecord, shipperDefinitions?: string[]): AnyCanonical | undefined {
	const type = canonicalTypeFor(object, record, shipperDefinitions);
	return type ? sageIntacctMappings[type]?.toCanonical(record) : undefined;
}
