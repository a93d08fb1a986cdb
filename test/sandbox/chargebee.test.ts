import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { startSandbox, type ChargebeePlugin, type RunningSandbox } from '../../sandbox';

let sandbox: RunningSandbox;
let base: string;

const auth = (key = sandbox.systems.chargebee.credentials.apiKey) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
const get = (path: string, key?: string) => fetch(`${base}${path}`, { headers: { Authorization: auth(key) } });
const post = (path: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
	fetch(`${base}${path}`, { method: 'POST', headers: { Authorization: auth(), 'Content-Type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(form).toString() });

beforeAll(async () => {
	sandbox = await startSandbox({ systems: ['chargebee'], rateLimits: { chargebee: null }, chargebee: { customers: 250, webhookRetryDelaysMs: [50] } });
	base = sandbox.systems.chargebee.credentials.baseUrl;
});
afterAll(() => sandbox.close());

describe('Chargebee sandbox: auth, lists and errors', () => {
	it('accepts the API key as the Basic user name and rejects a wrong key with api_authentication_failed', async () => {
		expect((await get('/customers?limit=1')).status).toBe(200);
		const res = await get('/customers?limit=1', 'test_wrong');
		expect(res.status).toBe(401);
		expect(await res.json()).toMatchObject({ api_error_code: 'api_authentication_failed', http_status_code: 401 });
	});

	it('pages with limit and next_offset until it is absent, every customer once', async () => {
		const ids: string[] = [];
		let offset: string | undefined;
		let pages = 0;
		do {
			const body = (await (await get(`/customers?limit=100${offset ? `&offset=${encodeURIComponent(offset)}` : ''}`)).json()) as { list: Array<{ customer: { id: string } }>; next_offset?: string };
			ids.push(...body.list.map((e) => e.customer.id));
			offset = body.next_offset;
			pages++;
		} while (offset);
		expect(pages).toBe(3);
		expect(new Set(ids).size).toBe(250);
	});

	it('filters with field[operator] and refuses a limit above 100 naming the param', async () => {
		const one = sandbox.records<{ id: string; email: string }>('chargebee', 'customers')[7];
		const body = (await (await get(`/customers?email[is]=${encodeURIComponent(one.email)}`)).json()) as { list: Array<{ customer: { id: string } }> };
		expect(body.list.map((e) => e.customer.id)).toEqual([one.id]);
		const subs = (await (await get('/subscriptions?limit=100&status[in]=' + encodeURIComponent('["cancelled"]'))).json()) as { list: Array<{ subscription: { status: string }; customer: { id: string } }> };
		expect(subs.list.every((e) => e.subscription.status === 'cancelled' && e.customer.id)).toBe(true);
		const big = await get('/customers?limit=101');
		expect(big.status).toBe(400);
		expect(await big.json()).toMatchObject({ api_error_code: 'param_wrong_value', param: 'limit' });
	});

	it('reads bracket-notation form bodies and refuses JSON bodies', async () => {
		const created = await post('/customers', { id: 'cust_form', first_name: 'Ann', 'billing_address[city]': 'Reno', 'billing_address[zip]': '89501' });
		expect((await created.json()) as unknown).toMatchObject({ customer: { id: 'cust_form', first_name: 'Ann', billing_address: { city: 'Reno', zip: '89501' } } });
		const dup = await post('/customers', { id: 'cust_form' });
		expect(dup.status).toBe(400);
		expect(await dup.json()).toMatchObject({ api_error_code: 'duplicate_entry', param: 'id' });
		const asJson = await fetch(`${base}/customers`, { method: 'POST', headers: { Authorization: auth(), 'Content-Type': 'application/json' }, body: '{"id":"x"}' });
		expect(asJson.status).toBe(400);
	});
});

describe('Chargebee sandbox: usages and idempotency keys', () => {
	const sub = () => sandbox.records<{ id: string; status: string }>('chargebee', 'subscriptions').find((s) => s.status === 'active') as { id: string };

	it('records a metered usage once per idempotency key, and replays the first answer', async () => {
		const form = { item_price_id: 'backup-storage-gb-USD-monthly', quantity: '12.5', usage_date: '1790000000' };
		const first = await post(`/subscriptions/${sub().id}/usages`, form, { 'chargebee-idempotency-key': 'k-1' });
		expect(first.status).toBe(200);
		const again = await post(`/subscriptions/${sub().id}/usages`, form, { 'chargebee-idempotency-key': 'k-1' });
		expect(again.headers.get('chargebee-idempotency-replayed')).toBe('true');
		expect(await again.json()).toEqual(await first.json());
		expect(sandbox.records<{ subscription_id: string }>('chargebee', 'usages').filter((u) => u.subscription_id === sub().id)).toHaveLength(1);
		const sameDate = await post(`/subscriptions/${sub().id}/usages`, form);
		expect(await sameDate.json()).toMatchObject({ api_error_code: 'duplicate_entry', param: 'usage_date' });
		const other = await post(`/subscriptions/${sub().id}/usages`, { ...form, quantity: '1' }, { 'chargebee-idempotency-key': 'k-1' });
		expect(other.status).toBe(400);
	});

	it('refuses a non-metered item price naming item_price_id', async () => {
		const res = await post(`/subscriptions/${sub().id}/usages`, { item_price_id: 'managed-it-USD-monthly', quantity: '1', usage_date: '1790000000' });
		expect(await res.json()).toMatchObject({ api_error_code: 'param_wrong_value', param: 'item_price_id' });
	});

	it('answers 429 api_request_limit_exceeded in a burst', async () => {
		sandbox.setFaults({ burst429: { count: 1, retryAfterSec: 1 } }, 'chargebee');
		const res = await get('/customers?limit=1');
		expect(res.status).toBe(429);
		expect(await res.json()).toMatchObject({ api_error_code: 'api_request_limit_exceeded' });
		sandbox.clearFaults('chargebee');
	});
});

describe('Chargebee sandbox: webhook endpoints', () => {
	let server: Server;
	let url: string;
	const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
	beforeAll(async () => {
		server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
				res.writeHead(200).end();
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
	});
	afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

	it('registers an endpoint with Basic auth and delivers events of the enabled types to it', async () => {
		const created = (await (
			await post('/webhook_endpoints', { name: 'n8n', url, api_version: 'v2', basic_auth_username: 'hook', basic_auth_password: 'pw-1', 'enabled_events[0]': 'invoice_generated' })
		).json()) as { webhook_endpoint: { id: string; enabled_events: string[] } };
		expect(created.webhook_endpoint.enabled_events).toEqual(['invoice_generated']);
		expect(JSON.stringify(created)).not.toContain('pw-1');
		const plugin = sandbox.plugin<ChargebeePlugin>('chargebee');
		plugin.emit('customer_changed', { customer: { id: 'x' } });
		const event = plugin.emit('invoice_generated', { invoice: { id: '1001' } });
		await sandbox.webhooksIdle();
		expect(received).toHaveLength(1);
		expect(received[0].headers.authorization).toBe(`Basic ${Buffer.from('hook:pw-1').toString('base64')}`);
		expect(JSON.parse(received[0].body)).toMatchObject({ id: event.id, event_type: 'invoice_generated', api_version: 'v2', content: { invoice: { id: '1001' } } });
		const deleted = await post(`/webhook_endpoints/${created.webhook_endpoint.id}/delete`, {});
		expect(deleted.status).toBe(200);
		expect(sandbox.records('chargebee', 'webhook_endpoints')).toHaveLength(0);
	});
});
