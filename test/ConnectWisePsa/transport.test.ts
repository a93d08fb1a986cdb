import { sleep } from 'n8n-workflow';

import { apiBaseUrl, connectWiseList, connectWiseSettings } from '../../nodes/ConnectWisePsa/transport';
import { API, SITE, api, credentials, executeContext, records, run, setupNock } from './helpers';

setupNock();

const link = (query: string) => `<${SITE}${API}/company/companies?${query}>; rel="next"`;

describe('ConnectWise PSA transport: base URL', () => {
	it.each([
		[{ siteUrl: 'https://api-na.myconnectwise.net', codebase: 'v4_6_release' }, 'https://api-na.myconnectwise.net/v4_6_release/apis/3.0'],
		[{ siteUrl: 'https://api-na.myconnectwise.net/', codebase: '/v2024_1/' }, 'https://api-na.myconnectwise.net/v2024_1/apis/3.0'],
		[{ siteUrl: 'cw.acme.com', codebase: '' }, 'https://cw.acme.com/v4_6_release/apis/3.0'],
		[{ siteUrl: 'http://127.0.0.1:4010/cw', codebase: 'v4_6_release' }, 'http://127.0.0.1:4010/cw/v4_6_release/apis/3.0'],
		[{ siteUrl: 'https://cw.acme.com/v4_6_release/apis/3.0/', codebase: 'ignored' }, 'https://cw.acme.com/v4_6_release/apis/3.0'],
	])('%j → %s', (creds, expected) => {
		expect(apiBaseUrl(creds)).toBe(expected);
	});
});

