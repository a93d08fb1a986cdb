/**
 * The part of ShipHero's public schema (developer.shiphero.com/schema) the fake serves: root
 * queries return `{ request_id complexity data }` wrappers whose `data` is a record or a Relay
 * connection; mutations take one `data:` input object and return `{ request_id complexity <record> }`.
 */
import { FieldError } from './graphql/executor';
import type { ExecContext, FieldDef, Schema } from './graphql/executor';
import { ACCOUNT_ID, ACCOUNT_LEGACY_ID, addShipment, globalId, legacyIdOf } from './store';
import type { Row, ShipHeroStore } from './store';

/** ShipHero's error codes (numbered like gRPC status codes). */
export const CODES = { invalid: 3, notFound: 5, exists: 6, permission: 7, precondition: 9, throttled: 30 };

export const WEBHOOK_TYPES = [
	'Inventory Update',
	'Inventory Change',
	'Shipment Update',
	'Automation Rules',
	'Order Canceled',
	'Capture Payment',
	'PO Update',
	'Return Update',
	'Tote Complete',
	'Tote Cleared',
	'Order Packed Out',
	'Package Added',
	'Print Barcode',
	'Order Allocated',
	'Order Deallocated',
	'Shipment ASN',
	'Generate Label',
];

export interface SchemaHost {
	store: ShipHeroStore;
	now(): Date;
	notify(webhookType: string, payload: Record<string, unknown>): void;
	newSecret(): string;
	account: { email: string; username: string };
}

const CONN_ARGS = { first: 'Int', after: 'String', last: 'Int', before: 'String' };
const ROOT_ARGS = { customer_account_id: 'String', analyze: 'Boolean' };

function cursor(index: number): string {
	return Buffer.from(`arrayconnection:${index}`).toString('base64');
}

function cursorIndex(value: unknown): number | undefined {
	if (typeof value !== 'string' || value === '') return undefined;
	const match = /^arrayconnection:(\d+)$/.exec(Buffer.from(value, 'base64').toString('utf8'));
	if (!match) throw new FieldError(`Invalid cursor "${value}"`, CODES.invalid);
	return Number(match[1]);
}

/** A Relay page of `list` for `first`/`after` (or `last`/`before`). */
export function page(list: unknown, args: Record<string, unknown>): Row {
	const records = Array.isArray(list) ? (list as Row[]) : [];
	const first = typeof args.first === 'number' ? args.first : undefined;
	const last = typeof args.last === 'number' ? args.last : undefined;
	if ((first ?? 0) < 0 || (last ?? 0) < 0) throw new FieldError('first and last must be positive', CODES.invalid);
	let start = 0;
	let end = records.length;
	const after = cursorIndex(args.after);
	const before = cursorIndex(args.before);
	if (after !== undefined) start = Math.min(records.length, after + 1);
	if (before !== undefined) end = Math.max(start, Math.min(end, before));
	if (first !== undefined) end = Math.min(end, start + first);
	else if (last !== undefined) start = Math.max(start, end - last);
	else end = Math.min(end, start + 100);
	const slice = records.slice(start, end);
	return {
		pageInfo: {
			hasNextPage: end < records.length,
			hasPreviousPage: start > 0,
			startCursor: slice.length ? cursor(start) : null,
			endCursor: slice.length ? cursor(end - 1) : null,
		},
		edges: slice.map((node, i) => ({ node, cursor: cursor(start + i) })),
	};
}

const since = (value: unknown, min: unknown) => typeof min !== 'string' || Date.parse(String(value)) >= Date.parse(min);
const until = (value: unknown, max: unknown) => typeof max !== 'string' || Date.parse(String(value)) <= Date.parse(max);
const eq = (value: unknown, wanted: unknown) => wanted === undefined || wanted === null || value === wanted;

