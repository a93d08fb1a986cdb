import { Prng } from '../core/prng';
import type { Row } from './odata';
import type { BcStore, StoredRow } from './store';

export interface BcSeedOptions {
	customers: number;
	vendors: number;
	items: number;
	salesOrders: number;
	purchaseOrders: number;
	salesInvoices: number;
	salesCreditMemos: number;
	salesShipments: number;
	customerPayments: number;
}

export const BC_SEED_DEFAULTS: BcSeedOptions = {
	customers: 180,
	vendors: 30,
	items: 240,
	salesOrders: 80,
	purchaseOrders: 40,
	salesInvoices: 60,
	salesCreditMemos: 12,
	salesShipments: 40,
	customerPayments: 25,
};

/** Seeded data lives in 2025, so anything written at run time is newer. */
const START = Date.UTC(2025, 0, 2, 8);
const DAY = 86_400_000;
const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 23)}Z`;
const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ZERO = '00000000-0000-0000-0000-000000000000';

const CUSTOMER_WORDS = ['Harbor', 'Summit', 'Pioneer', 'Lakeside', 'Granite', 'Cedar', 'Beacon', 'Redwood', 'Northgate', 'Riverbend', 'Maple', 'Ironwood', 'Bluewater', 'Prairie', 'Keystone'];
const CUSTOMER_KINDS = ['Hardware', 'Builders Supply', 'Facilities', 'Marine', 'Farm & Ranch', 'Restaurant Group', 'Property Mgmt', 'Auto Care', 'Schools', 'Clinics'];
const VENDOR_NAMES = ['Acme Fasteners', 'Delta Tool Works', 'Allied Paints', 'Consolidated Pipe', 'Evergreen Lumber', 'Fieldstone Electric', 'Global Safety Supply', 'Metro Plumbing Mfg', 'Pacific Abrasives', 'Quality Hinge Co'];
const ITEM_NOUNS = ['Hex Bolt', 'Wood Screw', 'Pipe Elbow', 'Ball Valve', 'Work Glove', 'Paint Roller', 'Drill Bit Set', 'Extension Cord', 'Utility Knife', 'Safety Glasses', 'Caulk Tube', 'Hinge', 'Padlock', 'Shop Towel', 'LED Bulb'];
const ITEM_SIZES = ['1/4"', '3/8"', '1/2"', '3/4"', '1"', 'Small', 'Medium', 'Large', '25 ft', '50 ft'];
const CITIES: Array<[string, string, string]> = [
	['Seattle', 'WA', '98101'],
	['Portland', 'OR', '97205'],
	['Boise', 'ID', '83702'],
	['Spokane', 'WA', '99201'],
	['Tacoma', 'WA', '98402'],
	['Eugene', 'OR', '97401'],
	['Salem', 'OR', '97301'],
];
const STREETS = ['Main St', 'Industrial Way', 'Commerce Blvd', 'Harbor Ave', 'Mill Rd', 'Depot St'];

function address(rng: Prng): Row {
	const [city, state, postalCode] = rng.pick(CITIES);
	return { addressLine1: `${rng.int(100, 9900)} ${rng.pick(STREETS)}`, addressLine2: '', city, state, country: 'US', postalCode };
}

function line(rng: Prng, docId: string, seq: number, item: StoredRow, priceField: 'unitPrice' | 'directUnitCost'): StoredRow {
	const quantity = rng.int(1, 40);
	const price = Number(priceField === 'unitPrice' ? item.unitPrice : item.unitCost);
	const amount = Math.round(quantity * price * 100) / 100;
	const tax = Math.round(amount * 8) / 100;
	return {
		id: rng.uuid(),
		_v: 1,
		_parent: docId,
		documentId: docId,
		sequence: seq * 10000,
		itemId: item.id,
		accountId: ZERO,
		lineType: 'Item',
		lineObjectNumber: item.number,
		description: item.displayName,
		unitOfMeasureId: ZERO,
		unitOfMeasureCode: item.baseUnitOfMeasureCode,
		quantity,
		[priceField]: price,
		discountAmount: 0,
		discountPercent: 0,
		discountAppliedBeforeTax: false,
		amountExcludingTax: amount,
		taxCode: 'TAXABLE',
		taxPercent: 8,
		totalTaxAmount: tax,
		amountIncludingTax: Math.round((amount + tax) * 100) / 100,
		netAmount: amount,
		netTaxAmount: tax,
		netAmountIncludingTax: Math.round((amount + tax) * 100) / 100,
		locationId: ZERO,
	} as StoredRow;
}

/** Two companies of a regional hardware distributor: the live one with data, and an empty test company. */
export function seedBusinessCentral(store: BcStore, seed: number, options: BcSeedOptions): void {
	store.clear();
	const rng = Prng.from(seed, 'businesscentral');
	const live = rng.uuid();
	store.companies = [
		{ id: live, systemVersion: '26.0.30643.32345', timestamp: 1, name: 'CASCADE SUPPLY', displayName: 'Cascade Supply Co.', businessProfileId: '' },
		{ id: rng.uuid(), systemVersion: '26.0.30643.32345', timestamp: 2, name: 'CASCADE SUPPLY TEST', displayName: 'Cascade Supply Co. (Test)', businessProfileId: '' },
	];
	let clock = START;
	const tick = () => (clock += rng.int(20, 600) * 60_000);
	const put = (set: string, row: Row) => store.put(live, set, { _v: 1, lastModifiedDateTime: iso(tick()), ...row } as unknown as StoredRow);

	const customers: StoredRow[] = [];
	for (let i = 0; i < options.customers; i++) {
		const name = `${rng.pick(CUSTOMER_WORDS)} ${rng.pick(CUSTOMER_KINDS)}${i >= CUSTOMER_WORDS.length * 2 ? ` ${i}` : ''}`;
		customers.push(
			put('customers', {
				id: rng.uuid(),
				number: `C${String(10000 + i * 10)}`,
				displayName: name,
				type: 'Company',
				...address(rng),
				phoneNumber: `555-01${String(rng.int(10, 99))}`,
				email: `ap@${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example`,
				website: '',
				salespersonCode: rng.pick(['JR', 'MK', 'PS']),
				balanceDue: rng.money(0, 25000),
				creditLimit: rng.pick([0, 5000, 10000, 25000]),
				taxLiable: true,
				taxAreaId: ZERO,
				taxAreaDisplayName: '',
				taxRegistrationNumber: '',
				currencyId: ZERO,
				currencyCode: '',
				paymentTermsId: ZERO,
				shipmentMethodId: ZERO,
				paymentMethodId: ZERO,
				blocked: rng.chance(0.05) ? 'All' : ' ',
			}),
		);
	}
	const vendors: StoredRow[] = [];
	for (let i = 0; i < options.vendors; i++) {
		const name = `${VENDOR_NAMES[i % VENDOR_NAMES.length]}${i >= VENDOR_NAMES.length ? ` ${Math.floor(i / VENDOR_NAMES.length) + 1}` : ''}`;
		vendors.push(
			put('vendors', {
				id: rng.uuid(),
				number: `V${String(20000 + i * 10)}`,
				displayName: name,
				...address(rng),
				phoneNumber: `555-02${String(rng.int(10, 99))}`,
				email: `orders@${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example`,
				website: '',
				taxRegistrationNumber: '',
				currencyId: ZERO,
				currencyCode: '',
				irs1099Code: '',
				paymentTermsId: ZERO,
				paymentMethodId: ZERO,
				taxLiable: false,
				blocked: ' ',
				balance: rng.money(0, 40000),
			}),
		);
	}
	const items: StoredRow[] = [];
	for (let i = 0; i < options.items; i++) {
		const cost = rng.money(0.4, 120);
		items.push(
			put('items', {
				id: rng.uuid(),
				number: `${1000 + i}`,
				displayName: `${rng.pick(ITEM_NOUNS)} ${rng.pick(ITEM_SIZES)}`,
				displayName2: '',
				type: rng.chance(0.92) ? 'Inventory' : 'Service',
				itemCategoryId: ZERO,
				itemCategoryCode: rng.pick(['FASTENERS', 'PLUMBING', 'SAFETY', 'PAINT', 'TOOLS']),
				blocked: false,
				gtin: `0${String(rng.int(10000000000, 99999999999))}`.slice(0, 12),
				inventory: rng.int(0, 2500),
				unitPrice: Math.round(cost * 1.45 * 100) / 100,
				priceIncludesTax: false,
				unitCost: cost,
				taxGroupId: ZERO,
				taxGroupCode: 'TAXABLE',
				baseUnitOfMeasureId: ZERO,
				baseUnitOfMeasureCode: rng.pick(['PCS', 'BOX', 'PACK']),
				generalProductPostingGroupCode: 'RETAIL',
				inventoryPostingGroupCode: 'RESALE',
			}),
		);
	}

	const document = (set: string, linesSet: string, prefix: string, n: number, party: 'customer' | 'vendor', extra: (i: number, at: number) => Row) => {
		const docs: StoredRow[] = [];
		for (let i = 0; i < n; i++) {
			const at = tick();
			const id = rng.uuid();
			const p = party === 'customer' ? rng.pick(customers) : rng.pick(vendors);
			const lines = Array.from({ length: rng.int(1, 5) }, (_, k) => line(rng, id, k + 1, rng.pick(items), party === 'customer' ? 'unitPrice' : 'directUnitCost'));
			const cents = (field: string) => lines.reduce((sum, l) => sum + Math.round(Number(l[field]) * 100), 0) / 100;
			const partyFields =
				party === 'customer'
					? { customerId: p.id, customerNumber: p.number, customerName: p.displayName, billToName: p.displayName, billToCustomerId: p.id, billToCustomerNumber: p.number, shipToName: p.displayName, sellToAddressLine1: p.addressLine1, sellToCity: p.city, sellToState: p.state, sellToCountry: p.country, sellToPostCode: p.postalCode }
					: { vendorId: p.id, vendorNumber: p.number, vendorName: p.displayName, payToName: p.displayName, payToVendorId: p.id, payToVendorNumber: p.number, buyFromAddressLine1: p.addressLine1, buyFromCity: p.city, buyFromState: p.state, buyFromCountry: p.country, buyFromPostCode: p.postalCode };
			const doc = store.put(live, set, {
				_v: 1,
				id,
				number: `${prefix}${100001 + i}`,
				postingDate: date(at),
				...partyFields,
				currencyId: ZERO,
				currencyCode: '',
				pricesIncludeTax: false,
				discountAmount: 0,
				discountAppliedBeforeTax: false,
				totalAmountExcludingTax: cents('amountExcludingTax'),
				totalTaxAmount: cents('totalTaxAmount'),
				totalAmountIncludingTax: cents('amountIncludingTax'),
				lastModifiedDateTime: iso(at),
				...extra(i, at),
			} as StoredRow);
			for (const l of lines) store.put(live, linesSet, l);
			docs.push(doc);
		}
		store.setNumber(live, prefix, 100001 + n);
		return docs;
	};

	document('salesOrders', 'salesOrderLines', 'S-ORD', options.salesOrders, 'customer', (i, at) => ({
		externalDocumentNumber: `PO-${String(70000 + i)}`,
		orderDate: date(at),
		requestedDeliveryDate: date(at + 7 * DAY),
		partialShipping: true,
		fullyShipped: false,
		status: rng.pick(['Draft', 'Open', 'Released']),
		salesperson: rng.pick(['JR', 'MK', 'PS']),
	}));
	document('purchaseOrders', 'purchaseOrderLines', 'P-ORD', options.purchaseOrders, 'vendor', (_i, at) => ({
		orderDate: date(at),
		requestedReceiptDate: date(at + 10 * DAY),
		fullyReceived: false,
		status: rng.pick(['Draft', 'Open', 'Released']),
		purchaser: 'PS',
	}));
	const invoices = document('salesInvoices', 'salesInvoiceLines', 'S-INV', options.salesInvoices, 'customer', (i, at) => ({
		externalDocumentNumber: `PO-${String(60000 + i)}`,
		invoiceDate: date(at),
		dueDate: date(at + 30 * DAY),
		status: rng.weighted([
			['Draft', 2],
			['Open', 5],
			['Paid', 3],
		] as const),
	}));
	for (const inv of invoices) inv.remainingAmount = inv.status === 'Paid' ? 0 : inv.totalAmountIncludingTax;
	document('salesCreditMemos', 'salesCreditMemoLines', 'S-CR', options.salesCreditMemos, 'customer', (_i, at) => {
		const inv = rng.pick(invoices);
		return { creditMemoDate: date(at), dueDate: date(at), invoiceId: inv.id, invoiceNumber: inv.number, status: rng.pick(['Draft', 'Open']) };
	});
	for (let i = 0; i < options.salesShipments; i++) {
		const at = tick();
		const id = rng.uuid();
		const c = rng.pick(customers);
		const number = `S-SHPT${102001 + i}`;
		store.put(live, 'salesShipments', {
			_v: 1,
			id,
			number,
			externalDocumentNumber: `PO-${String(70000 + i)}`,
			documentDate: date(at),
			postingDate: date(at),
			customerNumber: c.number,
			customerName: c.displayName,
			shipToName: c.displayName,
			shipToAddressLine1: c.addressLine1,
			shipToAddressLine2: '',
			shipToCity: c.city,
			shipToState: c.state,
			shipToCountry: c.country,
			shipToPostCode: c.postalCode,
			orderNumber: `S-ORD${100001 + (i % Math.max(1, options.salesOrders))}`,
			shipmentMethodCode: rng.pick(['UPS', 'FEDEX', 'PICKUP']),
			salesperson: 'JR',
			lastModifiedDateTime: iso(at),
		} as StoredRow);
		for (let k = 0; k < rng.int(1, 4); k++) {
			const item = rng.pick(items);
			store.put(live, 'salesShipmentLines', {
				_v: 1,
				_parent: id,
				id: rng.uuid(),
				documentId: id,
				documentNo: number,
				sequence: (k + 1) * 10000,
				lineType: 'Item',
				lineObjectNumber: item.number,
				description: item.displayName,
				unitOfMeasureCode: item.baseUnitOfMeasureCode,
				unitPrice: item.unitPrice,
				quantity: rng.int(1, 30),
				discountPercent: 0,
				taxPercent: 8,
				shipmentDate: date(at),
			} as StoredRow);
		}
	}
	const journal = put('customerPaymentJournals', { id: rng.uuid(), code: 'CASHRCPT', displayName: 'Cash receipts', balancingAccountId: ZERO, balancingAccountNumber: '10200' });
	for (let i = 0; i < options.customerPayments; i++) {
		const inv = rng.pick(invoices.filter((v) => v.status !== 'Draft'));
		store.put(live, 'customerPayments', {
			_v: 1,
			_parent: journal.id,
			id: rng.uuid(),
			journalId: journal.id,
			journalDisplayName: 'CASHRCPT',
			lineNumber: (i + 1) * 10000,
			customerId: inv.customerId,
			customerNumber: inv.customerNumber,
			contactId: '',
			postingDate: date(tick()),
			documentNumber: `PMT${String(5000 + i)}`,
			externalDocumentNumber: `CHK${rng.int(1000, 9999)}`,
			amount: inv.totalAmountIncludingTax,
			appliesToInvoiceId: inv.id,
			appliesToInvoiceNumber: inv.number,
			description: `Payment ${String(inv.number)}`,
			comment: '',
			lastModifiedDateTime: iso(clock),
		} as StoredRow);
	}
}
