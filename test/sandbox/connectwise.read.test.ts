import { startSandbox, type RunningSandbox } from '../../sandbox';
import { cwClient, parseLinks, q, type CwClient } from './helpers';

interface Ticket {
	id: number;
	summary: string;
	closedFlag: boolean;
	status: { id: number; name: string };
	board: { id: number; name: string };
	priority: { id: number; name: string };
	company: { id: number; identifier: string };
	_info: { lastUpdated: string };
}

let sandbox: RunningSandbox;
let cw: CwClient;

beforeAll(async () => {
	sandbox = await startSandbox({ systems: ['connectwise'], rateLimits: { connectwise: null } });
	cw = cwClient(sandbox);
});
afterAll(() => sandbox.close());

const allTickets = () => sandbox.records<Ticket>('connectwise', 'tickets');

describe('ConnectWise authentication', () => {
	const ticketsUrl = () => `${cw.apiUrl}/service/tickets`;

	it('accepts the credential values it publishes', async () => {
		const res = await cw.call('/system/info');
		expect(res.status).toBe(200);
		expect(res.headers.get('api-current-version')).toBeTruthy();
	});

	it('rejects a wrong private key with 401 and a ConnectWise error body that does not echo the key', async () => {
		const c = sandbox.systems.connectwise.credentials;
		const bad = `Basic ${Buffer.from(`${c.companyId}+${c.publicKey}:wrong-private`).toString('base64')}`;
		const res = await fetch(ticketsUrl(), { headers: { Authorization: bad, clientId: c.clientId } });
		expect(res.status).toBe(401);
		const body = (await res.json()) as { code: string; message: string };
		expect(body.code).toBe('Unauthorized');
		expect(JSON.stringify(body)).not.toContain('wrong-private');
		expect(JSON.stringify(body)).not.toContain(c.privateKey);
	});

	it('rejects a missing Authorization header and an unknown company', async () => {
		const c = sandbox.systems.connectwise.credentials;
		expect((await fetch(ticketsUrl(), { headers: { clientId: c.clientId } })).status).toBe(401);
		const otherCompany = `Basic ${Buffer.from(`acme+${c.publicKey}:${c.privateKey}`).toString('base64')}`;
		expect((await fetch(ticketsUrl(), { headers: { Authorization: otherCompany, clientId: c.clientId } })).status).toBe(401);
	});

	it('rejects a request without a clientId header, saying so', async () => {
		const res = await fetch(ticketsUrl(), { headers: { Authorization: cw.headers.Authorization } });
		expect(res.status).toBe(401);
		const body = (await res.json()) as { code: string; message: string };
		expect(body.code).toBe('Unauthorized');
		expect(body.message).toMatch(/clientId/);
		const wrong = await fetch(ticketsUrl(), { headers: { Authorization: cw.headers.Authorization, clientId: '00000000-0000-4000-8000-000000000000' } });
		expect(wrong.status).toBe(401);
	});

	it('serves companyinfo without authentication', async () => {
		const c = sandbox.systems.connectwise.credentials;
		const res = await fetch(`${c.siteUrl}/login/companyinfo/${c.companyId}`);
		expect(res.status).toBe(200);
		const info = (await res.json()) as { Codebase: string; CompanyID: string };
		expect(info.Codebase).toBe('v4_6_release/');
		expect(info.CompanyID).toBe(c.companyId);
		// The returned codebase routes too.
		expect((await cw.call(`${c.siteUrl}/${info.Codebase}apis/3.0/system/info`)).status).toBe(200);
	});
});

