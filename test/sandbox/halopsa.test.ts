import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { startSandbox, type HaloPsaPlugin, type RunningSandbox } from '../../sandbox';

let sandbox: RunningSandbox;
let clock = Date.UTC(2026, 2, 1, 12, 0, 0);

beforeAll(async () => {
	sandbox = await startSandbox({ systems: ['halopsa'], seed: 11, now: () => new Date(clock), halopsa: { tokenLifetimeSec: 60 } });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const creds = () => sandbox.systems.halopsa.credentials;

async function token(form: Record<string, string> = {}, tenant: string | null = creds().tenant): Promise<{ status: number; body: Record<string, unknown> }> {
	const c = creds();
	const response = await fetch(`${c.authServerUrl}/token${tenant === null ? '' : `?tenant=${tenant}`}`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ grant_type: 'client_credentials', client_id: c.clientId, client_secret: c.clientSecret, scope: 'all', ...form }),
	});
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function api(path: string, init: { method?: string; body?: unknown; bearer?: string } = {}) {
	const bearer = init.bearer ?? ((await token()).body.access_token as string);
	const response = await fetch(`${creds().resourceServerUrl}${path}`, {
		method: init.method ?? 'GET',
		headers: { authorization: `Bearer ${bearer}`, ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
		body: init.body === undefined ? undefined : JSON.stringify(init.body),
	});
	const text = await response.text();
	return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

describe('HaloPSA sandbox: authorisation server', () => {
	it('issues client-credentials tokens for the hosted tenant', async () => {
		const { status, body } = await token();
		expect(status).toBe(200);
		expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 60, scope: 'all' });
		expect(typeof body.access_token).toBe('string');
	});

	it.each([
		['a wrong secret', { client_secret: 'nope' }, 'invalid_client'],
		['another grant', { grant_type: 'password' }, 'unsupported_grant_type'],
		['an unknown scope', { scope: 'all everything' }, 'invalid_scope'],
	])('refuses %s with an RFC 6749 error', async (_case, form: Record<string, string>, error) => {
		const { status, body } = await token(form);
		expect(status).toBe(400);
		expect(body.error).toBe(error);
	});

	it('requires the tenant query parameter', async () => {
		expect((await token({}, null)).body.error).toBe('invalid_request');
		expect((await token({}, 'other')).status).toBe(400);
	});

	it('answers 401 with a Bearer challenge once a token has expired', async () => {
		const bearer = (await token()).body.access_token as string;
		expect((await api('/Tickets/1', { bearer })).status).toBe(200);
		clock += 61_000;
		const expired = await api('/Tickets/1', { bearer });
		expect(expired.status).toBe(401);
		expect(expired.headers.get('www-authenticate')).toMatch(/invalid_token/);
		expect(expired.body).toEqual({ Message: 'Authorization has been denied for this request.' });
		expect((await api('/Tickets/1', { bearer: 'made-up' })).status).toBe(401);
	});
});

