/** The NetSuite node at the HTTP boundary (nock): retries, concurrency, error mapping, paging, item pairing. */
import nock from 'nock';

import { netSuiteErrorMapper } from '../../nodes/NetSuite/transport';
import { useNock } from '../helpers/fakeContext';
import { BASE, byId, run, tbaCredentials } from './helpers';

useNock();

const problem = (status: number, code: string, detail: string, extra: Record<string, string> = {}) => ({
	type: 'https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html',
	title: 'Error',
	status,
	'o:errorDetails': [{ detail, 'o:errorCode': code, ...extra }],
});

describe('error mapping', () => {
	it('keys the class on o:errorCode and names the field from o:errorPath', () => {
		const mapped = netSuiteErrorMapper.map({ statusCode: 400, headers: {}, body: problem(400, 'USER_ERROR', 'Please enter value(s) for: Customer', { 'o:errorPath': 'entity' }) });
		expect(mapped).toMatchObject({ errorClass: 'validation', code: 'USER_ERROR', message: 'Please enter value(s) for: Customer (field: entity)' });
		expect(netSuiteErrorMapper.map({ statusCode: 404, headers: {}, body: problem(404, 'NONEXISTENT_ID', 'gone') }).errorClass).toBe('not_found');
		expect(netSuiteErrorMapper.map({ statusCode: 400, headers: {}, body: problem(400, 'DUP_RCRD', 'dup') }).errorClass).toBe('duplicate');
		expect(netSuiteErrorMapper.map({ statusCode: 400, headers: {}, body: problem(400, 'INVALID_PARAMETER', 'bad', { 'o:errorQueryParam': 'offset' }) }).message).toBe(
			'bad (field: query parameter "offset")',
		);
		expect(netSuiteErrorMapper.map({ statusCode: 429, headers: {}, body: '' })).toMatchObject({ errorClass: 'rate_limit', code: 'CONCURRENCY_LIMIT_EXCEEDED' });
	});

	it('a 401 is always the credential, with what to check', () => {
		const mapped = netSuiteErrorMapper.map({ statusCode: 401, headers: {}, body: problem(401, 'INVALID_LOGIN', 'Invalid login attempt.') });
		expect(mapped.errorClass).toBe('auth');
		expect(mapped.description).toMatch(/Login Audit Trail/);
	});

	it('never puts a credential secret into the error, even when the body echoes it', async () => {
		const tba = tbaCredentials({ tokenSecret: 'EchoedTokenSecret77' });
		nock(BASE).get('/services/rest/record/v1/customer/5').query(true).reply(400, problem(400, 'USER_ERROR', 'bad token EchoedTokenSecret77', { 'o:errorPath': 'x' }));
		const error = (await run({ resource: 'record', operation: 'get', recordType: 'customer', recordId: byId(5), options: {} }, { tba }).catch((e: unknown) => e)) as Error;
		expect(error.message).toContain('bad token ***');
		expect(JSON.stringify(error)).not.toContain('EchoedTokenSecret77');
	});
});

describe('retries and concurrency', () => {
	it('retries a 429 CONCURRENCY_LIMIT_EXCEEDED with backoff and succeeds', async () => {
		nock(BASE)
			.post('/services/rest/query/v1/suiteql')
			.query({ limit: 1, offset: 0 })
			.reply(429, problem(429, 'CONCURRENCY_LIMIT_EXCEEDED', 'Concurrent request limit exceeded.'))
			.post('/services/rest/query/v1/suiteql')
			.query({ limit: 1, offset: 0 })
			.reply(200, { items: [{ links: [], id: '1' }], totalResults: 1, count: 1, hasMore: false, offset: 0 });
		const res = await run({ resource: 'suiteql', operation: 'execute', query: 'SELECT id FROM customer', returnAll: false, limit: 1, options: {} });
		expect(res.json).toEqual([{ id: '1' }]);
	});

	it('retries a RESTlet 400 SSS_REQUEST_LIMIT_EXCEEDED (the RESTlet form of the concurrency limit)', async () => {
		nock(BASE)
			.post('/app/site/hosting/restlet.nl')
			.query({ script: '12', deploy: '1' })
			.reply(400, problem(400, 'SSS_REQUEST_LIMIT_EXCEEDED', 'limit'))
			.post('/app/site/hosting/restlet.nl')
			.query({ script: '12', deploy: '1' })
			.reply(200, { done: true });
		const res = await run({ resource: 'restlet', operation: 'call', script: '12', deploy: '1', method: 'POST', params: '{}', body: '{"a":1}' });
		expect(res.json).toEqual([{ done: true }]);
	});

	it('keeps at most Max Concurrent Requests in flight for one account', async () => {
		const tba = tbaCredentials({ maxConcurrent: 2 });
		let inFlight = 0;
		let peak = 0;
		const ids = Array.from({ length: 8 }, (_, i) => String(i + 1));
		nock(BASE)
			.get('/services/rest/record/v1/vendor')
			.query({ limit: 50, offset: 0 })
			.reply(200, { items: ids.map((id) => ({ id, links: [] })), count: 8, hasMore: false, offset: 0, totalResults: 8 });
		const scope = nock(BASE).get(/\/services\/rest\/record\/v1\/vendor\/\d+/).times(8).query(true).reply(function (uri) {
			inFlight++;
			peak = Math.max(peak, inFlight);
			return new Promise((resolve) => setTimeout(() => {
				inFlight--;
				resolve([200, { id: /\/(\d+)\?/.exec(uri)?.[1], companyName: 'V' }]);
			}, 30)) as never;
		});
		const res = await run({ resource: 'record', operation: 'getAll', recordType: 'vendor', returnAll: false, limit: 50, q: '', options: {} }, { tba });
		expect(res.json.map((v) => v.id)).toEqual(ids);
		expect(peak).toBe(2);
		expect(scope.isDone()).toBe(true);
	});
});

