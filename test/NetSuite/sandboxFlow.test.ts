/**
 * The node against the NetSuite sandbox over real HTTP (loopback): signing verified by the sandbox,
 * upsert by external id, transforms, SuiteQL past the 100,000-row cap, errors that name the field.
 */
import { startSandbox, type NetSuitePlugin, type RunningSandbox } from '../../sandbox';
import { useNock } from '../helpers/fakeContext';
import { byExternalId, byId, run, sandboxM2m, sandboxTba } from './helpers';

useNock(true);

let sandbox: RunningSandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ systems: ['netsuite'], seed: 11, netsuite: { ledgerRows: 101_500 } });
});
afterAll(async () => await sandbox.close());

const plugin = () => sandbox.plugin<NetSuitePlugin>('netsuite');

describe('records', () => {
	it('upserting the same sales order twice by external id leaves one record with the second version', async () => {
		const customer = plugin().records('customer')?.[0] as { id: string };
		const item = plugin().records('inventoryItem')?.[0] as { id: string };
		const fields = (quantity: number) =>
			JSON.stringify({ entity: { id: customer.id }, memo: `qty ${quantity}`, item: { items: [{ item: { id: item.id }, quantity, rate: 10.1 }] } });
		const params = (quantity: number) => ({ resource: 'record', operation: 'upsert', recordType: 'salesOrder', externalId: 'SHOP-1001', inputMode: 'fields', fields: fields(quantity), options: {} });
		const tba = sandboxTba(sandbox);
		const first = await run(params(3), { tba });
		const second = await run(params(5), { tba });
		expect(first.json[0].id).toMatch(/^\d+$/);
		expect(second.json[0].id).toBe(first.json[0].id);
		const orders = (plugin().records('salesOrder') as Array<Record<string, unknown>>).filter((o) => o.externalId === 'SHOP-1001');
		expect(orders).toHaveLength(1);
		expect(orders[0].memo).toBe('qty 5');
		const lines = (orders[0].item as { items: Array<{ quantity: number }> }).items;
		expect(lines.map((l) => l.quantity)).toEqual([5]);
		expect(orders[0].total).toBe(50.5);
		expect(second.output[0].pairedItem).toEqual({ item: 0 });
	});

	it('creates a customer (204 + Location) and returns its id, then gets it by external id as canonical', async () => {
		const tba = sandboxTba(sandbox);
		const created = await run(
			{ resource: 'record', operation: 'create', recordType: 'customer', inputMode: 'fields', fields: '{"companyName":"Puget Sound Hardware","externalId":"RET-NEW-1","email":"ap@psh.example"}', options: {} },
			{ tba },
		);
		const id = created.json[0].id as string;
		expect(plugin().record('customer', id)?.companyName).toBe('Puget Sound Hardware');
		const got = await run({ resource: 'record', operation: 'get', recordType: 'customer', recordId: byExternalId('RET-NEW-1'), options: { output: 'canonical' } }, { tba });
		expect(got.json[0]).toMatchObject({ type: 'Customer', name: 'Puget Sound Hardware', email: 'ap@psh.example', externalIds: { netSuite: id, netSuiteExternalId: 'RET-NEW-1' } });
	});

	it('transforms a sales order into an item fulfillment and an invoice with the order lines', async () => {
		const tba = sandboxTba(sandbox);
		const order = (plugin().records('salesOrder') as Array<Record<string, unknown>>).find((o) => (o.status as { id: string }).id === 'B') as Record<string, unknown>;
		const fulfilled = await run(
			{ resource: 'record', operation: 'transform', sourceType: 'salesOrder', recordId: byId(String(order.id)), targetType: 'itemFulfillment', fields: '{}', options: { returnRecord: true } },
			{ tba },
		);
		expect(fulfilled.json[0]).toMatchObject({ createdFrom: { id: String(order.id) } });
		const invoiced = await run(
			{ resource: 'record', operation: 'transform', sourceType: 'salesOrder', recordId: byId(String(order.id)), targetType: 'invoice', fields: '{}', options: {} },
			{ tba },
		);
		const invoice = plugin().record('invoice', String(invoiced.json[0].id));
		expect(invoice?.total).toBe(order.total);
		expect(plugin().record('salesOrder', String(order.id))?.status).toEqual({ id: 'G', refName: 'Billed' });
	});

	it('refuses a transform NetSuite does not offer, naming the field', async () => {
		await expect(
			run({ resource: 'record', operation: 'transform', sourceType: 'purchaseOrder', recordId: byId('1'), targetType: 'invoice', fields: '{}', options: {} }, { tba: sandboxTba(sandbox) }),
		).rejects.toThrow(/Into: a purchaseOrder cannot be transformed into a invoice/);
	});

	it('names the missing field when NetSuite refuses a record (o:errorPath)', async () => {
		const item = plugin().records('inventoryItem')?.[0] as { id: string };
		const error = await run(
			{ resource: 'record', operation: 'create', recordType: 'salesOrder', inputMode: 'fields', fields: JSON.stringify({ entity: { id: '999999' }, item: { items: [{ item: { id: item.id } }] } }), options: {} },
			{ tba: sandboxTba(sandbox) },
		).catch((e: unknown) => e as Error & { description?: string });
		expect((error as Error).message).toMatch(/NetSuite 400 \[USER_ERROR\]: Invalid entity reference key 999999\. \(field: entity\)/);
	});

	it('gives a clear message for an unknown record type and an invalid id before any request', async () => {
		const tba = sandboxTba(sandbox);
		const before = sandbox.stats().systems.netsuite.requests;
		await expect(run({ resource: 'record', operation: 'get', recordType: '__other', recordTypeId: 'sales order', recordId: byId('1'), options: {} }, { tba })).rejects.toThrow(
			/Record Type: "sales order" is not a NetSuite record type ID/,
		);
		await expect(run({ resource: 'record', operation: 'get', recordType: 'customer', recordId: { __rl: true, mode: 'list', value: 'abc' }, options: {} }, { tba })).rejects.toThrow(
			/Record: "abc" is not a NetSuite internal ID/,
		);
		expect(sandbox.stats().systems.netsuite.requests).toBe(before);
	});

	it('lists records with a q filter and reads each one in full', async () => {
		const res = await run(
			{ resource: 'record', operation: 'getAll', recordType: 'customer', returnAll: true, q: 'companyName START_WITH "Harbor"', options: {} },
			{ tba: sandboxTba(sandbox) },
		);
		expect(res.json.length).toBeGreaterThan(0);
		for (const c of res.json) expect(String(c.companyName)).toMatch(/^Harbor/);
		expect(res.json.every((c) => Array.isArray(c.links))).toBe(true);
	});
});

