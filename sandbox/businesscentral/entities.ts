/**
 * The API v2.0 entity types the sandbox serves, with their properties as Business Central's `$metadata`
 * declares them (types, read-only properties, enumerations) and the behaviour of each page on write.
 */
export type Kind = 'string' | 'number' | 'boolean' | 'date' | 'datetime' | 'guid' | 'enum';

export interface FieldDef {
	kind: Kind;
	readOnly?: boolean;
	values?: string[];
	maxLength?: number;
}

export interface EntityDef {
	/** Entity set name in URLs (`salesOrders`). */
	set: string;
	/** Entity type name as errors quote it (`Microsoft.NAV.salesOrder`). */
	type: string;
	fields: Record<string, FieldDef>;
	/** The child set of a document (`salesOrderLines`), allowed in `$expand` and deep insert. */
	lines?: string;
	/** For a child set: the parent set (lines of a document, payments of a journal). */
	parent?: string;
	/** Properties that must have a value after insert. */
	required?: string[];
	/** Posted documents are read-only pages. */
	readOnly?: boolean;
	/** Number series for new records. */
	numberPrefix?: string;
	/** Whether changes can be subscribed to with webhooks. */
	webhooks?: boolean;
	/** Bound actions (`Microsoft.NAV.post`). */
	actions?: string[];
}

const s = (maxLength?: number): FieldDef => ({ kind: 'string', maxLength });
const n: FieldDef = { kind: 'number' };
const b: FieldDef = { kind: 'boolean' };
const d: FieldDef = { kind: 'date' };
const g: FieldDef = { kind: 'guid' };
const ro = (f: FieldDef): FieldDef => ({ ...f, readOnly: true });
const e = (...values: string[]): FieldDef => ({ kind: 'enum', values });
const common = { id: ro(g), lastModifiedDateTime: ro({ kind: 'datetime' }) };

const address = (prefix: string): Record<string, FieldDef> =>
	Object.fromEntries(
		['AddressLine1', 'AddressLine2', 'City', 'Country', 'State', 'PostCode'].map((p) => [`${prefix}${p}`, s(p === 'Country' ? 10 : 100)]),
	);

const partyAddress: Record<string, FieldDef> = {
	addressLine1: s(100),
	addressLine2: s(50),
	city: s(30),
	state: s(30),
	country: s(10),
	postalCode: s(20),
};

const documentLine = (priceField: 'unitPrice' | 'directUnitCost', extra: Record<string, FieldDef> = {}): Record<string, FieldDef> => ({
	id: ro(g),
	documentId: ro(g),
	sequence: n,
	itemId: g,
	accountId: g,
	lineType: e('Comment', 'Account', 'Item', 'Resource', 'Fixed Asset', 'Charge'),
	lineObjectNumber: s(20),
	description: s(100),
	unitOfMeasureId: g,
	unitOfMeasureCode: s(10),
	quantity: n,
	[priceField]: n,
	discountAmount: n,
	discountPercent: n,
	discountAppliedBeforeTax: ro(b),
	amountExcludingTax: ro(n),
	taxCode: s(20),
	taxPercent: ro(n),
	totalTaxAmount: ro(n),
	amountIncludingTax: ro(n),
	netAmount: ro(n),
	netTaxAmount: ro(n),
	netAmountIncludingTax: ro(n),
	locationId: g,
	...extra,
});

const salesHeader = (dateField: string): Record<string, FieldDef> => ({
	...common,
	number: ro(s(20)),
	externalDocumentNumber: s(35),
	[dateField]: d,
	postingDate: d,
	customerId: g,
	customerNumber: s(20),
	customerName: ro(s(100)),
	billToName: ro(s(100)),
	billToCustomerId: g,
	billToCustomerNumber: s(20),
	shipToName: s(100),
	shipToContact: s(100),
	...address('sellTo'),
	...address('billTo'),
	...address('shipTo'),
	currencyId: g,
	currencyCode: s(10),
	pricesIncludeTax: ro(b),
	paymentTermsId: g,
	shipmentMethodId: g,
	salesperson: s(20),
	discountAmount: n,
	discountAppliedBeforeTax: ro(b),
	totalAmountExcludingTax: ro(n),
	totalTaxAmount: ro(n),
	totalAmountIncludingTax: ro(n),
	phoneNumber: s(30),
	email: s(80),
});