describe('ConnectWise paging', () => {
	it('pages through all 2,600 tickets with Link headers, each id exactly once', async () => {
		const seen: number[] = [];
		let url: string | undefined = `${cw.apiUrl}/service/tickets?pageSize=1000&orderBy=${q('id asc')}`;
		const rels: string[][] = [];
		while (url) {
			const res = await cw.call(url);
			expect(res.status).toBe(200);
			const page = (await res.json()) as Ticket[];
			seen.push(...page.map((t) => t.id));
			const links = parseLinks(res.headers.get('link'));
			rels.push(Object.keys(links).sort());
			url = links.next;
		}
		expect(seen).toHaveLength(2600);
		expect(new Set(seen).size).toBe(2600);
		expect(seen).toEqual(allTickets().map((t) => t.id));
		expect(rels).toEqual([['last', 'next'], ['first', 'last', 'next', 'prev'], ['first', 'last', 'prev']]);
	});

	it('defaults to 25 per page and caps pageSize at 1000', async () => {
		expect(await cw.json<Ticket[]>('/service/tickets')).toHaveLength(25);
		const res = await cw.call('/service/tickets?pageSize=5000');
		expect((await res.json()) as Ticket[]).toHaveLength(1000);
		expect(parseLinks(res.headers.get('link')).last).toMatch(/pageSize=1000&page=3$/);
		expect((await cw.call('/service/tickets?pageSize=0')).status).toBe(400);
		expect((await cw.call('/service/tickets?page=0')).status).toBe(400);
	});

	it('keeps the conditions in Link URLs', async () => {
		const res = await cw.call(`/service/tickets?conditions=${q('closedFlag = false')}&pageSize=50`);
		const next = parseLinks(res.headers.get('link')).next;
		expect(new URL(next).searchParams.get('conditions')).toBe('closedFlag = false');
		const page2 = (await (await cw.call(next)).json()) as Ticket[];
		expect(page2.every((t) => !t.closedFlag)).toBe(true);
	});

	it('pages forward-only by pageId, ordered by id', async () => {
		const headers = { 'pagination-type': 'forward-only' };
		const seen: number[] = [];
		let url: string | undefined = `${cw.apiUrl}/service/tickets?pageSize=700&conditions=${q('closedFlag = true')}`;
		let pages = 0;
		while (url) {
			const res = await cw.call(url, { headers });
			const page = (await res.json()) as Ticket[];
			if (page.length === 0) break;
			pages++;
			seen.push(...page.map((t) => t.id));
			const next = parseLinks(res.headers.get('link')).next;
			expect(new URL(next).searchParams.get('pageId')).toBe(String(page[page.length - 1].id));
			url = next;
		}
		const expected = allTickets().filter((t) => t.closedFlag).map((t) => t.id);
		expect(seen).toEqual(expected);
		expect(pages).toBe(Math.ceil(expected.length / 700));
		const withOrder = await cw.call(`/service/tickets?orderBy=${q('id desc')}`, { headers });
		expect(withOrder.status).toBe(400);
	});

	it('counts with conditions', async () => {
		const all = await cw.json<{ count: number }>('/service/tickets/count');
		expect(all.count).toBe(2600);
		const open = await cw.json<{ count: number }>(`/service/tickets/count?conditions=${q('closedFlag = false and board/name = "Service Desk"')}`);
		expect(open.count).toBe(allTickets().filter((t) => !t.closedFlag && t.board.name === 'Service Desk').length);
		expect(open.count).toBeGreaterThan(0);
		expect(open.count).toBeLessThan(2600);
	});
});

