import { Prng } from '../core/prng';
import { lineAmounts } from './lines';
import { seedRebateQuarter } from './rebateSeed';
import type { NsStore } from './store';
import type { NsRecord } from './types';

export interface NsSeedOptions {
	customers: number;
	vendors: number;
	inventoryItems: number;
	nonInventoryItems: number;
	salesOrders: number;
	purchaseOrders: number;
	/** Rows of the `customrecord_stock_ledger` SuiteQL table; generated on demand, never stored. */
	ledgerRows: number;
}

export const NS_SEED_DEFAULTS: NsSeedOptions = {
	customers: 40,
	vendors: 12,
	inventoryItems: 60,
	nonInventoryItems: 8,
	salesOrders: 120,
	purchaseOrders: 30,
	ledgerRows: 120_000,
};

/** Seeded data lives in this window, so anything written at run time is newer. */
export const SEED_START = Date.UTC(2025, 0, 2);
const SEED_END = Date.UTC(2025, 9, 31, 18, 0, 0);

export function isoSeconds(ms: number): string {
	return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

const RETAILERS = ['Harbor', 'Summit', 'Prairie', 'Lakeside', 'Redwood', 'Granite', 'Bayview', 'Cedar', 'Ironwood', 'Maple', 'Northgate', 'Riverside', 'Sunset', 'Oakridge'];
const RETAIL_KINDS = ['Hardware', 'Outfitters', 'Home & Garden', 'Supply Co.', 'Marine', 'Farm Store', 'General Store', 'Building Center'];
const MAKERS = ['Atlas Fasteners', 'Brightline Electric', 'Coastal Pumps', 'Delta Tools', 'Evergreen Paints', 'Forge Hand Tools', 'Glacier Coolers', 'Heritage Hardware', 'Ion Batteries', 'Juniper Garden', 'Keystone Plumbing', 'Lumen Lighting'];
const PRODUCTS = ['Cordless Drill 18V', 'Impact Driver', 'Hex Bolt M8 (100)', 'Wood Screw #8 (500)', 'LED Shop Light 4ft', 'Extension Cord 50ft', 'Sump Pump 1/3 HP', 'Garden Hose 75ft', 'Interior Paint Gallon', 'Paint Roller Kit', 'Claw Hammer 16oz', 'Tape Measure 25ft', 'Cooler 48qt', 'AA Batteries (24)', 'PVC Pipe 10ft', 'Ball Valve 3/4"', 'Work Gloves L', 'Safety Glasses', 'Circular Saw 7-1/4"', 'Shop Vacuum 12gal'];
const STATES = ['WA', 'OR', 'CA', 'ID', 'MT', 'CO', 'UT', 'NV'];

function ref(id: string): { id: string } {
	return { id };
}

/** Builds the distributor's account: subsidiary, warehouses, customers (retailers), vendors, items, orders. */
export function seedNetSuite(store: NsStore, seed: number, options: NsSeedOptions): void {
	store.clear();
	const rng = Prng.from(seed, 'netsuite');
	const span = SEED_END - SEED_START;
	const stamp = (fraction: number) => SEED_START + Math.floor(span * fraction);
	const base = (ms: number, extra: Record<string, unknown>): NsRecord =>
		({ id: store.newId(), dateCreated: isoSeconds(ms), lastModifiedDate: isoSeconds(ms + rng.int(0, 20) * 86_400_000), ...extra }) as NsRecord;

	store.put('subsidiary', base(SEED_START, { name: 'Northwind Distribution Inc.', currency: ref('1') }));
	const locations = ['Main Warehouse (Tacoma)', 'East DC (Spokane)', 'West DC (Portland)'].map((name) => {
		const r = base(SEED_START, { name });
		store.put('location', r);
		return r;
	});

	const customers: NsRecord[] = [];
	for (let i = 0; i < options.customers; i++) {
		const name = `${RETAILERS[i % RETAILERS.length]} ${RETAIL_KINDS[(i * 3) % RETAIL_KINDS.length]}${i >= RETAILERS.length ? ` ${Math.floor(i / RETAILERS.length) + 1}` : ''}`;
		const created = stamp(rng.float() * 0.3);
		const r = base(created, {
			entityId: `C${String(1000 + i)}`,
			companyName: name,
			email: `ap@${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example`,
			phone: `(206) 555-${String(1000 + i).slice(-4)}`,
			isInactive: i % 17 === 16,
			subsidiary: ref('1'),
			currency: ref('1'),
			terms: ref(i % 3 === 0 ? '2' : '1'),
			externalId: `RET-${String(100 + i)}`,
			defaultAddress: `${100 + i * 7} Main St, ${STATES[i % STATES.length]}`,
		});
		store.put('customer', r);
		customers.push(r);
	}
	const vendors: NsRecord[] = [];
	for (let i = 0; i < options.vendors; i++) {
		const r = base(stamp(rng.float() * 0.2), {
			entityId: `V${String(500 + i)}`,
			companyName: MAKERS[i % MAKERS.length] + (i >= MAKERS.length ? ` ${i}` : ''),
			email: `orders@${MAKERS[i % MAKERS.length].toLowerCase().replace(/[^a-z0-9]+/g, '')}.example`,
			subsidiary: ref('1'),
			currency: ref('1'),
			externalId: `SUP-${String(10 + i)}`,
		});
		store.put('vendor', r);
		vendors.push(r);
	}
	const items: Array<{ record: NsRecord; type: string }> = [];
	for (let i = 0; i < options.inventoryItems + options.nonInventoryItems; i++) {
		const inventory = i < options.inventoryItems;
		const product = PRODUCTS[i % PRODUCTS.length];
		const cost = rng.money(2, 180);
		const r = base(stamp(rng.float() * 0.25), {
			itemId: `${inventory ? 'NW' : 'SV'}-${String(10000 + i)}`,
			displayName: inventory ? product + (i >= PRODUCTS.length ? ` v${Math.floor(i / PRODUCTS.length) + 1}` : '') : `Service: ${['Kitting', 'Labeling', 'Rush Handling', 'Pallet Wrap'][i % 4]}`,
			salesDescription: inventory ? `${product} — distributor pack` : 'Value-added service',
			cost,
			salesPrice: Math.round(cost * (1.3 + rng.float() * 0.4) * 100) / 100,
			upcCode: inventory ? `0${String(72000000000 + i * 13)}` : undefined,
			isInactive: false,
			vendor: inventory ? ref(vendors[i % vendors.length].id) : undefined,
			externalId: `SKU-${String(10000 + i)}`,
		});
		const type = inventory ? 'inventoryItem' : 'nonInventorySaleItem';
		store.put(type, r);
		items.push({ record: r, type });
		if (inventory) {
			for (const location of locations) {
				const onHand = rng.int(0, 400);
				store.put('inventoryBalance', {
					id: `${r.id}-${location.id}`,
					item: ref(r.id),
					location: ref(location.id),
					quantityOnHand: onHand,
					quantityCommitted: Math.min(onHand, rng.int(0, 40)),
					quantityOnOrder: rng.int(0, 100),
					dateCreated: r.dateCreated,
					lastModifiedDate: r.lastModifiedDate,
				} as NsRecord);
			}
		}
	}
	const pickLines = (count: number, priceField: 'salesPrice' | 'cost') =>
		Array.from({ length: count }, (_, n) => {
			const item = items[rng.int(0, items.length - 1)].record;
			return { line: n + 1, item: ref(item.id), quantity: rng.int(1, 48), rate: item[priceField] as number };
		});

	for (let i = 0; i < options.salesOrders; i++) {
		const customer = customers[rng.int(0, customers.length - 1)];
		const when = stamp(0.3 + rng.float() * 0.65);
		const lines = lineAmounts(pickLines(rng.int(1, 4), 'salesPrice'));
		const stage = rng.weighted([['B', 5], ['F', 2], ['G', 3]] as const);
		const so = base(when, {
			tranId: `SO${String(10000 + i)}`,
			tranDate: new Date(when).toISOString().slice(0, 10),
			entity: ref(customer.id),
			otherRefNum: `PO-${customer.entityId as string}-${String(4000 + i)}`,
			status: { id: stage, refName: stage === 'B' ? 'Pending Fulfillment' : stage === 'F' ? 'Pending Billing' : 'Billed' },
			location: ref(locations[i % locations.length].id),
			currency: ref('1'),
			item: { items: lines.items },
			subtotal: lines.total,
			total: lines.total,
			externalId: `WEB-${String(70000 + i)}`,
		});
		store.put('salesOrder', so);
		if (stage !== 'B') {
			store.put('itemFulfillment', base(when + 86_400_000, {
				tranId: `IF${String(10000 + i)}`,
				tranDate: new Date(when + 86_400_000).toISOString().slice(0, 10),
				entity: ref(customer.id),
				createdFrom: ref(so.id),
				shipStatus: { id: 'C', refName: 'Shipped' },
				item: { items: lines.items.map((l) => ({ line: l.line, item: l.item, quantity: l.quantity, itemReceive: true })) },
			}));
		}
		if (stage === 'G') {
			const paid = rng.chance(0.6);
			const invoice = base(when + 2 * 86_400_000, {
				tranId: `INV${String(10000 + i)}`,
				tranDate: new Date(when + 2 * 86_400_000).toISOString().slice(0, 10),
				entity: ref(customer.id),
				createdFrom: ref(so.id),
				otherRefNum: so.otherRefNum,
				status: paid ? { id: 'B', refName: 'Paid In Full' } : { id: 'A', refName: 'Open' },
				item: { items: lines.items },
				subtotal: lines.total,
				total: lines.total,
				amountRemaining: paid ? 0 : lines.total,
				dueDate: new Date(when + 32 * 86_400_000).toISOString().slice(0, 10),
			});
			store.put('invoice', invoice);
			if (paid) {
				store.put('customerPayment', base(when + 20 * 86_400_000, {
					tranId: `PYMT${String(10000 + i)}`,
					tranDate: new Date(when + 20 * 86_400_000).toISOString().slice(0, 10),
					customer: ref(customer.id),
					payment: lines.total,
					apply: { items: [{ doc: ref(invoice.id), apply: true, amount: lines.total }] },
				}));
			}
		}
	}
	for (let i = 0; i < options.purchaseOrders; i++) {
		const vendor = vendors[i % vendors.length];
		const when = stamp(0.25 + rng.float() * 0.7);
		const lines = lineAmounts(pickLines(rng.int(1, 5), 'cost'));
		store.put('purchaseOrder', base(when, {
			tranId: `PO${String(5000 + i)}`,
			tranDate: new Date(when).toISOString().slice(0, 10),
			entity: ref(vendor.id),
			status: { id: 'B', refName: 'Pending Receipt' },
			location: ref(locations[0].id),
			currency: ref('1'),
			item: { items: lines.items },
			total: lines.total,
			externalId: `PO-EXT-${String(5000 + i)}`,
		}));
	}
	seedRebateQuarter(store);
}
