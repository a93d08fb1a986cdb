import { chargebeeBaseUrl } from '../../credentials/ChargebeeBillingApi.credentials';
import { chargebeeForm } from '../../nodes/ChargebeeBilling/transport';
import { API, api, byId, customers, KEY, run, setupNock } from './helpers';

setupNock();

describe('Chargebee form bodies and base URL', () => {
	it('encodes nested objects, arrays of objects and lists in bracket notation', () => {
		const form = chargebeeForm({
			first_name: 'Ann',
			billing_address: { city: 'Reno', zip: '89501' },
			subscription_items: [
				{ item_price_id: 'basic-USD', quantity: 2 },
				{ item_price_id: 'addon-USD', quantity: 1 },
			],
			enabled_events: ['customer_created', 'invoice_generated'],
			auto_collection: undefined,
			end_of_term: true,
		});
		expect(decodeURIComponent(form).split('&')).toEqual([
			'first_name=Ann',
			'billing_address[city]=Reno',
			'billing_address[zip]=89501',
			'subscription_items[item_price_id][0]=basic-USD',
			'subscription_items[quantity][0]=2',
			'subscription_items[item_price_id][1]=addon-USD',
			'subscription_items[quantity][1]=1',
			'enabled_events[0]=customer_created',
			'enabled_events[1]=invoice_generated',
			'end_of_term=true',
		]);
	});

	it.each([
		[{ site: 'acme-test', baseUrl: '' }, 'https://acme-test.chargebee.com/api/v2'],
		[{ site: 'https://acme.chargebee.com', baseUrl: '' }, 'https://acme.chargebee.com/api/v2'],
		[{ site: 'x', baseUrl: 'http://127.0.0.1:4010/chargebee/api/v2/' }, 'http://127.0.0.1:4010/chargebee/api/v2'],
	])('%j → %s', (creds, expected) => expect(chargebeeBaseUrl(creds)).toBe(expected));
});

describe('Chargebee lists', () => {
	it('Return All pages with limit=100 and next_offset, sending the native filters', async () => {
		api()
			.get(`${API}/customers`)
			.query({ limit: '100', 'email[starts_with]': 'c', 'updated_at[after]': '1767225600' })
			.reply(200, { list: customers(1, 100), next_offset: '["100","c100"]' })
			.get(`${API}/customers`)
			.query({ limit: '100', 'email[starts_with]': 'c', 'updated_at[after]': '1767225600', offset: '["100","c100"]' })
			.reply(200, { list: customers(101, 150) });
		const { json, output } = await run({
			resource: 'customer',
			operation: 'getAll',
			returnAll: true,
			filters: { filter: [{ field: 'email', operator: 'starts_with', value: 'c' }] },
			options: { updatedAfter: '2026-01-01T00:00:00Z' },
		});
		expect(json.map((c) => c.id)).toEqual(Array.from({ length: 150 }, (_, i) => `c${i + 1}`));
		expect(output[149].pairedItem).toEqual({ item: 0 });
	});

	it('a Limit asks for that many and does not read further pages', async () => {
		api().get(`${API}/invoices`).query({ limit: '5' }).reply(200, { list: Array.from({ length: 5 }, (_, i) => ({ invoice: { id: String(i) } })), next_offset: '["5","4"]' });
		const { json, ctx } = await run({ resource: 'invoice', operation: 'getAll', returnAll: false, limit: 5, filters: {}, options: {} });
		expect(json).toHaveLength(5);
		expect(ctx.sentRequests).toHaveLength(1);
	});

	it('waits out a 429 with Retry-After and retries', async () => {
		api().get(`${API}/customers/c1`).reply(429, { api_error_code: 'api_request_limit_exceeded', message: 'Sorry, access has been blocked temporarily' }, { 'Retry-After': '1' });
		api().get(`${API}/customers/c1`).reply(200, { customer: { id: 'c1' } });
		const started = Date.now();
		const { json } = await run({ resource: 'customer', operation: 'get', customerId: byId('c1'), options: {} });
		expect(json[0]).toEqual({ id: 'c1' });
		expect(Date.now() - started).toBeGreaterThanOrEqual(900);
	});
});

describe('Chargebee errors', () => {
	it('names the param and keys the class on api_error_code', async () => {
		api()
			.post(`${API}/customers`)
			.reply(400, { message: 'email : invalid email', type: 'invalid_request', api_error_code: 'param_wrong_value', param: 'email', error_code: 'param_wrong_value', http_status_code: 400 });
		const { json } = await run({ resource: 'customer', operation: 'create', input: 'fields', customerId: '', fields: { email: 'nope' } }, { continueOnFail: true });
		expect(json[0].error).toBe('Chargebee 400 [param_wrong_value]: email : invalid email');
		expect(json[0].errorClass).toBe('validation');
		expect(String(json[0].description)).toMatch(/Fields: email:/);
	});

	it('reports a wrong key as an auth error without the key', async () => {
		api().get(`${API}/customers/c1`).reply(401, { message: 'Sorry, authentication failed. Invalid api key', api_error_code: 'api_authentication_failed', http_status_code: 401 });
		const error = (await run({ resource: 'customer', operation: 'get', customerId: byId('c1'), options: {} }).catch((e: Error) => e)) as Error;
		expect(error.message).toBe('Chargebee 401 [api_authentication_failed]: Chargebee rejected the API key');
		expect(JSON.stringify(error)).not.toContain(KEY);
		expect(JSON.stringify(error)).not.toContain(Buffer.from(`${KEY}:`).toString('base64'));
	});
});
