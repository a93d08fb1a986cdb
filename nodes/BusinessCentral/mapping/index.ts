import type { IDataObject } from 'n8n-workflow';

import type { AnyCanonical, CanonicalType } from '../../common/canonical';
import {
	fromBusinessCentralCreditMemo,
	fromBusinessCentralInvoice,
	fromBusinessCentralPurchaseOrder,
	fromBusinessCentralSalesOrder,
	fromBusinessCentralShipment,
	toBusinessCentralCreditMemo,
	toBusinessCentralInvoice,
	toBusinessCentralPurchaseOrder,
	toBusinessCentralSalesOrder,
	toBusinessCentralShipment,
} from './documents';
import { fromBusinessCentralInventory, fromBusinessCentralItem, toBusinessCentralInventory, toBusinessCentralItem } from './item';
import { fromBusinessCentralCustomer, fromBusinessCentralVendor, toBusinessCentralCustomer, toBusinessCentralVendor } from './party';
import { fromBusinessCentralPayment, toBusinessCentralPayment } from './payment';

export { SYSTEM } from './common';
export * from './documents';
export * from './item';
export * from './party';
export * from './payment';

export interface BusinessCentralMapping {
	/** The node resource (and entity set) the canonical type maps to. */
	resource: string;
	entitySet: string;
	toCanonical(record: IDataObject): AnyCanonical;
	fromCanonical(canonical: AnyCanonical): IDataObject;
}

const mapping = <T extends AnyCanonical>(
	resource: string,
	entitySet: string,
	to: (record: IDataObject) => T,
	from: (canonical: T) => IDataObject,
): BusinessCentralMapping => ({
	resource,
	entitySet,
	toCanonical: to,
	fromCanonical: (canonical) => from(canonical as T),
});

/** Canonical type → Business Central resource and both directions of the mapping (for the Record Mapper). */
export const businessCentralMappings: Partial<Record<CanonicalType, BusinessCentralMapping>> = {
	Customer: mapping('customer', 'customers', fromBusinessCentralCustomer, toBusinessCentralCustomer),
	Supplier: mapping('vendor', 'vendors', fromBusinessCentralVendor, toBusinessCentralVendor),
	Item: mapping('item', 'items', fromBusinessCentralItem, toBusinessCentralItem),
	InventoryLevel: mapping('item', 'items', fromBusinessCentralInventory, toBusinessCentralInventory),
	SalesOrder: mapping('salesOrder', 'salesOrders', fromBusinessCentralSalesOrder, toBusinessCentralSalesOrder),
	PurchaseOrder: mapping('purchaseOrder', 'purchaseOrders', fromBusinessCentralPurchaseOrder, toBusinessCentralPurchaseOrder),
	Shipment: mapping('salesShipment', 'salesShipments', fromBusinessCentralShipment, toBusinessCentralShipment),
	Invoice: mapping('salesInvoice', 'salesInvoices', fromBusinessCentralInvoice, toBusinessCentralInvoice),
	CreditMemo: mapping('salesCreditMemo', 'salesCreditMemos', fromBusinessCentralCreditMemo, toBusinessCentralCreditMemo),
	Payment: mapping('customerPayment', 'customerPayments', fromBusinessCentralPayment, toBusinessCentralPayment),
};
