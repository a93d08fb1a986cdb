/** The NetSuite sandbox over HTTP: OAuth 1.0a verification, M2M tokens, paging caps, SuiteQL, records, limits. */
import { oauth1Header, requestParameters } from '../../nodes/common/auth/oauth1';
import { startSandbox, type NetSuitePlugin, type RunningSandbox } from '../../sandbox';

let sandbox: RunningSandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ systems: ['netsuite'], seed: 3, netsuite: { ledgerRows: 250_000 } });
});
afterAll(async () => await sandbox.close());

const creds = () => sandbox.systems.netsuite.credentials;

interface Call {
	method?: string;
	body?: unknown;
	headers?: Record<string, string>;
	realm?: string;
	tokenSecret?: string;
	timestamp?: number;
	nonce?: string;
}

async function call(path: string, { method = 'GET', body, headers = {}, realm, tokenSecret, timestamp, nonce }: Call = {}) {
	const c = creds();
	const url = `${c.baseUrl}${path}`;
	const authorization = oauth1Header(method, url, requestParameters(url), {
		consumerKey: c.consumerKey,
		consumerSecret: c.consumerSecret,
		token: c.tokenId,
		tokenSecret: tokenSecret ?? c.tokenSecret,
		realm: realm ?? c.accountId,
	}, { timestamp, nonce });
	const res = await fetch(url, {
		method,
		headers: { authorization, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

const suiteql = (q: string, query = 'limit=1000&offset=0') => call(`/services/rest/query/v1/suiteql?${query}`, { method: 'POST', body: { q }, headers: { prefer: 'transient' } });
const code = (body: unknown) => ((body as { 'o:errorDetails': Array<Record<string, string>> })['o:errorDetails'][0]);

describe('token-based auth (OAuth 1.0a, HMAC-SHA256)', () => {
	it('accepts a correctly signed request for either sandbox account spelling', async () => {
		expect((await call('/services/rest/record/v1/metadata-catalog')).status).toBe(200);
		expect((await call('/services/rest/record/v1/metadata-catalog', { realm: 'TSTDRV1234567' })).status).toBe(200);
	});

	it('rejects a wrong token secret, an unknown realm, a lower-case realm and a stale timestamp with INVALID_LOGIN', async () => {
		const plugin = sandbox.plugin<NetSuitePlugin>('netsuite');
		for (const [variant, reason] of [
			[{ tokenSecret: 'nope' }, 'signature mismatch'],
			[{ realm: '9999999' }, 'unknown realm'],
			[{ realm: '1234567-sb1' }, 'unknown realm'],
			[{ timestamp: Math.floor(Date.now() / 1000) - 3600 }, 'timestamp outside the allowed window'],
		] as const) {
			const res = await call('/services/rest/record/v1/customer?limit=1', variant);
			expect(res.status).toBe(401);
			expect(code(res.body)['o:errorCode']).toBe('INVALID_LOGIN');
			expect(plugin.auth.audit.at(-1)?.reason).toContain(reason);
		}
	});

	it('refuses a nonce used twice with the same timestamp', async () => {
		const timestamp = Math.floor(Date.now() / 1000);
		expect((await call('/services/rest/record/v1/vendor?limit=1', { timestamp, nonce: 'replayed-nonce-1' })).status).toBe(200);
		expect((await call('/services/rest/record/v1/vendor?limit=1', { timestamp, nonce: 'replayed-nonce-1' })).status).toBe(401);
	});

	it('signs the query string: a parameter changed after signing is refused', async () => {
		const c = creds();
		const signedUrl = `${c.baseUrl}/services/rest/record/v1/customer?limit=1`;
		const authorization = oauth1Header('GET', signedUrl, requestParameters(signedUrl), { consumerKey: c.consumerKey, consumerSecret: c.consumerSecret, token: c.tokenId, tokenSecret: c.tokenSecret, realm: c.accountId });
		const res = await fetch(`${c.baseUrl}/services/rest/record/v1/customer?limit=2`, { headers: { authorization } });
		expect(res.status).toBe(401);
	});
});

describe('paging and limits', () => {
	it('refuses a limit above 1000, an offset not a multiple of the limit, and offsets at or past 100,000', async () => {
		expect(code((await suiteql('SELECT id FROM customer', 'limit=1001')).body)['o:errorQueryParam']).toBe('limit');
		expect(code((await suiteql('SELECT id FROM customer', 'limit=10&offset=15')).body)['o:errorQueryParam']).toBe('offset');
		const capped = await suiteql('SELECT id FROM customrecord_stock_ledger', 'limit=1000&offset=100000');
		expect(capped.status).toBe(400);
		expect(code(capped.body)).toMatchObject({ 'o:errorCode': 'INVALID_PARAMETER', 'o:errorQueryParam': 'offset' });
		expect((await suiteql('SELECT id FROM customrecord_stock_ledger', 'limit=1000&offset=99000')).status).toBe(200);
	});

	it('pages record collections with hasMore, totalResults and next links', async () => {
		const res = await call('/services/rest/record/v1/customer?limit=7&offset=7');
		expect(res.body).toMatchObject({ count: 7, offset: 7, hasMore: true });
		const links = res.body?.links as Array<{ rel: string; href: string }>;
		expect(links.find((l) => l.rel === 'next')?.href).toContain('offset=14');
		expect((res.body?.items as Array<{ id: string }>)[0]).toMatchObject({ id: expect.stringMatching(/^\d+$/) });
	});

	it('generates the large table lazily: 250,000 rows counted and paged without being stored', async () => {
		const started = Date.now();
		const res = await suiteql('SELECT id, custrecord_quantity FROM customrecord_stock_ledger WHERE id > 200000 ORDER BY id', 'limit=1000&offset=0');
		expect(res.body).toMatchObject({ totalResults: 50_000, count: 1000, hasMore: true });
		expect((res.body?.items as Array<{ id: string }>)[0].id).toBe('200001');
		expect(Date.now() - started).toBeLessThan(1000);
		expect(sandbox.records('netsuite', 'customer').length).toBeGreaterThan(0);
	});

	it('answers 429 CONCURRENCY_LIMIT_EXCEEDED past the account’s 5 requests in flight', async () => {
		sandbox.setFaults({ latencyMs: 150 }, 'netsuite');
		sandbox.resetStats();
		try {
			const results = await Promise.all(Array.from({ length: 8 }, () => call('/services/rest/record/v1/vendor?limit=1')));
			const refused = results.filter((r) => r.status === 429);
			expect(refused.length).toBe(3);
			expect(code(refused[0].body)['o:errorCode']).toBe('CONCURRENCY_LIMIT_EXCEEDED');
		} finally {
			sandbox.clearFaults('netsuite');
		}
	});
});

describe('SuiteQL', () => {
	it('needs Prefer: transient', async () => {
		const res = await call('/services/rest/query/v1/suiteql', { method: 'POST', body: { q: 'SELECT id FROM customer' } });
		expect(res.status).toBe(400);
	});

	it('renders raw dates in the user date format, formats TO_CHAR, compares TO_TIMESTAMP and omits nulls', async () => {
		const res = await suiteql(
			"SELECT id, lastmodifieddate, TO_CHAR(lastmodifieddate, 'YYYY-MM-DD HH24:MI:SS') AS stamp, memo FROM transaction WHERE type = 'SalesOrd' AND lastmodifieddate >= TO_TIMESTAMP('2025-06-01 00:00:00', 'YYYY-MM-DD HH24:MI:SS') ORDER BY lastmodifieddate DESC",
			'limit=5',
		);
		const rows = res.body?.items as Array<Record<string, string>>;
		expect(rows.length).toBe(5);
		expect(rows[0].lastmodifieddate).toMatch(/^\d{1,2}\/\d{1,2}\/\d{4}$/);
		expect(rows[0].stamp >= rows[1].stamp).toBe(true);
		expect(rows[0].stamp >= '2025-06-01 00:00:00').toBe(true);
		expect('memo' in rows[0]).toBe(false);
		expect(rows[0].links).toEqual([]);
	});

	it('explains an unknown column or table the way NetSuite does', async () => {
		const res = await suiteql('SELECT nosuch FROM customer');
		expect(code(res.body)['o:errorCode']).toBe('INVALID_PARAMETER');
		expect(code(res.body).detail).toMatch(/Field 'nosuch' for record 'customer' was not found/);
		expect(code((await suiteql('SELECT id FROM nosuchtable')).body).detail).toMatch(/Record 'nosuchtable' was not found/);
	});
});

describe('records', () => {
	it('creates with 204 + Location, upserts by eid without duplicating, and refuses a missing required field', async () => {
		const created = await call('/services/rest/record/v1/customer', { method: 'POST', body: { companyName: 'Tacoma Tool Supply' } });
		expect(created.status).toBe(204);
		expect(created.headers.get('location')).toMatch(/\/record\/v1\/customer\/\d+$/);
		const a = await call('/services/rest/record/v1/customer/eid:SBX-1', { method: 'PUT', body: { companyName: 'One' } });
		const b = await call('/services/rest/record/v1/customer/eid:SBX-1', { method: 'PUT', body: { companyName: 'Two' } });
		expect(a.headers.get('location')).toBe(b.headers.get('location'));
		expect(sandbox.records<{ externalId?: string; companyName: string }>('netsuite', 'customer').filter((c) => c.externalId === 'SBX-1')).toEqual([
			expect.objectContaining({ companyName: 'Two' }),
		]);
		const missing = await call('/services/rest/record/v1/vendor', { method: 'POST', body: { email: 'x@y.z' } });
		expect(missing.status).toBe(400);
		expect(code(missing.body)).toMatchObject({ 'o:errorCode': 'USER_ERROR', 'o:errorPath': 'companyName' });
	});

	it('404 NONEXISTENT_ID for a missing record, INVALID_RCRD_TYPE for an unknown type', async () => {
		expect(code((await call('/services/rest/record/v1/customer/999999')).body)['o:errorCode']).toBe('NONEXISTENT_ID');
		expect(code((await call('/services/rest/record/v1/spaceship/1')).body)['o:errorCode']).toBe('INVALID_RCRD_TYPE');
	});

	it('filters collections with q', async () => {
		const res = await call(`/services/rest/record/v1/customer?q=${encodeURIComponent('companyName START_WITH "Summit"')}`);
		const ids = (res.body?.items as Array<{ id: string }>).map((i) => i.id);
		const expected = sandbox.records<{ id: string; companyName: string }>('netsuite', 'customer').filter((c) => c.companyName.startsWith('Summit')).map((c) => c.id);
		expect(ids).toEqual(expected);
		expect((await call(`/services/rest/record/v1/customer?q=${encodeURIComponent('companyName FLIES "x"')}`)).status).toBe(400);
	});
});

describe('OAuth 2.0 client credentials', () => {
	it('refuses a token request without a valid assertion', async () => {
		const res = await fetch(`${creds().baseUrl}/services/rest/auth/oauth2/v1/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'grant_type=client_credentials&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion=a.b.c',
		});
		expect(res.status).toBe(400);
		expect(((await res.json()) as { error: string }).error).toBe('invalid_request');
	});
});

describe('determinism', () => {
	it('the same seed gives the same records', async () => {
		const other = await startSandbox({ systems: ['netsuite'], seed: 3, netsuite: { ledgerRows: 10 } });
		try {
			const strip = (rows: unknown[]) => JSON.stringify(rows.slice(0, 20));
			const fresh = await startSandbox({ systems: ['netsuite'], seed: 3, netsuite: { ledgerRows: 10 } });
			expect(strip(fresh.records('netsuite', 'salesOrder'))).toBe(strip(other.records('netsuite', 'salesOrder')));
			await fresh.close();
		} finally {
			await other.close();
		}
	});
});
