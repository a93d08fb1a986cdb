import { Prng } from '../core/prng';

export type Row = Record<string, unknown>;

/** ShipHero's ids are base64 of "<Type>:<legacy id>" (Relay global ids); `legacy_id` is the number. */
export function globalId(type: string, legacyId: number): string {
	return Buffer.from(`${type}:${legacyId}`).toString('base64');
}

/** The legacy id of a global id of `type`, or of a plain number; undefined otherwise. */
export function legacyIdOf(type: string, id: unknown): number | undefined {
	if (typeof id === 'number' && Number.isInteger(id)) return id;
	if (typeof id !== 'string' || id === '') return undefined;
	if (/^\d+$/.test(id)) return Number(id);
	const decoded = Buffer.from(id, 'base64').toString('utf8');
	const match = /^([A-Za-z]+):(\d+)$/.exec(decoded);
	return match && match[1] === type ? Number(match[2]) : undefined;
}

export const ACCOUNT_LEGACY_ID = 7556;
export const ACCOUNT_ID = globalId('Account', ACCOUNT_LEGACY_ID);

export interface ShipHeroSeedOptions {
	products: number;
	orders: number;
	purchaseOrders: number;
}

export const SH_SEED_DEFAULTS: ShipHeroSeedOptions = { products: 120, orders: 230, purchaseOrders: 30 };

/** Everything the fake keeps, as ShipHero shows it (GraphQL field names). */
export class ShipHeroStore {
	warehouses: Row[] = [];
	products: Row[] = [];
	warehouseProducts: Row[] = [];
	orders: Row[] = [];
	shipments: Row[] = [];
	purchaseOrders: Row[] = [];
	webhooks: Row[] = [];
	vendors: Row[] = [];
	private nextIds = new Map<string, number>();

	nextId(type: string, start: number): number {
		const id = this.nextIds.get(type) ?? start;
		this.nextIds.set(type, id + 1);
		return id;
	}

	clear(): void {
		this.warehouses = [];
		this.products = [];
		this.warehouseProducts = [];
		this.orders = [];
		this.shipments = [];
		this.purchaseOrders = [];
		this.webhooks = [];
		this.vendors = [];
		this.nextIds.clear();
	}
}

const START = Date.UTC(2025, 0, 6);
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
const money = (n: number) => n.toFixed(2);

const CATALOG: ReadonlyArray<readonly [string, string, number]> = [
	['Barcode Scanner', 'Electronics', 129],
	['Thermal Label Printer', 'Electronics', 249],
	['Shipping Labels 4x6 (500)', 'Supplies', 18.5],
	['Packing Tape 48mm', 'Supplies', 3.25],
	['Corrugated Box 12x12x8', 'Packaging', 1.1],
	['Poly Mailer 10x13', 'Packaging', 0.35],
	['Bubble Wrap Roll', 'Packaging', 22],
	['Pallet Wrap 18in', 'Packaging', 27.9],
	['Safety Gloves (pair)', 'Safety', 4.75],
	['Hi-Vis Vest', 'Safety', 9.6],
	['Hand Truck', 'Equipment', 139],
	['Pick Cart', 'Equipment', 310],
	['Shelf Bin Small', 'Storage', 2.4],
	['Shelf Bin Large', 'Storage', 6.8],
	['Wireless Headset', 'Electronics', 89],
];
const COLORS = ['Black', 'Blue', 'Grey', 'Red', 'Green', 'Orange', 'White', 'Yellow'];
const FIRST = ['Alex', 'Jordan', 'Taylor', 'Morgan', 'Casey', 'Riley', 'Maria', 'James', 'Priya', 'Wei', 'Sofia', 'Mateo'];
const LAST = ['Smith', 'Garcia', 'Nguyen', 'Patel', 'Kim', 'Chen', 'Okafor', 'Novak', 'Rossi', 'Silva', 'Lee', 'Walker'];
const PLACES: ReadonlyArray<readonly [string, string, string]> = [
	['Tampa', 'FL', '33602'],
	['Austin', 'TX', '78701'],
	['Denver', 'CO', '80202'],
	['Columbus', 'OH', '43215'],
	['Raleigh', 'NC', '27601'],
	['Portland', 'OR', '97204'],
	['Madison', 'WI', '53703'],
	['Richmond', 'VA', '23219'],
];
const SHOPS = ['harbor-supply.myshopify.com', 'Amazon', 'Manual Order'];
const VENDOR_NAMES = ['Uline', 'Global Industrial', 'Zebra Technologies', 'Sealed Air'];

