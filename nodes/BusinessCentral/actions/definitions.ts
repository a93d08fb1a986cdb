import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { AnyCanonical } from '../../common/canonical';
import { businessCentralMappings } from '../mapping';
import { guidLocator } from './common.descriptions';
import type { FieldSpec } from './fields';

export interface ResourceDefinition {
	/** The node's resource value. */
	resource: string;
	noun: string;
	plural: string;
	/** API v2.0 entity set. */
	set: string;
	/** The parameter that picks one record. */
	id: INodeProperties;
	/** A parent record between the company and the set (the journal of customer payments). */
	parent?: { property: INodeProperties; set: string; noun: string };
	fields: FieldSpec[];
	/** Document lines: the child set used for deep insert and `$expand`. */
	lines?: { set: string; priceField: 'unitPrice' | 'directUnitCost' };
	/** The business key Create or Update looks records up by, so a repeated run does not duplicate. */
	upsertKey?: { field: string; displayName: string; description: string };
	/** Canonical types offered as output (first = the one accepted as input). */
	canonicalTypes: string[];
	/** Property shown in the "From List" picker, and searched with contains(). */
	titleField: string;
	readOnly?: boolean;
}

const text = (name: string, displayName: string, description?: string): FieldSpec => ({ name, displayName, kind: 'string', description });
const number = (name: string, displayName: string, description?: string): FieldSpec => ({ name, displayName, kind: 'number', description });
const day = (name: string, displayName: string): FieldSpec => ({ name, displayName, kind: 'date' });

const address = (prefix = ''): FieldSpec[] => {
	const key = (f: string) => (prefix ? `${prefix}${f[0].toUpperCase()}${f.slice(1)}` : f);
	const label = prefix ? `${prefix === 'shipTo' ? 'Ship-to' : prefix === 'buyFrom' ? 'Buy-from' : 'Sell-to'} ` : '';
	return [
		text(key('addressLine1'), `${label}Address Line 1`),
		text(key('addressLine2'), `${label}Address Line 2`),
		text(key('city'), `${label}City`),
		text(key('state'), `${label}State`),
		text(prefix ? key('postCode') : 'postalCode', `${label}Postal Code`),
		text(key('country'), `${label}Country/Region Code`),
	];
};

const locator = (name: string, noun: string): INodeProperties => guidLocator({ name, displayName: noun[0].toUpperCase() + noun.slice(1), noun, searchListMethod: 'searchRecords' });

const party: FieldSpec[] = [
	{ ...text('displayName', 'Name'), required: true },
	text('number', 'Number', 'Empty lets Business Central assign the next number from the number series'),
	...address(),
	text('phoneNumber', 'Phone Number'),
	text('email', 'Email'),
	text('website', 'Website'),
	text('taxRegistrationNumber', 'Tax Registration Number'),
	text('currencyCode', 'Currency Code', 'Empty means the local currency'),
];

export const customer: ResourceDefinition = {
	resource: 'customer',
	noun: 'customer',
	plural: 'customers',
	set: 'customers',
	id: locator('customerId', 'customer'),
	titleField: 'displayName',
	canonicalTypes: ['Customer'],
	upsertKey: { field: 'number', displayName: 'Number', description: 'The customer number to look up; created when no customer has it' },
	fields: [
		...party,
		{ name: 'type', displayName: 'Type', kind: 'options', options: ['Company', 'Person'] },
		number('creditLimit', 'Credit Limit'),
		{ name: 'taxLiable', displayName: 'Tax Liable', kind: 'boolean' },
		text('salespersonCode', 'Salesperson Code'),
		{ name: 'blocked', displayName: 'Blocked', kind: 'options', options: [' ', 'Ship', 'Invoice', 'All'] },
	],
};

export const vendor: ResourceDefinition = {
	resource: 'vendor',
	noun: 'vendor',
	plural: 'vendors',
	set: 'vendors',
	id: locator('vendorId', 'vendor'),
	titleField: 'displayName',
	canonicalTypes: ['Supplier'],
	upsertKey: { field: 'number', displayName: 'Number', description: 'The vendor number to look up; created when no vendor has it' },
	fields: [...party, text('irs1099Code', 'IRS 1099 Code'), { name: 'blocked', displayName: 'Blocked', kind: 'options', options: [' ', 'Payment', 'All'] }],
};

