import { createHmac } from 'node:crypto';

import { startSandbox, type RunningSandbox } from '../../sandbox';
import type { AutotaskPlugin } from '../../sandbox/autotask';
import { startSubscriber } from './helpers';

let sandbox: RunningSandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ systems: ['autotask'], seed: 11 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	sandbox.clearFaults();
	sandbox.resetStats();
});

const creds = () => sandbox.systems.autotask.credentials;
const zoneRoot = () => `${creds().zoneUrl}/v1.0`;
const headers = (extra: Record<string, string> = {}) => ({
	UserName: creds().userName,
	Secret: creds().secret,
	ApiIntegrationCode: creds().integrationCode,
	'Content-Type': 'application/json',
	...extra,
});
const call = (path: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
	fetch(path.startsWith('http') ? path : `${zoneRoot()}/${path}`, { ...init, headers: { ...headers(), ...(init.headers ?? {}) } });
const body = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;
const search = (filter: unknown[], extra: Record<string, unknown> = {}) => encodeURIComponent(JSON.stringify({ filter, ...extra }));
type Page = { items: Array<Record<string, unknown>>; pageDetails: { count: number; nextPageUrl: string | null } };

describe('Autotask sandbox: zone and authentication', () => {
	it('tells the zone of the API user and nothing for an unknown one', async () => {
		const ok = await fetch(`${creds().discoveryUrl}/v1.0/zoneInformation?user=${encodeURIComponent(creds().userName.toUpperCase())}`);
		expect(ok.status).toBe(200);
		expect(await body(ok)).toMatchObject({ url: `${creds().zoneUrl}/`, ci: expect.any(Number) });
		const unknown = await fetch(`${creds().discoveryUrl}/v1.0/zoneInformation?user=nobody@example.com`);
		expect(unknown.status).toBe(404);
		expect((await body<{ errors: string[] }>(unknown)).errors[0]).toMatch(/nobody@example.com/);
	});

	it('serves the API only on the zone and only with all three headers right', async () => {
		const wrongZone = await fetch(`${creds().discoveryUrl}/v1.0/Tickets/7300`, { headers: headers() });
		expect(wrongZone.status).toBe(401);
		for (const bad of [{ Secret: 'nope' }, { ApiIntegrationCode: 'NOTREGISTERED' }, { UserName: 'someone@else.example' }] as Array<Record<string, string>>) {
			const res = await call('Tickets/7300', { headers: bad });
			expect(res.status).toBe(401);
			const text = JSON.stringify(await body(res));
			expect(text).toMatch(/errors/);
			expect(text).not.toContain(creds().secret);
		}
		expect((await call('Tickets/7300')).status).toBe(200);
	});
});

describe('Autotask sandbox: queries', () => {
	it('pages every ticket once in id order by following nextPageUrl', async () => {
		const expected = sandbox.records<{ id: number }>('autotask', 'Tickets').map((t) => t.id);
		expect(expected.length).toBeGreaterThanOrEqual(1200);
		const ids: number[] = [];
		const sizes: number[] = [];
		let url: string | null = `${zoneRoot()}/Tickets/query?search=${search([{ op: 'gte', field: 'id', value: 0 }], { MaxRecords: 500 })}`;
		while (url) {
			const page: Page = await body<Page>(await call(url));
			sizes.push(page.items.length);
			ids.push(...page.items.map((i) => i.id as number));
			url = page.pageDetails.nextPageUrl;
			if (url) expect(url.startsWith(zoneRoot())).toBe(true);
		}
		expect(sizes.slice(0, 2)).toEqual([500, 500]);
		expect(ids).toEqual([...expected].sort((a, b) => a - b));
	});

	it('accepts the search as a POST body, projects IncludeFields and counts', async () => {
		const filter = [{ op: 'eq', field: 'status', value: 5 }];
		const res = await call('Tickets/query', { method: 'POST', body: JSON.stringify({ filter, IncludeFields: ['title'], MaxRecords: 10 }) });
		const page = await body<Page>(res);
		expect(page.items).toHaveLength(10);
		for (const item of page.items) expect(Object.keys(item).sort()).toEqual(['id', 'title']);
		const count = await body<{ queryCount: number }>(await call('Tickets/query/count', { method: 'POST', body: JSON.stringify({ filter }) }));
		const complete = sandbox.records<{ status: number }>('autotask', 'Tickets').filter((t) => t.status === 5).length;
		expect(count.queryCount).toBe(complete);
	});

	it('evaluates operators, or-groups and user-defined fields like Autotask', async () => {
		const tickets = sandbox.records<{ id: number; title: string; status: number; priority: number; userDefinedFields: Array<{ name: string; value: string }> }>('autotask', 'Tickets');
		const run = async (filter: unknown[]) => {
			const page = await body<Page>(await call(`Tickets/query?search=${search(filter)}`));
			return page.items.map((i) => i.id as number).sort((a, b) => a - b);
		};
		const expectIds = (pred: (t: (typeof tickets)[number]) => boolean) => tickets.filter(pred).map((t) => t.id).slice(0, 500);
		expect(await run([{ op: 'contains', field: 'TITLE', value: 'PRINTER' }])).toEqual(expectIds((t) => /printer/i.test(t.title)));
		expect(await run([{ op: 'in', field: 'priority', value: [1, 4] }])).toEqual(expectIds((t) => [1, 4].includes(t.priority)));
		expect(
			await run([{ op: 'or', items: [{ op: 'eq', field: 'status', value: 7 }, { op: 'eq', field: 'priority', value: 4 }] }, { op: 'gt', field: 'id', value: 7500 }]),
		).toEqual(expectIds((t) => (t.status === 7 || t.priority === 4) && t.id > 7500));
		expect(await run([{ op: 'eq', field: 'Root Cause', udf: true, value: 'network' }])).toEqual(
			expectIds((t) => t.userDefinedFields.some((u) => u.name === 'Root Cause' && u.value === 'Network')),
		);
		const unknown = await call(`Tickets/query?search=${search([{ op: 'eq', field: 'nosuchfield', value: 1 }])}`);
		expect(unknown.status).toBe(400);
		expect((await body<{ errors: string[] }>(unknown)).errors[0]).toMatch(/nosuchfield/);
		expect((await call(`Tickets/query?search=${search([], { MaxRecords: 10 })}`)).status).toBe(400);
		expect((await call(`Tickets/query?search=${search([{ op: 'gte', field: 'id', value: 0 }], { MaxRecords: 501 })}`)).status).toBe(400);
	});

	it('answers an unknown id with a null item and describes fields with picklists', async () => {
		expect(await body(await call('Tickets/1'))).toEqual({ item: null });
		const fields = await body<{ fields: Array<{ name: string; isPickList: boolean; picklistValues: Array<{ value: string; label: string }> | null }> }>(
			await call('Tickets/entityInformation/fields'),
		);
		const status = fields.fields.find((f) => f.name === 'status');
		expect(status?.isPickList).toBe(true);
		expect(status?.picklistValues).toEqual(expect.arrayContaining([expect.objectContaining({ value: '5', label: 'Complete' })]));
	});
});

describe('Autotask sandbox: writes', () => {
	it('creates, updates and deletes the way each entity allows', async () => {
		const company = sandbox.records<{ id: number }>('autotask', 'Companies')[1];
		const created = await call('Tickets', {
			method: 'POST',
			body: JSON.stringify({ title: 'Scanner jammed', companyID: company.id, status: 1, priority: 2 }),
		});
		expect(created.status).toBe(200);
		const { itemId } = await body<{ itemId: number }>(created);
		const item = (await body<{ item: Record<string, unknown> }>(await call(`Tickets/${itemId}`))).item;
		expect(item).toMatchObject({ id: itemId, title: 'Scanner jammed', status: 1, ticketNumber: expect.stringMatching(/^T\d{8}\./) });

		const missing = await call('Tickets', { method: 'POST', body: JSON.stringify({ title: 'No company', status: 1, priority: 2 }) });
		expect(missing.status).toBe(400);
		expect((await body<{ errors: string[] }>(missing)).errors[0]).toMatch(/companyID is required/);
		const badPick = await call('Tickets', { method: 'POST', body: JSON.stringify({ title: 'x', companyID: company.id, status: 99, priority: 2 }) });
		expect(badPick.status).toBe(400);

		expect((await call('TicketNotes', { method: 'POST', body: JSON.stringify({ title: 'n' }) })).status).toBe(405);
		const note = await call(`Tickets/${itemId}/Notes`, {
			method: 'POST',
			body: JSON.stringify({ title: 'Called', description: 'Left a message', noteType: 1, publish: 1 }),
		});
		expect(note.status).toBe(200);
		const noteId = (await body<{ itemId: number }>(note)).itemId;
		expect((await body<{ item: Record<string, unknown> }>(await call(`TicketNotes/${noteId}`))).item).toMatchObject({ ticketID: itemId });

		const patched = await call('Tickets', { method: 'PATCH', body: JSON.stringify({ id: itemId, status: 5 }) });
		expect(patched.status).toBe(200);
		expect(sandbox.records<{ id: number; status: number; title: string }>('autotask', 'Tickets').find((t) => t.id === itemId)).toMatchObject({ status: 5, title: 'Scanner jammed' });
		expect((await call(`Tickets/${itemId}`, { method: 'DELETE' })).status).toBe(405);

		const entry = sandbox.records<{ id: number }>('autotask', 'TimeEntries')[0];
		expect((await call(`TimeEntries/${entry.id}`, { method: 'DELETE' })).status).toBe(200);
		expect(sandbox.records<{ id: number }>('autotask', 'TimeEntries').some((t) => t.id === entry.id)).toBe(false);
	});
});

describe('Autotask sandbox: limits', () => {
	it('refuses a fourth request in flight on one endpoint per integration code, not on another endpoint', async () => {
		sandbox.setFaults({ latencyMs: 250 }, 'autotask');
		const ids = sandbox.records<{ id: number }>('autotask', 'Tickets').slice(0, 5).map((t) => t.id);
		const companies = sandbox.records<{ id: number }>('autotask', 'Companies').slice(1, 4).map((c) => c.id);
		const responses = await Promise.all([...ids.map((id) => call(`Tickets/${id}`)), ...companies.map((id) => call(`Companies/${id}`))]);
		const statuses = responses.map((r) => r.status);
		expect(statuses.slice(0, 5).filter((s) => s === 429)).toHaveLength(2);
		expect(statuses.slice(5)).toEqual([200, 200, 200]);
		const refused = responses.find((r) => r.status === 429) as Response;
		expect((await body<{ errors: string[] }>(refused)).errors[0]).toMatch(/Thread limit/);
		const stats = sandbox.stats().systems.autotask.credentials;
		const code = creds().integrationCode;
		// The peak counts the arriving request, also when it is refused: 3 in flight + 1 = 4.
		expect(stats[`${code}|tickets`].maxConcurrent).toBe(4);
		expect(stats[`${code}|companies`].maxConcurrent).toBe(3);
		expect(stats[`${code}|tickets`].rateLimited).toBe(2);
	});

	it('counts requests against the hourly threshold and refuses past it', async () => {
		const plugin = sandbox.plugin<AutotaskPlugin>('autotask');
		plugin.setHourlyUsage(9_998);
		const info = await body<{ externalRequestThreshold: number; currentTimeframeRequestCount: number }>(await call('ThresholdInformation'));
		expect(info).toMatchObject({ externalRequestThreshold: 10_000, currentTimeframeRequestCount: 9_999, requestThresholdTimeframe: 60 });
		expect((await call('Tickets/7300')).status).toBe(200);
		const refused = await call('Tickets/7300');
		expect(refused.status).toBe(429);
		expect((await body<{ errors: string[] }>(refused)).errors[0]).toMatch(/threshold/);
	}, 15_000);
});

describe('Autotask sandbox: webhooks', () => {
	it('sends signed callouts for watched changes only, and none after the webhook is deleted', async () => {
		const subscriber = await startSubscriber();
		try {
			const fieldList = await body<{ fields: Array<{ name: string; picklistValues: Array<{ value: string; label: string }> | null }> }>(
				await call('TicketWebhookFields/entityInformation/fields'),
			);
			const ids = fieldList.fields.find((f) => f.name === 'fieldID')?.picklistValues ?? [];
			const statusId = Number(ids.find((v) => v.label === 'status')?.value);
			const titleId = Number(ids.find((v) => v.label === 'title')?.value);
			const secret = 'shared-secret-0123456789';
			const created = await body<{ itemId: number }>(
				await call('TicketWebhooks', {
					method: 'POST',
					body: JSON.stringify({
						IsActive: true,
						Name: 'test',
						WebhookUrl: `${subscriber.url}/hook`,
						DeactivationUrl: `${subscriber.url}/hook`,
						SecretKey: secret,
						IsSubscribedToCreateEvents: false,
						IsSubscribedToUpdateEvents: true,
						IsSubscribedToDeleteEvents: false,
						SendThresholdExceededNotification: false,
					}),
				}),
			);
			let hook = (await body<{ item: { isReady: boolean } }>(await call(`TicketWebhooks/${created.itemId}`))).item;
			expect(hook.isReady).toBe(false);
			await call(`TicketWebhooks/${created.itemId}/Fields`, { method: 'POST', body: JSON.stringify({ FieldID: statusId, IsSubscribedField: true, IsDisplayAlwaysField: false }) });
			await call(`TicketWebhooks/${created.itemId}/Fields`, { method: 'POST', body: JSON.stringify({ FieldID: titleId, IsSubscribedField: false, IsDisplayAlwaysField: true }) });
			hook = (await body<{ item: { isReady: boolean } }>(await call(`TicketWebhooks/${created.itemId}`))).item;
			expect(hook.isReady).toBe(true);

			const plugin = sandbox.plugin<AutotaskPlugin>('autotask');
			const ticket = sandbox.records<{ id: number; status: number; title: string }>('autotask', 'Tickets').find((t) => t.status !== 8)!;
			plugin.updateAs('Tickets', ticket.id, { description: 'not watched' });
			plugin.updateAs('Tickets', ticket.id, { status: 8 });
			await sandbox.webhooksIdle();
			expect(subscriber.received).toHaveLength(1);
			const [delivery] = subscriber.received;
			const expected = `sha1=${createHmac('sha1', secret).update(delivery.body).digest('base64')}`;
			expect(delivery.headers['x-hook-signature']).toBe(expected);
			expect(JSON.parse(delivery.body)).toMatchObject({
				Action: 'Update',
				EntityType: 'Ticket',
				Id: ticket.id,
				Fields: { status: 8, title: ticket.title },
				SequenceNumber: 1,
				Guid: expect.stringMatching(/^[0-9a-f-]{36}$/),
			});

			expect((await call(`TicketWebhooks/${created.itemId}`, { method: 'DELETE' })).status).toBe(200);
			plugin.updateAs('Tickets', ticket.id, { status: 5 });
			await sandbox.webhooksIdle();
			expect(subscriber.received).toHaveLength(1);
		} finally {
			await subscriber.close();
		}
	});
});

describe('Autotask sandbox: seed', () => {
	it('builds the same data from the same seed', async () => {
		const first = JSON.stringify(sandbox.records('autotask', 'Invoices'));
		sandbox.reset(99);
		expect(JSON.stringify(sandbox.records('autotask', 'Invoices'))).not.toBe(first);
		sandbox.reset(11);
		expect(JSON.stringify(sandbox.records('autotask', 'Invoices'))).toBe(first);
	});
});
