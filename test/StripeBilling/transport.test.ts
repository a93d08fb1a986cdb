import type { IDataObject } from 'n8n-workflow';

import { encodeForm, flattenParams } from '../../nodes/StripeBilling/transport';
import { api, byId, credentials, executeContext, formPairs, run, setupNock } from './helpers';

setupNock();

describe('form encoding', () => {
	it('encodes nested objects, arrays of objects with indices and plain arrays with []', () => {
		expect(
			flattenParams({
				customer: 'cus_1',
				metadata: { order: 'SO-1', 'a b': 'x&y' },
				items: [{ price: 'price_1', quantity: 2 }, { price: 'price_2' }],
				expand: ['customer', 'latest_invoice'],
				unset: null,
				skipped: undefined,
				flag: false,
			}),
		).toEqual([
			['customer', 'cus_1'],
			['metadata[order]', 'SO-1'],
			['metadata[a b]', 'x&y'],
			['items[0][price]', 'price_1'],
			['items[0][quantity]', '2'],
			['items[1][price]', 'price_2'],
			['expand[]', 'customer'],
			['expand[]', 'latest_invoice'],
			['unset', ''],
			['flag', 'false'],
		]);
		expect(encodeForm({ metadata: { 'a b': 'x&y' } })).toBe('metadata%5Ba%20b%5D=x%26y');
	});
});

