import { Prng } from '../core/prng';

export type Rec = Record<string, unknown>;

export interface ExtensivData {
	customers: Rec[];
	facilities: Rec[];
	items: Rec[];
	orders: Rec[];
	receivers: Rec[];
	stock: Rec[];
}

export interface ExtensivSeedOptions {
	/** Orders seeded (default 260). */
	orders: number;
	/** Receivers seeded (default 40). */
	receivers: number;
}

export const EXTENSIV_SEED_DEFAULTS: ExtensivSeedOptions = { orders: 260, receivers: 40 };

/** Warehouse time of the seeded history: everything happened before this instant. */
export const SEED_EPOCH = Date.parse('2026-10-01T00:00:00Z');

export const wmsDate = (ms: number): string => new Date(ms).toISOString().slice(0, 19);

const CUSTOMERS = ['Northwind Distribution', 'Contoso Outdoor Supply', 'Fabrikam Industrial Parts'];
const FACILITIES = ['Reno DC', 'Columbus DC'];
const PRODUCTS = ['Safety Gloves', 'Pallet Wrap', 'Hex Bolt M8', 'LED Work Light', 'Cable Ties 200', 'Tarp 10x12', 'Shop Towels', 'Drill Bit Set', 'Zip Bag 1gal', 'Duct Tape 2in'];
const CITIES: Array<[string, string, string]> = [
	['Reno', 'NV', '89501'],
	['Columbus', 'OH', '43215'],
	['Denver', 'CO', '80202'],
	['Austin', 'TX', '78701'],
	['Portland', 'OR', '97204'],
];
const CARRIERS = ['UPS', 'FedEx', 'USPS'];

/** A distributor's 3PL: three goods owners, two warehouses, their SKUs, orders, inbound ASNs and stock. */
export function seedExtensiv(seed: number, options: ExtensivSeedOptions): ExtensivData {
	const rng = Prng.from(seed, 'extensiv');
	const customers = CUSTOMERS.map((name, i) => ({
		customerId: i + 1,
		companyInfo: { companyName: name },
		externalId: `CUST-${String(i + 1).padStart(3, '0')}`,
		facilities: FACILITIES.map((_, f) => ({ id: f + 1 })),
	}));
	const facilities = FACILITIES.map((name, i) => ({ id: i + 1, name }));
	const items: Rec[] = [];
	let itemId = 100;
	for (const customer of customers) {
		for (const [p, product] of PRODUCTS.entries()) {
			itemId++;
			items.push({
				itemId,
				customerId: customer.customerId,
				sku: `${customer.externalId.slice(5)}-${product.toUpperCase().replace(/[^A-Z0-9]+/g, '').slice(0, 6)}-${p + 1}`,
				description: product,
				upc: `0${String(7000000000 + itemId * 7).padStart(11, '0')}`,
				cost: rng.money(1, 40),
				price: rng.money(45, 90),
				readOnly: { creationDate: wmsDate(SEED_EPOCH - 400 * 86_400_000), lastModifiedDate: wmsDate(SEED_EPOCH - rng.int(30, 300) * 86_400_000), deactivated: false },
			});
		}
	}
	const stock: Rec[] = [];
	for (const item of items) {
		for (const facility of facilities) {
			const onHand = rng.int(0, 400);
			const allocated = Math.min(onHand, rng.int(0, 40));
			stock.push({
				facilityId: facility.id,
				customerId: item.customerId,
				itemIdentifier: { id: item.itemId, sku: item.sku },
				totalReceived: onHand + rng.int(0, 500),
				allocated,
				onHold: 0,
				onHand,
				available: onHand - allocated,
			});
		}
	}
	const orders: Rec[] = [];
	for (let i = 1; i <= options.orders; i++) {
		const customer = rng.pick(customers);
		const ownItems = items.filter((it) => it.customerId === customer.customerId);
		const created = SEED_EPOCH - rng.int(1, 120) * 86_400_000 - rng.int(0, 86_399) * 1000;
		const status = rng.weighted<number>([[0, 5], [1, 4], [2, 1]]);
		const modified = created + rng.int(60, 5 * 86_400) * 1000;
		const [city, state, zip] = rng.pick(CITIES);
		const lines = Array.from({ length: rng.int(1, 4) }, (_, l) => {
			const item = rng.pick(ownItems);
			return { readOnly: { orderItemId: i * 10 + l }, itemIdentifier: { id: item.itemId, sku: item.sku }, qty: rng.int(1, 24) };
		});
		const carrier = rng.pick(CARRIERS);
		orders.push({
			readOnly: {
				orderId: 5000 + i,
				status,
				isClosed: status !== 0,
				fullyAllocated: status !== 0 || rng.chance(0.5),
				creationDate: wmsDate(created),
				lastModifiedDate: wmsDate(modified),
				processDate: status === 1 ? wmsDate(modified) : null,
				packages: status === 1 ? [{ packageId: 9000 + i, trackingNumber: `1Z${rng.hex(16).toUpperCase()}` }] : [],
			},
			customerIdentifier: { id: customer.customerId, name: customer.companyInfo.companyName, externalId: customer.externalId },
			facilityIdentifier: { id: rng.pick(facilities).id, name: undefined },
			referenceNum: `SO-${String(100000 + i)}`,
			poNum: `PO-${rng.int(10000, 99999)}`,
			notes: '',
			routingInfo: { carrier, mode: carrier === 'USPS' ? 'Priority' : 'Ground' },
			shipTo: { companyName: `Retail Store ${rng.int(100, 999)}`, name: 'Receiving', address1: `${rng.int(1, 9999)} Commerce Way`, city, state, zip, country: 'US' },
			orderItems: lines,
		});
	}
	for (const order of orders) {
		const f = order.facilityIdentifier as Rec;
		f.name = facilities.find((x) => x.id === f.id)?.name;
	}
	const receivers: Rec[] = [];
	for (let i = 1; i <= options.receivers; i++) {
		const customer = rng.pick(customers);
		const ownItems = items.filter((it) => it.customerId === customer.customerId);
		const created = SEED_EPOCH - rng.int(1, 90) * 86_400_000;
		const status = rng.weighted<number>([[0, 3], [1, 6], [2, 1]]);
		const facility = rng.pick(facilities);
		receivers.push({
			readOnly: {
				receiverId: 700 + i,
				status,
				creationDate: wmsDate(created),
				lastModifiedDate: wmsDate(created + rng.int(3600, 7 * 86_400) * 1000),
				arrivalDate: status === 1 ? wmsDate(created + 3 * 86_400_000) : null,
			},
			customerIdentifier: { id: customer.customerId, name: customer.companyInfo.companyName, externalId: customer.externalId },
			facilityIdentifier: { id: facility.id, name: facility.name },
			referenceNum: `ASN-${String(3000 + i)}`,
			poNum: `PO-${rng.int(10000, 99999)}`,
			expectedDate: wmsDate(created + 5 * 86_400_000),
			supplierIdentifier: { id: rng.int(1, 6), name: rng.pick(['Acme Manufacturing', 'Globex Imports', 'Initech Packaging']) },
			receiveItems: Array.from({ length: rng.int(1, 3) }, (_, l) => {
				const item = rng.pick(ownItems);
				return { readOnly: { receiveItemId: i * 10 + l }, itemIdentifier: { id: item.itemId, sku: item.sku }, qty: rng.int(10, 200) };
			}),
		});
	}
	return { customers, facilities, items, orders, receivers, stock };
}
