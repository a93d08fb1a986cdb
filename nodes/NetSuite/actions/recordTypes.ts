import type { INodePropertyOptions } from 'n8n-workflow';

/** How the node knows each record type: REST id, SuiteQL table and filter, labels for messages. */
export interface RecordTypeInfo {
	value: string;
	name: string;
	noun: string;
	/** SuiteQL table and the condition that selects this type in it. */
	table: string;
	tableFilter?: string;
	/** Column shown in record pickers. */
	labelColumn: string;
	/** Fields NetSuite refuses a create without, with their labels. */
	required: Record<string, string>;
	/** The canonical type get/getMany can output. */
	canonical?: string;
	/** Sublist of lines (replaced as a whole on update/upsert unless told otherwise). */
	lines?: string;
}

export const RECORD_TYPES: RecordTypeInfo[] = [
	{ value: 'customer', name: 'Customer', noun: 'customer', table: 'customer', labelColumn: 'companyname', required: { companyName: 'Company Name' }, canonical: 'Customer' },
	{ value: 'vendor', name: 'Vendor', noun: 'vendor', table: 'vendor', labelColumn: 'companyname', required: { companyName: 'Company Name' }, canonical: 'Supplier' },
	{ value: 'inventoryItem', name: 'Inventory Item', noun: 'inventory item', table: 'item', tableFilter: "itemtype = 'InvtPart'", labelColumn: 'itemid', required: { itemId: 'Item Name/Number' }, canonical: 'Item' },
	{ value: 'nonInventorySaleItem', name: 'Non-Inventory Item (for Sale)', noun: 'non-inventory item', table: 'item', tableFilter: "itemtype = 'NonInvtPart'", labelColumn: 'itemid', required: { itemId: 'Item Name/Number' }, canonical: 'Item' },
	{ value: 'salesOrder', name: 'Sales Order', noun: 'sales order', table: 'transaction', tableFilter: "type = 'SalesOrd'", labelColumn: 'tranid', required: { entity: 'Customer' }, canonical: 'SalesOrder', lines: 'item' },
	{ value: 'purchaseOrder', name: 'Purchase Order', noun: 'purchase order', table: 'transaction', tableFilter: "type = 'PurchOrd'", labelColumn: 'tranid', required: { entity: 'Vendor' }, canonical: 'PurchaseOrder', lines: 'item' },
	{ value: 'itemFulfillment', name: 'Item Fulfillment', noun: 'item fulfillment', table: 'transaction', tableFilter: "type = 'ItemShip'", labelColumn: 'tranid', required: {}, canonical: 'Shipment', lines: 'item' },
	{ value: 'itemReceipt', name: 'Item Receipt', noun: 'item receipt', table: 'transaction', tableFilter: "type = 'ItemRcpt'", labelColumn: 'tranid', required: {}, lines: 'item' },
	{ value: 'invoice', name: 'Invoice', noun: 'invoice', table: 'transaction', tableFilter: "type = 'CustInvc'", labelColumn: 'tranid', required: { entity: 'Customer' }, canonical: 'Invoice', lines: 'item' },
	{ value: 'creditMemo', name: 'Credit Memo', noun: 'credit memo', table: 'transaction', tableFilter: "type = 'CustCred'", labelColumn: 'tranid', required: { entity: 'Customer' }, canonical: 'CreditMemo', lines: 'item' },
	{ value: 'customerPayment', name: 'Customer Payment', noun: 'customer payment', table: 'transaction', tableFilter: "type = 'CustPymt'", labelColumn: 'tranid', required: { customer: 'Customer', payment: 'Payment Amount' }, canonical: 'Payment', lines: 'apply' },
	{ value: 'vendorBill', name: 'Vendor Bill', noun: 'vendor bill', table: 'transaction', tableFilter: "type = 'VendBill'", labelColumn: 'tranid', required: { entity: 'Vendor' }, lines: 'item' },
];

export const OTHER_RECORD_TYPE = '__other';

export const recordTypeOptions: INodePropertyOptions[] = [
	...RECORD_TYPES.map((t) => ({ name: t.name, value: t.value })),
	{ name: 'Other (Enter Record Type ID)', value: OTHER_RECORD_TYPE },
];

export function recordTypeInfo(value: string): RecordTypeInfo | undefined {
	return RECORD_TYPES.find((t) => t.value === value);
}

/** Transforms NetSuite offers from each source type. */
export const TRANSFORM_TARGETS: Record<string, string[]> = {
	salesOrder: ['itemFulfillment', 'invoice'],
	purchaseOrder: ['itemReceipt', 'vendorBill'],
	invoice: ['creditMemo', 'customerPayment'],
};