describe('requests', () => {
	it('sends the Bearer key, the pinned Stripe-Version, a form body and an Idempotency-Key on POST', async () => {
		let headers: Record<string, string | string[]> = {};
		let body = '';
		api()
			.post('/v1/customers')
			.reply(function (_uri, raw) {
				headers = this.req.headers;
				body = String(raw);
				return [200, { id: 'cus_1', object: 'customer' }];
			});
		const creds = credentials({ stripeAccount: 'acct_123' });
		const { output } = await run(
			{ resource: 'customer', operation: 'create', inputMode: 'fields', name: 'Acme', email: 'a@acme.example', additionalFields: { address: { value: { city: 'Seattle', country: 'US' } } }, metadata: { entries: [{ key: 'erp', value: 'C-1' }] } },
			{ credentials: creds },
		);
		expect(output).toEqual([{ json: { id: 'cus_1', object: 'customer' }, pairedItem: { item: 0 } }]);
		expect(headers.authorization).toBe(`Bearer ${String(creds.secretKey)}`);
		expect(headers['stripe-version']).toBe('2025-03-31.basil');
		expect(headers['stripe-account']).toBe('acct_123');
		expect(headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(String(headers['idempotency-key'])).toMatch(/^n8n-[0-9a-f]{48}$/);
		expect(formPairs(body)).toEqual([
			['name', 'Acme'],
			['email', 'a@acme.example'],
			['address[city]', 'Seattle'],
			['address[country]', 'US'],
			['metadata[erp]', 'C-1'],
		]);
	});

	it('derives the same key for the same input and a different one for another item, workflow or explicit key', async () => {
		const keys: string[] = [];
		api()
			.post('/v1/invoices/in_1/finalize')
			.times(5)
			.reply(function () {
				keys.push(String(this.req.headers['idempotency-key']));
				return [200, { id: 'in_1', status: 'open' }];
			});
		const params = { resource: 'invoice', operation: 'finalize', invoiceId: byId('in_1'), autoAdvance: false, requestOptions: {} };
		const creds = credentials();
		await run(params, { credentials: creds, items: [{ json: { order: 1 } }, { json: { order: 2 } }], workflowId: 'wf-a' });
		await run(params, { credentials: creds, items: [{ json: { order: 1 } }], workflowId: 'wf-a' });
		await run(params, { credentials: creds, items: [{ json: { order: 1 } }], workflowId: 'wf-b' });
		await run({ ...params, requestOptions: { idempotencyKey: 'my-key-7' } }, { credentials: creds, items: [{ json: { order: 1 } }] });
		expect(keys[0]).toBe(keys[2]);
		expect(keys[1]).not.toBe(keys[0]);
		expect(keys[3]).not.toBe(keys[0]);
		expect(keys[4]).toBe('my-key-7');
	});

	it('retries a 429 lock_timeout and a 500 with the same Idempotency-Key, then succeeds', async () => {
		const keys: string[] = [];
		const record = function (this: { req: { headers: Record<string, unknown> } }) {
			keys.push(String(this.req.headers['idempotency-key']));
		};
		api()
			.post('/v1/invoices/in_9/void')
			.reply(function () {
				record.call(this);
				return [429, { error: { type: 'invalid_request_error', code: 'lock_timeout', message: 'locked' } }, { 'Stripe-Should-Retry': 'true' }];
			})
			.post('/v1/invoices/in_9/void')
			.reply(function () {
				record.call(this);
				return [500, { error: { type: 'api_error', message: 'boom' } }];
			})
			.post('/v1/invoices/in_9/void')
			.reply(function () {
				record.call(this);
				return [200, { id: 'in_9', status: 'void' }];
			});
		const { json } = await run({ resource: 'invoice', operation: 'void', invoiceId: byId('in_9') });
		expect(json).toEqual([{ id: 'in_9', status: 'void' }]);
		expect(keys).toHaveLength(3);
		expect(new Set(keys).size).toBe(1);
	});
});

describe('lists', () => {
	it('pages with starting_after while has_more and stops at the limit without another request', async () => {
		const page = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => ({ id: `cus_${from + i}` }));
		api().get('/v1/customers').query({ limit: '100', email: 'a@b.example' }).reply(200, { object: 'list', has_more: true, data: page(1, 100) });
		api().get('/v1/customers').query({ limit: '100', email: 'a@b.example', starting_after: 'cus_100' }).reply(200, { object: 'list', has_more: false, data: page(101, 130) });
		const all = await run({ resource: 'customer', operation: 'getAll', returnAll: true, filters: { email: 'a@b.example' }, options: {} });
		expect(all.json.map((c) => c.id)).toEqual(page(1, 130).map((c) => c.id));
		expect(all.output.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);

		api().get('/v1/customers').query({ limit: '5' }).reply(200, { object: 'list', has_more: true, data: page(1, 5) });
		const limited = await run({ resource: 'customer', operation: 'getAll', returnAll: false, limit: 5, filters: {}, options: {} });
		expect(limited.json).toHaveLength(5);
	});

	it('turns Created After/Before into created[gte]/[lt] and drops unticked boolean filters', async () => {
		api()
			.get('/v1/invoiceitems')
			.query({ limit: '10', 'created[gte]': '1735689600', 'created[lt]': '1738368000' })
			.reply(200, { object: 'list', has_more: false, data: [{ id: 'ii_1' }] });
		const { json } = await run({ resource: 'invoiceItem', operation: 'getAll', returnAll: false, limit: 10, filters: { pending: false, createdAfter: '2025-01-01T00:00:00Z', createdBefore: '2025-02-01T00:00:00Z' }, options: {} });
		expect(json).toEqual([{ id: 'ii_1' }]);
	});

	it('follows search next_page tokens and can output canonical records', async () => {
		api().get('/v1/invoices/search').query({ query: "status:'open'", limit: '100' }).reply(200, { object: 'search_result', has_more: true, next_page: 'tok2', data: [{ id: 'in_1', object: 'invoice', currency: 'jpy', total: 5000, customer: 'cus_1', status: 'open', amount_paid: 0 }] });
		api().get('/v1/invoices/search').query({ query: "status:'open'", limit: '100', page: 'tok2' }).reply(200, { object: 'search_result', has_more: false, next_page: null, data: [{ id: 'in_2', object: 'invoice', currency: 'usd', total: 1999, customer: 'cus_2', status: 'open', amount_paid: 0 }] });
		const { json } = await run({ resource: 'invoice', operation: 'search', query: "status:'open'", returnAll: true, options: { output: 'canonical' } });
		expect(json.map((i) => [(i.totals as IDataObject).total, i.currency])).toEqual([
			['5000', 'JPY'],
			['19.99', 'USD'],
		]);
	});
});