export function buildSchema(host: SchemaHost): Schema {
	const { store } = host;
	const types: Schema['types'] = {};
	const stamp = () => host.now().toISOString().replace(/\.\d{3}Z$/, '+00:00');

	const connection = (name: string) => {
		types[`${name}Connection`] = { pageInfo: { type: 'PageInfo!' }, edges: { type: `[${name}Edge]!` } };
		types[`${name}Edge`] = { node: { type: name }, cursor: { type: 'String!' } };
	};
	const nested = (name: string, key: string): FieldDef => ({
		type: `${name}Connection`,
		args: CONN_ARGS,
		resolve: (parent, args) => page((parent as Row)[key], args),
	});
	const wrapper = (name: string, list: boolean) => {
		types[`${name}${list ? 'Connection' : ''}QueryResult`] = {
			request_id: { type: 'String' },
			complexity: { type: 'Int' },
			data: list
				? { type: `${name}Connection`, args: { ...CONN_ARGS, sort: 'String' }, resolve: (p, args) => ((p as Row).__analyze ? null : page((p as Row).__records, args)) }
				: { type: name, resolve: (p) => ((p as Row).__analyze ? null : (p as Row).__record) },
		};
	};
	const result = (extra: Row, args: Record<string, unknown>) => {
		checkAccount(args.customer_account_id);
		return { request_id: null, complexity: null, __analyze: args.analyze === true, ...extra };
	};
	const checkAccount = (id: unknown) => {
		if (id === undefined || id === null) return;
		if (legacyIdOf('Account', id) !== ACCOUNT_LEGACY_ID) {
			throw new FieldError(`Customer account ${String(id)} was not found or is not a customer of your 3PL account`, CODES.notFound);
		}
	};

	types.PageInfo = {
		hasNextPage: { type: 'Boolean!' },
		hasPreviousPage: { type: 'Boolean!' },
		startCursor: { type: 'String' },
		endCursor: { type: 'String' },
	};
	types.Address = fields('name address1 address2 city state country zip phone');
	types.OrderAddress = fields('first_name last_name company address1 address2 city state state_code zip country country_code email phone');
	types.Dimensions = fields('weight height width length');
	types.Warehouse = { ...fields('id identifier account_id'), legacy_id: { type: 'Int' }, address: { type: 'Address' } };
	types.Account = {
		...fields('id email username status'),
		legacy_id: { type: 'Int' },
		is_3pl: { type: 'Boolean' },
		warehouses: { type: '[Warehouse]', resolve: () => store.warehouses },
	};
	types.WarehouseProduct = {
		...fields('id account_id sku warehouse_id warehouse_identifier price value inventory_bin created_at updated_at'),
		legacy_id: { type: 'Int' },
		on_hand: { type: 'Int' },
		allocated: { type: 'Int' },
		backorder: { type: 'Int' },
		reserve_inventory: { type: 'Int' },
		available: { type: 'Int', resolve: (p) => available(p as Row) },
		active: { type: 'Boolean' },
		product: { type: 'Product', resolve: (p) => store.products.find((x) => x.sku === (p as Row).sku) ?? null },
	};
	types.Product = {
		...fields('id account_id name sku barcode country_of_manufacture tariff_code customs_value created_at updated_at'),
		legacy_id: { type: 'Int' },
		kit: { type: 'Boolean' },
		active: { type: 'Boolean' },
		dimensions: { type: 'Dimensions' },
		warehouse_products: { type: '[WarehouseProduct]', resolve: (p) => store.warehouseProducts.filter((w) => w.sku === (p as Row).sku) },
	};
	types.ShippingLines = fields('title carrier method price');
	types.OrderHolds = {
		fraud_hold: { type: 'Boolean' },
		address_hold: { type: 'Boolean' },
		shipping_method_hold: { type: 'Boolean' },
		operator_hold: { type: 'Boolean' },
		payment_hold: { type: 'Boolean' },
		client_hold: { type: 'Boolean' },
	};
	types.LineItem = {
		...fields('id sku partner_line_item_id product_id price product_name fulfillment_status created_at updated_at'),
		quantity: { type: 'Int' },
		quantity_allocated: { type: 'Int' },
		quantity_pending_fulfillment: { type: 'Int' },
		quantity_shipped: { type: 'Int' },
		backorder_quantity: { type: 'Int' },
	};
	connection('LineItem');
	types.Order = {
		...fields(
			'id account_id order_number partner_order_id shop_name fulfillment_status order_date required_ship_date currency email subtotal total_tax total_discounts total_price packing_note gift_note created_at updated_at',
		),
		legacy_id: { type: 'Int' },
		tags: { type: '[String]' },
		shipping_lines: { type: 'ShippingLines' },
		shipping_address: { type: 'OrderAddress' },
		billing_address: { type: 'OrderAddress' },
		holds: { type: 'OrderHolds' },
		line_items: nested('LineItem', 'line_items'),
		shipments: { type: '[Shipment]', resolve: (p) => store.shipments.filter((s) => s.order_id === (p as Row).id) },
	};
	types.ShipmentLineItemRef = fields('sku product_name');
	types.ShipmentLineItem = { ...fields('id line_item_id shipment_id'), quantity: { type: 'Int' }, line_item: { type: 'ShipmentLineItemRef' } };
	connection('ShipmentLineItem');
	types.ShippingLabel = fields('id tracking_number carrier shipping_name shipping_method cost status');
	types.Shipment = {
		...fields('id order_id account_id warehouse_id created_date'),
		legacy_id: { type: 'Int' },
		shipped_off_shiphero: { type: 'Boolean' },
		dropshipment: { type: 'Boolean' },
		address: { type: 'Address' },
		line_items: nested('ShipmentLineItem', 'line_items'),
		shipping_labels: { type: '[ShippingLabel]' },
	};
	types.VendorRef = fields('id name');
	types.PurchaseOrderLineItem = {
		...fields('id sku vendor_sku product_name price fulfillment_status expected_weight_in_lbs'),
		quantity: { type: 'Int' },
		quantity_received: { type: 'Int' },
		quantity_rejected: { type: 'Int' },
	};
	connection('PurchaseOrderLineItem');
	types.PurchaseOrder = {
		...fields(
			'id account_id po_number warehouse_id vendor_id created_at po_date date_closed fulfillment_status po_note description subtotal shipping_price total_price tracking_number',
		),
		legacy_id: { type: 'Int' },
		vendor: { type: 'VendorRef' },
		line_items: nested('PurchaseOrderLineItem', 'line_items'),
	};
	types.Webhook = { ...fields('id account_id shop_name name url source shared_signature_secret health'), legacy_id: { type: 'Int' } };
	for (const name of ['Product', 'WarehouseProduct', 'Order', 'Shipment', 'PurchaseOrder', 'Webhook']) {
		connection(name);
		wrapper(name, true);
	}
	for (const name of ['Account', 'Product', 'Order', 'Shipment', 'PurchaseOrder']) wrapper(name, false);

	const find = (list: Row[], type: string, id: unknown, noun: string): Row => {
		const legacy = legacyIdOf(type, id);
		const found = legacy === undefined ? undefined : list.find((r) => r.legacy_id === legacy);
		if (!found) throw new FieldError(`${noun} not found`, CODES.notFound);
		return found;
	};
	const warehouseOf = (id: unknown): Row => find(store.warehouses, 'Warehouse', id, 'Warehouse');

	types.Query = {
		account: { type: 'AccountQueryResult', args: ROOT_ARGS, resolve: (_, a) => result({ __record: accountRecord(host) }, a) },
		product: {
			type: 'ProductQueryResult',
			args: { id: 'String', sku: 'String', ...ROOT_ARGS },
			resolve: (_, a) => {
				if (!a.id && !a.sku) throw new FieldError('Either id or sku is required', CODES.invalid);
				const found = a.id ? find(store.products, 'Product', a.id, 'Product') : store.products.find((p) => p.sku === a.sku);
				if (!found) throw new FieldError(`Product with sku ${String(a.sku)} not found`, CODES.notFound);
				return result({ __record: found }, a);
			},
		},
		products: {
			type: 'ProductConnectionQueryResult',
			args: { sku: 'String', created_from: 'ISODateTime', created_to: 'ISODateTime', updated_from: 'ISODateTime', updated_to: 'ISODateTime', ...ROOT_ARGS },
			resolve: (_, a) =>
				result(
					{
						__records: store.products.filter(
							(p) => eq(p.sku, a.sku) && since(p.created_at, a.created_from) && until(p.created_at, a.created_to) && since(p.updated_at, a.updated_from) && until(p.updated_at, a.updated_to),
						),
					},
					a,
				),
		},
		warehouse_products: {
			type: 'WarehouseProductConnectionQueryResult',
			args: { sku: 'String', warehouse_id: 'String', active: 'Boolean', updated_from: 'ISODateTime', updated_to: 'ISODateTime', ...ROOT_ARGS },
			resolve: (_, a) => {
				const warehouse = a.warehouse_id ? warehouseOf(a.warehouse_id) : undefined;
				return result(
					{
						__records: store.warehouseProducts.filter(
							(w) =>
								eq(w.sku, a.sku) &&
								(!warehouse || w.warehouse_id === warehouse.id) &&
								eq(w.active, a.active) &&
								since(w.updated_at, a.updated_from) &&
								until(w.updated_at, a.updated_to),
						),
					},
					a,
				);
			},
		},
		order: { type: 'OrderQueryResult', args: { id: 'String!', ...ROOT_ARGS }, resolve: (_, a) => result({ __record: find(store.orders, 'Order', a.id, 'Order') }, a) },
		orders: {
			type: 'OrderConnectionQueryResult',
			args: {
				order_number: 'String',
				partner_order_id: 'String',
				shop_name: 'String',
				fulfillment_status: 'String',
				sku: 'String',
				email: 'String',
				updated_from: 'ISODateTime',
				updated_to: 'ISODateTime',
				order_date_from: 'ISODateTime',
				order_date_to: 'ISODateTime',
				...ROOT_ARGS,
			},
			resolve: (_, a) =>
				result(
					{
						__records: store.orders.filter(
							(o) =>
								eq(o.order_number, a.order_number) &&
								eq(o.partner_order_id, a.partner_order_id) &&
								eq(o.shop_name, a.shop_name) &&
								eq(o.fulfillment_status, a.fulfillment_status) &&
								eq(o.email, a.email) &&
								(!a.sku || (o.line_items as Row[]).some((l) => l.sku === a.sku)) &&
								since(o.updated_at, a.updated_from) &&
								until(o.updated_at, a.updated_to) &&
								since(o.order_date, a.order_date_from) &&
								until(o.order_date, a.order_date_to),
						),
					},
					a,
				),
		},
		shipment: { type: 'ShipmentQueryResult', args: { id: 'String!', ...ROOT_ARGS }, resolve: (_, a) => result({ __record: find(store.shipments, 'Shipment', a.id, 'Shipment') }, a) },
		shipments: {
			type: 'ShipmentConnectionQueryResult',
			args: { order_id: 'String', date_from: 'ISODateTime', date_to: 'ISODateTime', ...ROOT_ARGS },
			resolve: (_, a) => {
				const order = a.order_id ? find(store.orders, 'Order', a.order_id, 'Order') : undefined;
				return result(
					{ __records: store.shipments.filter((s) => (!order || s.order_id === order.id) && since(s.created_date, a.date_from) && until(s.created_date, a.date_to)) },
					a,
				);
			},
		},
		purchase_order: {
			type: 'PurchaseOrderQueryResult',
			args: { id: 'String', po_number: 'String', ...ROOT_ARGS },
			resolve: (_, a) => {
				const found = a.id ? find(store.purchaseOrders, 'PurchaseOrder', a.id, 'Purchase order') : store.purchaseOrders.find((p) => p.po_number === a.po_number);
				if (!found) throw new FieldError('Purchase order not found', CODES.notFound);
				return result({ __record: found }, a);
			},
		},
		purchase_orders: {
			type: 'PurchaseOrderConnectionQueryResult',
			args: { sku: 'String', warehouse_id: 'String', fulfillment_status: 'String', created_from: 'ISODateTime', created_to: 'ISODateTime', ...ROOT_ARGS },
			resolve: (_, a) => {
				const warehouse = a.warehouse_id ? warehouseOf(a.warehouse_id) : undefined;
				return result(
					{
						__records: store.purchaseOrders.filter(
							(p) =>
								(!warehouse || p.warehouse_id === warehouse.id) &&
								eq(p.fulfillment_status, a.fulfillment_status) &&
								(!a.sku || (p.line_items as Row[]).some((l) => l.sku === a.sku)) &&
								since(p.created_at, a.created_from) &&
								until(p.created_at, a.created_to),
						),
					},
					a,
				);
			},
		},
		webhooks: { type: 'WebhookConnectionQueryResult', args: ROOT_ARGS, resolve: (_, a) => result({ __records: store.webhooks.map(hideSecret) }, a) },
	};

	types.MutationOutput = fields('request_id');
	types.MutationOutput.complexity = { type: 'Int' };
	const output = (name: string, key: string, type: string) => {
		types[name] = { request_id: { type: 'String' }, complexity: { type: 'Int' }, [key]: { type } };
	};
	output('ProductMutationOutput', 'product', 'Product');
	output('OrderMutationOutput', 'order', 'Order');
	output('InventoryMutationOutput', 'warehouse_product', 'WarehouseProduct');
	output('PurchaseOrderMutationOutput', 'purchase_order', 'PurchaseOrder');
	output('WebhookMutationOutput', 'webhook', 'Webhook');

	const mutation = (input: string, outputType: string, run: (data: Row, ctx: ExecContext) => Row): FieldDef => ({
		type: outputType,
		args: { data: `${input}!` },
		resolve: (_, args, ctx) => {
			const data = args.data as Row;
			checkAccount(data.customer_account_id);
			return { request_id: null, complexity: null, ...run(data, ctx) };
		},
	});
	const orderOf = (data: Row) => find(store.orders, 'Order', data.order_id, 'Order');
	const touch = (record: Row) => {
		record.updated_at = stamp();
		return record;
	};
	const lineItems = (_order: Row, lines: Row[]) =>
		lines.map((line) => {
			const product = store.products.find((p) => p.sku === line.sku);
			const legacy = store.nextId('LineItem', 9_000_000);
			const quantity = Number(line.quantity);
			return {
				id: globalId('LineItem', legacy),
				legacy_id: legacy,
				sku: line.sku,
				partner_line_item_id: line.partner_line_item_id,
				product_id: product?.id ?? null,
				quantity,
				price: String(line.price),
				product_name: line.product_name ?? product?.name ?? line.sku,
				fulfillment_status: line.fulfillment_status ?? 'pending',
				quantity_allocated: 0,
				quantity_pending_fulfillment: Number(line.quantity_pending_fulfillment ?? quantity),
				quantity_shipped: 0,
				backorder_quantity: 0,
				created_at: stamp(),
				updated_at: stamp(),
			};
		});
	const inventory = (mode: 'add' | 'remove' | 'replace') => (data: Row) => {
		const warehouse = warehouseOf(data.warehouse_id);
		const wp = store.warehouseProducts.find((w) => w.sku === data.sku && w.warehouse_id === warehouse.id);
		if (!wp) throw new FieldError(`Product with sku ${String(data.sku)} not found in warehouse ${String(warehouse.identifier)}`, CODES.notFound);
		const quantity = Number(data.quantity);
		if (quantity < 0) throw new FieldError('quantity must be zero or positive', CODES.invalid);
		const before = Number(wp.on_hand);
		const after = mode === 'add' ? before + quantity : mode === 'remove' ? before - quantity : quantity;
		if (after < 0) throw new FieldError(`Cannot remove ${quantity} units of ${String(data.sku)}: only ${before} on hand`, CODES.precondition);
		wp.on_hand = after;
		touch(wp);
		if (after !== before) {
			host.notify('Inventory Update', inventoryPayload(wp, warehouse));
		}
		return { warehouse_product: wp };
	};

	types.Mutation = {
		product_create: mutation('CreateProductInput', 'ProductMutationOutput', (data) => {
			if (store.products.some((p) => p.sku === data.sku)) throw new FieldError(`Product with sku ${String(data.sku)} already exists`, CODES.exists);
			const legacy = store.nextId('Product', 6000 + store.products.length);
			const product: Row = {
				id: globalId('Product', legacy),
				legacy_id: legacy,
				account_id: ACCOUNT_ID,
				name: data.name,
				sku: data.sku,
				barcode: data.barcode ?? null,
				country_of_manufacture: data.country_of_manufacture ?? null,
				tariff_code: data.tariff_code ?? null,
				customs_value: data.customs_value ?? null,
				kit: false,
				active: true,
				dimensions: data.dimensions ?? { weight: '0', height: '0', width: '0', length: '0' },
				created_at: stamp(),
				updated_at: stamp(),
			};
			store.products.push(product);
			const placements = (data.warehouse_products as Row[] | undefined) ?? [];
			for (const placement of placements.length ? placements : [{ warehouse_id: store.warehouses[0].id, on_hand: 0 }]) {
				const warehouse = warehouseOf(placement.warehouse_id);
				const wpLegacy = store.nextId('WarehouseProduct', 190000);
				store.warehouseProducts.push({
					id: globalId('WarehouseProduct', wpLegacy),
					legacy_id: wpLegacy,
					account_id: ACCOUNT_ID,
					sku: data.sku,
					warehouse_id: warehouse.id,
					warehouse_identifier: warehouse.identifier,
					price: data.price ?? '0.00',
					value: data.value ?? '0.00',
					on_hand: Number(placement.on_hand ?? 0),
					allocated: 0,
					backorder: 0,
					reserve_inventory: 0,
					inventory_bin: placement.inventory_bin ?? null,
					active: true,
					created_at: stamp(),
					updated_at: stamp(),
				});
			}
			return { product };
		}),
		order_create: mutation('CreateOrderInput', 'OrderMutationOutput', (data) => {
			if (data.partner_order_id && store.orders.some((o) => o.partner_order_id === data.partner_order_id && o.shop_name === (data.shop_name ?? 'Manual Order'))) {
				throw new FieldError(`An order with partner_order_id ${String(data.partner_order_id)} already exists in this shop`, CODES.exists);
			}
			const legacy = store.nextId('Order', 900000);
			const order: Row = {
				id: globalId('Order', legacy),
				legacy_id: legacy,
				account_id: ACCOUNT_ID,
				order_number: data.order_number ?? `#${legacy}`,
				partner_order_id: data.partner_order_id ?? null,
				shop_name: data.shop_name ?? 'Manual Order',
				fulfillment_status: data.fulfillment_status ?? 'pending',
				order_date: data.order_date ?? stamp(),
				required_ship_date: data.required_ship_date ?? null,
				currency: 'USD',
				email: data.email ?? null,
				subtotal: data.subtotal ?? '0.00',
				total_tax: data.total_tax ?? '0.00',
				total_discounts: data.total_discounts ?? '0.00',
				total_price: data.total_price ?? '0.00',
				packing_note: data.packing_note ?? null,
				gift_note: data.gift_note ?? null,
				tags: data.tags ?? [],
				shipping_lines: data.shipping_lines ?? null,
				shipping_address: data.shipping_address ?? null,
				billing_address: data.billing_address ?? null,
				holds: { fraud_hold: false, address_hold: false, shipping_method_hold: false, operator_hold: false, payment_hold: false, client_hold: false },
				created_at: stamp(),
				updated_at: stamp(),
			};
			order.line_items = lineItems(order, data.line_items as Row[]);
			for (const line of order.line_items as Row[]) {
				if (!store.products.some((p) => p.sku === line.sku)) throw new FieldError(`Product with sku ${String(line.sku)} not found`, CODES.notFound);
			}
			store.orders.push(order);
			allocate(order);
			return { order };
		}),
		order_update: mutation('UpdateOrderInput', 'OrderMutationOutput', (data) => {
			const order = orderOf(data);
			if (order.fulfillment_status === 'canceled') throw new FieldError('Canceled orders cannot be updated', CODES.precondition);
			for (const [key, value] of Object.entries(data)) {
				if (key !== 'order_id' && key !== 'customer_account_id' && value !== undefined) order[key] = value;
			}
			return { order: touch(order) };
		}),
		order_cancel: mutation('CancelOrderInput', 'OrderMutationOutput', (data) => {
			const order = orderOf(data);
			if (order.fulfillment_status === 'fulfilled' && data.force !== true) throw new FieldError('Fulfilled orders cannot be canceled', CODES.precondition);
			if (order.fulfillment_status !== 'canceled') {
				order.fulfillment_status = 'canceled';
				touch(order);
				host.notify('Order Canceled', {
					webhook_type: 'Order Canceled',
					test: false,
					account_id: ACCOUNT_LEGACY_ID,
					order_id: order.legacy_id,
					order_uuid: order.id,
					order_number: order.order_number,
					partner_order_id: order.partner_order_id,
					shop_name: order.shop_name,
					reason: data.reason ?? null,
				});
			}
			return { order };
		}),
		order_add_line_items: mutation('AddLineItemsInput', 'OrderMutationOutput', (data) => {
			const order = orderOf(data);
			const added = lineItems(order, data.line_items as Row[]);
			const existing = order.line_items as Row[];
			for (const line of added) {
				if (existing.some((l) => l.partner_line_item_id === line.partner_line_item_id)) {
					throw new FieldError(`A line item with partner_line_item_id ${String(line.partner_line_item_id)} already exists on the order`, CODES.exists);
				}
			}
			existing.push(...added);
			return { order: touch(order) };
		}),
		order_remove_line_items: mutation('RemoveLineItemsInput', 'OrderMutationOutput', (data) => {
			const order = orderOf(data);
			const ids = data.line_item_ids as string[];
			const lines = order.line_items as Row[];
			for (const id of ids) {
				if (!lines.some((l) => l.id === id)) throw new FieldError(`Line item ${id} not found on the order`, CODES.notFound);
			}
			order.line_items = lines.filter((l) => !ids.includes(String(l.id)));
			return { order: touch(order) };
		}),
		order_update_holds: mutation('UpdateOrderHoldsInput', 'OrderMutationOutput', (data) => {
			const order = orderOf(data);
			const holds = order.holds as Row;
			for (const key of ['payment_hold', 'operator_hold', 'fraud_hold', 'address_hold', 'client_hold']) {
				if (typeof data[key] === 'boolean') holds[key] = data[key];
			}
			return { order: touch(order) };
		}),
		inventory_add: mutation('UpdateInventoryInput', 'InventoryMutationOutput', inventory('add')),
		inventory_remove: mutation('UpdateInventoryInput', 'InventoryMutationOutput', inventory('remove')),
		inventory_replace: mutation('ReplaceInventoryInput', 'InventoryMutationOutput', inventory('replace')),
		purchase_order_create: mutation('CreatePurchaseOrderInput', 'PurchaseOrderMutationOutput', (data) => {
			if (store.purchaseOrders.some((p) => p.po_number === data.po_number)) throw new FieldError(`Purchase order ${String(data.po_number)} already exists`, CODES.exists);
			const warehouse = warehouseOf(data.warehouse_id);
			const vendor = data.vendor_id ? find(store.vendors, 'Vendor', data.vendor_id, 'Vendor') : undefined;
			const legacy = store.nextId('PurchaseOrder', 8000);
			const po: Row = {
				id: globalId('PurchaseOrder', legacy),
				legacy_id: legacy,
				account_id: ACCOUNT_ID,
				po_number: data.po_number,
				warehouse_id: warehouse.id,
				vendor_id: vendor?.id ?? null,
				vendor: vendor ? { id: vendor.id, name: vendor.name } : null,
				created_at: stamp(),
				po_date: data.po_date ?? stamp(),
				date_closed: null,
				fulfillment_status: 'pending',
				po_note: data.po_note ?? '',
				description: data.description ?? '',
				subtotal: data.subtotal,
				shipping_price: data.shipping_price,
				total_price: data.total_price,
				tracking_number: data.tracking_number ?? null,
				line_items: (data.line_items as Row[]).map((line, i) => ({
					id: globalId('PurchaseOrderLineItem', legacy * 10 + i),
					legacy_id: legacy * 10 + i,
					sku: line.sku,
					vendor_sku: line.vendor_sku ?? null,
					product_name: line.product_name ?? store.products.find((p) => p.sku === line.sku)?.name ?? line.sku,
					quantity: line.quantity,
					quantity_received: 0,
					quantity_rejected: 0,
					price: line.price,
					fulfillment_status: 'pending',
					expected_weight_in_lbs: line.expected_weight_in_lbs,
				})),
			};
			store.purchaseOrders.push(po);
			return { purchase_order: po };
		}),
		webhook_create: mutation('CreateWebhookInput', 'WebhookMutationOutput', (data) => {
			if (!WEBHOOK_TYPES.includes(String(data.name))) {
				throw new FieldError(`Invalid webhook name "${String(data.name)}"; use one of: ${WEBHOOK_TYPES.join(', ')}`, CODES.invalid);
			}
			const shop = data.shop_name ?? 'api';
			if (store.webhooks.some((w) => w.name === data.name && w.shop_name === shop)) {
				throw new FieldError(`A "${String(data.name)}" webhook already exists for shop ${String(shop)}`, CODES.exists);
			}
			const legacy = store.nextId('Webhook', 4000);
			const webhook: Row = {
				id: globalId('Webhook', legacy),
				legacy_id: legacy,
				account_id: ACCOUNT_ID,
				shop_name: shop,
				name: data.name,
				url: data.url,
				source: 'API',
				shared_signature_secret: host.newSecret(),
				health: 'HEALTHY',
			};
			store.webhooks.push(webhook);
			return { webhook };
		}),
		webhook_delete: mutation('DeleteWebhookInput', 'MutationOutput', (data) => {
			const shop = data.shop_name ?? 'api';
			const index = store.webhooks.findIndex((w) => w.name === data.name && w.shop_name === shop);
			if (index < 0) throw new FieldError(`No "${String(data.name)}" webhook for shop ${String(shop)}`, CODES.notFound);
			store.webhooks.splice(index, 1);
			return {};
		}),
	};

	/** Allocates an order's lines from the first warehouse holding enough stock; "Order Allocated" when all are. */
	function allocate(order: Row): void {
		const lines = order.line_items as Row[];
		for (const warehouse of store.warehouses) {
			const stock = lines.map((line) => store.warehouseProducts.find((w) => w.sku === line.sku && w.warehouse_id === warehouse.id));
			if (stock.every((wp, i) => wp && available(wp) >= Number(lines[i].quantity))) {
				lines.forEach((line, i) => {
					const wp = stock[i] as Row;
					wp.allocated = Number(wp.allocated) + Number(line.quantity);
					line.quantity_allocated = line.quantity;
				});
				host.notify('Order Allocated', {
					webhook_type: 'Order Allocated',
					test: false,
					account_id: ACCOUNT_LEGACY_ID,
					order_id: order.legacy_id,
					order_uuid: order.id,
					order_number: order.order_number,
					partner_order_id: order.partner_order_id,
					warehouse_id: warehouse.legacy_id,
					warehouse_uuid: warehouse.id,
					allocations: lines.map((line) => ({ sku: line.sku, quantity_allocated: line.quantity, line_item_id: line.id })),
				});
				return;
			}
		}
	}

	return {
		types,
		inputs: {
			CreateProductInput: {
				name: 'String!',
				sku: 'String!',
				price: 'String',
				value: 'String',
				barcode: 'String',
				country_of_manufacture: 'String',
				tariff_code: 'String',
				customs_value: 'String',
				dimensions: 'DimensionsInput',
				warehouse_products: '[CreateWarehouseProductInput]',
				customer_account_id: 'String',
			},
			DimensionsInput: { weight: 'String', height: 'String', width: 'String', length: 'String' },
			CreateWarehouseProductInput: { warehouse_id: 'String!', on_hand: 'Int', inventory_bin: 'String' },
			CreateOrderAddressInput: Object.fromEntries(
				'first_name last_name company address1 address2 city state state_code zip country country_code email phone'.split(' ').map((k) => [k, 'String']),
			),
			CreateShippingLinesInput: { title: 'String!', price: 'String!', carrier: 'String', method: 'String' },
			CreateLineItemInput: {
				sku: 'String!',
				partner_line_item_id: 'String!',
				quantity: 'Int!',
				price: 'String!',
				product_name: 'String',
				fulfillment_status: 'String',
				quantity_pending_fulfillment: 'Int',
				warehouse_id: 'String',
			},
			CreateOrderInput: {
				order_number: 'String',
				partner_order_id: 'String',
				shop_name: 'String',
				fulfillment_status: 'String',
				order_date: 'ISODateTime',
				required_ship_date: 'ISODateTime',
				total_tax: 'String',
				subtotal: 'String',
				total_discounts: 'String',
				total_price: 'String',
				email: 'String',
				packing_note: 'String',
				gift_note: 'String',
				tags: '[String]',
				shipping_lines: 'CreateShippingLinesInput',
				shipping_address: 'CreateOrderAddressInput',
				billing_address: 'CreateOrderAddressInput',
				line_items: '[CreateLineItemInput!]!',
				customer_account_id: 'String',
			},
			UpdateOrderInput: {
				order_id: 'String!',
				order_number: 'String',
				partner_order_id: 'String',
				fulfillment_status: 'String',
				order_date: 'ISODateTime',
				required_ship_date: 'ISODateTime',
				total_tax: 'String',
				subtotal: 'String',
				total_discounts: 'String',
				total_price: 'String',
				email: 'String',
				packing_note: 'String',
				gift_note: 'String',
				tags: '[String]',
				shipping_lines: 'CreateShippingLinesInput',
				shipping_address: 'CreateOrderAddressInput',
				billing_address: 'CreateOrderAddressInput',
				customer_account_id: 'String',
			},
			CancelOrderInput: { order_id: 'String!', reason: 'String', void_on_platform: 'Boolean', force: 'Boolean', customer_account_id: 'String' },
			AddLineItemsInput: { order_id: 'String!', line_items: '[CreateLineItemInput!]!', customer_account_id: 'String' },
			RemoveLineItemsInput: { order_id: 'String!', line_item_ids: '[String!]!', customer_account_id: 'String' },
			UpdateOrderHoldsInput: {
				order_id: 'String!',
				payment_hold: 'Boolean',
				operator_hold: 'Boolean',
				fraud_hold: 'Boolean',
				address_hold: 'Boolean',
				client_hold: 'Boolean',
				customer_account_id: 'String',
			},
			UpdateInventoryInput: { sku: 'String!', warehouse_id: 'String!', quantity: 'Int!', reason: 'String', location_id: 'String', customer_account_id: 'String' },
			ReplaceInventoryInput: { sku: 'String!', warehouse_id: 'String!', quantity: 'Int!', reason: 'String', location_id: 'String', customer_account_id: 'String' },
			CreatePurchaseOrderLineItemInput: {
				sku: 'String!',
				quantity: 'Int!',
				expected_weight_in_lbs: 'String!',
				price: 'String!',
				vendor_sku: 'String',
				product_name: 'String',
			},
			CreatePurchaseOrderInput: {
				po_number: 'String!',
				po_date: 'ISODateTime',
				warehouse_id: 'String!',
				vendor_id: 'String',
				subtotal: 'String!',
				shipping_price: 'String!',
				total_price: 'String!',
				po_note: 'String',
				description: 'String',
				tracking_number: 'String',
				line_items: '[CreatePurchaseOrderLineItemInput!]!',
				customer_account_id: 'String',
			},
			CreateWebhookInput: { name: 'String!', url: 'String!', shop_name: 'String', customer_account_id: 'String' },
			DeleteWebhookInput: { name: 'String!', shop_name: 'String', customer_account_id: 'String' },
		},
	};
}

