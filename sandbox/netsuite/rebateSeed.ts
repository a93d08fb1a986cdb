import { lineAmounts } from './lines';
import type { NsStore } from './store';
import type { NsRecord } from './types';

/**
 * The rebate quarter: four reseller partners of the distributor and what they bought in 2025-Q1, so a
 * rebate run (workflows/rebate-governance.json) has a quarter to accrue. Fixed data, no random draws,
 * appended after the rest of the seed: it shifts no other record's id.
 *
 * With the template's default programs the quarter gives (see workflows/rebate-governance.md):
 * - P-ALPHA: 12 invoices of 30 drills (4500.00) and 10 bolt packs (100.00), one return of 2 drills
 *   (credit memo, 300.00): power tools 53700.00 → 4 % = 2148.00, capped at 1500.00; fasteners 120 units;
 * - P-BRAVO: 6 invoices of 50 saws (6000.00); its gold certification ends 2025-02-15, so 4 count (24000.00);
 * - P-CHARLIE: 6 invoices of 50 bolt packs and 10 gallons of paint; no certification, no prior figure;
 * - P-DELTA: 4 invoices of 25 drills (3750.00) and 40 bolt packs (400.00).
 */
export const REBATE_PARTNERS = [
	{ entityId: 'P-ALPHA', companyName: 'Alpha Hardware Co-op' },
	{ entityId: 'P-BRAVO', companyName: 'Bravo Building Supply' },
	{ entityId: 'P-CHARLIE', companyName: 'Charlie Home Centers' },
	{ entityId: 'P-DELTA', companyName: 'Delta Farm & Ranch' },
] as const;

const ITEMS = [
	{ itemId: 'PT-DRILL-18V', displayName: 'Cordless Drill 18V Kit', cost: 95, salesPrice: 150 },
	{ itemId: 'PT-SAW-7', displayName: 'Circular Saw 7-1/4"', cost: 70, salesPrice: 120 },
	{ itemId: 'FS-HEX-M8', displayName: 'Hex Bolt M8 (100)', cost: 6, salesPrice: 10 },
	{ itemId: 'PN-INT-GAL', displayName: 'Interior Paint Gallon', cost: 18, salesPrice: 30 },
] as const;

/** The non-inventory item rebate credit memos are written on. */
export const REBATE_CREDIT_ITEM = 'REBATE-CREDIT';

type Sku = (typeof ITEMS)[number]['itemId'];
type Partner = (typeof REBATE_PARTNERS)[number]['entityId'];

/** [partner, dates, lines (sku, quantity)] — every line at the item's sales price. */
const INVOICES: Array<[Partner, string[], Array<[Sku, number]>]> = [
	[
		'P-ALPHA',
		['2025-01-06', '2025-01-13', '2025-01-20', '2025-01-27', '2025-02-03', '2025-02-10', '2025-02-17', '2025-02-24', '2025-03-03', '2025-03-10', '2025-03-17', '2025-03-24'],
		[
			['PT-DRILL-18V', 30],
			['FS-HEX-M8', 10],
		],
	],
	['P-BRAVO', ['2025-01-08', '2025-01-22', '2025-02-05', '2025-02-15', '2025-02-26', '2025-03-12'], [['PT-SAW-7', 50]]],
	[
		'P-CHARLIE',
		['2025-01-15', '2025-02-04', '2025-02-19', '2025-03-05', '2025-03-18', '2025-03-28'],
		[
			['FS-HEX-M8', 50],
			['PN-INT-GAL', 10],
		],
	],
	[
		'P-DELTA',
		['2025-01-10', '2025-02-07', '2025-03-07', '2025-03-21'],
		[
			['PT-DRILL-18V', 25],
			['FS-HEX-M8', 40],
		],
	],
];

/** Returns (customer credit memos, not rebates): [partner, date, sku, quantity, RMA number]. */
const RETURNS: Array<[Partner, string, Sku, number, string]> = [['P-ALPHA', '2025-03-26', 'PT-DRILL-18V', 2, 'RMA-2025-0326']];

const ref = (id: string) => ({ id });

/** Adds the rebate quarter to a seeded store (after everything else, so no other id moves). */
export function seedRebateQuarter(store: NsStore): void {
	const stamp = (date: string) => `${date}T17:00:00Z`;
	const put = (type: string, date: string, fields: Record<string, unknown>): NsRecord => {
		const record = { id: store.newId(), dateCreated: stamp(date), lastModifiedDate: stamp(date), ...fields } as NsRecord;
		store.put(type, record);
		return record;
	};
	const vendor = store.all('vendor')[0];
	const items = new Map<string, NsRecord>();
	for (const item of ITEMS) {
		items.set(
			item.itemId,
			put('inventoryItem', '2024-12-02', {
				...item,
				salesDescription: `${item.displayName} — distributor pack`,
				isInactive: false,
				vendor: vendor ? ref(vendor.id) : undefined,
				externalId: `SKU-${item.itemId}`,
			}),
		);
	}
	put('nonInventorySaleItem', '2024-12-02', {
		itemId: REBATE_CREDIT_ITEM,
		displayName: 'Partner rebate credit',
		salesDescription: 'Rebate earned under a partner rebate program',
		cost: 0,
		salesPrice: 0,
		isInactive: false,
		externalId: `SKU-${REBATE_CREDIT_ITEM}`,
	});
	const customers = new Map<string, NsRecord>();
	REBATE_PARTNERS.forEach((partner, i) => {
		customers.set(
			partner.entityId,
			put('customer', '2024-11-04', {
				...partner,
				email: `ap@${partner.companyName.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example`,
				phone: `(253) 555-01${String(10 + i)}`,
				isInactive: false,
				subsidiary: ref('1'),
				currency: ref('1'),
				terms: ref('1'),
				externalId: `PARTNER-${partner.entityId.slice(2)}`,
				defaultAddress: `${200 + i * 11} Commerce Way, WA`,
			}),
		);
	});
	const lines = (spec: Array<[Sku, number]>) =>
		lineAmounts(spec.map(([sku, quantity]) => ({ item: ref((items.get(sku) as NsRecord).id), quantity, rate: (items.get(sku) as NsRecord).salesPrice as number })));
	let number = 30001;
	for (const [partner, dates, spec] of INVOICES) {
		const customer = customers.get(partner) as NsRecord;
		for (const date of dates) {
			const computed = lines(spec);
			const due = new Date(Date.parse(date) + 30 * 86_400_000).toISOString().slice(0, 10);
			put('invoice', date, {
				tranId: `INV${number}`,
				tranDate: date,
				entity: ref(customer.id),
				otherRefNum: `PO-${partner.slice(2)}-${String(number).slice(-3)}`,
				status: { id: 'B', refName: 'Paid In Full' },
				currency: ref('1'),
				item: { items: computed.items },
				subtotal: computed.total,
				total: computed.total,
				amountRemaining: 0,
				dueDate: due,
			});
			number++;
		}
	}
	for (const [partner, date, sku, quantity, rma] of RETURNS) {
		const computed = lines([[sku, quantity]]);
		put('creditMemo', date, {
			tranId: `CM${number++}`,
			tranDate: date,
			entity: ref((customers.get(partner) as NsRecord).id),
			status: { id: 'A', refName: 'Open' },
			currency: ref('1'),
			memo: `Return ${rma}: ${quantity} × ${sku} damaged in transit`,
			item: { items: computed.items },
			subtotal: computed.total,
			total: computed.total,
			externalId: rma,
		});
	}
}