describe('errors', () => {
	it('names the parameter, keeps the code and class, and adds the doc link', async () => {
		api()
			.post('/v1/subscriptions')
			.reply(400, { error: { type: 'invalid_request_error', code: 'parameter_missing', param: 'items[0][price]', message: 'Missing required param: items[0][price].', doc_url: 'https://stripe.com/docs/error-codes/parameter-missing' } });
		const error = await run({ resource: 'subscription', operation: 'create', inputMode: 'fields', customerId: byId('cus_1'), items: { item: [{ price: '', quantity: 1 }] }, additionalFields: {} }).catch((e: unknown) => e);
		expect(error).toMatchObject({
			message: 'Stripe 400 [parameter_missing]: Missing required param: items[0][price]. (parameter: items[0][price])',
			context: { errorClass: 'validation', vendorCode: 'parameter_missing', itemIndex: 0 },
		});
		expect((error as { description: string }).description).toContain('https://stripe.com/docs/error-codes/parameter-missing');
	});

	it('explains an idempotency_error as a conflict and never retries it', async () => {
		api().post('/v1/invoices/in_1/send').once().reply(400, { error: { type: 'idempotency_error', message: 'Keys for idempotent requests can only be used with the same parameters they were first used with.' } });
		const error = await run({ resource: 'invoice', operation: 'send', invoiceId: byId('in_1') }).catch((e: unknown) => e);
		expect(error).toMatchObject({ context: { errorClass: 'conflict' } });
		expect((error as { description: string }).description).toMatch(/already used in the last 24 hours with other parameters/);
	});

	it('reports a bad key as a credential error without the key, and maps resource_missing to not_found', async () => {
		const creds = credentials();
		api().get('/v1/customers/cus_x').reply(401, { error: { type: 'invalid_request_error', message: `Invalid API Key provided: ${String(creds.secretKey)}` } });
		const auth = await run({ resource: 'customer', operation: 'get', customerId: byId('cus_x'), options: {} }, { credentials: creds }).catch((e: unknown) => e);
		expect(auth).toMatchObject({ message: expect.stringContaining('Stripe rejected the API key'), context: { errorClass: 'auth' } });
		expect(JSON.stringify(auth)).not.toContain(String(creds.secretKey));

		api().get('/v1/customers/cus_y').reply(404, { error: { type: 'invalid_request_error', code: 'resource_missing', param: 'id', message: "No such customer: 'cus_y'" } });
		const missing = await run({ resource: 'customer', operation: 'get', customerId: byId('cus_y'), options: {} }).catch((e: unknown) => e);
		expect(missing).toMatchObject({ context: { errorClass: 'not_found', vendorCode: 'resource_missing' } });
	});

	it('continues on fail with an error item paired to its input', async () => {
		api().get('/v1/customers/cus_a').reply(200, { id: 'cus_a' });
		api().get('/v1/customers/cus_b').reply(404, { error: { type: 'invalid_request_error', code: 'resource_missing', message: "No such customer: 'cus_b'" } });
		const ctx = executeContext((i) => ({ resource: 'customer', operation: 'get', customerId: byId(i === 0 ? 'cus_a' : 'cus_b'), options: {} }), {
			items: [{ json: {} }, { json: {} }],
			continueOnFail: true,
		});
		const [output] = await (await import('./helpers')).node.execute.call(ctx);
		expect(output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(output[1].json).toMatchObject({ errorClass: 'not_found' });
	});

	it('refuses a path that leaves the API root', async () => {
		const error = await run({ resource: 'customApiCall', operation: 'request', method: 'GET', path: 'https://evil.example/v1/x', parameters: '{}' }).catch((e: unknown) => e);
		expect(String((error as Error).message)).toMatch(/must start with \/v1\//);
	});
});

describe('custom API call', () => {
	it('form-encodes a POST with a derived key that depends on the path, and follows list pages on GET', async () => {
		const seen: Array<{ key: string; body: string }> = [];
		api()
			.post(/\/v1\/billing\/meter_event_adjustments|\/v1\/coupons/)
			.times(2)
			.reply(function (_uri, raw) {
				seen.push({ key: String(this.req.headers['idempotency-key']), body: String(raw) });
				return [200, { ok: true }];
			});
		const post = (path: string) => ({ resource: 'customApiCall', operation: 'request', method: 'POST', path, parameters: '{"cancel": {"identifier": "row-1"}, "type": "cancel"}', idempotencyKey: '' });
		const creds = credentials();
		await run(post('/v1/billing/meter_event_adjustments'), { credentials: creds });
		await run(post('/v1/coupons'), { credentials: creds });
		expect(formPairs(seen[0].body)).toEqual([
			['cancel[identifier]', 'row-1'],
			['type', 'cancel'],
		]);
		expect(seen[0].key).toMatch(/^n8n-/);
		expect(seen[1].key).not.toBe(seen[0].key);

		api().get('/v1/billing/meters').query({ limit: '100', status: 'active' }).reply(200, { object: 'list', has_more: true, data: [{ id: 'mtr_1' }] });
		api().get('/v1/billing/meters').query({ limit: '100', status: 'active', starting_after: 'mtr_1' }).reply(200, { object: 'list', has_more: false, data: [{ id: 'mtr_2' }] });
		const { json } = await run({ resource: 'customApiCall', operation: 'request', method: 'GET', path: '/v1/billing/meters', parameters: '{"status": "active"}', followPages: true });
		expect(json.map((m) => m.id)).toEqual(['mtr_1', 'mtr_2']);
	});
});