describe('SuiteQL', () => {
	it('returns every row of a table larger than the 100,000 offset cap exactly once (keyset continuation)', async () => {
		const res = await run(
			{ resource: 'suiteql', operation: 'execute', query: 'SELECT id, custrecord_quantity FROM customrecord_stock_ledger ORDER BY id', returnAll: true, options: {} },
			{ tba: sandboxTba(sandbox) },
		);
		expect(res.json).toHaveLength(101_500);
		const ids = new Set(res.json.map((r) => r.id));
		expect(ids.size).toBe(101_500);
		expect(res.json[101_499].id).toBe('101500');
	}, 60_000);

	it('refuses Return All past the cap for a query not ordered by its key, before reading past it', async () => {
		await expect(
			run({ resource: 'suiteql', operation: 'execute', query: 'SELECT id FROM customrecord_stock_ledger ORDER BY custrecord_quantity', returnAll: true, options: {} }, { tba: sandboxTba(sandbox) }),
		).rejects.toThrow(/matches 101500 rows, more than the 100000 NetSuite returns by paging, and is not ordered by "id"/);
	});

	it('honours a limit without reading further pages', async () => {
		sandbox.resetStats();
		const res = await run(
			{ resource: 'suiteql', operation: 'execute', query: "SELECT id, tranid FROM transaction WHERE type = 'SalesOrd' ORDER BY id", returnAll: false, limit: 7, options: {} },
			{ tba: sandboxTba(sandbox) },
		);
		expect(res.json).toHaveLength(7);
		expect(sandbox.stats().systems.netsuite.requests).toBe(1);
	});
});