export const item: ResourceDefinition = {
	resource: 'item',
	noun: 'item',
	plural: 'items',
	set: 'items',
	id: locator('itemId', 'item'),
	titleField: 'displayName',
	canonicalTypes: ['Item', 'InventoryLevel'],
	upsertKey: { field: 'number', displayName: 'Number', description: 'The item number to look up; created when no item has it' },
	fields: [
		{ ...text('displayName', 'Name'), required: true },
		text('number', 'Number', 'Empty lets Business Central assign the next number from the number series'),
		text('displayName2', 'Name 2'),
		{ name: 'type', displayName: 'Type', kind: 'options', options: ['Inventory', 'Service', 'Non-Inventory'] },
		number('unitPrice', 'Unit Price'),
		number('unitCost', 'Unit Cost'),
		text('baseUnitOfMeasureCode', 'Base Unit of Measure Code'),
		text('gtin', 'GTIN'),
		text('itemCategoryCode', 'Item Category Code'),
		text('taxGroupCode', 'Tax Group Code'),
		{ name: 'blocked', displayName: 'Blocked', kind: 'boolean' },
	],
};

const salesHeader = (dateField: string, dateLabel: string): FieldSpec[] => [
	{ ...text('customerNumber', 'Customer Number', 'The customer’s number (or set Customer ID)'), required: true, alternative: 'customerId' },
	text('customerId', 'Customer ID', 'The customer’s GUID; wins over Customer Number'),
	text('externalDocumentNumber', 'External Document Number', 'The customer’s reference, e.g. their purchase order number'),
	day(dateField, dateLabel),
	day('postingDate', 'Posting Date'),
	text('currencyCode', 'Currency Code'),
	text('salesperson', 'Salesperson Code'),
	text('shipToName', 'Ship-to Name'),
	text('shipToContact', 'Ship-to Contact'),
	...address('shipTo'),
	text('email', 'Email'),
	text('phoneNumber', 'Phone Number'),
	number('discountAmount', 'Invoice Discount Amount'),
];

export const salesOrder: ResourceDefinition = {
	resource: 'salesOrder',
	noun: 'sales order',
	plural: 'sales orders',
	set: 'salesOrders',
	id: locator('salesOrderId', 'sales order'),
	titleField: 'number',
	canonicalTypes: ['SalesOrder'],
	lines: { set: 'salesOrderLines', priceField: 'unitPrice' },
	upsertKey: {
		field: 'externalDocumentNumber',
		displayName: 'External Document Number',
		description: 'The customer’s order reference; an order with it is updated instead of created again, so retries do not duplicate orders',
	},
	fields: [...salesHeader('orderDate', 'Order Date'), day('requestedDeliveryDate', 'Requested Delivery Date'), { name: 'partialShipping', displayName: 'Partial Shipping', kind: 'boolean' }],
};

export const purchaseOrder: ResourceDefinition = {
	resource: 'purchaseOrder',
	noun: 'purchase order',
	plural: 'purchase orders',
	set: 'purchaseOrders',
	id: locator('purchaseOrderId', 'purchase order'),
	titleField: 'number',
	canonicalTypes: ['PurchaseOrder'],
	lines: { set: 'purchaseOrderLines', priceField: 'directUnitCost' },
	fields: [
		{ ...text('vendorNumber', 'Vendor Number', 'The vendor’s number (or set Vendor ID)'), required: true, alternative: 'vendorId' },
		text('vendorId', 'Vendor ID', 'The vendor’s GUID; wins over Vendor Number'),
		day('orderDate', 'Order Date'),
		day('postingDate', 'Posting Date'),
		day('requestedReceiptDate', 'Requested Receipt Date'),
		text('currencyCode', 'Currency Code'),
		text('purchaser', 'Purchaser Code'),
		text('shipToName', 'Ship-to Name'),
		text('shipToContact', 'Ship-to Contact'),
		...address('shipTo'),
		number('discountAmount', 'Invoice Discount Amount'),
	],
};

