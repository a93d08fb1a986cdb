import { Prng } from '../core/prng';

export type IaRecord = Record<string, unknown> & { RECORDNO: string };

export interface IntacctSeedOptions {
	customers: number;
	vendors: number;
	items: number;
	salesOrders: number;
	purchaseOrders: number;
	invoices: number;
	payments: number;
}

export const INTACCT_SEED_DEFAULTS: IntacctSeedOptions = {
	customers: 250,
	vendors: 40,
	items: 120,
	salesOrders: 60,
	purchaseOrders: 30,
	invoices: 80,
	payments: 40,
};

export const OBJECT_NAMES = [
	'CUSTOMER',
	'VENDOR',
	'ITEM',
	'WAREHOUSE',
	'ITEMWAREHOUSEINFO',
	'SODOCUMENT',
	'PODOCUMENT',
	'ARINVOICE',
	'ARADJUSTMENT',
	'ARPYMT',
	'APBILL',
	'SODOCUMENTPARAMS',
	'PODOCUMENTPARAMS',
] as const;

export type ObjectName = (typeof OBJECT_NAMES)[number];

export const TRANSACTION_DEFINITIONS: Record<string, string[]> = {
	SODOCUMENT: ['Sales Quote', 'Sales Order', 'Shipper', 'Sales Invoice'],
	PODOCUMENT: ['Purchase Order', 'PO Receiver', 'Vendor Invoice'],
};

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Seeded timestamps never read the clock: spread over 2025 from a fixed origin. */
const ORIGIN = Date.UTC(2025, 0, 2, 8, 0, 0);
export function usDateTime(ms: number): string {
	const d = new Date(ms);
	return `${pad(d.getUTCMonth() + 1, 2)}/${pad(d.getUTCDate(), 2)}/${d.getUTCFullYear()} ${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}`;
}
export function usDate(ms: number): string {
	return usDateTime(ms).slice(0, 10);
}

const COMPANY_WORDS = ['Northwind', 'Harbor', 'Summit', 'Bluegrass', 'Cedar', 'Prairie', 'Granite', 'Lakeside', 'Redwood', 'Beacon', 'Pioneer', 'Keystone'];
const COMPANY_KINDS = ['Hardware', 'Supply', 'Builders', 'Electric', 'Plumbing', 'Outfitters', 'Home Center', 'Contractors'];
const CITIES: Array<[string, string, string]> = [
	['Columbus', 'OH', '43215'],
	['Louisville', 'KY', '40202'],
	['Nashville', 'TN', '37203'],
	['Indianapolis', 'IN', '46204'],
	['Pittsburgh', 'PA', '15222'],
	['Richmond', 'VA', '23219'],
];
const PRODUCTS = ['Hex Bolt', 'Wood Screw', 'Wall Anchor', 'Hinge', 'Drawer Slide', 'Cabinet Pull', 'PVC Elbow', 'Copper Tee', 'Wire Nut', 'Circuit Breaker', 'LED Bulb', 'Extension Cord'];
const SIZES = ['1/4 in', '3/8 in', '1/2 in', '3/4 in', '1 in', '2 in'];

export interface Seeded {
	records: Record<ObjectName, IaRecord[]>;
	nextRecordNo: number;
}

/** Cents as a decimal string, without floating point. */
function money(cents: number): string {
	return `${Math.floor(cents / 100)}.${pad(cents % 100, 2)}`;
}