describe('ConnectWise conditions, orderBy and fields over HTTP', () => {
	it.each([
		['status/name = "New" or status/name = "Scheduled" and priority/id = 1', (t: Ticket) => t.status.name === 'New' || (t.status.name === 'Scheduled' && t.priority.id === 1)],
		['(status/name = "New" or status/name = "Scheduled") and priority/id = 1', (t: Ticket) => (t.status.name === 'New' || t.status.name === 'Scheduled') && t.priority.id === 1],
		['lastUpdated >= [2025-01-01T00:00:00Z] and closedFlag = False', (t: Ticket) => t._info.lastUpdated >= '2025-01-01T00:00:00Z' && !t.closedFlag],
		['board/id in (2, 3)', (t: Ticket) => [2, 3].includes(t.board.id)],
		['summary like "Backup job failed*"', (t: Ticket) => t.summary.startsWith('Backup job failed')],
		['summary not contains "printer" and board/name != "Escalations"', (t: Ticket) => !t.summary.toLowerCase().includes('printer') && t.board.name !== 'Escalations'],
	])('conditions=%s', async (conditions, predicate) => {
		const got = await cw.json<Ticket[]>(`/service/tickets?pageSize=1000&conditions=${q(conditions)}`);
		const expected = allTickets().filter(predicate).slice(0, 1000).map((t) => t.id);
		expect(expected.length).toBeGreaterThan(0);
		expect(got.map((t) => t.id)).toEqual(expected);
	});

	it('answers bad syntax and unknown fields with 400 and a ConnectWise error body', async () => {
		for (const bad of ['status/name = ', 'summary = New', 'nosuchfield = 1']) {
			const res = await cw.call(`/service/tickets?conditions=${q(bad)}`);
			expect(res.status).toBe(400);
			const body = (await res.json()) as { code: string; message: string; errors: Array<{ field: string }> };
			expect(body.code).toBe('InvalidObject');
			expect(body.message).toMatch(/^conditions: /);
			expect(body.errors[0].field).toBe('conditions');
		}
		expect((await cw.call(`/service/tickets?orderBy=${q('nosuch desc')}`)).status).toBe(400);
	});

	it('orders by several keys', async () => {
		const got = await cw.json<Ticket[]>(`/service/tickets?pageSize=200&orderBy=${q('priority/id desc, id asc')}`);
		const expected = [...allTickets()].sort((a, b) => b.priority.id - a.priority.id || a.id - b.id).slice(0, 200);
		expect(got.map((t) => t.id)).toEqual(expected.map((t) => t.id));
	});

	it('projects fields', async () => {
		const got = await cw.json<Array<Record<string, unknown>>>('/company/companies?pageSize=3&fields=id,name,status/name,types/name');
		for (const c of got) {
			expect(Object.keys(c).sort()).toEqual(['id', 'name', 'status', 'types']);
			expect(Object.keys(c.status as object)).toEqual(['name']);
		}
	});

	it('filters children and custom fields, and searches by POST body', async () => {
		type Contact = { id: number; communicationItems: Array<{ value: string }> };
		const contacts = sandbox.records<Contact>('connectwise', 'contacts');
		const email = contacts[3].communicationItems[0].value;
		const got = await cw.json<Contact[]>(`/company/contacts?childConditions=${q(`communicationItems/value like "${email}"`)}`);
		expect(got.map((c) => c.id)).toEqual([contacts[3].id]);

		type Company = { id: number; customFields: Array<{ caption: string; value: string }> };
		const west = await cw.json<Company[]>(`/company/companies?pageSize=1000&customFieldConditions=${q('caption = "Region" and value = "West"')}`);
		const expectedWest = sandbox.records<Company>('connectwise', 'companies').filter((c) => c.customFields.some((f) => f.caption === 'Region' && f.value === 'West'));
		expect(west.map((c) => c.id)).toEqual(expectedWest.map((c) => c.id));
		expect(west.length).toBeGreaterThan(0);

		const searched = await cw.json<Ticket[]>('/service/tickets/search?pageSize=1000', {
			method: 'POST',
			body: JSON.stringify({ conditions: 'board/name = "Escalations"', orderBy: 'id desc' }),
		});
		expect(searched.map((t) => t.id)).toEqual(allTickets().filter((t) => t.board.name === 'Escalations').map((t) => t.id).reverse().slice(0, 1000));
	});

	it('serves the other MSP resources', async () => {
		for (const path of ['/service/boards', '/service/boards/1/statuses', '/project/projects', '/time/entries', '/expense/entries', '/finance/agreements', '/finance/agreements/1/additions', '/finance/invoices', '/procurement/products', '/procurement/catalog', '/system/members', '/company/contacts']) {
			const res = await cw.call(`${path}?pageSize=5`);
			expect([path, res.status]).toEqual([path, 200]);
			const items = (await res.json()) as Array<{ id: number; _info: { lastUpdated: string } }>;
			expect(items.length).toBeGreaterThan(0);
			expect(items[0]._info.lastUpdated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
		}
		const vendors = await cw.json<Array<{ name: string }>>(`/company/companies?conditions=${q('types/name = "Vendor"')}`);
		expect(vendors.map((v) => v.name)).toContain('Pax8');
		expect((await cw.call('/service/tickets/999999')).status).toBe(404);
		expect((await cw.call('/service/boards/999/statuses')).status).toBe(404);
		expect((await cw.call('/no/such/resource')).status).toBe(404);
	});
});