export const salesInvoice: ResourceDefinition = {
	resource: 'salesInvoice',
	noun: 'sales invoice',
	plural: 'sales invoices',
	set: 'salesInvoices',
	id: locator('salesInvoiceId', 'sales invoice'),
	titleField: 'number',
	canonicalTypes: ['Invoice'],
	lines: { set: 'salesInvoiceLines', priceField: 'unitPrice' },
	upsertKey: {
		field: 'externalDocumentNumber',
		displayName: 'External Document Number',
		description: 'The external reference of the invoice; a draft invoice with it is updated instead of created again',
	},
	fields: [...salesHeader('invoiceDate', 'Invoice Date'), day('dueDate', 'Due Date'), text('customerPurchaseOrderReference', 'Customer Purchase Order Reference')],
};

export const salesCreditMemo: ResourceDefinition = {
	resource: 'salesCreditMemo',
	noun: 'sales credit memo',
	plural: 'sales credit memos',
	set: 'salesCreditMemos',
	id: locator('salesCreditMemoId', 'sales credit memo'),
	titleField: 'number',
	canonicalTypes: ['CreditMemo'],
	lines: { set: 'salesCreditMemoLines', priceField: 'unitPrice' },
	fields: [...salesHeader('creditMemoDate', 'Credit Memo Date'), day('dueDate', 'Due Date'), text('invoiceId', 'Invoice ID', 'The GUID of the posted invoice this credit memo corrects')],
};

export const salesShipment: ResourceDefinition = {
	resource: 'salesShipment',
	noun: 'sales shipment',
	plural: 'sales shipments',
	set: 'salesShipments',
	id: locator('salesShipmentId', 'sales shipment'),
	titleField: 'number',
	canonicalTypes: ['Shipment'],
	lines: { set: 'salesShipmentLines', priceField: 'unitPrice' },
	readOnly: true,
	fields: [],
};

export const customerPayment: ResourceDefinition = {
	resource: 'customerPayment',
	noun: 'customer payment',
	plural: 'customer payments',
	set: 'customerPayments',
	id: guidLocator({ name: 'customerPaymentId', displayName: 'Customer Payment', noun: 'customer payment' }),
	parent: {
		set: 'customerPaymentJournals',
		noun: 'customer payment journal',
		property: guidLocator({
			name: 'journalId',
			displayName: 'Payment Journal',
			noun: 'customer payment journal',
			searchListMethod: 'searchPaymentJournals',
			description: 'The customer payment journal (batch) the payment lines belong to',
		}),
	},
	titleField: 'documentNumber',
	canonicalTypes: ['Payment'],
	fields: [
		{ ...text('customerNumber', 'Customer Number', 'The paying customer’s number (or set Customer ID)'), required: true, alternative: 'customerId' },
		text('customerId', 'Customer ID'),
		{ ...number('amount', 'Amount', 'The amount received. Business Central records payments as negative journal amounts when entered manually; the API takes the amount as given.'), required: true },
		day('postingDate', 'Posting Date'),
		text('documentNumber', 'Document Number'),
		text('externalDocumentNumber', 'External Document Number', 'E.g. the check number or bank reference'),
		text('appliesToInvoiceNumber', 'Applies-to Invoice Number'),
		text('appliesToInvoiceId', 'Applies-to Invoice ID'),
		text('description', 'Description'),
		text('comment', 'Comment'),
	],
};

export const DEFINITIONS: ResourceDefinition[] = [customer, vendor, item, salesOrder, purchaseOrder, salesInvoice, salesCreditMemo, salesShipment, customerPayment];

export function definitionOf(resource: string): ResourceDefinition | undefined {
	return DEFINITIONS.find((def) => def.resource === resource);
}

/** The record in a canonical shape, for the Output option. */
export function toCanonical(type: string, record: IDataObject): IDataObject {
	const mapping = businessCentralMappings[type as keyof typeof businessCentralMappings];
	if (!mapping) return record;
	return mapping.toCanonical(record) as unknown as IDataObject;
}

/** A canonical record as a Business Central body. */
export function fromCanonical(type: string, canonical: AnyCanonical): IDataObject {
	const mapping = businessCentralMappings[type as keyof typeof businessCentralMappings];
	return mapping ? mapping.fromCanonical(canonical) : {};
}
