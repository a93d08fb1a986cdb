import { startSandbox, type RunningSandbox } from '../../sandbox';

let sandbox: RunningSandbox;
let base: string;
let token: string;

const creds = () => sandbox.systems.extensiv.credentials;
const basic = (id = creds().clientId, secret = creds().clientSecret) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

async function getToken(body: unknown = { grant_type: 'client_credentials', user_login_id: creds().userLoginId }, auth = basic()) {
	return await fetch(`${base}/AuthServer/api/Token`, {
		method: 'POST',
		headers: { Authorization: auth, 'Content-Type': 'application/json; charset=utf-8', Accept: 'application/json' },
		body: JSON.stringify(body),
	});
}

const api = (path: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
	fetch(`${base}${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, Accept: 'application/hal+json', ...(init.headers ?? {}) } });

beforeAll(async () => {
	sandbox = await startSandbox({ systems: ['extensiv'], rateLimits: { extensiv: null } });
	base = sandbox.systems.extensiv.baseUrl;
	token = ((await (await getToken()).json()) as { access_token: string }).access_token;
});
afterAll(() => sandbox.close());

describe('Extensiv sandbox: authentication', () => {
	it('issues a Bearer token for the documented JSON client-credentials request', async () => {
		const res = await getToken();
		expect(res.status).toBe(200);
		const body = (await res.json()) as Record<string, unknown>;
		expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, refresh_token: null });
		expect(typeof body.access_token).toBe('string');
	});

	it('also accepts user_login (login name)', async () => {
		expect((await getToken({ grant_type: 'client_credentials', user_login: creds().userLogin })).status).toBe(200);
	});

	it('rejects a wrong client secret with 401 invalid_client', async () => {
		const res = await getToken(undefined, basic(creds().clientId, 'wrong'));
		expect(res.status).toBe(401);
		expect(await res.json()).toEqual({ error: 'invalid_client' });
	});

	it('rejects a form-encoded token request and an unknown user', async () => {
		const form = await fetch(`${base}/AuthServer/api/Token`, {
			method: 'POST',
			headers: { Authorization: basic(), 'Content-Type': 'application/x-www-form-urlencoded' },
			body: 'grant_type=client_credentials&user_login_id=1207',
		});
		expect(form.status).toBe(400);
		expect((await getToken({ grant_type: 'client_credentials', user_login_id: '999' })).status).toBe(400);
	});

	it('answers 401 without a token and after the tokens expired', async () => {
		expect((await fetch(`${base}/orders`)).status).toBe(401);
		const own = ((await (await getToken()).json()) as { access_token: string }).access_token;
		expect((await fetch(`${base}/orders?pgsiz=1`, { headers: { Authorization: `Bearer ${own}` } })).status).toBe(200);
		sandbox.plugin<import('../../sandbox').ExtensivPlugin>('extensiv').expireTokens();
		const res = await fetch(`${base}/orders?pgsiz=1`, { headers: { Authorization: `Bearer ${own}` } });
		expect(res.status).toBe(401);
		expect(await res.json()).toMatchObject({ ErrorCode: 'Unauthorized' });
		token = ((await (await getToken()).json()) as { access_token: string }).access_token;
	});
});

describe('Extensiv sandbox: lists', () => {
	it('pages orders with pgsiz/pgnum, totalResults and HAL next links that cover each order once', async () => {
		const total = sandbox.records('extensiv', 'orders').length;
		const ids: number[] = [];
		let url: string | undefined = `${base}/orders?pgsiz=100&pgnum=1`;
		let pages = 0;
		while (url) {
			const body = (await (await api(url.slice(base.length))).json()) as {
				totalResults: number;
				_links: { next?: { href: string } };
				_embedded: Record<string, Array<{ readOnly: { orderId: number } }>>;
			};
			expect(body.totalResults).toBe(total);
			ids.push(...Object.values(body._embedded)[0].map((o) => o.readOnly.orderId));
			url = body._links.next?.href;
			pages++;
		}
		expect(pages).toBe(Math.ceil(total / 100));
		expect(new Set(ids).size).toBe(total);
	});

	it('filters with RQL (AND, OR, comparison, wildcard) and sorts', async () => {
		const orders = sandbox.records<{ readOnly: { status: number; orderId: number }; referenceNum: string }>('extensiv', 'orders');
		const open = orders.filter((o) => o.readOnly.status === 0).length;
		const res = await api(`/orders?pgsiz=1000&rql=${encodeURIComponent('readOnly.status==0')}`);
		expect(((await res.json()) as { totalResults: number }).totalResults).toBe(open);
		const either = await api(`/orders?pgsiz=1000&rql=${encodeURIComponent('referenceNum==SO-100001,referenceNum==SO-100002')}`);
		expect(((await either.json()) as { totalResults: number }).totalResults).toBe(2);
		const wild = await api(`/orders?pgsiz=1000&rql=${encodeURIComponent('referenceNum==SO-10001*;readOnly.orderId=ge=5015')}`);
		expect(((await wild.json()) as { totalResults: number }).totalResults).toBe(5);
		const sorted = (await (await api('/orders?pgsiz=3&sort=-readOnly.orderId')).json()) as { _embedded: Record<string, Array<{ readOnly: { orderId: number } }>> };
		const top = Object.values(sorted._embedded)[0].map((o) => o.readOnly.orderId);
		expect(top).toEqual([...orders.map((o) => o.readOnly.orderId)].sort((a, b) => b - a).slice(0, 3));
	});

	it('refuses pgsiz above 1000 and a malformed RQL with WmsException bodies', async () => {
		const big = await api('/orders?pgsiz=1001');
		expect(big.status).toBe(400);
		expect(await big.json()).toMatchObject({ ErrorCode: 'ArgumentOutOfRange', Properties: { pgsiz: '1001' } });
		const bad = await api(`/orders?rql=${encodeURIComponent('referenceNum~~x')}`);
		expect(bad.status).toBe(400);
		expect(await bad.json()).toMatchObject({ ErrorCode: 'InvalidRql' });
	});

	it('serves stock summaries and customer items', async () => {
		const stock = (await (await api('/inventory/stocksummaries?pgsiz=5&rql=facilityId==1')).json()) as { summaries: Array<{ facilityId: number }> };
		expect(stock.summaries).toHaveLength(5);
		expect(stock.summaries.every((s) => s.facilityId === 1)).toBe(true);
		const items = (await (await api('/customers/1/items?pgsiz=2')).json()) as { totalResults: number };
		expect(items.totalResults).toBe(10);
		expect((await api('/customers/99/items')).status).toBe(404);
	});
});

describe('Extensiv sandbox: writes with ETags', () => {
	it('creates an order, refuses a duplicate reference number and protects updates with If-Match', async () => {
		const created = await api('/orders', {
			method: 'POST',
			headers: { 'Content-Type': 'application/hal+json; charset=utf-8' },
			body: JSON.stringify({
				customerIdentifier: { id: 1 },
				facilityIdentifier: { id: 1 },
				referenceNum: 'SB-TEST-1',
				orderItems: [{ itemIdentifier: { sku: (sandbox.records<{ sku: string; customerId: number }>('extensiv', 'items').find((i) => i.customerId === 1) as { sku: string }).sku }, qty: 2 }],
			}),
		});
		expect(created.status).toBe(201);
		const etag = created.headers.get('etag') as string;
		const order = (await created.json()) as { readOnly: { orderId: number } };
		const id = order.readOnly.orderId;

		const dup = await api('/orders', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ customerIdentifier: { id: 1 }, facilityIdentifier: { id: 1 }, referenceNum: 'SB-TEST-1', orderItems: [] }) });
		expect(dup.status).toBe(409);
		expect(await dup.json()).toMatchObject({ ErrorCode: 'DuplicateReferenceNum' });

		const put = (ifMatch?: string) =>
			api(`/orders/${id}`, { method: 'PUT', headers: { 'Content-Type': 'application/json', ...(ifMatch ? { 'If-Match': ifMatch } : {}) }, body: JSON.stringify({ referenceNum: 'SB-TEST-1', notes: 'x' }) });
		expect((await put()).status).toBe(428);
		const ok = await put(etag);
		expect(ok.status).toBe(200);
		expect(ok.headers.get('etag')).not.toBe(etag);
		const stale = await put(etag);
		expect(stale.status).toBe(412);
		expect(await stale.json()).toMatchObject({ ErrorCode: 'ConcurrencyConflict' });

		const fresh = (await api(`/orders/${id}`)).headers.get('etag') as string;
		const cancel = await api(`/orders/${id}/canceler`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'If-Match': fresh }, body: JSON.stringify({ reason: 'test' }) });
		expect(cancel.status).toBe(204);
		expect(sandbox.records<{ readOnly: { orderId: number; status: number } }>('extensiv', 'orders').find((o) => o.readOnly.orderId === id)?.readOnly.status).toBe(2);
	});

	it('rejects an unknown SKU naming the line', async () => {
		const res = await api('/orders', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ customerIdentifier: { id: 2 }, facilityIdentifier: { id: 1 }, referenceNum: 'SB-TEST-2', orderItems: [{ itemIdentifier: { sku: 'NOPE' }, qty: 1 }] }),
		});
		expect(res.status).toBe(400);
		expect(await res.json()).toMatchObject({ ErrorCode: 'InvalidArgument', Properties: { 'orderItems[0].itemIdentifier.sku': 'NOPE' } });
	});

	it('answers 429 with Retry-After in a burst', async () => {
		sandbox.setFaults({ burst429: { count: 1, retryAfterSec: 2 } }, 'extensiv');
		const res = await api('/orders?pgsiz=1');
		expect(res.status).toBe(429);
		expect(res.headers.get('retry-after')).toBe('2');
		expect(await res.json()).toMatchObject({ ErrorCode: 'TooManyRequests' });
		sandbox.clearFaults('extensiv');
	});
});

describe('Extensiv sandbox: seed', () => {
	it('is deterministic for a seed', async () => {
		const other = await startSandbox({ systems: ['extensiv'], seed: sandbox.seed });
		try {
			expect(other.records('extensiv', 'orders').slice(0, 20)).toEqual(sandbox.records('extensiv', 'orders').slice(0, 20));
		} finally {
			await other.close();
		}
	});
});
