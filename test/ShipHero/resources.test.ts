import type { IDataObject } from 'n8n-workflow';

import { useNock } from '../helpers/fakeContext';
import { api, orders, page, run, type SentGraphql } from './helpers';

useNock();

const graphqlBodies: SentGraphql[] = [];
const capture = (body: SentGraphql) => {
	graphqlBodies.push(body);
	return true;
};
beforeEach(() => (graphqlBodies.length = 0));

describe('ShipHero orders: Get Many', () => {
	it('follows endCursor over every page with Return All and pairs each record with its item', async () => {
		const scope = api()
			.post('/graphql', capture)
			.reply(200, page('orders', orders(1, 50), 'c50'))
			.post('/graphql', capture)
			.reply(200, page('orders', orders(51, 100), 'c100'))
			.post('/graphql', capture)
			.reply(200, page('orders', orders(101, 120), null));

		const { output, json } = await run({ resource: 'order', operation: 'getAll', returnAll: true, filters: {}, options: {} });

		expect(json.map((o) => o.id)).toEqual(orders(1, 120).map((o) => o.id));
		expect(output.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(graphqlBodies.map((b) => b.variables)).toEqual([{ first: 50 }, { first: 50, after: 'c50' }, { first: 50, after: 'c100' }]);
		expect(graphqlBodies[0].query).toMatch(/^query ShipHero_orders\(\$first: Int!, \$after: String\) \{ orders \{ request_id complexity data\(first: \$first, after: \$after\)/);
		scope.done();
	});

	it('stops at the limit without fetching another page and sends the native filters as typed variables', async () => {
		const scope = api().post('/graphql', capture).reply(200, page('orders', orders(1, 7), 'c7'));

		const { json } = await run({
			resource: 'order',
			operation: 'getAll',
			returnAll: false,
			limit: 7,
			filters: { fulfillment_status: 'pending', updated_from: '2025-03-01T00:00:00Z', shop_name: '' },
			options: {},
		});

		expect(json).toHaveLength(7);
		expect(graphqlBodies[0].variables).toEqual({ first: 7, fulfillment_status: 'pending', updated_from: '2025-03-01T00:00:00Z' });
		expect(graphqlBodies[0].query).toContain('$fulfillment_status: String, $updated_from: ISODateTime');
		expect(graphqlBodies[0].query).toContain('orders(fulfillment_status: $fulfillment_status, updated_from: $updated_from)');
		scope.done();
	});

	it('previews the cost of a page with analyze: true', async () => {
		api().post('/graphql', capture).reply(200, { data: { orders: { request_id: 'r', complexity: 1102, data: null } } });

		const { json } = await run({ resource: 'order', operation: 'getAll', returnAll: true, filters: {}, options: { analyze: true } });

		expect(json).toEqual([{ operation: 'orders', complexity: 1102, requestId: 'r', creditsPerSecond: 60 }]);
		expect(graphqlBodies[0].query).toContain('{ orders(analyze: true) {');
	});

	it('outputs canonical sales orders on request', async () => {
		api()
			.post('/graphql')
			.reply(
				200,
				page(
					'orders',
					[
						{
							id: 'T3JkZXI6MQ==',
							legacy_id: 1,
							order_number: '#1001',
							fulfillment_status: 'pending',
							total_price: '21.40',
							email: 'a@example.com',
							line_items: { edges: [{ node: { id: 'L1', sku: 'SKU-1', quantity: 2, price: '10.70' } }] },
						},
					],
					null,
				),
			);

		const { json } = await run({ resource: 'order', operation: 'getAll', returnAll: true, filters: {}, options: { output: 'canonical' } });

		expect(json[0]).toMatchObject({
			type: 'SalesOrder',
			externalIds: { shipHero: 'T3JkZXI6MQ==', shipHeroLegacy: '1' },
			number: '#1001',
			status: 'open',
			totals: { total: '21.4' },
			lines: [{ item: { sku: 'SKU-1' }, quantity: '2', unitPrice: '10.7', amount: '21.4' }],
		});
	});
});

describe('ShipHero orders: writes', () => {
	it('creates an order once: a repeated run finds it by partner order ID and shop', async () => {
		const created = { id: 'T3JkZXI6OQ==', partner_order_id: 'ERP-77', shop_name: 'erp' };
		const params = {
			resource: 'order',
			operation: 'create',
			inputMode: 'fields',
			partnerOrderId: 'ERP-77',
			orderNumber: '#77',
			shopName: 'erp',
			lineItems: { lines: [{ sku: 'SKU-1', quantity: 3, price: '4.50', partnerLineItemId: '', productName: '' }] },
			shippingAddress: '{"first_name":"Ann","city":"Tampa"}',
			ifExists: 'returnExisting',
			additionalFields: '{"email":"ann@example.com"}',
		};
		api()
			.post('/graphql', capture)
			.reply(200, page('orders', [], null))
			.post('/graphql', capture)
			.reply(200, { data: { order_create: { request_id: 'r', complexity: 10, order: created } } });

		const first = await run(params);

		expect(first.json).toEqual([created]);
		const mutation = graphqlBodies[1];
		expect(mutation.query).toMatch(/^mutation ShipHero_order_create\(\$data: CreateOrderInput!\) \{ order_create\(data: \$data\)/);
		expect(mutation.variables).toEqual({
			data: {
				email: 'ann@example.com',
				partner_order_id: 'ERP-77',
				order_number: '#77',
				shop_name: 'erp',
				shipping_address: { first_name: 'Ann', city: 'Tampa' },
				line_items: [{ sku: 'SKU-1', quantity: 3, price: '4.50', partner_line_item_id: 'ERP-77-SKU-1' }],
			},
		});

		graphqlBodies.length = 0;
		api().post('/graphql', capture).reply(200, page('orders', [created], null));
		const again = await run(params);
		expect(again.json).toEqual([created]);
		expect(graphqlBodies).toHaveLength(1);
		expect(graphqlBodies[0].variables).toMatchObject({ partner_order_id: 'ERP-77', shop_name: 'erp' });
	});

	it('cancels, holds, adds and removes lines with the documented mutations', async () => {
		const order = { id: 'T3JkZXI6MQ==' };
		const reply = (root: string) => ({ data: { [root]: { request_id: 'r', complexity: 5, order } } });
		api()
			.post('/graphql', capture)
			.reply(200, reply('order_cancel'))
			.post('/graphql', capture)
			.reply(200, reply('order_update_holds'))
			.post('/graphql', capture)
			.reply(200, reply('order_add_line_items'))
			.post('/graphql', capture)
			.reply(200, reply('order_remove_line_items'));
		const orderId = { __rl: true, mode: 'id', value: 'T3JkZXI6MQ==' };

		await run({ resource: 'order', operation: 'cancel', orderId, reason: 'customer request', voidOnPlatform: false });
		await run({ resource: 'order', operation: 'hold', orderId, holds: { operatorHold: true, fraudHold: false } });
		await run({ resource: 'order', operation: 'addLines', orderId, lineItems: { lines: [{ sku: 'SKU-2', quantity: 1, price: '1', partnerLineItemId: 'X-1' }] } });
		await run({ resource: 'order', operation: 'removeLines', orderId, lineItemIds: 'L1, L2' });

		expect(graphqlBodies.map((b) => [/ShipHero_(\w+)/.exec(b.query)?.[1], b.variables])).toEqual([
			['order_cancel', { data: { order_id: 'T3JkZXI6MQ==', void_on_platform: false, reason: 'customer request' } }],
			['order_update_holds', { data: { order_id: 'T3JkZXI6MQ==', fraud_hold: false, operator_hold: true } }],
			['order_add_line_items', { data: { order_id: 'T3JkZXI6MQ==', line_items: [{ sku: 'SKU-2', quantity: 1, price: '1', partner_line_item_id: 'X-1' }] } }],
			['order_remove_line_items', { data: { order_id: 'T3JkZXI6MQ==', line_item_ids: ['L1', 'L2'] } }],
		]);
	});

	it('takes the order ID from a ShipHero app link', async () => {
		api().post('/graphql', capture).reply(200, { data: { order: { request_id: 'r', complexity: 22, data: { id: 'T3JkZXI6MjAwMDAw' } } } });

		await run({ resource: 'order', operation: 'get', orderId: { __rl: true, mode: 'url', value: 'https://app.shiphero.com/dashboard/orders/details/200000' }, options: {} });

		expect(graphqlBodies[0].variables).toEqual({ id: '200000' });
	});
});

describe('ShipHero inventory', () => {
	it('adds, removes and replaces stock with inventory_add / inventory_remove / inventory_replace', async () => {
		const wp = { sku: 'SKU-1', warehouse_id: 'V2FyZWhvdXNlOjEx', on_hand: 12 };
		for (const root of ['inventory_add', 'inventory_remove', 'inventory_replace']) {
			api().post('/graphql', capture).reply(200, { data: { [root]: { request_id: 'r', complexity: 3, warehouse_product: wp } } });
		}
		const base = { resource: 'inventory', sku: 'SKU-1', warehouseId: 'V2FyZWhvdXNlOjEx', quantity: 5, reason: 'cycle count' };

		const outputs: IDataObject[] = [];
		for (const operation of ['add', 'remove', 'replace']) outputs.push(...(await run({ ...base, operation, inputMode: 'fields' })).json);

		expect(outputs).toEqual([wp, wp, wp]);
		expect(graphqlBodies.map((b) => /mutation ShipHero_(\w+)\(\$data: (\w+)!\)/.exec(b.query)?.slice(1))).toEqual([
			['inventory_add', 'UpdateInventoryInput'],
			['inventory_remove', 'UpdateInventoryInput'],
			['inventory_replace', 'ReplaceInventoryInput'],
		]);
		for (const body of graphqlBodies) expect(body.variables).toEqual({ data: { sku: 'SKU-1', warehouse_id: 'V2FyZWhvdXNlOjEx', quantity: 5, reason: 'cycle count' } });
	});

	it('replaces stock from a canonical InventoryLevel', async () => {
		api().post('/graphql', capture).reply(200, { data: { inventory_replace: { request_id: 'r', complexity: 3, warehouse_product: {} } } });
		const level = { type: 'InventoryLevel', externalIds: {}, item: { sku: 'SKU-9' }, location: { externalIds: { shipHero: 'V2FyZWhvdXNlOjEy' } }, onHand: '40' };

		await run({ resource: 'inventory', operation: 'replace', inputMode: 'canonical', canonical: JSON.stringify(level), reason: '' });

		expect(graphqlBodies[0].variables).toEqual({ data: { sku: 'SKU-9', warehouse_id: 'V2FyZWhvdXNlOjEy', quantity: 40 } });
	});

	it('turns a ShipHero error into an error item with continueOnFail, keeping the pairing', async () => {
		api()
			.post('/graphql')
			.reply(200, { errors: [{ code: 9, message: 'Cannot remove 99 units of SKU-1: only 12 on hand', operation: 'inventory_remove', field: 'inventory_remove' }], data: { inventory_remove: null } });

		const { output } = await run(
			{ resource: 'inventory', operation: 'remove', sku: 'SKU-1', warehouseId: 'W', quantity: 99, reason: '' },
			{ continueOnFail: true },
		);

		expect(output).toEqual([
			{
				json: expect.objectContaining({
					error: 'ShipHero 200 [9]: Cannot remove 99 units of SKU-1: only 12 on hand (operation inventory_remove, field inventory_remove)',
					errorClass: 'conflict',
				}),
				pairedItem: { item: 0 },
			},
		]);
	});
});

describe('ShipHero custom API call', () => {
	it('sends any GraphQL document with its variables and follows a connection when asked', async () => {
		api()
			.post('/graphql', capture)
			.reply(200, page('vendors', [{ id: 'V1' }, { id: 'V2' }], 'c2'))
			.post('/graphql', capture)
			.reply(200, page('vendors', [{ id: 'V3' }], null));
		const query = 'query ($first: Int!, $after: String) { vendors { data(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } } }';

		const { json } = await run({ resource: 'customApiCall', operation: 'graphql', query, variables: '{}', connectionRoot: 'vendors', pageSize: 2 });

		expect(json.map((v) => v.id)).toEqual(['V1', 'V2', 'V3']);
		expect(graphqlBodies.map((b) => b.variables)).toEqual([{ first: 2 }, { first: 2, after: 'c2' }]);
	});
});
