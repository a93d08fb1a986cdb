import { startSandbox, type BusinessCentralPlugin, type RunningSandbox } from '../../sandbox';
import { bcClient, bcToken, startBcSubscriber, type BcClient } from './businesscentral.helpers';

type Row = Record<string, unknown>;
type List = { value: Row[]; '@odata.nextLink'?: string };

describe('Business Central sandbox', () => {
	let sandbox: RunningSandbox;
	let bc: BcClient;
	const plugin = () => sandbox.plugin<BusinessCentralPlugin>('businesscentral');

	beforeAll(async () => {
		sandbox = await startSandbox({ systems: ['businesscentral'], seed: 11, businesscentral: { notificationDelayMs: 50 } });
		bc = await bcClient(sandbox);
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => sandbox.reset());

	describe('Entra ID token endpoint and bearer auth', () => {
		it('issues an expiring JWT-shaped bearer token for client credentials', async () => {
			const res = await bcToken(sandbox);
			expect(res.status).toBe(200);
			const body = (await res.json()) as { token_type: string; expires_in: number; access_token: string };
			expect(body.token_type).toBe('Bearer');
			expect(body.expires_in).toBe(3599);
			const [, payload] = body.access_token.split('.');
			const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { aud: string; exp: number; iat: number };
			expect(claims.aud).toBe('https://api.businesscentral.dynamics.com');
			expect(claims.exp - claims.iat).toBe(3599);
		});

		it.each([
			[{ client_secret: 'wrong' }, 401, 'invalid_client'],
			[{ scope: 'https://graph.microsoft.com/.default' }, 400, 'invalid_scope'],
			[{ grant_type: 'password' }, 400, 'unsupported_grant_type'],
			[{ tenantId: '00000000-0000-0000-0000-000000000001' }, 400, 'invalid_request'],
		])('refuses %j with the Entra ID error', async (overrides, status, error) => {
			const res = await bcToken(sandbox, overrides as Record<string, string>);
			expect(res.status).toBe(status);
			expect(((await res.json()) as { error: string }).error).toBe(error);
		});

		it('rejects a missing, forged or expired token with Business Central’s 401 body', async () => {
			const forged = `${bc.token.slice(0, bc.token.lastIndexOf('.'))}.AAAA`;
			for (const auth of ['', `Bearer ${forged}`]) {
				const res = await fetch(`${bc.root}/companies`, { headers: auth ? { Authorization: auth } : {} });
				expect(res.status).toBe(401);
				expect(((await res.json()) as { error: { code: string } }).error.code).toBe('Authentication_InvalidCredentials');
			}
			plugin().configure({ tokenLifetimeSec: 1 });
			try {
				const short = ((await (await bcToken(sandbox)).json()) as { access_token: string }).access_token;
				expect((await fetch(`${bc.root}/companies`, { headers: { Authorization: `Bearer ${short}` } })).status).toBe(200);
				await new Promise((r) => setTimeout(r, 1100));
				const res = await fetch(`${bc.root}/companies`, { headers: { Authorization: `Bearer ${short}` } });
				expect(res.status).toBe(401);
				expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/expired/);
			} finally {
				plugin().configure({ tokenLifetimeSec: 3599 });
			}
		});
	});

	describe('OData queries', () => {
		it('lists companies and pages customers with Prefer: odata.maxpagesize and @odata.nextLink', async () => {
			const companies = await bc.json<List>(`${bc.root}/companies`);
			expect(companies.value.map((c) => c.displayName)).toEqual(['Cascade Supply Co.', 'Cascade Supply Co. (Test)']);
			const all = sandbox.records<Row>('businesscentral', 'customers');
			const seen: unknown[] = [];
			let url: string | undefined = `${bc.companyRoot}/customers?$select=id,number`;
			let pages = 0;
			while (url) {
				const res = await bc.call(url, { headers: { Prefer: 'odata.maxpagesize=50' } });
				expect(res.headers.get('preference-applied')).toBe('odata.maxpagesize=50');
				const page = (await res.json()) as List;
				seen.push(...page.value.map((r) => r.id));
				url = page['@odata.nextLink'];
				pages++;
			}
			expect(pages).toBe(Math.ceil(all.length / 50));
			expect(seen).toEqual(all.map((c) => c.id));
		});

		it('filters, orders, selects and tops', async () => {
			const items = await bc.json<List>("/items?$filter=inventory gt 1000 and type eq 'Inventory'&$orderby=inventory desc&$select=number,inventory&$top=5");
			expect(items.value).toHaveLength(5);
			const inv = items.value.map((i) => i.inventory as number);
			expect(inv).toEqual([...inv].sort((a, b) => b - a));
			expect(inv.every((n) => n > 1000)).toBe(true);
			expect(Object.keys(items.value[0]).sort()).toEqual(['@odata.etag', 'inventory', 'number']);
			const res = await bc.call('/customers?$filter=nope eq 1');
			expect(res.status).toBe(400);
			expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/property named 'nope'/);
		});

		it('answers an unknown company, a malformed key and an unknown record with OData errors', async () => {
			const bad = await fetch(`${bc.root}/companies(11111111-1111-1111-1111-111111111111)/customers`, { headers: { Authorization: `Bearer ${bc.token}` } });
			expect(bad.status).toBe(404);
			expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('Internal_CompanyNotFound');
			expect((await bc.call('/customers(abc)')).status).toBe(400);
			const missing = await bc.call('/customers(11111111-1111-1111-1111-111111111111)');
			expect(missing.status).toBe(404);
			expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('BadRequest_NotFound');
		});
	});

	describe('writes', () => {
		it('deep-inserts a sales order with three lines and computes totals', async () => {
			const customer = sandbox.records<Row>('businesscentral', 'customers')[3];
			const items = sandbox.records<Row>('businesscentral', 'items').slice(0, 3);
			const created = await bc.json<Row>('/salesOrders', {
				method: 'POST',
				body: JSON.stringify({
					customerNumber: customer.number,
					externalDocumentNumber: 'PO-TEST-1',
					salesOrderLines: items.map((item, k) => ({ lineType: 'Item', lineObjectNumber: item.number, quantity: k + 1, unitPrice: 10 })),
				}),
			});
			expect(created.customerId).toBe(customer.id);
			expect(created.totalAmountExcludingTax).toBe(60);
			const read = await bc.json<Row & { salesOrderLines: Row[] }>(`/salesOrders(${String(created.id)})?$expand=salesOrderLines`);
			expect(read.salesOrderLines.map((l) => [l.lineObjectNumber, l.quantity, l.amountExcludingTax])).toEqual(items.map((item, k) => [item.number, k + 1, 10 * (k + 1)]));
		});

		it('leaves nothing behind when a deep-inserted line is invalid', async () => {
			const before = sandbox.records('businesscentral', 'salesOrders').length;
			const customer = sandbox.records<Row>('businesscentral', 'customers')[0];
			const res = await bc.call('/salesOrders', {
				method: 'POST',
				body: JSON.stringify({ customerNumber: customer.number, salesOrderLines: [{ lineType: 'Item', lineObjectNumber: 'NOPE', quantity: 1 }] }),
			});
			expect(res.status).toBe(400);
			expect(((await res.json()) as { error: { code: string } }).error.code).toBe('Internal_RecordNotFound');
			expect(sandbox.records('businesscentral', 'salesOrders')).toHaveLength(before);
		});

		it('requires If-Match on PATCH and answers a stale ETag with 412 Request_EntityChanged', async () => {
			const customer = await bc.json<Row>(`/customers(${String(sandbox.records<Row>('businesscentral', 'customers')[0].id)})`);
			const path = `/customers(${String(customer.id)})`;
			expect((await bc.call(path, { method: 'PATCH', body: '{"phoneNumber":"1"}' })).status).toBe(400);
			const ok = await bc.call(path, { method: 'PATCH', body: '{"phoneNumber":"1"}', headers: { 'If-Match': String(customer['@odata.etag']) } });
			expect(ok.status).toBe(200);
			const stale = await bc.call(path, { method: 'PATCH', body: '{"phoneNumber":"2"}', headers: { 'If-Match': String(customer['@odata.etag']) } });
			expect(stale.status).toBe(412);
			expect(((await stale.json()) as { error: { code: string } }).error.code).toBe('Request_EntityChanged');
		});

		it('rejects unknown properties and a missing required field, naming them', async () => {
			const unknown = await bc.call('/customers', { method: 'POST', body: '{"displayName":"X","colour":"red"}' });
			expect(unknown.status).toBe(400);
			expect(((await unknown.json()) as { error: { message: string } }).error.message).toMatch(/'colour'/);
			const missing = await bc.call('/salesOrders', { method: 'POST', body: '{}' });
			expect(missing.status).toBe(400);
			expect(((await missing.json()) as { error: { message: string } }).error.message).toMatch(/customerNumber/);
		});

		it('posts and sends a sales invoice with the bound actions, and shipments are read-only', async () => {
			const draft = sandbox.records<Row>('businesscentral', 'salesInvoices').find((i) => i.status === 'Draft') as Row;
			expect((await bc.call(`/salesInvoices(${String(draft.id)})/Microsoft.NAV.send`, { method: 'POST' })).status).toBe(400);
			expect((await bc.call(`/salesInvoices(${String(draft.id)})/Microsoft.NAV.post`, { method: 'POST' })).status).toBe(204);
			expect((await bc.call(`/salesInvoices(${String(draft.id)})/Microsoft.NAV.send`, { method: 'POST' })).status).toBe(204);
			const after = sandbox.records<Row>('businesscentral', 'salesInvoices').find((i) => i.id === draft.id) as Row;
			expect(after).toMatchObject({ status: 'Open', _sent: true });
			expect((await bc.call('/salesShipments', { method: 'POST', body: '{}' })).status).toBe(405);
		});

		it('serves 429 with Application_TooManyRequests and Retry-After', async () => {
			sandbox.setFaults({ burst429: { count: 1, retryAfterSec: 2 } }, 'businesscentral');
			const res = await bc.call('/customers?$top=1');
			expect(res.status).toBe(429);
			expect(res.headers.get('retry-after')).toBe('2');
			expect(((await res.json()) as { error: { code: string } }).error.code).toBe('Application_TooManyRequests');
			sandbox.clearFaults();
		});
	});

	describe('webhook subscriptions', () => {
		it('validates the notification URL during creation and refuses one that does not echo the token', async () => {
			const good = await startBcSubscriber();
			const bad = await startBcSubscriber({ echo: false });
			try {
				const resource = `/api/v2.0/companies(${sandbox.systems.businesscentral.credentials.companyId})/customers`;
				const refused = await bc.call(`${bc.root}/subscriptions`, { method: 'POST', body: JSON.stringify({ notificationUrl: bad.url, resource, clientState: 's' }) });
				expect(refused.status).toBe(400);
				expect(sandbox.records('businesscentral', 'subscriptions')).toHaveLength(0);
				const created = await bc.call(`${bc.root}/subscriptions`, { method: 'POST', body: JSON.stringify({ notificationUrl: good.url, resource, clientState: 's3cret' }) });
				expect(created.status).toBe(201);
				const sub = (await created.json()) as Row;
				expect(good.received[0].url).toMatch(/\?validationToken=/);
				expect(Date.parse(String(sub.expirationDateTime)) - Date.now()).toBeGreaterThan(71 * 3600_000);
			} finally {
				await good.close();
				await bad.close();
			}
		});

		it('batches changes into one notification, switches to a collection notification above the threshold, and renews with If-Match', async () => {
			const subscriber = await startBcSubscriber();
			try {
				const companyId = sandbox.systems.businesscentral.credentials.companyId;
				const sub = await bc.json<Row>(`${bc.root}/subscriptions`, {
					method: 'POST',
					body: JSON.stringify({ notificationUrl: subscriber.url, resource: `/api/v2.0/companies(${companyId})/customers`, clientState: 'cs-1' }),
				});
				const customers = sandbox.records<Row>('businesscentral', 'customers');
				plugin().userWrite('PATCH', 'customers', { phoneNumber: '555-1000' }, String(customers[0].id));
				plugin().userWrite('PATCH', 'customers', { phoneNumber: '555-1001' }, String(customers[1].id));
				await new Promise((r) => setTimeout(r, 150));
				await sandbox.webhooksIdle();
				const notes = subscriber.received.filter((r) => !r.url.includes('validationToken'));
				expect(notes).toHaveLength(1);
				const body = JSON.parse(notes[0].body) as { value: Row[] };
				expect(body.value.map((v) => [v.changeType, v.clientState, v.resource])).toEqual([
					['updated', 'cs-1', `api/v2.0/companies(${companyId})/customers(${String(customers[0].id)})`],
					['updated', 'cs-1', `api/v2.0/companies(${companyId})/customers(${String(customers[1].id)})`],
				]);

				plugin().configure({ collectionThreshold: 1 });
				plugin().userWrite('PATCH', 'customers', { phoneNumber: '555-2000' }, String(customers[2].id));
				plugin().userWrite('PATCH', 'customers', { phoneNumber: '555-2001' }, String(customers[3].id));
				await new Promise((r) => setTimeout(r, 150));
				await sandbox.webhooksIdle();
				const collection = JSON.parse(subscriber.received[subscriber.received.length - 1].body) as { value: Row[] };
				expect(collection.value).toHaveLength(1);
				expect(collection.value[0].changeType).toBe('collection');
				const refetch = await bc.json<List>(`${bc.root.replace(/\/api\/v2\.0$/, '')}/${String(collection.value[0].resource)}`);
				expect(refetch.value.map((r) => r.id).sort()).toEqual([customers[2].id, customers[3].id].sort());

				const stale = await bc.call(`${bc.root}/subscriptions('${String(sub.subscriptionId)}')`, { method: 'PATCH', body: '{}', headers: { 'If-Match': 'W/"stale"' } });
				expect(stale.status).toBe(412);
				sandbox.plugin<BusinessCentralPlugin>('businesscentral').subscriptions.expireIn(String(sub.subscriptionId), 60_000);
				const renewed = await bc.json<Row>(`${bc.root}/subscriptions('${String(sub.subscriptionId)}')`, { method: 'PATCH', body: '{}', headers: { 'If-Match': String(sub['@odata.etag']) } });
				expect(Date.parse(String(renewed.expirationDateTime)) - Date.now()).toBeGreaterThan(71 * 3600_000);
				expect(subscriber.received.filter((r) => r.url.includes('validationToken'))).toHaveLength(2);
			} finally {
				plugin().configure({ collectionThreshold: 1000 });
				await subscriber.close();
			}
		});

		it('forgets a subscription once it has expired', async () => {
			const subscriber = await startBcSubscriber();
			try {
				plugin().configure({ subscriptionLifetimeMs: 200 });
				const sub = await bc.json<Row>(`${bc.root}/subscriptions`, {
					method: 'POST',
					body: JSON.stringify({ notificationUrl: subscriber.url, resource: `/api/v2.0/companies(${sandbox.systems.businesscentral.credentials.companyId})/items`, clientState: 'x' }),
				});
				await new Promise((r) => setTimeout(r, 300));
				expect((await bc.call(`${bc.root}/subscriptions('${String(sub.subscriptionId)}')`)).status).toBe(404);
			} finally {
				plugin().configure({ subscriptionLifetimeMs: 3 * 24 * 3600_000 });
				await subscriber.close();
			}
		});
	});

	it('seeds identical data for the same seed', async () => {
		const first = JSON.stringify(sandbox.records('businesscentral', 'salesOrders').map((r) => ({ ...r, '@odata.etag': undefined })));
		sandbox.reset();
		expect(JSON.stringify(sandbox.records('businesscentral', 'salesOrders').map((r) => ({ ...r, '@odata.etag': undefined })))).toBe(first);
	});
});
