import { startSandbox, type RunningSandbox } from '../../sandbox';
import { cwClient, type CwClient } from './helpers';

let sandbox: RunningSandbox;
let cw: CwClient;
const admin = (path: string, init?: RequestInit) =>
	fetch(`${sandbox.url}/__sandbox${path}`, { ...init, headers: { 'Content-Type': 'application/json' } });

beforeAll(async () => {
	sandbox = await startSandbox({ systems: ['connectwise'], connectwise: { tickets: 120, timeEntries: 150, expenseEntries: 30, invoices: 40, products: 40 }, rateLimits: { connectwise: null } });
	cw = cwClient(sandbox);
});
beforeEach(() => {
	sandbox.clearFaults();
	sandbox.setRateLimit('connectwise', null);
	sandbox.resetStats();
});
afterAll(() => sandbox.close());

describe('rate limiting', () => {
	it('answers 429 with Retry-After past the window rule and records the peak a client reached', async () => {
		sandbox.setRateLimit('connectwise', { requests: 5, windowMs: 2000 });
		const statuses: number[] = [];
		let retryAfter: string | null = null;
		let body: unknown;
		for (let i = 0; i < 8; i++) {
			const res = await cw.call('/system/info');
			statuses.push(res.status);
			if (res.status === 429) {
				retryAfter = res.headers.get('retry-after');
				body = await res.json();
			} else await res.arrayBuffer();
		}
		expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
		expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
		expect(Number(retryAfter)).toBeLessThanOrEqual(2);
		expect(body).toEqual({ error: 'ConnectWiseAPI', message: expect.stringMatching(/Too many requests/) });
		const stats = sandbox.stats().systems.connectwise;
		const key = cw.headers.clientId.toLowerCase();
		expect(stats.requests).toBe(8);
		expect(stats.rateLimited).toBe(3);
		expect(stats.credentials[key]).toMatchObject({ requests: 8, rateLimited: 3, maxInWindow: 8, windowMs: 2000 });
	});

	it('limits concurrent requests per clientId and reports the concurrency observed', async () => {
		const burst = () => Promise.all(Array.from({ length: 5 }, () => cw.call('/system/info').then(async (r) => (await r.arrayBuffer(), r.status))));
		const stat = () => sandbox.stats().systems.connectwise.credentials[cw.headers.clientId.toLowerCase()];
		sandbox.setFaults({ latencyMs: 300 }, 'connectwise');
		expect(await burst()).toEqual([200, 200, 200, 200, 200]);
		expect(stat().maxConcurrent).toBe(5);

		sandbox.setRateLimit('connectwise', { maxConcurrent: 2 });
		const results = await burst();
		expect(results.filter((s) => s === 200)).toHaveLength(2);
		expect(results.filter((s) => s === 429)).toHaveLength(3);
		// Two in flight plus the refused arrival: above the rule, which proves the client exceeded it.
		expect(stat().maxConcurrent).toBe(3);
	});

	it('shows a polite client staying under the rule', async () => {
		sandbox.setRateLimit('connectwise', { requests: 3, windowMs: 300, maxConcurrent: 1 });
		for (let i = 0; i < 6; i++) {
			const res = await cw.call('/system/info');
			expect(res.status).toBe(200);
			await res.arrayBuffer();
			await new Promise((r) => setTimeout(r, 110));
		}
		const stats = sandbox.stats().systems.connectwise.credentials[cw.headers.clientId.toLowerCase()];
		expect(stats.maxConcurrent).toBe(1);
		expect(stats.maxInWindow).toBeLessThanOrEqual(3);
		expect(stats.rateLimited).toBe(0);
	});
});