export const ENTITIES: EntityDef[] = [
	{
		set: 'customers',
		type: 'customer',
		numberPrefix: 'C',
		webhooks: true,
		required: ['displayName'],
		fields: {
			...common,
			number: s(20),
			displayName: s(100),
			type: e('Company', 'Person'),
			...partyAddress,
			phoneNumber: s(30),
			email: s(80),
			website: s(80),
			salespersonCode: s(20),
			balanceDue: ro(n),
			creditLimit: n,
			taxLiable: b,
			taxAreaId: g,
			taxAreaDisplayName: ro(s(100)),
			taxRegistrationNumber: s(20),
			currencyId: g,
			currencyCode: s(10),
			paymentTermsId: g,
			shipmentMethodId: g,
			paymentMethodId: g,
			blocked: e(' ', 'Ship', 'Invoice', 'All'),
		},
	},
	{
		set: 'vendors',
		type: 'vendor',
		numberPrefix: 'V',
		webhooks: true,
		required: ['displayName'],
		fields: {
			...common,
			number: s(20),
			displayName: s(100),
			...partyAddress,
			phoneNumber: s(30),
			email: s(80),
			website: s(80),
			taxRegistrationNumber: s(20),
			currencyId: g,
			currencyCode: s(10),
			irs1099Code: s(10),
			paymentTermsId: g,
			paymentMethodId: g,
			taxLiable: b,
			blocked: e(' ', 'Payment', 'All'),
			balance: ro(n),
		},
	},
	{
		set: 'items',
		type: 'item',
		numberPrefix: 'I',
		webhooks: true,
		required: ['displayName'],
		fields: {
			...common,
			number: s(20),
			displayName: s(100),
			displayName2: s(50),
			type: e('Inventory', 'Service', 'Non-Inventory'),
			itemCategoryId: g,
			itemCategoryCode: s(20),
			blocked: b,
			gtin: s(14),
			inventory: ro(n),
			unitPrice: n,
			priceIncludesTax: b,
			unitCost: n,
			taxGroupId: g,
			taxGroupCode: s(20),
			baseUnitOfMeasureId: g,
			baseUnitOfMeasureCode: s(10),
			generalProductPostingGroupCode: s(20),
			inventoryPostingGroupCode: s(20),
		},
	},
	{
		set: 'salesOrders',
		type: 'salesOrder',
		numberPrefix: 'S-ORD',
		webhooks: true,
		lines: 'salesOrderLines',
		required: ['customerNumber'],
		actions: ['shipAndInvoice'],
		fields: {
			...salesHeader('orderDate'),
			partialShipping: b,
			requestedDeliveryDate: d,
			fullyShipped: ro(b),
			status: ro(e('Draft', 'In Review', 'Open', 'Released')),
		},
	},
	{
		set: 'salesOrderLines',
		type: 'salesOrderLine',
		parent: 'salesOrders',
		fields: documentLine('unitPrice', { shipmentDate: d, shippedQuantity: ro(n), invoicedQuantity: ro(n), invoiceQuantity: n, shipQuantity: n }),
	},
	{
		set: 'purchaseOrders',
		type: 'purchaseOrder',
		numberPrefix: 'P-ORD',
		webhooks: true,
		lines: 'purchaseOrderLines',
		required: ['vendorNumber'],
		actions: ['receiveAndInvoice'],
		fields: {
			...common,
			number: ro(s(20)),
			orderDate: d,
			postingDate: d,
			vendorId: g,
			vendorNumber: s(20),
			vendorName: ro(s(100)),
			payToName: ro(s(100)),
			payToVendorId: g,
			payToVendorNumber: s(20),
			shipToName: s(100),
			shipToContact: s(100),
			...address('buyFrom'),
			...address('payTo'),
			...address('shipTo'),
			currencyId: g,
			currencyCode: s(10),
			pricesIncludeTax: ro(b),
			paymentTermsId: g,
			shipmentMethodId: g,
			purchaser: s(20),
			requestedReceiptDate: d,
			discountAmount: n,
			discountAppliedBeforeTax: ro(b),
			totalAmountExcludingTax: ro(n),
			totalTaxAmount: ro(n),
			totalAmountIncludingTax: ro(n),
			fullyReceived: ro(b),
			status: ro(e('Draft', 'In Review', 'Open', 'Released')),
		},
	},
	{
		set: 'purchaseOrderLines',
		type: 'purchaseOrderLine',
		parent: 'purchaseOrders',
		fields: documentLine('directUnitCost', { expectedReceiptDate: d, receivedQuantity: ro(n), invoicedQuantity: ro(n), invoiceQuantity: n, receiveQuantity: n }),
	},
	{
		set: 'salesInvoices',
		type: 'salesInvoice',
		numberPrefix: 'S-INV',
		webhooks: true,
		lines: 'salesInvoiceLines',
		required: ['customerNumber'],
		actions: ['post', 'send', 'postAndSend', 'cancel'],
		fields: {
			...salesHeader('invoiceDate'),
			dueDate: d,
			customerPurchaseOrderReference: s(35),
			orderId: ro(g),
			orderNumber: ro(s(20)),
			remainingAmount: ro(n),
			status: ro(e('Draft', 'In Review', 'Open', 'Paid', 'Canceled', 'Corrective')),
		},
	},
	{ set: 'salesInvoiceLines', type: 'salesInvoiceLine', parent: 'salesInvoices', fields: documentLine('unitPrice', { shipmentDate: d }) },
	{
		set: 'salesCreditMemos',
		type: 'salesCreditMemo',
		numberPrefix: 'S-CR',
		webhooks: true,
		lines: 'salesCreditMemoLines',
		required: ['customerNumber'],
		actions: ['post', 'send', 'cancel'],
		fields: {
			...salesHeader('creditMemoDate'),
			dueDate: d,
			invoiceId: g,
			invoiceNumber: ro(s(20)),
			status: ro(e('Draft', 'In Review', 'Open', 'Paid', 'Canceled', 'Corrective')),
		},
	},
	{ set: 'salesCreditMemoLines', type: 'salesCreditMemoLine', parent: 'salesCreditMemos', fields: documentLine('unitPrice') },
	{
		set: 'salesShipments',
		type: 'salesShipment',
		readOnly: true,
		lines: 'salesShipmentLines',
		fields: {
			...common,
			number: ro(s(20)),
			externalDocumentNumber: ro(s(35)),
			documentDate: ro(d),
			postingDate: ro(d),
			customerNumber: ro(s(20)),
			customerName: ro(s(100)),
			shipToName: ro(s(100)),
			...Object.fromEntries(Object.entries(address('shipTo')).map(([k, v]) => [k, ro(v)])),
			orderNumber: ro(s(20)),
			shipmentMethodCode: ro(s(10)),
			salesperson: ro(s(20)),
		},
	},
	{
		set: 'salesShipmentLines',
		type: 'salesShipmentLine',
		parent: 'salesShipments',
		readOnly: true,
		fields: {
			id: ro(g),
			documentId: ro(g),
			documentNo: ro(s(20)),
			sequence: ro(n),
			lineType: ro(e('Comment', 'Account', 'Item', 'Resource', 'Fixed Asset', 'Charge')),
			lineObjectNumber: ro(s(20)),
			description: ro(s(100)),
			unitOfMeasureCode: ro(s(10)),
			unitPrice: ro(n),
			quantity: ro(n),
			discountPercent: ro(n),
			taxPercent: ro(n),
			shipmentDate: ro(d),
		},
	},
	{
		set: 'customerPaymentJournals',
		type: 'customerPaymentJournal',
		required: ['code'],
		fields: { ...common, code: s(10), displayName: s(100), balancingAccountId: g, balancingAccountNumber: ro(s(20)) },
	},
	{
		set: 'customerPayments',
		type: 'customerPayment',
		parent: 'customerPaymentJournals',
		required: ['amount'],
		fields: {
			...common,
			journalId: ro(g),
			journalDisplayName: ro(s(10)),
			lineNumber: n,
			customerId: g,
			customerNumber: s(20),
			contactId: s(250),
			postingDate: d,
			documentNumber: s(20),
			externalDocumentNumber: s(35),
			amount: n,
			appliesToInvoiceId: g,
			appliesToInvoiceNumber: s(20),
			description: s(100),
			comment: s(250),
		},
	},
];

export const ENTITY_BY_SET = new Map(ENTITIES.map((def) => [def.set.toLowerCase(), def]));

export function entity(set: string): EntityDef | undefined {
	return ENTITY_BY_SET.get(set.toLowerCase());
}
