/** A record as the store keeps it: REST field names, references as `{ id }`, sublists as `{ items: [] }`. */
export type NsRecord = Record<string, unknown> & { id: string; lastModifiedDate: string; dateCreated: string };

/** SuiteQL transaction `type` codes per REST record type. */
export const TRANSACTION_CODES: Record<string, string> = {
	salesOrder: 'SalesOrd',
	purchaseOrder: 'PurchOrd',
	itemFulfillment: 'ItemShip',
	itemReceipt: 'ItemRcpt',
	invoice: 'CustInvc',
	creditMemo: 'CustCred',
	customerPayment: 'CustPymt',
	vendorBill: 'VendBill',
	inventoryAdjustment: 'InvAdjst',
};

export const ITEM_CODES: Record<string, string> = {
	inventoryItem: 'InvtPart',
	nonInventorySaleItem: 'NonInvtPart',
};

export interface RecordTypeDef {
	type: string;
	/** Label used in NetSuite's "Please enter value(s) for: …" messages, per required field. */
	required: Record<string, string>;
	/** Transaction document number prefix (tranId). */
	prefix?: string;
	/** Sublist of lines, if any. */
	lines?: 'item' | 'apply' | 'inventory';
	/** Records that may only come from a transform. */
	transformOnly?: boolean;
	/** Fields that reference another record type (validated on write). */
	refs?: Record<string, string>;
}

export const RECORD_TYPES: Record<string, RecordTypeDef> = {
	customer: { type: 'customer', required: { companyName: 'Company Name' }, refs: { subsidiary: 'subsidiary' } },
	vendor: { type: 'vendor', required: { companyName: 'Company Name' }, refs: { subsidiary: 'subsidiary' } },
	inventoryItem: { type: 'inventoryItem', required: { itemId: 'Item Name/Number' } },
	nonInventorySaleItem: { type: 'nonInventorySaleItem', required: { itemId: 'Item Name/Number' } },
	salesOrder: { type: 'salesOrder', required: { entity: 'Customer' }, prefix: 'SO', lines: 'item', refs: { entity: 'customer' } },
	purchaseOrder: { type: 'purchaseOrder', required: { entity: 'Vendor' }, prefix: 'PO', lines: 'item', refs: { entity: 'vendor' } },
	itemFulfillment: { type: 'itemFulfillment', required: {}, prefix: 'IF', lines: 'item', transformOnly: true },
	itemReceipt: { type: 'itemReceipt', required: {}, prefix: 'IR', lines: 'item', transformOnly: true },
	invoice: { type: 'invoice', required: { entity: 'Customer' }, prefix: 'INV', lines: 'item', refs: { entity: 'customer' } },
	creditMemo: { type: 'creditMemo', required: { entity: 'Customer' }, prefix: 'CM', lines: 'item', refs: { entity: 'customer' } },
	customerPayment: {
		type: 'customerPayment',
		required: { customer: 'Customer', payment: 'Payment Amount' },
		prefix: 'PYMT',
		lines: 'apply',
		refs: { customer: 'customer' },
	},
	vendorBill: { type: 'vendorBill', required: { entity: 'Vendor' }, prefix: 'BILL', lines: 'item', refs: { entity: 'vendor' } },
	// Changes quantities on hand: one line per item and location, `adjustQtyBy` up or down.
	inventoryAdjustment: { type: 'inventoryAdjustment', required: { account: 'Adjustment Account' }, prefix: 'INVADJ', lines: 'inventory', refs: { adjLocation: 'location' } },
	location: { type: 'location', required: { name: 'Name' } },
	subsidiary: { type: 'subsidiary', required: { name: 'Name' } },
};

/** Which transforms NetSuite offers: source type → allowed target types. */
export const TRANSFORMS: Record<string, string[]> = {
	salesOrder: ['itemFulfillment', 'invoice'],
	purchaseOrder: ['itemReceipt', 'vendorBill'],
	invoice: ['creditMemo', 'customerPayment'],
};