describe('fault injection', () => {
	it('serves a 429 burst with Retry-After, then recovers', async () => {
		const res = await admin('/faults', { method: 'POST', body: JSON.stringify({ system: 'connectwise', faults: { burst429: { count: 2, retryAfterSec: 7 } } }) });
		expect(res.status).toBe(200);
		const first = await cw.call('/system/info');
		const second = await cw.call('/system/info');
		const third = await cw.call('/system/info');
		expect([first.status, second.status, third.status]).toEqual([429, 429, 200]);
		expect(first.headers.get('retry-after')).toBe('7');
		expect(sandbox.stats().systems.connectwise.injected.burst429).toBe(2);
		expect(sandbox.stats().systems.connectwise.rateLimited).toBe(2);
		expect(sandbox.faults().systems.connectwise.burst429?.count).toBe(0);
	});

	it('adds latency', async () => {
		sandbox.setFaults({ latencyMs: 250 });
		const start = Date.now();
		await (await cw.call('/system/info')).arrayBuffer();
		expect(Date.now() - start).toBeGreaterThanOrEqual(240);
		expect(sandbox.stats().systems.connectwise.injected.delayed).toBe(1);
		sandbox.clearFaults();
		await (await cw.call('/system/info')).arrayBuffer();
		expect(sandbox.stats().systems.connectwise.injected.delayed).toBe(1);
	});

	it('truncates list pages by one item', async () => {
		sandbox.setFaults({ truncatePages: 1 }, 'connectwise');
		const truncated = await cw.json<Array<{ id: number }>>('/service/tickets?pageSize=50');
		const full = await cw.json<Array<{ id: number }>>('/service/tickets?pageSize=50');
		expect(full).toHaveLength(50);
		expect(truncated).toHaveLength(49);
		expect(full.map((t) => t.id).filter((id) => !truncated.some((t) => t.id === id))).toHaveLength(1);
		expect(sandbox.stats().systems.connectwise.injected.truncatedPages).toBe(1);
	});

	it('injects 5xx errors with a ConnectWise body at the configured rate', async () => {
		sandbox.setFaults({ errorRate: 1, errorStatus: 503 });
		const res = await cw.call('/service/tickets');
		expect(res.status).toBe(503);
		expect(await res.json()).toMatchObject({ code: 'ConnectWiseApi', errors: null });
		sandbox.setFaults({ errorRate: 0.5 });
		const codes: number[] = [];
		for (let i = 0; i < 40; i++) {
			const r = await cw.call('/system/info');
			await r.arrayBuffer();
			codes.push(r.status);
		}
		const errors = codes.filter((c) => c === 500).length;
		expect(errors).toBeGreaterThan(5);
		expect(errors).toBeLessThan(35);
		expect(sandbox.stats().systems.connectwise.injected.errors).toBe(errors + 1);
	});

	it('validates faults set over HTTP and clears them', async () => {
		const bad = await admin('/faults', { method: 'POST', body: JSON.stringify({ faults: { errorRate: 3 } }) });
		expect(bad.status).toBe(400);
		const unknown = await admin('/faults', { method: 'POST', body: JSON.stringify({ faults: { explode: true } }) });
		expect(unknown.status).toBe(400);
		await admin('/faults', { method: 'POST', body: JSON.stringify({ faults: { latencyMs: 5 } }) });
		expect((await (await admin('/faults')).json()) as unknown).toEqual({ global: { latencyMs: 5 }, systems: {} });
		await admin('/faults', { method: 'DELETE' });
		expect(sandbox.faults()).toEqual({ global: {}, systems: {} });
	});
});

describe('admin API', () => {
	it('reports health, systems, stats and records', async () => {
		const health = (await (await admin('/health')).json()) as { ok: boolean; systems: string[] };
		expect(health).toMatchObject({ ok: true, systems: ['connectwise'] });
		const systems = (await (await admin('/systems')).json()) as Record<string, { baseUrl: string; credentials: Record<string, string> }>;
		expect(systems.connectwise.baseUrl).toBe(`${sandbox.url}/connectwise`);
		await (await cw.call('/system/info')).arrayBuffer();
		const stats = (await (await admin('/stats')).json()) as { systems: Record<string, { requests: number }> };
		expect(stats.systems.connectwise.requests).toBe(1);
		await admin('/stats/reset', { method: 'POST' });
		expect(sandbox.stats().systems.connectwise.requests).toBe(0);
		const tickets = (await (await admin('/connectwise/records/tickets')).json()) as Array<{ id: number }>;
		expect(tickets).toHaveLength(120);
		expect((await admin(`/connectwise/records/tickets/${tickets[5].id}`)).status).toBe(200);
		expect((await admin('/connectwise/records/nope')).status).toBe(404);
		expect((await admin('/nope/records/tickets')).status).toBe(400);
	});

	it('changes a record as a technician would and resets the data', async () => {
		const tickets = sandbox.records<{ id: number; summary: string; _info: { updatedBy: string } }>('connectwise', 'tickets');
		const res = await admin(`/connectwise/records/tickets/${tickets[0].id}`, { method: 'PATCH', body: JSON.stringify({ summary: 'Edited in the UI' }) });
		expect(res.status).toBe(200);
		const changed = sandbox.records<{ id: number; summary: string; _info: { updatedBy: string } }>('connectwise', 'tickets')[0];
		expect(changed.summary).toBe('Edited in the UI');
		expect(changed._info.updatedBy).not.toBe('SandboxAPI');
		const reset = await admin('/reset', { method: 'POST', body: '{}' });
		expect(reset.status).toBe(200);
		expect(sandbox.records<{ summary: string }>('connectwise', 'tickets')[0].summary).toBe(tickets[0].summary);
	});
});