/** Fills the store deterministically: a distributor's two warehouses, its catalogue, orders, shipments and inbound POs. */
export function seedShipHero(store: ShipHeroStore, seed: number, options: ShipHeroSeedOptions): void {
	store.clear();
	const stream = (name: string) => Prng.from(seed, `shiphero:${name}`);

	store.warehouses = [
		{ legacy_id: 11, identifier: 'Primary', city: 'Columbus', state: 'OH', zip: '43215' },
		{ legacy_id: 12, identifier: 'West Coast', city: 'Reno', state: 'NV', zip: '89502' },
	].map((w) => ({
		id: globalId('Warehouse', w.legacy_id),
		legacy_id: w.legacy_id,
		account_id: ACCOUNT_ID,
		identifier: w.identifier,
		address: { name: `${w.identifier} DC`, address1: '100 Distribution Way', city: w.city, state: w.state, zip: w.zip, country: 'US' },
	}));
	store.vendors = VENDOR_NAMES.map((name, i) => ({ id: globalId('Vendor', 300 + i), legacy_id: 300 + i, name, email: `orders@${name.toLowerCase().replace(/\W+/g, '')}.example` }));

	let rng = stream('products');
	for (let i = 0; i < options.products; i++) {
		const [base, category, price] = CATALOG[i % CATALOG.length];
		const color = COLORS[Math.floor(i / CATALOG.length) % COLORS.length];
		const legacy = 5000 + i;
		const created = START + i * 3600_000;
		const sku = `SKU-${String(1000 + i)}`;
		store.products.push({
			id: globalId('Product', legacy),
			legacy_id: legacy,
			account_id: ACCOUNT_ID,
			name: `${base} - ${color}`,
			sku,
			barcode: `0${String(7200000000 + i * 7)}`,
			country_of_manufacture: rng.pick(['US', 'CN', 'MX', 'DE']),
			tariff_code: category === 'Electronics' ? '8471.60' : '4819.10',
			kit: false,
			active: true,
			customs_value: money(price * 0.6),
			dimensions: { weight: money(0.2 + rng.float() * 9), height: '4', width: '6', length: '8' },
			created_at: iso(created),
			updated_at: iso(created + rng.int(0, 200) * DAY),
		});
		for (const warehouse of store.warehouses) {
			const wpLegacy = store.nextId('WarehouseProduct', 90000);
			const onHand = rng.int(0, 400);
			const allocated = Math.min(onHand, rng.int(0, 30));
			store.warehouseProducts.push({
				id: globalId('WarehouseProduct', wpLegacy),
				legacy_id: wpLegacy,
				account_id: ACCOUNT_ID,
				sku,
				warehouse_id: warehouse.id,
				warehouse_identifier: warehouse.identifier,
				price: money(price),
				value: money(price * 0.55),
				on_hand: onHand,
				allocated,
				backorder: 0,
				reserve_inventory: 0,
				inventory_bin: `${String.fromCharCode(65 + (i % 6))}-${String(1 + (i % 40)).padStart(2, '0')}`,
				active: true,
				created_at: iso(created),
				updated_at: iso(created + rng.int(0, 200) * DAY),
			});
		}
	}

	rng = stream('orders');
	for (let i = 0; i < options.orders; i++) {
		const legacy = 200000 + i * 3 + rng.int(0, 2);
		const created = START + i * 9 * 3600_000;
		const [city, state, zip] = rng.pick(PLACES);
		const first = rng.pick(FIRST);
		const last = rng.pick(LAST);
		const address = {
			first_name: first,
			last_name: last,
			company: rng.chance(0.4) ? `${last} Retail` : '',
			address1: `${rng.int(10, 999)} Commerce Blvd`,
			address2: '',
			city,
			state,
			state_code: state,
			zip,
			country: 'US',
			country_code: 'US',
			email: `${first.toLowerCase()}.${last.toLowerCase()}@example.com`,
			phone: `555-01${String(rng.int(0, 99)).padStart(2, '0')}`,
		};
		const lines: Row[] = [];
		const count = rng.int(1, 4);
		let subtotal = 0;
		for (let l = 0; l < count; l++) {
			const product = store.products[rng.int(0, store.products.length - 1)];
			const wp = store.warehouseProducts.find((w) => w.sku === product.sku) as Row;
			const quantity = rng.int(1, 6);
			subtotal += quantity * Number(wp.price);
			lines.push({
				id: globalId('LineItem', legacy * 10 + l),
				legacy_id: legacy * 10 + l,
				sku: product.sku,
				partner_line_item_id: `L${legacy}-${l + 1}`,
				product_id: product.id,
				quantity,
				price: wp.price,
				product_name: product.name,
				fulfillment_status: 'pending',
				quantity_allocated: 0,
				quantity_pending_fulfillment: quantity,
				quantity_shipped: 0,
				backorder_quantity: 0,
				created_at: iso(created),
				updated_at: iso(created),
			});
		}
		const shipping = rng.pick([0, 7.95, 12.5]);
		const tax = Math.round(subtotal * 0.07 * 100) / 100;
		const status = rng.weighted<string>([
			['fulfilled', 5],
			['pending', 3],
			['canceled', 1],
		]);
		store.orders.push({
			id: globalId('Order', legacy),
			legacy_id: legacy,
			account_id: ACCOUNT_ID,
			order_number: `#${1001 + i}`,
			partner_order_id: `HS-${String(50000 + i)}`,
			shop_name: rng.pick(SHOPS),
			fulfillment_status: status,
			order_date: iso(created),
			required_ship_date: iso(created + 2 * DAY),
			currency: 'USD',
			email: address.email,
			subtotal: money(subtotal),
			total_tax: money(tax),
			total_discounts: '0.00',
			total_price: money(subtotal + tax + shipping),
			shipping_lines: { title: shipping === 0 ? 'Free Shipping' : 'Ground', carrier: 'UPS', method: 'Ground', price: money(shipping) },
			shipping_address: address,
			billing_address: { ...address },
			tags: rng.chance(0.2) ? ['wholesale'] : [],
			holds: { fraud_hold: false, address_hold: false, shipping_method_hold: false, operator_hold: false, payment_hold: false, client_hold: false },
			line_items: lines,
			created_at: iso(created),
			updated_at: iso(created + rng.int(0, 5) * DAY),
		});
	}

	rng = stream('shipments');
	for (const order of store.orders.filter((o) => o.fulfillment_status === 'fulfilled')) {
		const warehouse = rng.pick(store.warehouses);
		const created = Date.parse(String(order.order_date)) + rng.int(1, 3) * DAY;
		addShipment(store, order, warehouse, iso(created), `1Z${rng.hex(16).toUpperCase()}`);
	}

	rng = stream('purchaseOrders');
	for (let i = 0; i < options.purchaseOrders; i++) {
		const legacy = 7000 + i;
		const vendor = rng.pick(store.vendors);
		const warehouse = rng.pick(store.warehouses);
		const created = START + i * 5 * DAY;
		const lines: Row[] = [];
		let subtotal = 0;
		for (let l = 0; l < rng.int(1, 5); l++) {
			const product = store.products[rng.int(0, store.products.length - 1)];
			const quantity = rng.int(10, 200);
			const price = Number((store.warehouseProducts.find((w) => w.sku === product.sku) as Row).value);
			subtotal += quantity * price;
			const closed = i < options.purchaseOrders - 8;
			lines.push({
				id: globalId('PurchaseOrderLineItem', legacy * 10 + l),
				legacy_id: legacy * 10 + l,
				sku: product.sku,
				vendor_sku: `V-${String(product.sku)}`,
				product_name: product.name,
				quantity,
				quantity_received: closed ? quantity : 0,
				quantity_rejected: 0,
				price: money(price),
				fulfillment_status: closed ? 'closed' : 'pending',
				expected_weight_in_lbs: '1.00',
			});
		}
		const closed = i < options.purchaseOrders - 8;
		store.purchaseOrders.push({
			id: globalId('PurchaseOrder', legacy),
			legacy_id: legacy,
			account_id: ACCOUNT_ID,
			po_number: `PO-${String(24000 + i)}`,
			warehouse_id: warehouse.id,
			vendor_id: vendor.id,
			vendor: { id: vendor.id, name: vendor.name },
			created_at: iso(created),
			po_date: iso(created),
			date_closed: closed ? iso(created + 9 * DAY) : null,
			fulfillment_status: closed ? 'closed' : 'pending',
			po_note: '',
			description: `Replenishment from ${String(vendor.name)}`,
			subtotal: money(subtotal),
			shipping_price: '0.00',
			total_price: money(subtotal),
			tracking_number: closed ? `TRK${legacy}` : null,
			line_items: lines,
		});
	}
}