describe('ConnectWise PSA transport: Get Many paging', () => {
	it('follows Link rel="next" with forward-only paging and returns every id once', async () => {
		const scope = api()
			.matchHeader('pagination-type', 'forward-only')
			.get(`${API}/company/companies`)
			.query({ pageSize: '1000', conditions: 'deletedFlag=false' })
			.reply(200, records(1, 1000), { Link: link('pageSize=1000&conditions=deletedFlag%3Dfalse&pageId=1000') })
			.get(`${API}/company/companies`)
			.query({ pageSize: '1000', conditions: 'deletedFlag=false', pageId: '1000' })
			.reply(200, records(1001, 2000), { Link: link('pageSize=1000&conditions=deletedFlag%3Dfalse&pageId=2000') })
			.get(`${API}/company/companies`)
			.query({ pageSize: '1000', conditions: 'deletedFlag=false', pageId: '2000' })
			.reply(200, records(2001, 2345));
		const { json } = await run({
			resource: 'company',
			operation: 'getAll',
			returnAll: true,
			options: { conditions: 'deletedFlag=false' },
		});
		const ids = json.map((r) => r.id as number);
		expect(ids).toHaveLength(2345);
		expect(new Set(ids).size).toBe(2345);
		expect(ids[0]).toBe(1);
		expect(ids[2344]).toBe(2345);
		expect(scope.isDone()).toBe(true);
	});

	it('with a Limit asks for that page size and stops without fetching the next page', async () => {
		api()
			.get(`${API}/service/tickets`)
			.query({ pageSize: '5' })
			.reply(200, records(1, 5), { Link: `<${SITE}${API}/service/tickets?pageSize=5&pageId=5>; rel="next"` });
		const { json, ctx } = await run({ resource: 'ticket', operation: 'getAll', returnAll: false, limit: 5 });
		expect(json.map((r) => r.id)).toEqual([1, 2, 3, 4, 5]);
		expect(ctx.sentRequests).toHaveLength(1);
	});

	it('with a Limit above one page reads only the pages it needs', async () => {
		api()
			.get(`${API}/time/entries`)
			.query({ pageSize: '1000' })
			.reply(200, records(1, 1000), { Link: `<${SITE}${API}/time/entries?pageSize=1000&pageId=1000>; rel="next"` })
			.get(`${API}/time/entries`)
			.query({ pageSize: '1000', pageId: '1000' })
			.reply(200, records(1001, 2000), { Link: `<${SITE}${API}/time/entries?pageSize=1000&pageId=2000>; rel="next"` });
		const { json, ctx } = await run({ resource: 'timeEntry', operation: 'getAll', returnAll: false, limit: 1500 });
		expect(json).toHaveLength(1500);
		expect(json[1499].id).toBe(1500);
		expect(ctx.sentRequests).toHaveLength(2);
	});

	it('uses numbered (navigable) pages when an Order By is given', async () => {
		api()
			.matchHeader('pagination-type', (value) => value === undefined)
			.get(`${API}/company/companies`)
			.query({ pageSize: '1000', orderBy: 'name asc' })
			.reply(200, records(1, 2), { Link: `<${SITE}${API}/company/companies?pageSize=1000&orderBy=name%20asc&page=2>; rel="next"` })
			.get(`${API}/company/companies`)
			.query({ pageSize: '1000', orderBy: 'name asc', page: '2' })
			.reply(200, records(3, 3));
		const { json } = await run({ resource: 'company', operation: 'getAll', returnAll: true, options: { orderBy: 'name asc' } });
		expect(json.map((r) => r.id)).toEqual([1, 2, 3]);
	});

	it('sends conditions, childConditions, customFieldConditions, orderBy and fields as given', async () => {
		api()
			.get(`${API}/company/contacts`)
			.query({
				conditions: 'company/identifier="ACME" and lastUpdated > [2024-01-01T00:00:00Z]',
				childConditions: 'communicationItems/value like "%@acme.com"',
				customFieldConditions: 'caption="Region" and value="West"',
				orderBy: 'lastName desc',
				fields: 'id,firstName',
				pageSize: '10',
			})
			.reply(200, [{ id: 7, firstName: 'Ada' }]);
		const { json } = await run({
			resource: 'contact',
			operation: 'getAll',
			returnAll: false,
			limit: 10,
			options: {
				conditions: ' company/identifier="ACME" and lastUpdated > [2024-01-01T00:00:00Z] ',
				childConditions: 'communicationItems/value like "%@acme.com"',
				customFieldConditions: 'caption="Region" and value="West"',
				orderBy: 'lastName desc',
				fields: 'id,firstName',
			},
		});
		expect(json).toEqual([{ id: 7, firstName: 'Ada' }]);
	});

	it('refuses a next link that leaves the ConnectWise API', async () => {
		api()
			.get(`${API}/company/companies`)
			.query(true)
			.reply(200, records(1, 2), { Link: '<https://evil.example/steal?page=2>; rel="next"' });
		await expect(run({ resource: 'company', operation: 'getAll', returnAll: true })).rejects.toThrow(/outside its API/);
	});

	it('stops with an error when ConnectWise repeats a page', async () => {
		api()
			.get(`${API}/company/companies`)
			.query({ pageSize: '1000' })
			.reply(200, records(1, 2), { Link: link('pageSize=1000&pageId=2') })
			.get(`${API}/company/companies`)
			.query({ pageSize: '1000', pageId: '2' })
			.reply(200, records(1, 2), { Link: link('pageSize=1000&pageId=3') });
		await expect(run({ resource: 'company', operation: 'getAll', returnAll: true })).rejects.toThrow(/already returned/);
	});
});

