import { startSandbox, type ConnectWisePlugin, type RunningSandbox } from '../../sandbox';
import { cwClient, type CwClient } from './helpers';

interface Ticket {
	id: number;
	summary: string;
	closedFlag: boolean;
	closedBy: string | null;
	status: { id: number; name: string };
	board: { id: number; name: string };
	company: { id: number; identifier: string; name: string };
	contactName: string | null;
	_info: { lastUpdated: string; updatedBy: string; dateEntered: string };
}

interface CwErrorBody {
	code: string;
	message: string;
	errors: Array<{ code: string; message: string; resource: string; field: string }> | null;
}

let sandbox: RunningSandbox;
let cw: CwClient;
let clock = Date.UTC(2026, 0, 5, 9, 0, 0);

beforeAll(async () => {
	sandbox = await startSandbox({ systems: ['connectwise'], connectwise: { tickets: 300, timeEntries: 150, expenseEntries: 30, invoices: 40, products: 40 }, now: () => new Date(clock) });
});
beforeEach(() => {
	sandbox.reset();
	cw = cwClient(sandbox);
});
afterAll(() => sandbox.close());

const statuses = () => sandbox.records<{ id: number; name: string; board: { id: number }; closedStatus: boolean }>('connectwise', 'statuses');

describe('ConnectWise writes', () => {
	it('creates, reads, patches and deletes a ticket', async () => {
		const created = await cw.call('/service/tickets', {
			method: 'POST',
			body: JSON.stringify({ summary: 'Laptop will not boot', company: { identifier: 'SandboxMSP' }, board: { name: 'Service Desk' } }),
		});
		expect(created.status).toBe(201);
		const ticket = (await created.json()) as Ticket;
		expect(created.headers.get('location')).toBe(`${cw.apiUrl}/service/tickets/${ticket.id}`);
		expect(ticket.id).toBeGreaterThan(Math.max(...sandbox.records<Ticket>('connectwise', 'tickets').filter((t) => t.id !== ticket.id).map((t) => t.id)));
		expect(ticket.company).toMatchObject({ identifier: 'SandboxMSP', name: 'Sandbox MSP' });
		expect(ticket.status.name).toBe('New');
		expect(ticket._info).toMatchObject({ lastUpdated: '2026-01-05T09:00:00Z', updatedBy: 'SandboxAPI', dateEntered: '2026-01-05T09:00:00Z' });

		expect(await cw.json<Ticket>(`/service/tickets/${ticket.id}`)).toEqual(ticket);

		clock += 60_000;
		const closed = statuses().find((s) => s.board.id === ticket.board.id && s.closedStatus) as { id: number; name: string };
		const patched = await cw.call(`/service/tickets/${ticket.id}`, {
			method: 'PATCH',
			body: JSON.stringify([
				{ op: 'replace', path: 'summary', value: 'Laptop will not boot (replaced SSD)' },
				{ op: 'replace', path: 'status', value: { id: closed.id } },
			]),
		});
		expect(patched.status).toBe(200);
		const after = (await patched.json()) as Ticket;
		expect(after.summary).toBe('Laptop will not boot (replaced SSD)');
		expect(after.status).toMatchObject({ id: closed.id, name: closed.name });
		expect(after.closedFlag).toBe(true);
		expect(after._info.lastUpdated).toBe('2026-01-05T09:01:00Z');
		expect(after._info.dateEntered).toBe('2026-01-05T09:00:00Z');
		expect(sandbox.records<Ticket>('connectwise', 'tickets').find((t) => t.id === ticket.id)?.summary).toBe(after.summary);

		const deleted = await cw.call(`/service/tickets/${ticket.id}`, { method: 'DELETE' });
		expect(deleted.status).toBe(204);
		expect(await deleted.text()).toBe('');
		const gone = await cw.call(`/service/tickets/${ticket.id}`);
		expect(gone.status).toBe(404);
		expect(((await gone.json()) as CwErrorBody).code).toBe('NotFound');
	});

	it('answers a create with missing fields with InvalidObject and one error per field', async () => {
		const res = await cw.call('/service/tickets', { method: 'POST', body: JSON.stringify({ board: { id: 1 } }) });
		expect(res.status).toBe(400);
		const body = (await res.json()) as CwErrorBody;
		expect(body.code).toBe('InvalidObject');
		expect(body.message).toBe('ticket object is invalid');
		expect(body.errors).toEqual(
			expect.arrayContaining([
				{ code: 'NullValue', message: expect.any(String), resource: 'ticket', field: 'summary' },
				{ code: 'NullValue', message: expect.any(String), resource: 'ticket', field: 'company' },
			]),
		);
		expect(body.errors).toHaveLength(2);
	});

	it('rejects references that do not exist and statuses of another board', async () => {
		const missing = await cw.call('/service/tickets', { method: 'POST', body: JSON.stringify({ summary: 'x', company: { id: 987654 } }) });
		expect(missing.status).toBe(400);
		expect(((await missing.json()) as CwErrorBody).errors?.[0]).toMatchObject({ field: 'company', resource: 'ticket' });

		const ticket = sandbox.records<Ticket>('connectwise', 'tickets')[0];
		const foreign = statuses().find((s) => s.board.id !== ticket.board.id) as { id: number };
		const res = await cw.call(`/service/tickets/${ticket.id}`, { method: 'PATCH', body: JSON.stringify([{ op: 'replace', path: 'status', value: { id: foreign.id } }]) });
		expect(res.status).toBe(400);
		expect(((await res.json()) as CwErrorBody).errors?.[0].field).toBe('status');
	});

	it('moves a ticket to another board and into that board\'s default status', async () => {
		const ticket = sandbox.records<Ticket>('connectwise', 'tickets')[0];
		const target = ticket.board.id === 2 ? 3 : 2;
		const after = await cw.json<Ticket>(`/service/tickets/${ticket.id}`, { method: 'PATCH', body: JSON.stringify([{ op: 'replace', path: '/board', value: { id: target } }]) });
		expect(after.board.id).toBe(target);
		const status = statuses().find((s) => s.id === after.status.id);
		expect(status?.board.id).toBe(target);
		expect(status?.name).toBe('New');
	});

	it('accepts but does not apply a patch inside a reference object, and records it', async () => {
		const ticket = sandbox.records<Ticket>('connectwise', 'tickets')[0];
		const res = await cw.call(`/service/tickets/${ticket.id}`, { method: 'PATCH', body: JSON.stringify([{ op: 'replace', path: 'company/identifier', value: 'Other' }]) });
		expect(res.status).toBe(200);
		expect(((await res.json()) as Ticket).company.identifier).toBe(ticket.company.identifier);
		expect(sandbox.plugin<ConnectWisePlugin>('connectwise').ignoredPatches()).toEqual([
			{ resource: 'ticket', id: ticket.id, path: 'company/identifier', reason: 'sub-path of an object field' },
		]);
	});

	it('rejects PATCH bodies that are not operation arrays and unknown (case-sensitive) paths', async () => {
		const id = sandbox.records<Ticket>('connectwise', 'tickets')[0].id;
		for (const body of [{ summary: 'x' }, [{ op: 'replace', path: 'Summary', value: 'x' }], [{ op: 'move', path: 'summary' }]]) {
			const res = await cw.call(`/service/tickets/${id}`, { method: 'PATCH', body: JSON.stringify(body) });
			expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400]);
		}
		const notJson = await cw.call(`/service/tickets/${id}`, { method: 'PATCH', body: '[{"op":' });
		expect(notJson.status).toBe(400);
		expect(((await notJson.json()) as CwErrorBody).code).toBe('InvalidObject');
	});

	it('replaces a whole record with PUT (omitted fields fall back to defaults)', async () => {
		const ticket = sandbox.records<Ticket & { initialDescription: string | null }>('connectwise', 'tickets').find((t) => t.initialDescription);
		if (!ticket) throw new Error('seed has no ticket with a description');
		const res = await cw.call(`/service/tickets/${ticket.id}`, {
			method: 'PUT',
			body: JSON.stringify({ summary: 'Rewritten', company: { id: ticket.company.id }, board: { id: ticket.board.id } }),
		});
		expect(res.status).toBe(200);
		const after = (await res.json()) as Ticket & { initialDescription: string | null };
		expect(after.id).toBe(ticket.id);
		expect(after.summary).toBe('Rewritten');
		expect(after.initialDescription).toBeNull();
		expect(after._info.dateEntered).toBe(ticket._info.dateEntered);
	});

	it('creates nested records under their parent', async () => {
		const created = await cw.json<{ id: number; board: { id: number } }>('/service/boards/3/statuses', {
			method: 'POST',
			body: JSON.stringify({ name: 'Waiting on Vendor', sortOrder: 9 }),
		});
		expect(created.board.id).toBe(3);
		expect((await cw.call(`/service/boards/3/statuses/${created.id}`)).status).toBe(200);
		expect((await cw.call(`/service/boards/2/statuses/${created.id}`)).status).toBe(404);
		const addition = await cw.json<{ agreementId: number; extPrice: number; unitPrice: number }>('/finance/agreements/1/additions', {
			method: 'POST',
			body: JSON.stringify({ product: { identifier: 'SEC-EDR' }, quantity: 10 }),
		});
		expect(addition.agreementId).toBe(1);
		expect(addition.extPrice).toBeCloseTo(addition.unitPrice * 10, 2);
	});

	it('refuses writes to setup tables the sandbox only reads', async () => {
		const res = await cw.call('/service/priorities', { method: 'POST', body: JSON.stringify({ name: 'P0' }) });
		expect(res.status).toBe(405);
	});
});
