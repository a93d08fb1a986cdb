import { createHash, createHmac } from 'node:crypto';
import { startSandbox, type ConnectWisePlugin, type RunningSandbox } from '../../sandbox';
import { cwClient, startSubscriber, type CwClient } from './helpers';

interface CallbackPayload {
	MessageId: string;
	FromUrl: string;
	CompanyId: string;
	MemberId: string;
	Action: string;
	Type: string;
	ID: number;
	Entity: string;
	Metadata: { key_url: string };
}

let sandbox: RunningSandbox;
let cw: CwClient;

beforeAll(async () => {
	sandbox = await startSandbox({ systems: ['connectwise'], connectwise: { tickets: 200, timeEntries: 50, expenseEntries: 10, invoices: 10, products: 10, callbackRetryDelaysMs: [50, 100] } });
	cw = cwClient(sandbox);
});
beforeEach(() => {
	sandbox.reset();
	sandbox.clearFaults();
});
afterAll(() => sandbox.close());

/** What a receiving integration does: fetch the signing key from key_url and check the HMAC itself. */
async function verify(rawBody: string, signature: string | string[] | undefined): Promise<boolean> {
	const payload = JSON.parse(rawBody) as CallbackPayload;
	const res = await cw.call(payload.Metadata.key_url);
	expect(res.status).toBe(200);
	const { signing_key } = (await res.json()) as { signing_key: string };
	const key = createHash('sha256').update(signing_key).digest();
	return createHmac('sha256', key).update(rawBody).digest('base64') === signature;
}

async function register(url: string, extra: Record<string, unknown> = {}): Promise<{ id: number }> {
	return cw.json('/system/callbacks', {
		method: 'POST',
		body: JSON.stringify({ url, objectId: 1, type: 'ticket', level: 'owner', description: 'test', ...extra }),
	});
}

describe('ConnectWise callbacks', () => {
	it('posts a signed payload with the record id and action appended to the URL', async () => {
		const sub = await startSubscriber();
		try {
			await register(`${sub.url}/hook?recordId=`);
			const created = await cw.json<{ id: number }>('/service/tickets', {
				method: 'POST',
				body: JSON.stringify({ summary: 'Callback me', company: { identifier: 'SandboxMSP' } }),
			});
			await sandbox.webhooksIdle();
			expect(sub.received).toHaveLength(1);
			const [hit] = sub.received;
			expect(hit.url).toBe(`/hook?recordId=${created.id}&action=added`);
			const payload = JSON.parse(hit.body) as CallbackPayload;
			expect(payload).toMatchObject({ Action: 'added', Type: 'ticket', ID: created.id, CompanyId: 'sandbox', MemberId: 'SandboxAPI' });
			expect(JSON.parse(payload.Entity)).toMatchObject({ id: created.id, summary: 'Callback me' });
			expect(payload.Metadata.key_url).toBe(`${cw.apiUrl}/system/callbackKeys/1`);
			expect(await verify(hit.body, hit.headers['x-content-signature'])).toBe(true);
			// A forged body does not verify.
			expect(await verify(hit.body.replace('Callback me', 'Callback mf'), hit.headers['x-content-signature'])).toBe(false);

			await cw.call(`/service/tickets/${created.id}`, { method: 'DELETE' });
			await sandbox.webhooksIdle();
			expect(sub.received.map((r) => JSON.parse(r.body).Action)).toEqual(['added', 'deleted']);
		} finally {
			await sub.close();
		}
	});

	it('requires authentication for the signing key', async () => {
		const res = await fetch(`${cw.apiUrl}/system/callbackKeys/1`);
		expect(res.status).toBe(401);
	});

	it('only calls back for the scoped board, and not for inactive entries', async () => {
		const sub = await startSubscriber();
		try {
			await register(`${sub.url}/board2?id=`, { level: 'board', objectId: 2 });
			await register(`${sub.url}/inactive?id=`, { inactiveFlag: true });
			await register(`${sub.url}/companies?id=`, { type: 'company' });
			const tickets = sandbox.records<{ id: number; board: { id: number } }>('connectwise', 'tickets');
			const onBoard2 = tickets.find((t) => t.board.id === 2) as { id: number };
			const elsewhere = tickets.find((t) => t.board.id !== 2) as { id: number };
			for (const t of [onBoard2, elsewhere]) {
				await cw.call(`/service/tickets/${t.id}`, { method: 'PATCH', body: JSON.stringify([{ op: 'replace', path: 'summary', value: 'changed' }]) });
			}
			await sandbox.webhooksIdle();
			expect(sub.received.map((r) => r.url)).toEqual([`/board2?id=${onBoard2.id}&action=updated`]);
		} finally {
			await sub.close();
		}
	});

	it('redelivers on 404/409/419/429 and records every attempt', async () => {
		const sub = await startSubscriber((n) => (n === 1 ? 429 : 200));
		try {
			await register(`${sub.url}/retry?id=`);
			const ticket = sandbox.records<{ id: number }>('connectwise', 'tickets')[0];
			sandbox.plugin<ConnectWisePlugin>('connectwise').fireCallback('tickets', ticket.id, 'updated');
			await sandbox.webhooksIdle();
			expect(sub.received).toHaveLength(2);
			expect(sandbox.deliveries('connectwise').map((d) => [d.attempt, d.status])).toEqual([
				[1, 429],
				[2, 200],
			]);
		} finally {
			await sub.close();
		}
	});

	it('duplicates deliveries when the fault is on, with the same message and signature', async () => {
		const sub = await startSubscriber();
		try {
			await register(`${sub.url}/dup?id=`);
			sandbox.setFaults({ duplicateWebhooks: 1 }, 'connectwise');
			const ticket = sandbox.records<{ id: number }>('connectwise', 'tickets')[0];
			await cw.call(`/service/tickets/${ticket.id}`, { method: 'PATCH', body: JSON.stringify([{ op: 'replace', path: 'summary', value: 'dup' }]) });
			await sandbox.webhooksIdle();
			expect(sub.received).toHaveLength(2);
			expect(sub.received[0].body).toBe(sub.received[1].body);
			expect(sub.received[0].headers['x-content-signature']).toBe(sub.received[1].headers['x-content-signature']);
			expect(sandbox.deliveries().map((d) => d.copy)).toEqual([0, 1]);
		} finally {
			await sub.close();
		}
	});

	it('records a dead subscriber as a failed delivery without throwing', async () => {
		const sub = await startSubscriber();
		const deadUrl = sub.url;
		await sub.close();
		await register(`${deadUrl}/gone?id=`);
		const ticket = sandbox.records<{ id: number }>('connectwise', 'tickets')[0];
		const res = await cw.call(`/service/tickets/${ticket.id}`, { method: 'PATCH', body: JSON.stringify([{ op: 'replace', path: 'summary', value: 'x' }]) });
		expect(res.status).toBe(200);
		await sandbox.webhooksIdle();
		const [delivery] = sandbox.deliveries();
		expect(delivery.status).toBeUndefined();
		expect(delivery.error).toBeTruthy();
		expect(sandbox.stats().webhooks.failed).toBe(1);
	});

	it('validates callback entries', async () => {
		const res = await cw.call('/system/callbacks', { method: 'POST', body: JSON.stringify({ url: 'not a url', type: 'nonsense', level: 'owner' }) });
		expect(res.status).toBe(400);
		const body = (await res.json()) as { errors: Array<{ field: string }> };
		expect(body.errors.map((e) => e.field).sort()).toEqual(['type', 'url']);
	});
});