function fields(names: string): Record<string, FieldDef> {
	return Object.fromEntries(names.split(/\s+/).map((name) => [name, { type: 'String' }]));
}

export function available(wp: Row): number {
	return Math.max(0, Number(wp.on_hand) - Number(wp.allocated) - Number(wp.reserve_inventory ?? 0));
}

function hideSecret(webhook: Row): Row {
	// The secret is shown once, in the webhook_create response.
	return { ...webhook, shared_signature_secret: null };
}

function accountRecord(host: SchemaHost): Row {
	return { id: ACCOUNT_ID, legacy_id: ACCOUNT_LEGACY_ID, email: host.account.email, username: host.account.username, status: 'active', is_3pl: false };
}

/** The documented Inventory Update body (developer.shiphero.com/webhooks). */
export function inventoryPayload(wp: Row, warehouse: Row): Record<string, unknown> {
	const quantities = { inventory: String(available(wp)), backorder_quantity: String(wp.backorder ?? 0), on_hand: String(wp.on_hand) };
	return {
		test: '0',
		account_id: ACCOUNT_LEGACY_ID,
		account_uuid: ACCOUNT_ID,
		webhook_type: 'Inventory Update',
		inventory: [
			{
				sku: wp.sku,
				...quantities,
				virtual: false,
				updated_warehouse: { warehouse_id: warehouse.legacy_id, warehouse_uuid: warehouse.id, identifier: warehouse.identifier, ...quantities },
			},
		],
	};
}

export { addShipment };