export function seedIntacct(seed: number, options: IntacctSeedOptions): Seeded {
	const rng = Prng.from(seed, 'intacct');
	let recordNo = 1;
	const next = () => String(recordNo++);
	let minute = 0;
	// Each record is modified a little after the previous one, some at the very same second (ties).
	const stamp = () => {
		minute += rng.chance(0.15) ? 0 : rng.int(1, 90);
		return ORIGIN + minute * 60_000;
	};
	const records = Object.fromEntries(OBJECT_NAMES.map((n) => [n, [] as IaRecord[]])) as Record<ObjectName, IaRecord[]>;
	const contact = (name: string, i: number) => {
		const [city, state, zip] = CITIES[i % CITIES.length];
		return {
			PRINTAS: name,
			CONTACTNAME: name,
			EMAIL1: `ap@${name.toLowerCase().replace(/[^a-z]+/g, '')}.example`,
			PHONE1: `555-01${pad(i % 100, 2)}`,
			MAILADDRESS: { ADDRESS1: `${100 + i} Main St`, ADDRESS2: '', CITY: city, STATE: state, ZIP: zip, COUNTRY: 'United States', COUNTRYCODE: 'US' },
		};
	};

	for (let i = 1; i <= options.customers; i++) {
		const name = `${COMPANY_WORDS[i % COMPANY_WORDS.length]} ${COMPANY_KINDS[(i * 7) % COMPANY_KINDS.length]} ${i}`;
		const t = stamp();
		records.CUSTOMER.push({
			RECORDNO: next(),
			CUSTOMERID: `C-${pad(1000 + i, 5)}`,
			NAME: name,
			STATUS: rng.chance(0.9) ? 'active' : 'inactive',
			TERMNAME: rng.pick(['Net 30', 'Net 45', 'Due on Receipt']),
			CURRENCY: 'USD',
			TAXID: '',
			PARENTID: '',
			DISPLAYCONTACT: contact(name, i),
			WHENCREATED: usDateTime(t),
			WHENMODIFIED: usDateTime(t),
		});
	}
	for (let i = 1; i <= options.vendors; i++) {
		const name = `${COMPANY_WORDS[(i * 5) % COMPANY_WORDS.length]} Manufacturing ${i}`;
		const t = stamp();
		records.VENDOR.push({
			RECORDNO: next(),
			VENDORID: `V-${pad(200 + i, 4)}`,
			NAME: name,
			STATUS: 'active',
			TERMNAME: 'Net 30',
			CURRENCY: 'USD',
			TAXID: '',
			DISPLAYCONTACT: contact(name, i + 50),
			WHENCREATED: usDateTime(t),
			WHENMODIFIED: usDateTime(t),
		});
	}
	const warehouses = ['WH-EAST', 'WH-WEST', 'WH-CENTRAL'];
	for (const [i, id] of warehouses.entries()) {
		const t = stamp();
		records.WAREHOUSE.push({ RECORDNO: next(), WAREHOUSEID: id, NAME: `${id.slice(3)} Distribution Center`, STATUS: 'active', WHENMODIFIED: usDateTime(t + i) });
	}
	for (let i = 1; i <= options.items; i++) {
		const t = stamp();
		const price = rng.int(99, 9999);
		const itemId = `ITM-${pad(i, 4)}`;
		records.ITEM.push({
			RECORDNO: next(),
			ITEMID: itemId,
			NAME: `${PRODUCTS[i % PRODUCTS.length]} ${SIZES[i % SIZES.length]}`,
			ITEMTYPE: i % 10 === 0 ? 'Non-Inventory' : 'Inventory',
			STATUS: 'active',
			STANDARD_UNIT: 'Each',
			BASEPRICE: money(price),
			STANDARD_COST: money(Math.floor(price * 0.6)),
			UPC: `0${pad(70000000000 + i, 11)}`,
			TAXABLE: 'true',
			VENDORID: records.VENDOR.length ? records.VENDOR[i % records.VENDOR.length].VENDORID : '',
			WHENCREATED: usDateTime(t),
			WHENMODIFIED: usDateTime(t),
		});
		if (i % 10 !== 0) {
			for (const wh of warehouses.slice(0, 1 + (i % 3))) {
				records.ITEMWAREHOUSEINFO.push({
					RECORDNO: next(),
					ITEMID: itemId,
					WAREHOUSEID: wh,
					QTYONHAND: String(rng.int(0, 500)),
					QTYONORDER: String(rng.int(0, 100)),
					QTYONHOLD: String(rng.int(0, 40)),
					WHENMODIFIED: usDateTime(t),
				});
			}
		}
	}
	const lines = (entryName: string, count: number) => {
		const out: Record<string, unknown>[] = [];
		let total = 0;
		for (let l = 1; l <= count; l++) {
			const item = records.ITEM[rng.int(0, records.ITEM.length - 1)];
			const qty = rng.int(1, 24);
			const priceCents = Number(String(item.BASEPRICE).replace('.', ''));
			total += qty * priceCents;
			out.push({ LINE_NO: String(l), ITEMID: item.ITEMID, ITEMDESC: item.NAME, QUANTITY: String(qty), UNIT: 'Each', PRICE: item.BASEPRICE, TOTAL: money(qty * priceCents) });
		}
		return { entries: { [entryName]: out }, total: money(total) };
	};
	for (let i = 1; i <= options.salesOrders; i++) {
		const customer = records.CUSTOMER[rng.int(0, records.CUSTOMER.length - 1)];
		const t = stamp();
		const { entries, total } = lines('sodocumententry', rng.int(1, 4));
		const shipper = i % 5 === 0;
		const definition = shipper ? 'Shipper' : 'Sales Order';
		const docNo = `${shipper ? 'SH' : 'SO'}${pad(i, 4)}`;
		records.SODOCUMENT.push({
			RECORDNO: next(),
			DOCNO: docNo,
			DOCID: `${definition}-${docNo}`,
			DOCPARID: definition,
			CUSTVENDID: customer.CUSTOMERID,
			CUSTVENDNAME: customer.NAME,
			PONUMBER: `PO-${pad(5000 + i, 5)}`,
			STATE: shipper ? 'Converted' : rng.pick(['Pending', 'Pending', 'Partially Converted', 'Closed']),
			CURRENCY: 'USD',
			WHENCREATED: usDate(t),
			WHENDUE: usDate(t + 7 * 86_400_000),
			SUBTOTAL: total,
			TOTAL: total,
			...(shipper ? { CREATEDFROM: `Sales Order-SO${pad(i - 1, 4)}`, SHIPVIA: 'UPS Ground', TRACKINGNUMBER: `1Z${rng.hex(12).toUpperCase()}` } : {}),
			SODOCUMENTENTRIES: entries,
			WHENMODIFIED: usDateTime(t),
		});
	}
	for (let i = 1; i <= options.purchaseOrders; i++) {
		const vendor = records.VENDOR[rng.int(0, records.VENDOR.length - 1)];
		const t = stamp();
		const { entries, total } = lines('podocumententry', rng.int(1, 3));
		const docNo = `PO${pad(i, 4)}`;
		records.PODOCUMENT.push({
			RECORDNO: next(),
			DOCNO: docNo,
			DOCID: `Purchase Order-${docNo}`,
			DOCPARID: 'Purchase Order',
			CUSTVENDID: vendor.VENDORID,
			CUSTVENDNAME: vendor.NAME,
			STATE: 'Pending',
			CURRENCY: 'USD',
			WHENCREATED: usDate(t),
			WHENDUE: usDate(t + 14 * 86_400_000),
			SUBTOTAL: total,
			TOTAL: total,
			PODOCUMENTENTRIES: entries,
			WHENMODIFIED: usDateTime(t),
		});
	}
	for (let i = 1; i <= options.invoices; i++) {
		const customer = records.CUSTOMER[rng.int(0, records.CUSTOMER.length - 1)];
		const t = stamp();
		const cents = rng.int(5000, 500000);
		const paid = i % 3 === 0 ? cents : 0;
		records.ARINVOICE.push({
			RECORDNO: next(),
			RECORDID: `INV-${pad(i, 5)}`,
			CUSTOMERID: customer.CUSTOMERID,
			CUSTOMERNAME: customer.NAME,
			STATE: paid ? 'Paid' : 'Posted',
			CURRENCY: 'USD',
			TERMNAME: customer.TERMNAME,
			WHENCREATED: usDate(t),
			WHENDUE: usDate(t + 30 * 86_400_000),
			TOTALENTERED: money(cents),
			TOTALPAID: money(paid),
			TOTALDUE: money(cents - paid),
			ARINVOICEITEMS: { arinvoiceitem: [{ LINE_NO: '1', ACCOUNTNO: '4000', AMOUNT: money(cents), MEMO: 'Merchandise' }] },
			WHENMODIFIED: usDateTime(t),
		});
	}
	for (let i = 1; i <= options.payments; i++) {
		const invoice = records.ARINVOICE[(i * 3 - 1) % Math.max(1, records.ARINVOICE.length)];
		if (!invoice) break;
		const t = stamp();
		records.ARPYMT.push({
			RECORDNO: next(),
			CUSTOMERID: invoice.CUSTOMERID,
			CUSTOMERNAME: invoice.CUSTOMERNAME,
			PAYMENTMETHOD: rng.pick(['Printed Check', 'EFT', 'Credit Card']),
			DOCNUMBER: `CHK-${pad(7000 + i, 5)}`,
			RECEIPTDATE: usDate(t),
			CURRENCY: 'USD',
			STATE: 'Complete',
			TOTALENTERED: invoice.TOTALENTERED,
			ARPYMTDETAILS: { arpymtdetail: [{ RECORDKEY: invoice.RECORDNO, TRX_PAYMENTAMOUNT: invoice.TOTALENTERED }] },
			WHENMODIFIED: usDateTime(t),
		});
	}
	for (let i = 1; i <= Math.floor(options.invoices / 8); i++) {
		const invoice = records.ARINVOICE[i * 7];
		if (!invoice) break;
		const t = stamp();
		records.ARADJUSTMENT.push({
			RECORDNO: next(),
			RECORDID: `CM-${pad(i, 4)}`,
			CUSTOMERID: invoice.CUSTOMERID,
			CUSTOMERNAME: invoice.CUSTOMERNAME,
			STATE: 'Posted',
			CURRENCY: 'USD',
			WHENCREATED: usDate(t),
			DESCRIPTION: 'Damaged goods return',
			TOTALENTERED: '-25.00',
			TOTALDUE: '-25.00',
			ARADJUSTMENTITEMS: { aradjustmentitem: [{ LINE_NO: '1', ACCOUNTNO: '4000', AMOUNT: '-25.00', MEMO: `Credit for ${String(invoice.RECORDID)}` }] },
			WHENMODIFIED: usDateTime(t),
		});
	}
	// The transaction definitions of Order Entry and Purchasing (what docparid / TRANSACTIONTYPE name).
	for (const [object, params] of [['SODOCUMENT', 'SODOCUMENTPARAMS'], ['PODOCUMENT', 'PODOCUMENTPARAMS']] as const) {
		for (const docid of TRANSACTION_DEFINITIONS[object]) {
			records[params].push({ RECORDNO: next(), DOCID: docid, DESCRIPTION: `${docid} transactions`, STATUS: 'active', WHENMODIFIED: usDateTime(ORIGIN) });
		}
	}
	return { records, nextRecordNo: recordNo };
}