describe('HaloPSA sandbox: resource server', () => {
	it('pages with pageinate/page_size/page_no and reports record_count', async () => {
		const all = sandbox.records<{ id: number }>('halopsa', 'tickets');
		const first = await api('/Tickets?pageinate=true&page_size=100&page_no=1');
		expect(first.body).toMatchObject({ page_no: 1, page_size: 100, record_count: all.length });
		const ids: number[] = [];
		for (let page = 1; page <= Math.ceil(all.length / 100); page++) {
			const { body } = await api(`/Tickets?pageinate=true&page_size=100&page_no=${page}`);
			ids.push(...(body!.tickets as Array<{ id: number }>).map((t) => t.id));
		}
		expect(ids).toEqual(all.map((t) => t.id));
		// page_size is capped at 100.
		expect((await api('/Tickets?pageinate=true&page_size=500')).body!.page_size).toBe(100);
	});

	it('filters by client, searches and hides inactive clients unless asked', async () => {
		const { body } = await api('/Tickets?client_id=2&count=5');
		expect((body!.tickets as Array<{ client_id: number }>).every((t) => t.client_id === 2)).toBe(true);
		expect((body!.tickets as unknown[]).length).toBeLessThanOrEqual(5);
		const clients = sandbox.records<{ inactive: boolean }>('halopsa', 'clients');
		expect((await api('/Client')).body!.record_count).toBe(clients.filter((c) => !c.inactive).length);
		expect((await api('/Client?includeinactive=true')).body!.record_count).toBe(clients.length);
		const searched = await api('/Tickets?search=printer');
		expect((searched.body!.tickets as Array<{ summary: string }>).every((t) => /printer/i.test(t.summary))).toBe(true);
	});

	it('creates and updates by POSTing arrays, and validates before saving any', async () => {
		const created = await api('/Client', { method: 'POST', body: [{ name: 'Harbor Test Client' }] });
		expect(created.status).toBe(200);
		const id = created.body!.id as number;
		const updated = await api('/Client', { method: 'POST', body: [{ id, website: 'https://harbor.example' }] });
		expect(updated.body).toMatchObject({ id, name: 'Harbor Test Client', website: 'https://harbor.example' });

		const before = sandbox.records('halopsa', 'tickets').length;
		const rejected = await api('/Tickets', { method: 'POST', body: [{ summary: 'ok', client_id: id }, { summary: 'no client' }] });
		expect(rejected.status).toBe(400);
		expect(rejected.body).toMatchObject({ ClassName: 'HaloValidationException' });
		expect(String(rejected.body!.Message)).toContain("'client_id'");
		expect(sandbox.records('halopsa', 'tickets')).toHaveLength(before);
		expect((await api('/Tickets', { method: 'POST', body: [{ summary: 'x', client_id: 99999 }] })).status).toBe(400);
	});

	it('lists projects as tickets of the project type, sharing the ticket id sequence', async () => {
		const { body } = await api('/Projects');
		const projects = body!.tickets as Array<{ id: number; tickettype_id: number }>;
		expect(projects.length).toBe(sandbox.records('halopsa', 'projects').length);
		const ticketIds = new Set(sandbox.records<{ id: number }>('halopsa', 'tickets').map((t) => t.id));
		expect(projects.every((p) => p.tickettype_id === 3 && !ticketIds.has(p.id))).toBe(true);
	});

	it('deletes, then answers 404 with a Halo body', async () => {
		expect((await api('/Asset/3', { method: 'DELETE' })).status).toBe(200);
		const gone = await api('/Asset/3');
		expect(gone.status).toBe(404);
		expect(gone.body).toMatchObject({ ClassName: 'HaloNotFoundException' });
	});

	it('is deterministic for a seed', async () => {
		const a = JSON.stringify(sandbox.records('halopsa', 'invoices'));
		sandbox.reset(11);
		expect(JSON.stringify(sandbox.records('halopsa', 'invoices'))).toBe(a);
		sandbox.reset(12);
		expect(JSON.stringify(sandbox.records('halopsa', 'invoices'))).not.toBe(a);
	});
});

describe('HaloPSA sandbox: outbound webhooks', () => {
	let receiver: Server;
	const received: Array<{ headers: IncomingMessage['headers']; body: Record<string, unknown> }> = [];
	beforeAll(async () => {
		receiver = createServer((req, res) => {
			let data = '';
			req.on('data', (c: Buffer) => (data += c.toString()));
			req.on('end', () => {
				received.push({ headers: req.headers, body: JSON.parse(data) as Record<string, unknown> });
				res.end('ok');
			});
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	});
	afterAll(async () => await new Promise((resolve) => receiver.close(resolve)));

	it('posts ticket events with the configured Basic authentication', async () => {
		const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
		const hook = await api('/Webhook', {
			method: 'POST',
			body: [{ name: 'n8n', url, authentication_type: 1, basic_username: 'halo', basic_password: 'pw-123', events: ['ticket_created'] }],
		});
		expect(hook.status).toBe(200);
		received.length = 0;
		const plugin = sandbox.plugin<HaloPsaPlugin>('halopsa');
		const ticket = plugin.saveAs('tickets', { summary: 'Webhook test', client_id: 1 });
		plugin.saveAs('tickets', { id: ticket.id, status_id: 2 });
		await sandbox.webhooksIdle();
		expect(received).toHaveLength(1);
		expect(received[0].headers.authorization).toBe(`Basic ${Buffer.from('halo:pw-123').toString('base64')}`);
		expect(received[0].body).toMatchObject({ event: 'ticket_created', ticket: { id: ticket.id, summary: 'Webhook test' } });
	});
});
