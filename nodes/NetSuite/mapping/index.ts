import type { CanonicalRecord } from '../../common/canonical';
import type { NsRecord } from './common';
import { fromNetSuiteCustomer, fromNetSuiteVendor, toNetSuiteCustomer, toNetSuiteVendor } from './parties';
import { fromNetSuiteInventoryRow, fromNetSuiteItem, toNetSuiteInventoryAdjustment, toNetSuiteItem } from './item';
import {
	fromNetSuiteCreditMemo,
	fromNetSuiteCustomerPayment,
	fromNetSuiteInvoice,
	fromNetSuiteItemFulfillment,
	fromNetSuitePurchaseOrder,
	fromNetSuiteSalesOrder,
	toNetSuiteCreditMemo,
	toNetSuiteCustomerPayment,
	toNetSuiteInvoice,
	toNetSuiteItemFulfillment,
	toNetSuitePurchaseOrder,
	toNetSuiteSalesOrder,
} from './transactions';

export { SYSTEM, EXTERNAL_ID_KEY } from './common';
export * from './parties';
export * from './item';
export * from './transactions';

export interface NetSuiteMapping {
	/** The NetSuite record type (or SuiteQL table for InventoryLevel). */
	resource: string;
	toCanonical(record: NsRecord): CanonicalRecord;
	fromCanonical(canonical: CanonicalRecord): NsRecord;
}

type AnyCanonical = Parameters<typeof toNetSuiteCustomer>[0];

/** Canonical type → NetSuite record type and both directions of the mapping. */
export const netSuiteMappings: Record<string, NetSuiteMapping> = {
	Customer: { resource: 'customer', toCanonical: fromNetSuiteCustomer, fromCanonical: (c) => toNetSuiteCustomer(c as AnyCanonical) },
	Supplier: { resource: 'vendor', toCanonical: fromNetSuiteVendor, fromCanonical: (c) => toNetSuiteVendor(c as never) },
	Item: { resource: 'inventoryItem', toCanonical: (r) => fromNetSuiteItem(r), fromCanonical: (c) => toNetSuiteItem(c as never) },
	InventoryLevel: {
		resource: 'inventoryitemlocations',
		toCanonical: fromNetSuiteInventoryRow,
		fromCanonical: (c) => toNetSuiteInventoryAdjustment(c as never),
	},
	SalesOrder: { resource: 'salesOrder', toCanonical: fromNetSuiteSalesOrder, fromCanonical: (c) => toNetSuiteSalesOrder(c as never) },
	PurchaseOrder: { resource: 'purchaseOrder', toCanonical: fromNetSuitePurchaseOrder, fromCanonical: (c) => toNetSuitePurchaseOrder(c as never) },
	Shipment: { resource: 'itemFulfillment', toCanonical: fromNetSuiteItemFulfillment, fromCanonical: (c) => toNetSuiteItemFulfillment(c as never) },
	Invoice: { resource: 'invoice', toCanonical: fromNetSuiteInvoice, fromCanonical: (c) => toNetSuiteInvoice(c as never) },
	CreditMemo: { resource: 'creditMemo', toCanonical: fromNetSuiteCreditMemo, fromCanonical: (c) => toNetSuiteCreditMemo(c as never) },
	Payment: { resource: 'customerPayment', toCanonical: fromNetSuiteCustomerPayment, fromCanonical: (c) => toNetSuiteCustomerPayment(c as never) },
};

/** The mapping for a NetSuite record type, for Get/Get Many output and canonical input. */
export function mappingForRecordType(recordType: string): NetSuiteMapping | undefined {
	if (recordType === 'nonInventorySaleItem') {
		return { ...netSuiteMappings.Item, resource: recordType, toCanonical: (r) => fromNetSuiteItem(r, 'non_inventory') };
	}
	return Object.values(netSuiteMappings).find((m) => m.resource === recordType);
}