describe('ConnectWise PSA transport: parallel pages', () => {
	it('reads /count, fetches numbered pages within the concurrency limit and keeps id order', async () => {
		let inFlight = 0;
		let peak = 0;
		const page = (n: number) => async () => {
			inFlight++;
			peak = Math.max(peak, inFlight);
			await sleep(25);
			inFlight--;
			return [200, records((n - 1) * 1000 + 1, Math.min(n * 1000, 4200))] as [number, unknown];
		};
		const scope = api()
			.get(`${API}/project/projects/count`)
			.query({ conditions: 'closedFlag=false' })
			.reply(200, { count: 4200 });
		for (let n = 1; n <= 5; n++) {
			scope
				.get(`${API}/project/projects`)
				.query({ conditions: 'closedFlag=false', orderBy: 'id asc', pageSize: '1000', page: String(n) })
				.reply(page(n));
		}
		const { json } = await run(
			{
				resource: 'project',
				operation: 'getAll',
				returnAll: true,
				options: { conditions: 'closedFlag=false', parallelPages: true },
			},
			{ credentials: credentials({ maxConcurrent: 2 }) },
		);
		const ids = json.map((r) => r.id as number);
		expect(ids).toHaveLength(4200);
		expect(ids).toEqual([...ids].sort((a, b) => a - b));
		expect(new Set(ids).size).toBe(4200);
		expect(peak).toBe(2);
		expect(scope.isDone()).toBe(true);
	});

	it('makes no page request when the count is 0', async () => {
		api().get(`${API}/finance/invoices/count`).query(true).reply(200, { count: 0 });
		const { json, ctx } = await run({
			resource: 'invoice',
			operation: 'getAll',
			returnAll: true,
			options: { parallelPages: true },
		});
		expect(json).toEqual([]);
		expect(ctx.sentRequests).toHaveLength(1);
	});

	it('is used only by Return All (a Limit reads pages in order)', async () => {
		api().get(`${API}/finance/invoices`).query({ pageSize: '3' }).reply(200, records(1, 3));
		const { json } = await run({
			resource: 'invoice',
			operation: 'getAll',
			returnAll: false,
			limit: 3,
			options: { parallelPages: true },
		});
		expect(json).toHaveLength(3);
	});
});

describe('ConnectWise PSA transport: retries', () => {
	it('retries a 429 after Retry-After and succeeds', async () => {
		api()
			.get(`${API}/service/tickets/9`)
			.reply(429, { code: 'TooManyRequests', message: 'Slow down' }, { 'Retry-After': '0' })
			.get(`${API}/service/tickets/9`)
			.reply(200, { id: 9, summary: 'Printer' });
		const { json, ctx } = await run({ resource: 'ticket', operation: 'get', ticketId: { __rl: true, mode: 'id', value: '9' } });
		expect(json).toEqual([{ id: 9, summary: 'Printer' }]);
		expect(ctx.sentRequests).toHaveLength(2);
	});

	it('retries a 429 on a create too (the request was not processed)', async () => {
		api()
			.post(`${API}/service/tickets`)
			.reply(429, {}, { 'Retry-After': '1' })
			.post(`${API}/service/tickets`)
			.reply(201, { id: 77 });
		const started = Date.now();
		const { json } = await run({
			resource: 'ticket',
			operation: 'create',
			summary: 'New',
			boardId: 1,
			companyId: { __rl: true, mode: 'id', value: '2' },
			additionalFields: {},
		});
		expect(json).toEqual([{ id: 77 }]);
		expect(Date.now() - started).toBeGreaterThanOrEqual(900);
	});
});

describe('ConnectWise PSA transport: limiter', () => {
	it('shares one limiter per ConnectWise account across executions', async () => {
		const creds = credentials({ maxConcurrent: 1 });
		const contexts = [1, 2, 3].map(() => executeContext({}, { credentials: creds }));
		const limiters = await Promise.all(contexts.map(async (ctx) => (await connectWiseSettings(ctx)).limiter));
		expect(new Set(limiters).size).toBe(1);
		const other = await connectWiseSettings(executeContext({}, { credentials: credentials({ maxConcurrent: 1 }) }));
		expect(other.limiter).not.toBe(limiters[0]);

		let inFlight = 0;
		let peak = 0;
		api()
			.get(`${API}/company/companies`)
			.times(3)
			.query(true)
			.reply(async () => {
				inFlight++;
				peak = Math.max(peak, inFlight, limiters[0].active);
				await sleep(20);
				inFlight--;
				return [200, records(1, 1)];
			});
		const results = await Promise.all(
			contexts.map(async (ctx) => await connectWiseList(ctx, { path: '/company/companies', returnAll: false, limit: 1 })),
		);
		expect(results.flat()).toHaveLength(3);
		expect(peak).toBe(1);
	});
});