describe('writes and item pairing', () => {
	it('create returns the id from the Location header of the 204, per input item, paired', async () => {
		nock(BASE)
			.post('/services/rest/record/v1/customer', { companyName: 'A' })
			.reply(204, '', { Location: `${BASE}/services/rest/record/v1/customer/101` })
			.post('/services/rest/record/v1/customer', { companyName: 'B' })
			.reply(204, '', { Location: `${BASE}/services/rest/record/v1/customer/102` });
		const res = await run((i) => ({ resource: 'record', operation: 'create', recordType: 'customer', inputMode: 'fields', fields: JSON.stringify({ companyName: i === 0 ? 'A' : 'B' }), options: {} }), {
			items: [{ json: {} }, { json: {} }],
		});
		expect(res.json.map((j) => j.id)).toEqual(['101', '102']);
		expect(res.output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('names a missing required field before sending, and continueOnFail keeps going', async () => {
		nock(BASE).post('/services/rest/record/v1/salesOrder').reply(204, '', { Location: `${BASE}/services/rest/record/v1/salesOrder/9` });
		const res = await run(
			(i) => ({ resource: 'record', operation: 'create', recordType: 'salesOrder', inputMode: 'fields', fields: i === 0 ? '{"memo":"x"}' : '{"entity":{"id":"4"},"item":{"items":[]}}', options: {} }),
			{ items: [{ json: {} }, { json: {} }], continueOnFail: true },
		);
		expect(res.json[0].error).toBe('Field entity (Customer) is required to create a sales order');
		expect(res.json[1].id).toBe('9');
		expect(res.output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('upsert PUTs to eid:<external id> with replace=item when lines are given', async () => {
		nock(BASE)
			.put('/services/rest/record/v1/salesOrder/eid:WEB%2F1', (body) => body.externalId === undefined && body.entity.id === '3')
			.query({ replace: 'item' })
			.reply(204, '', { Location: `${BASE}/services/rest/record/v1/salesOrder/77` });
		const res = await run({
			resource: 'record',
			operation: 'upsert',
			recordType: 'salesOrder',
			externalId: 'WEB/1',
			inputMode: 'fields',
			fields: '{"entity":{"id":"3"},"externalId":"WEB/1","item":{"items":[{"item":{"id":"5"}}]}}',
			options: {},
		});
		expect(res.json[0]).toMatchObject({ id: '77', externalId: 'WEB/1' });
	});

	it('upsert accepts canonical input and maps it to NetSuite fields', async () => {
		nock(BASE)
			.put('/services/rest/record/v1/customer/eid:RET-9', { companyName: 'Canon Hardware', email: 'a@b.c', isInactive: false })
			.reply(204, '', { Location: `${BASE}/services/rest/record/v1/customer/12` });
		const res = await run({
			resource: 'record',
			operation: 'upsert',
			recordType: 'customer',
			externalId: '',
			inputMode: 'canonical',
			canonical: JSON.stringify({ type: 'Customer', externalIds: { netSuiteExternalId: 'RET-9' }, name: 'Canon Hardware', email: 'a@b.c', status: 'active' }),
			options: {},
		});
		expect(res.json[0]).toMatchObject({ id: '12', externalId: 'RET-9' });
	});

	it('SuiteQL sends Prefer: transient; a limit is one request of that size', async () => {
		nock(BASE, { reqheaders: { prefer: 'transient' } })
			.post('/services/rest/query/v1/suiteql', { q: 'SELECT id FROM item' })
			.query({ limit: 5, offset: 0 })
			.reply(200, { items: [1, 2, 3, 4, 5].map((n) => ({ links: [], id: String(n) })), totalResults: 9, count: 5, hasMore: true, offset: 0 });
		const res = await run({ resource: 'suiteql', operation: 'execute', query: 'SELECT id FROM item', returnAll: false, limit: 5, options: {} });
		expect(res.json.map((r) => r.id)).toEqual(['1', '2', '3', '4', '5']);
	});

	it('SuiteQL Return All reads the total from page one, then the other pages in order', async () => {
		const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ links: [], id: String(from + i) }));
		const scope = nock(BASE)
			.post('/services/rest/query/v1/suiteql')
			.query({ limit: 1000, offset: 0 })
			.reply(200, { items: rows(1, 1000), totalResults: 2500, count: 1000, hasMore: true, offset: 0 })
			.post('/services/rest/query/v1/suiteql')
			.query({ limit: 1000, offset: 1000 })
			.delay(40)
			.reply(200, { items: rows(1001, 1000), totalResults: 2500, count: 1000, hasMore: true, offset: 1000 })
			.post('/services/rest/query/v1/suiteql')
			.query({ limit: 1000, offset: 2000 })
			.reply(200, { items: rows(2001, 500), totalResults: 2500, count: 500, hasMore: false, offset: 2000 });
		const res = await run({ resource: 'suiteql', operation: 'execute', query: 'SELECT id FROM item ORDER BY id', returnAll: true, options: {} });
		expect(res.json).toHaveLength(2500);
		expect(res.json.map((r) => Number(r.id))).toEqual(Array.from({ length: 2500 }, (_, i) => i + 1));
		expect(scope.isDone()).toBe(true);
	});
});
