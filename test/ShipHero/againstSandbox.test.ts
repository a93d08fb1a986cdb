/**
 * Every operation of the node against the ShipHero sandbox in-process: the documents the node builds
 * must parse and validate against the sandbox's schema (unknown fields or arguments would fail), and
 * the writes must land.
 */
import type { IDataObject } from 'n8n-workflow';

import { startSandbox, type RunningSandbox, type ShipHeroPlugin } from '../../sandbox';
import { useNock } from '../helpers/fakeContext';
import { credentials, run } from './helpers';

useNock(true);

let sandbox: RunningSandbox;
let creds: IDataObject;
const warehouse = () => sandbox.records<{ id: string }>('shiphero', 'warehouses')[0].id;

beforeAll(async () => {
	sandbox = await startSandbox({ systems: ['shiphero'], seed: 3, rateLimits: { shiphero: null } });
	const { baseUrl, refreshToken } = sandbox.systems.shiphero.credentials;
	creds = credentials({ baseUrl, refreshToken, accessToken: '' });
});
afterAll(() => sandbox.close());

const exec = async (parameters: IDataObject) => (await run(parameters, { credentials: creds as never })).json;

describe('ShipHero node against the sandbox', () => {
	it('reads every record type, raw and canonical', async () => {
		const products = await exec({ resource: 'product', operation: 'getAll', returnAll: false, limit: 5, filters: {}, options: { output: 'canonical' } });
		expect(products).toHaveLength(5);
		expect(products[0]).toMatchObject({ type: 'Item', sku: 'SKU-1000' });
		const [product] = await exec({ resource: 'product', operation: 'get', sku: 'SKU-1001', options: {} });
		expect(product).toMatchObject({ sku: 'SKU-1001', warehouse_products: [expect.objectContaining({ warehouse_identifier: 'Primary' }), expect.objectContaining({ warehouse_identifier: 'West Coast' })] });
		expect(await exec({ resource: 'inventory', operation: 'getAll', returnAll: true, filters: { sku: 'SKU-1001' }, options: {} })).toHaveLength(2);
		const [order] = await exec({ resource: 'order', operation: 'getAll', returnAll: false, limit: 1, filters: { fulfillment_status: 'fulfilled' }, options: {} });
		const [byId] = await exec({ resource: 'order', operation: 'get', orderId: { __rl: true, mode: 'id', value: String(order.id) }, options: { output: 'canonical' } });
		expect(byId).toMatchObject({ type: 'SalesOrder', status: 'fulfilled', externalIds: { shipHero: order.id } });
		const shipments = await exec({ resource: 'shipment', operation: 'getAll', returnAll: true, filters: { order_id: String(order.id) }, options: { output: 'canonical' } });
		expect(shipments).toEqual([expect.objectContaining({ type: 'Shipment', order: { externalIds: { shipHero: order.id } } })]);
		const [shipment] = await exec({ resource: 'shipment', operation: 'get', shipmentId: String(shipments[0].externalIds && (shipments[0].externalIds as IDataObject).shipHero), options: {} });
		expect(shipment.order_id).toBe(order.id);
		const pos = await exec({ resource: 'purchaseOrder', operation: 'getAll', returnAll: true, filters: {}, options: { output: 'canonical' } });
		expect(pos).toHaveLength(sandbox.records('shiphero', 'purchase_orders').length);
		expect(pos[0]).toMatchObject({ type: 'PurchaseOrder', supplier: { name: expect.any(String) } });
		const [po] = await exec({ resource: 'purchaseOrder', operation: 'get', purchaseOrderId: '7000', options: {} });
		expect(po.po_number).toBe('PO-24000');
	});

	it('writes products, orders, inventory and purchase orders', async () => {
		const [product] = await exec({ resource: 'product', operation: 'create', inputMode: 'fields', sku: 'NEW-1', name: 'New Thing', warehouseId: warehouse(), ifExists: 'returnExisting', additionalFields: { price: '12.50', onHand: 4 } });
		expect(product).toMatchObject({ sku: 'NEW-1', warehouse_products: [expect.objectContaining({ on_hand: 4, price: '12.50' })] });
		const [again] = await exec({ resource: 'product', operation: 'create', inputMode: 'fields', sku: 'NEW-1', name: 'New Thing', warehouseId: '', ifExists: 'returnExisting', additionalFields: {} });
		expect(again.id).toBe(product.id);

		const [added] = await exec({ resource: 'inventory', operation: 'add', sku: 'NEW-1', warehouseId: warehouse(), quantity: 6, reason: 'receiving' });
		expect(added.on_hand).toBe(10);
		const [replaced] = await exec({ resource: 'inventory', operation: 'replace', inputMode: 'fields', sku: 'NEW-1', warehouseId: warehouse(), quantity: 2, reason: '' });
		expect(replaced.on_hand).toBe(2);

		const order = {
			resource: 'order',
			operation: 'create',
			inputMode: 'fields',
			partnerOrderId: 'N8N-1',
			orderNumber: '#N8N-1',
			shopName: 'n8n',
			lineItems: { lines: [{ sku: 'NEW-1', quantity: 1, price: '12.50' }] },
			shippingAddress: '{"first_name":"Ann","last_name":"Lee","address1":"1 Main St","city":"Tampa","state":"FL","zip":"33602","country":"US"}',
			ifExists: 'returnExisting',
			additionalFields: '{"total_price":"12.50"}',
		};
		const [created] = await exec(order);
		const [repeated] = await exec(order);
		expect(repeated.id).toBe(created.id);
		expect(sandbox.records<{ partner_order_id: string }>('shiphero', 'orders').filter((o) => o.partner_order_id === 'N8N-1')).toHaveLength(1);
		const orderId = { __rl: true, mode: 'id', value: String(created.id) };
		const [updated] = await exec({ resource: 'order', operation: 'update', orderId, updateFields: { packing_note: 'fragile', tags: 'vip, b2b' } });
		expect(updated).toMatchObject({ packing_note: 'fragile', tags: ['vip', 'b2b'] });
		const [held] = await exec({ resource: 'order', operation: 'hold', orderId, holds: { operatorHold: true } });
		expect((held.holds as IDataObject).operator_hold).toBe(true);
		const [canceled] = await exec({ resource: 'order', operation: 'cancel', orderId, reason: 'test', voidOnPlatform: false });
		expect(canceled.fulfillment_status).toBe('canceled');

		const [po] = await exec({
			resource: 'purchaseOrder',
			operation: 'create',
			inputMode: 'fields',
			poNumber: 'PO-N8N-1',
			warehouseId: warehouse(),
			vendorId: '',
			lineItems: { lines: [{ sku: 'NEW-1', quantity: 3, price: '0.10', vendorSku: '' }, { sku: 'SKU-1000', quantity: 3, price: '0.20', vendorSku: 'V' }] },
			note: '',
		});
		// 3 × 0.10 + 3 × 0.20 in decimal arithmetic, not 0.9000000000000001.
		expect(po).toMatchObject({ po_number: 'PO-N8N-1', subtotal: '0.9', total_price: '0.9' });
	});

	it('waits for credits when the account’s bucket runs dry, then completes', async () => {
		sandbox.plugin<ShipHeroPlugin>('shiphero').setCredits(0, { refillPerSecond: 1000 });
		const started = Date.now();

		const throttled = sandbox.plugin<ShipHeroPlugin>('shiphero').throttledCalls;

		const products = await exec({ resource: 'product', operation: 'getAll', returnAll: false, limit: 30, filters: {}, options: { pageSize: 10 } });

		expect(products.map((p) => p.sku)).toEqual(sandbox.records<{ sku: string }>('shiphero', 'products').slice(0, 30).map((p) => p.sku));
		// Refused once (time_remaining "1 seconds"), waited out, and the estimate kept the next pages from being refused.
		expect(sandbox.plugin<ShipHeroPlugin>('shiphero').throttledCalls - throttled).toBe(1);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
	});
});

describe('ShipHero credits shared by concurrent executions', () => {
	it('lets two executions on one account back off together instead of each being refused page after page', async () => {
		const shipHero = sandbox.plugin<ShipHeroPlugin>('shiphero');
		// ShipHero's own refill rate, the one the node assumes: two clients each spending "their" 60/s would be refused.
		shipHero.setCredits(0, { refillPerSecond: 60 });
		const throttled = shipHero.throttledCalls;
		const list = { resource: 'product', operation: 'getAll', returnAll: false, limit: 40, filters: {}, options: { pageSize: 10 } };

		const [a, b] = await Promise.all([exec(list), exec(list)]);

		expect(a).toHaveLength(40);
		expect(b).toHaveLength(40);
		// Each may be refused on its first call (nothing was known yet); after that the shared estimate holds both back.
		expect(shipHero.throttledCalls - throttled).toBeLessThanOrEqual(2);
	}, 30_000);
});
