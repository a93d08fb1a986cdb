import { createHmac } from 'node:crypto';

import { startSandbox, type RunningSandbox, type ShipHeroPlugin } from '../../sandbox';
import { startSubscriber } from './helpers';

let sandbox: RunningSandbox;
let token: string;

interface GqlResponse<T = Record<string, unknown>> {
	status: number;
	body: { data?: T; errors?: Array<Record<string, unknown>> };
}

async function gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, auth = token): Promise<GqlResponse<T>> {
	const res = await fetch(`${sandbox.systems.shiphero.baseUrl}/graphql`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${auth}` },
		body: JSON.stringify({ query, variables }),
	});
	return { status: res.status, body: (await res.json()) as GqlResponse<T>['body'] };
}

async function refresh(refreshToken: string) {
	const res = await fetch(`${sandbox.systems.shiphero.baseUrl}/auth/refresh`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ refresh_token: refreshToken }),
	});
	return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const plugin = () => sandbox.plugin<ShipHeroPlugin>('shiphero');

beforeAll(async () => {
	sandbox = await startSandbox({ systems: ['shiphero'], seed: 11, shiphero: { webhookRetryDelaysMs: [50] } });
	token = String((await refresh(sandbox.systems.shiphero.credentials.refreshToken)).body.access_token);
});
afterAll(() => sandbox.close());
beforeEach(() => plugin().setCredits(4004, { max: 4004, refillPerSecond: 60 }));

describe('ShipHero sandbox: auth', () => {
	it('exchanges the refresh token for a 28-day Bearer token and refuses a wrong one', async () => {
		const good = await refresh(sandbox.systems.shiphero.credentials.refreshToken);
		expect(good.status).toBe(200);
		expect(good.body).toMatchObject({ expires_in: 2419200, token_type: 'Bearer' });
		const bad = await refresh('not-the-token');
		expect(bad.status).toBe(403);
		expect(JSON.stringify(bad.body)).not.toContain('not-the-token');
	});

	it('answers 401 without a token, with an unknown token and after the token expired', async () => {
		expect((await gql('{ account { data { id } } }', undefined, 'nope')).status).toBe(401);
		const fresh = String((await refresh(sandbox.systems.shiphero.credentials.refreshToken)).body.access_token);
		expect((await gql('{ account { data { id } } }', undefined, fresh)).status).toBe(200);
		plugin().expireTokens();
		const expired = await gql('{ account { data { id } } }', undefined, fresh);
		expect(expired.status).toBe(401);
		expect(expired.body.errors?.[0].message).toMatch(/expired/);
		token = String((await refresh(sandbox.systems.shiphero.credentials.refreshToken)).body.access_token);
	});
});

describe('ShipHero sandbox: GraphQL validation', () => {
	it('refuses unknown fields with a located validation error', async () => {
		const res = await gql('query {\n  orders {\n    data(first: 2) { edges { node { id no_such_field } } }\n  }\n}');
		expect(res.status).toBe(400);
		expect(res.body.errors?.[0]).toMatchObject({ message: 'Cannot query field "no_such_field" on type "Order".', locations: [{ line: 3, column: 40 }] });
	});

	it('refuses unknown arguments, missing selections, undefined and unused variables', async () => {
		const messages = async (query: string, variables?: Record<string, unknown>) =>
			((await gql(query, variables)).body.errors ?? []).map((e) => e.message);
		expect(await messages('{ orders(colour: "red") { request_id } }')).toEqual(['Unknown argument "colour" on field "Query.orders".']);
		expect(await messages('{ orders { data } }')).toEqual([expect.stringMatching(/^Field "data" of type "OrderConnection" must have a selection/)]);
		expect(await messages('{ orders { request_id { x } } }')).toEqual([expect.stringMatching(/must not have a selection/)]);
		expect(await messages('query { orders(sku: $sku) { request_id } }')).toEqual(['Variable "$sku" is not defined.']);
		expect(await messages('query ($n: Int) { orders { request_id } }')).toEqual(['Variable "$n" is never used.']);
		expect(await messages('query ($n: Int!) { orders { data(first: $n) { edges { node { id } } } } }')).toEqual([
			'Variable "$n" of required type "Int!" was not provided.',
		]);
		expect(await messages('query ($n: Int) { orders { data(first: $n) { edges { node { id } } } } }', { n: 'ten' })).toEqual([
			expect.stringMatching(/^Variable "\$n" got invalid value "ten"; Int cannot represent/),
		]);
	});

	it('reports syntax errors with their position', async () => {
		const res = await gql('{ orders { request_id }');
		expect(res.status).toBe(400);
		expect(res.body.errors?.[0].message).toMatch(/^Syntax Error: Expected Name, found <EOF>/);
	});

	it('checks input objects field by field', async () => {
		const res = await gql('mutation ($d: UpdateInventoryInput!) { inventory_add(data: $d) { request_id } }', {
			d: { sku: 'SKU-1000', quantity: 1, colour: 'red' },
		});
		expect(res.status).toBe(400);
		expect(res.body.errors?.[0].message).toMatch(/Field "colour" is not defined by type "UpdateInventoryInput"/);
	});
});

describe('ShipHero sandbox: queries and paging', () => {
	const ORDERS = `query ($first: Int, $after: String) { orders { request_id complexity data(first: $first, after: $after) {
		pageInfo { hasNextPage endCursor } edges { node { id order_number line_items(first: 5) { edges { node { sku } } } } } } } }`;

	it('pages orders with Relay cursors, each exactly once, and reports the complexity it charged', async () => {
		const ids: string[] = [];
		let after: string | undefined;
		let pages = 0;
		for (;;) {
			const res = await gql<{ orders: { complexity: number; data: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Array<{ node: { id: string } }> } } }>(
				ORDERS,
				{ first: 100, after },
			);
			expect(res.body.errors).toBeUndefined();
			const { data, complexity } = res.body.data!.orders;
			expect(complexity).toBeGreaterThan(data.edges.length);
			ids.push(...data.edges.map((e) => e.node.id));
			pages++;
			if (!data.pageInfo.hasNextPage) break;
			after = data.pageInfo.endCursor;
		}
		const all = sandbox.records<{ id: string }>('shiphero', 'orders');
		expect(pages).toBe(Math.ceil(all.length / 100));
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toEqual(all.map((o) => o.id));
	});

	it('filters warehouse products by sku and computes available stock', async () => {
		const res = await gql<{ warehouse_products: { data: { edges: Array<{ node: { sku: string; on_hand: number; allocated: number; available: number } }> } } }>(
			'{ warehouse_products(sku: "SKU-1003") { data(first: 10) { edges { node { sku on_hand allocated available } } } } }',
		);
		const nodes = res.body.data!.warehouse_products.data.edges.map((e) => e.node);
		expect(nodes).toHaveLength(2);
		for (const n of nodes) expect(n).toMatchObject({ sku: 'SKU-1003', available: Math.max(0, n.on_hand - n.allocated) });
	});

	it('answers analyze: true with the cost only, without spending credits', async () => {
		const before = plugin().credits();
		const res = await gql<{ orders: { complexity: number; data: null } }>('{ orders(analyze: true) { complexity data(first: 50) { edges { node { id } } } } }');
		expect(res.body.data!.orders).toEqual({ complexity: 1 + 1 + 50, data: null });
		expect(plugin().credits()).toBeGreaterThanOrEqual(before);
	});

	it('names the operation and code of a resolver error, with HTTP 200', async () => {
		const res = await gql('{ order(id: "T3JkZXI6MQ==") { data { id } } }');
		expect(res.status).toBe(200);
		expect(res.body.errors?.[0]).toMatchObject({ code: 5, operation: 'order', message: 'Order not found' });
		expect(res.body.data).toEqual({ order: null });
	});
});

describe('ShipHero sandbox: credits', () => {
	it('refuses a call it has not enough credits for with code 30 and time_remaining, then lets it through once refilled', async () => {
		plugin().setCredits(10, { refillPerSecond: 100 });
		const query = '{ products { data(first: 50) { edges { node { sku } } } } }';
		const refused = await gql(query);
		expect(refused.status).toBe(200);
		expect(refused.body.data).toBeNull();
		expect(refused.body.errors?.[0]).toMatchObject({ code: 30, required_credits: 52, time_remaining: '1 seconds' });
		expect(Number(refused.body.errors?.[0].remaining_credits)).toBeLessThan(52);
		await new Promise((r) => setTimeout(r, 1100));
		expect((await gql(query)).body.errors).toBeUndefined();
	});
});

describe('ShipHero sandbox: mutations and webhooks', () => {
	it('registers a webhook, returns the secret once, signs deliveries with it and deletes it', async () => {
		const subscriber = await startSubscriber();
		try {
			const created = await gql<{ webhook_create: { webhook: { shared_signature_secret: string; name: string } } }>(
				'mutation { webhook_create(data: { name: "Inventory Update", url: "' + subscriber.url + '/hook", shop_name: "n8n-test" }) { webhook { name shared_signature_secret } } }',
			);
			const secret = created.body.data!.webhook_create.webhook.shared_signature_secret;
			expect(secret).toMatch(/^[0-9a-f]{32}$/);
			const listed = await gql<{ webhooks: { data: { edges: Array<{ node: { shared_signature_secret: string | null } }> } } }>(
				'{ webhooks { data(first: 10) { edges { node { name shared_signature_secret } } } } }',
			);
			expect(listed.body.data!.webhooks.data.edges[0].node.shared_signature_secret).toBeNull();

			const wh = sandbox.records<{ id: string }>('shiphero', 'warehouses')[0];
			const res = await gql<{ inventory_add: { warehouse_product: { on_hand: number } } }>(
				'mutation ($d: UpdateInventoryInput!) { inventory_add(data: $d) { request_id warehouse_product { on_hand } } }',
				{ d: { sku: 'SKU-1000', warehouse_id: wh.id, quantity: 5, reason: 'cycle count' } },
			);
			expect(res.body.errors).toBeUndefined();
			await sandbox.webhooksIdle();
			expect(subscriber.received).toHaveLength(1);
			const [delivery] = subscriber.received;
			expect(delivery.headers['x-shiphero-hmac-sha256']).toBe(createHmac('sha256', secret).update(delivery.body).digest('base64'));
			expect(JSON.parse(delivery.body)).toMatchObject({ webhook_type: 'Inventory Update', inventory: [{ sku: 'SKU-1000', on_hand: String(res.body.data!.inventory_add.warehouse_product.on_hand) }] });

			const deleted = await gql('mutation { webhook_delete(data: { name: "Inventory Update", shop_name: "n8n-test" }) { request_id } }');
			expect(deleted.body.errors).toBeUndefined();
			expect(sandbox.records('shiphero', 'webhooks')).toEqual([]);
		} finally {
			await subscriber.close();
		}
	});

	it('creates an order, adds and removes a line, holds and cancels it', async () => {
		const created = await gql<{ order_create: { order: { id: string; line_items: { edges: Array<{ node: { id: string; sku: string } }> } } } }>(
			`mutation ($d: CreateOrderInput!) { order_create(data: $d) { order { id line_items(first: 10) { edges { node { id sku } } } } } }`,
			{ d: { partner_order_id: 'T-1', shop_name: 'test', line_items: [{ sku: 'SKU-1001', partner_line_item_id: 'T-1-1', quantity: 2, price: '9.99' }] } },
		);
		expect(created.body.errors).toBeUndefined();
		const order = created.body.data!.order_create.order;
		const again = await gql('mutation ($d: CreateOrderInput!) { order_create(data: $d) { request_id } }', {
			d: { partner_order_id: 'T-1', shop_name: 'test', line_items: [{ sku: 'SKU-1001', partner_line_item_id: 'T-1-1', quantity: 2, price: '9.99' }] },
		});
		expect(again.body.errors?.[0]).toMatchObject({ code: 6, operation: 'order_create' });

		const added = await gql<{ order_add_line_items: { order: { line_items: { edges: Array<{ node: { id: string; sku: string } }> } } } }>(
			`mutation ($d: AddLineItemsInput!) { order_add_line_items(data: $d) { order { line_items(first: 10) { edges { node { id sku } } } } } }`,
			{ d: { order_id: order.id, line_items: [{ sku: 'SKU-1002', partner_line_item_id: 'T-1-2', quantity: 1, price: '5.00' }] } },
		);
		const lines = added.body.data!.order_add_line_items.order.line_items.edges.map((e) => e.node);
		expect(lines.map((l) => l.sku)).toEqual(['SKU-1001', 'SKU-1002']);
		await gql('mutation ($d: RemoveLineItemsInput!) { order_remove_line_items(data: $d) { request_id } }', { d: { order_id: order.id, line_item_ids: [lines[0].id] } });
		await gql('mutation ($d: UpdateOrderHoldsInput!) { order_update_holds(data: $d) { request_id } }', { d: { order_id: order.id, operator_hold: true } });
		await gql('mutation ($d: CancelOrderInput!) { order_cancel(data: $d) { request_id } }', { d: { order_id: order.id, reason: 'test' } });
		const stored = sandbox.records<{ id: string; fulfillment_status: string; holds: { operator_hold: boolean }; line_items: Array<{ sku: string }> }>('shiphero', 'orders').find((o) => o.id === order.id)!;
		expect(stored.fulfillment_status).toBe('canceled');
		expect(stored.holds.operator_hold).toBe(true);
		expect(stored.line_items.map((l) => l.sku)).toEqual(['SKU-1002']);
	});

	it('is deterministic for a seed', async () => {
		const other = await startSandbox({ systems: ['shiphero'], seed: 11 });
		try {
			expect(other.records('shiphero', 'purchase_orders')).toEqual(sandbox.records('shiphero', 'purchase_orders'));
			expect(other.records('shiphero', 'products')).toEqual(sandbox.records('shiphero', 'products'));
		} finally {
			await other.close();
		}
	});
});