/** A shipment of every line of an order (also used when the sandbox "ships" an order at run time). */
export function addShipment(store: ShipHeroStore, order: Row, warehouse: Row, createdAt: string, tracking: string): Row {
	const legacy = store.nextId('Shipment', 800000);
	const lines = (order.line_items as Row[]).map((line, i) => ({
		id: globalId('ShipmentLineItem', legacy * 10 + i),
		line_item_id: line.id,
		shipment_id: globalId('Shipment', legacy),
		quantity: line.quantity,
		line_item: { sku: line.sku, product_name: line.product_name },
	}));
	for (const line of order.line_items as Row[]) {
		line.quantity_shipped = line.quantity;
		line.quantity_pending_fulfillment = 0;
		line.fulfillment_status = 'fulfilled';
	}
	const shipment = {
		id: globalId('Shipment', legacy),
		legacy_id: legacy,
		order_id: order.id,
		account_id: ACCOUNT_ID,
		warehouse_id: warehouse.id,
		address: order.shipping_address,
		shipped_off_shiphero: false,
		dropshipment: false,
		created_date: createdAt,
		line_items: lines,
		shipping_labels: [
			{
				id: globalId('ShippingLabel', legacy),
				tracking_number: tracking,
				carrier: 'UPS',
				shipping_name: 'UPS Ground',
				shipping_method: 'ground',
				cost: '8.40',
				status: 'valid',
			},
		],
	};
	store.shipments.push(shipment);
	return shipment;
}
