/* eslint-disable @typescript-eslint/no-explicit-any -- Stripe response bodies are read field by field */
/**
 * The Stripe sandbox against Stripe's documented behaviour: auth, cursor lists and search, form
 * bodies, idempotency (replay, mismatch, 24 h retention), errors, billing flows and meter events.
 */
import { createHmac } from 'node:crypto';

import { startSandbox, type RunningSandbox } from '../../sandbox';
import { startSubscriber } from './helpers';

let sandbox: RunningSandbox;
let clock = new Date('2026-03-01T12:00:00Z');

interface Client {
	call(method: string, path: string, form?: Record<string, string>, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: any }>;
}

function client(key?: string): Client {
	const { baseUrl, credentials } = sandbox.systems.stripe;
	return {
		async call(method, path, form, headers = {}) {
			const body = form ? new URLSearchParams(form).toString() : undefined;
			const url = method === 'GET' && form ? `${baseUrl}${path}?${body}` : `${baseUrl}${path}`;
			const res = await fetch(url, {
				method,
				headers: {
					Authorization: `Bearer ${key ?? credentials.secretKey}`,
					...(method === 'POST' ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
					...headers,
				},
				body: method === 'GET' ? undefined : body,
			});
			return { status: res.status, headers: res.headers, body: await res.json() };
		},
	};
}

beforeAll(async () => {
	sandbox = await startSandbox({ systems: ['stripe'], seed: 11, now: () => clock, rateLimits: { stripe: null }, stripe: { webhookRetryDelaysMs: [] } });
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	clock = new Date('2026-03-01T12:00:00Z');
	sandbox.reset();
});

const customers = () => sandbox.records<{ id: string; email: string; name: string }>('stripe', 'customers');

describe('auth', () => {
	it('rejects a missing or wrong key with 401 and never echoes the key', async () => {
		const { baseUrl } = sandbox.systems.stripe;
		const none = await fetch(`${baseUrl}/v1/customers`);
		expect(none.status).toBe(401);
		expect(((await none.json()) as { error: { type: string } }).error.type).toBe('invalid_request_error');
		const wrong = await client('sk_test_wrongwrongwrong1234').call('GET', '/v1/customers');
		expect(wrong.status).toBe(401);
		expect(wrong.body.error.message).toContain('****1234');
		expect(wrong.body.error.message).not.toContain('wrongwrong');
	});

	it('accepts the key as Basic username and refuses writes with the read-only restricted key', async () => {
		const { baseUrl, credentials } = sandbox.systems.stripe;
		const basic = await fetch(`${baseUrl}/v1/balance`, { headers: { Authorization: `Basic ${Buffer.from(`${credentials.secretKey}:`).toString('base64')}` } });
		expect(basic.status).toBe(200);
		const read = await client(credentials.restrictedKey).call('GET', '/v1/customers', { limit: '1' });
		expect(read.status).toBe(200);
		const write = await client(credentials.restrictedKey).call('POST', '/v1/customers', { name: 'x' });
		expect(write.status).toBe(403);
	});

	it('answers with Request-Id and the API version used', async () => {
		const res = await client().call('GET', '/v1/balance', undefined, { 'Stripe-Version': '2025-08-27.basil' });
		expect(res.headers.get('request-id')).toMatch(/^req_/);
		expect(res.headers.get('stripe-version')).toBe('2025-08-27.basil');
	});
});

describe('lists and search', () => {
	it('pages newest first with starting_after until has_more is false, each customer once', async () => {
		const seen: string[] = [];
		let after: string | undefined;
		for (let page = 0; page < 20; page++) {
			const res = await client().call('GET', '/v1/customers', { limit: '50', ...(after ? { starting_after: after } : {}) });
			expect(res.body.object).toBe('list');
			seen.push(...res.body.data.map((c: { id: string }) => c.id));
			if (!res.body.has_more) break;
			after = res.body.data.at(-1).id;
		}
		const all = customers();
		expect(seen).toHaveLength(all.length);
		expect(new Set(seen).size).toBe(all.length);
		expect(seen[0]).toBe(all.at(-1)!.id);
	});

	it('refuses a limit above 100 and an unknown cursor, naming the parameter', async () => {
		const big = await client().call('GET', '/v1/customers', { limit: '101' });
		expect(big.status).toBe(400);
		expect(big.body.error.param).toBe('limit');
		const cursor = await client().call('GET', '/v1/customers', { starting_after: 'cus_nope' });
		expect(cursor.status).toBe(404);
		expect(cursor.body.error).toMatchObject({ code: 'resource_missing', param: 'starting_after' });
	});

	it('filters lists (email, status, customer) and searches with the query language and page tokens', async () => {
		const target = customers()[5];
		const byEmail = await client().call('GET', '/v1/customers', { email: target.email });
		expect(byEmail.body.data.map((c: { id: string }) => c.id)).toEqual([target.id]);

		const paid = await client().call('GET', '/v1/invoices', { status: 'paid', limit: '100' });
		expect(paid.body.data.length).toBeGreaterThan(0);
		expect(paid.body.data.every((i: { status: string }) => i.status === 'paid')).toBe(true);

		const query = `name~"${target.name.slice(0, 6)}" AND metadata["erp_customer_id"]:"C-10005"`;
		const found = await client().call('GET', '/v1/customers/search', { query });
		expect(found.body.object).toBe('search_result');
		expect(found.body.data.map((c: { id: string }) => c.id)).toEqual([target.id]);

		const first = await client().call('GET', '/v1/invoices/search', { query: 'status:"paid"', limit: '10' });
		expect(first.body.has_more).toBe(true);
		const second = await client().call('GET', '/v1/invoices/search', { query: 'status:"paid"', limit: '10', page: first.body.next_page });
		expect(second.body.data[0].id).not.toBe(first.body.data[0].id);

		const bad = await client().call('GET', '/v1/customers/search', { query: 'nickname:"x"' });
		expect(bad.status).toBe(400);
		expect(bad.body.error.param).toBe('query');
	});

	it('expands ids into objects', async () => {
		const res = await client().call('GET', '/v1/invoices', { limit: '2', 'expand[]': 'data.customer' });
		expect(res.body.data[0].customer.object).toBe('customer');
	});
});

describe('idempotency', () => {
	const create = (key: string, form: Record<string, string>) => client().call('POST', '/v1/invoices', form, { 'Idempotency-Key': key });

	it('replays the stored response for the same key and parameters, without a second invoice', async () => {
		const customer = customers()[0].id;
		const before = sandbox.records('stripe', 'invoices').length;
		const first = await create('run-1', { customer, 'metadata[order]': 'SO-1' });
		const again = await create('run-1', { 'metadata[order]': 'SO-1', customer });
		expect(first.status).toBe(200);
		expect(again.body.id).toBe(first.body.id);
		expect(first.headers.get('idempotent-replayed')).toBeNull();
		expect(again.headers.get('idempotent-replayed')).toBe('true');
		expect(sandbox.records('stripe', 'invoices')).toHaveLength(before + 1);
	});

	it('refuses the same key with other parameters (400 idempotency_error), and forgets keys after 24 h', async () => {
		const customer = customers()[0].id;
		await create('run-2', { customer });
		const other = await create('run-2', { customer: customers()[1].id });
		expect(other.status).toBe(400);
		expect(other.body.error.type).toBe('idempotency_error');

		clock = new Date(clock.getTime() + 24 * 3600_000 + 1000);
		const later = await create('run-2', { customer: customers()[1].id });
		expect(later.status).toBe(200);
		expect(later.headers.get('idempotent-replayed')).toBeNull();
	});

	it('does not store a request refused by validation, so a corrected retry with the same key works', async () => {
		const bad = await create('run-3', {});
		expect(bad.status).toBe(400);
		expect(bad.body.error).toMatchObject({ code: 'parameter_missing', param: 'customer' });
		const good = await create('run-3', { customer: customers()[0].id });
		expect(good.status).toBe(200);
	});

	it('answers a lock timeout with 429 lock_timeout and Stripe-Should-Retry, and stores nothing', async () => {
		sandbox.plugin<import('../../sandbox').StripePlugin>('stripe').injectLockTimeouts(1);
		const locked = await create('run-4', { customer: customers()[0].id });
		expect(locked.status).toBe(429);
		expect(locked.body.error.code).toBe('lock_timeout');
		expect(locked.headers.get('stripe-should-retry')).toBe('true');
		expect((await create('run-4', { customer: customers()[0].id })).status).toBe(200);
	});
});

describe('billing flows', () => {
	it('creates, fills, finalizes, sends and pays an invoice with the right totals and numbers', async () => {
		const customer = customers()[0].id;
		const invoice = (await client().call('POST', '/v1/invoices', { customer, collection_method: 'send_invoice', days_until_due: '30' })).body;
		expect(invoice.status).toBe('draft');
		await client().call('POST', '/v1/invoiceitems', { customer, invoice: invoice.id, amount: '12550', currency: 'usd', description: 'Firewall' });
		const price = sandbox.records<{ id: string; lookup_key: string }>('stripe', 'prices').find((p) => p.lookup_key === 'after_hours_hour')!;
		await client().call('POST', '/v1/invoiceitems', { customer, invoice: invoice.id, 'pricing[price]': price.id, quantity: '2' });
		const finalized = (await client().call('POST', `/v1/invoices/${invoice.id}/finalize`)).body;
		expect(finalized).toMatchObject({ status: 'open', total: 12550 + 2 * 18500, amount_due: 49550 });
		expect(finalized.number).toMatch(/-\d{4}$/);
		expect((await client().call('POST', `/v1/invoices/${invoice.id}/finalize`)).body.error.code).toBe('invoice_not_editable');
		expect((await client().call('POST', `/v1/invoices/${invoice.id}/send`)).status).toBe(200);
		const paid = (await client().call('POST', `/v1/invoices/${invoice.id}/pay`, { paid_out_of_band: 'true' })).body;
		expect(paid).toMatchObject({ status: 'paid', amount_paid: 49550, amount_remaining: 0 });
		expect((await client().call('POST', `/v1/invoices/${invoice.id}/void`)).status).toBe(400);
		const note = await client().call('POST', '/v1/credit_notes', { invoice: invoice.id, 'lines[0][type]': 'custom_line_item', 'lines[0][unit_amount]': '5000', 'lines[0][description]': 'SLA credit' });
		expect(note.body).toMatchObject({ object: 'credit_note', amount: 5000, type: 'post_payment', status: 'issued' });
		const tooMuch = await client().call('POST', '/v1/credit_notes', { invoice: invoice.id, 'lines[0][type]': 'custom_line_item', 'lines[0][unit_amount]': '999999', 'lines[0][description]': 'x' });
		expect(tooMuch.status).toBe(400);
	});

	it('declines a card payment with a 402 card_error', async () => {
		const declined = customers()[3].id;
		const invoice = (await client().call('POST', '/v1/invoices', { customer: declined })).body;
		await client().call('POST', '/v1/invoiceitems', { customer: declined, invoice: invoice.id, amount: '1000', currency: 'usd' });
		const res = await client().call('POST', `/v1/invoices/${invoice.id}/pay`);
		expect(res.status).toBe(402);
		expect(res.body.error).toMatchObject({ type: 'card_error', code: 'card_declined', decline_code: 'generic_decline' });
	});

	it('records meter events, refuses a repeated identifier, and aggregates them per customer', async () => {
		const customer = customers()[1].id;
		const meter = sandbox.records<{ id: string; event_name: string }>('stripe', 'billing_meters').find((m) => m.event_name === 'api_requests')!;
		const send = (identifier: string, value: string) =>
			client().call('POST', '/v1/billing/meter_events', { event_name: 'api_requests', 'payload[stripe_customer_id]': customer, 'payload[value]': value, identifier });
		expect((await send('usage-1', '25')).body).toMatchObject({ object: 'billing.meter_event', identifier: 'usage-1', payload: { value: '25' } });
		await send('usage-2', '17');
		const duplicate = await send('usage-1', '25');
		expect(duplicate.status).toBe(400);
		expect(duplicate.body.error.param).toBe('identifier');
		expect(duplicate.headers.get('stripe-should-retry')).toBe('false');
		const now = Math.floor(clock.getTime() / 1000);
		const summary = await client().call('GET', `/v1/billing/meters/${meter.id}/event_summaries`, { customer, start_time: String(now - 60), end_time: String(now + 60) });
		expect(summary.body.data[0].aggregated_value).toBe(42);
		const unknownMeter = await client().call('POST', '/v1/billing/meter_events', { event_name: 'nope', 'payload[stripe_customer_id]': customer, 'payload[value]': '1' });
		expect(unknownMeter.body.error.param).toBe('event_name');
	});

	it('names unknown parameters and nested missing ones', async () => {
		const unknown = await client().call('POST', '/v1/customers', { nme: 'typo' });
		expect(unknown.body.error).toMatchObject({ code: 'parameter_unknown', param: 'nme' });
		const nested = await client().call('POST', '/v1/subscriptions', { customer: customers()[0].id, 'items[0][quantity]': '2' });
		expect(nested.body.error).toMatchObject({ code: 'parameter_missing', param: 'items[0][price]' });
	});
});

describe('webhooks', () => {
	it('creates an endpoint with a one-time secret and delivers signed events to it', async () => {
		const subscriber = await startSubscriber();
		try {
			const created = await client().call('POST', '/v1/webhook_endpoints', { url: `${subscriber.url}/hook`, 'enabled_events[]': 'customer.created' });
			expect(created.body.secret).toMatch(/^whsec_/);
			const fetched = await client().call('GET', `/v1/webhook_endpoints/${created.body.id}`);
			expect(fetched.body.secret).toBeUndefined();

			await client().call('POST', '/v1/customers', { name: 'Webhook Test Co' }, { 'Idempotency-Key': 'wh-1' });
			await client().call('POST', '/v1/products', { name: 'Not subscribed' });
			await sandbox.webhooksIdle();
			expect(subscriber.received).toHaveLength(1);
			const [hit] = subscriber.received;
			const event = JSON.parse(hit.body);
			expect(event).toMatchObject({ object: 'event', type: 'customer.created', request: { idempotency_key: 'wh-1' } });
			const header = String(hit.headers['stripe-signature']);
			const t = /t=(\d+)/.exec(header)![1];
			const v1 = /v1=([0-9a-f]+)/.exec(header)![1];
			expect(v1).toBe(createHmac('sha256', created.body.secret).update(`${t}.${hit.body}`).digest('hex'));
			expect(Number(t)).toBe(Math.floor(clock.getTime() / 1000));

			expect((await client().call('DELETE', `/v1/webhook_endpoints/${created.body.id}`)).body.deleted).toBe(true);
			await client().call('POST', '/v1/customers', { name: 'After delete' });
			await sandbox.webhooksIdle();
			expect(subscriber.received).toHaveLength(1);
		} finally {
			await subscriber.close();
		}
	});
});

describe('determinism', () => {
	it('gives the same ids and amounts for the same seed', () => {
		const first = sandbox.records<{ id: string; total: number }>('stripe', 'invoices').map((i) => `${i.id}:${i.total}`);
		sandbox.reset();
		const second = sandbox.records<{ id: string; total: number }>('stripe', 'invoices').map((i) => `${i.id}:${i.total}`);
		expect(second).toEqual(first);
		expect(first.length).toBeGreaterThan(100);
	});
});