describe('authentication against the sandbox', () => {
	it('a wrong token secret fails with a clear auth error that does not contain the secret', async () => {
		const error = (await run(
			{ resource: 'suiteql', operation: 'execute', query: 'SELECT id FROM customer', returnAll: false, limit: 1, options: {} },
			{ tba: sandboxTba(sandbox, { tokenSecret: 'Wrong-Token-Secret-123' }) },
		).catch((e: unknown) => e)) as Error & { description?: string };
		expect(error.message).toMatch(/NetSuite 401 \[INVALID_LOGIN\]: NetSuite rejected the login/);
		expect(JSON.stringify(error)).not.toContain('Wrong-Token-Secret-123');
		expect(plugin().auth.audit.at(-1)?.reason).toBe('signature mismatch');
	});

	it('OAuth 2.0 M2M: fetches a token with a PS256 assertion, and renews it after it expires', async () => {
		const m2m = sandboxM2m(sandbox);
		const first = await run({ resource: 'suiteql', operation: 'execute', query: 'SELECT id FROM vendor ORDER BY id', returnAll: false, limit: 2, options: {} }, { m2m });
		expect(first.json).toHaveLength(2);
		const token = first.ctx.credentialStore.netSuiteM2mApi.accessToken;
		expect(typeof token).toBe('string');
		plugin().auth.expireTokens();
		const second = await run({ resource: 'suiteql', operation: 'execute', query: 'SELECT id FROM vendor ORDER BY id', returnAll: false, limit: 2, options: {} }, { m2m });
		expect(second.json).toHaveLength(2);
		expect(second.ctx.credentialStore.netSuiteM2mApi.accessToken).not.toBe(token);
	});

	it('OAuth 2.0 M2M with an EC key signs ES256', async () => {
		const c = sandbox.systems.netsuite.credentials;
		const m2m = sandboxM2m(sandbox, { certificateId: c.ecCertificateId, privateKey: c.ecPrivateKey, algorithm: 'ES256' });
		const res = await run({ resource: 'record', operation: 'get', recordType: 'vendor', recordId: byId((plugin().records('vendor')?.[0] as { id: string }).id), options: {} }, { m2m });
		expect(res.json[0].companyName).toBeDefined();
	});

	it('an M2M credential with the wrong certificate id says what to check, without the key', async () => {
		const m2m = sandboxM2m(sandbox, { certificateId: 'not-mapped' });
		const error = (await run({ resource: 'suiteql', operation: 'execute', query: 'SELECT id FROM vendor', returnAll: false, limit: 1, options: {} }, { m2m }).catch((e: unknown) => e)) as Error;
		expect(error.message).toMatch(/NetSuite refused the client credentials token request \(HTTP 400 invalid_client\)/);
		expect(JSON.stringify(error)).not.toContain('PRIVATE KEY');
	});
});

describe('RESTlet and custom API call', () => {
	it('calls a RESTlet with script and deploy on the RESTlet host, signed', async () => {
		const res = await run(
			{ resource: 'restlet', operation: 'call', script: 'customscript_n8n_echo', deploy: '1', method: 'POST', params: '{"mode":"test run"}', body: '{"hello":"world"}' },
			{ tba: sandboxTba(sandbox) },
		);
		expect(res.json[0]).toMatchObject({ ok: true, params: { mode: 'test run' }, received: { hello: 'world' } });
	});

	it('custom API call reuses the credential', async () => {
		const res = await run({ resource: 'customApiCall', operation: 'request', method: 'GET', path: '/record/v1/metadata-catalog', qs: '{}', headers: '{}' }, { tba: sandboxTba(sandbox) });
		expect(res.json[0].statusCode).toBe(200);
	});
});
