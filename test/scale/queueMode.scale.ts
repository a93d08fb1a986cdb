/**
 * The pack in n8n's queue mode: PostgreSQL (n8n's database and the state store), Redis, one main
 * process and two workers, the packed project installed. A trading partner posts a few hundred 850s
 * at once while the NetSuite sandbox injects 429 bursts, 5xx and 2 s latency spikes, some 850s are
 * delivered twice, and one worker is SIGKILLed mid-run and restarted. The sender resends what failed,
 * as a VAN/AS2 sender does. Asserted: executions ran on both workers (and on the restarted one);
 * every order exists exactly once in NetSuite; the 997 control numbers from the state store's counters
 * are unique and account for every number issued; every permanent failure is in an Exception Queue
 * and nothing else is; no message is lost. Figures go to .test-results/scale.json.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { CredentialJson } from '../../cli/runtime';
import { sandboxCredentials } from '../../cli/sandboxCredentials';
import { ExceptionQueue } from '../../nodes/common/exceptionQueue';
import { QUEUE_MODE_FILE_STORE_MESSAGE } from '../../nodes/common/state/config';
import { controlNumberCounter } from '../../nodes/X12/core/controlNumbers';
import { partnerProfile } from '../../nodes/X12/core';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { PROJECT_ROOT, startQueueCluster, type QueueCluster } from './cluster';
import { startFaultPlan, type FaultLogEntry } from './faults';
import { runLoad, type LoadReport } from './load';
import { FILE_STORE_WEBHOOK, fileStoreWorkflow, ORDER_QUEUE, ORDER_WEBHOOK, ordersWorkflow, X12_QUEUE } from './workflows';
import { build850, PARTNER_CREDENTIAL_DATA, summarizeAck, type AckSummary, type OrderLine } from './x12';

jest.setTimeout(15 * 60_000);

const ORDERS = Number(process.env.ERP_SCALE_ORDERS ?? 240);
/** Good orders sent once the killed worker is back, so both workers (the restarted one too) must take some. */
const AFTER_RESTART = 30;
const SENDER_CONCURRENCY = Number(process.env.ERP_SCALE_CONCURRENCY ?? 32);
const WORKER_CONCURRENCY = 10;
/** NetSuite governs concurrency per account (the sandbox: 5); each worker has its own limiter, so 2 × 2. */
const NETSUITE_MAX_CONCURRENT_PER_WORKER = 2;
const UNKNOWN_ITEM = '9999999';
const log = (line: string) => process.stderr.write(`[scale] ${line}\n`);

type Kind = 'good' | 'corrupt' | 'badItem';

interface Order {
	index: number;
	kind: Kind;
	po: string;
	controlNumber: number;
	customerId: string;
	lines: OrderLine[];
	text: string;
}

interface ExecutionSummary {
	id: string;
	status: string;
	finished?: boolean;
}

describe('queue mode: main + 2 workers on PostgreSQL and Redis', () => {
	let sandbox: RunningSandbox | undefined;
	let cluster: QueueCluster | undefined;
	let partner: CredentialJson;
	const tag = randomBytes(3).toString('hex').toUpperCase();

	beforeAll(async () => {
		const started = Date.now();
		sandbox = await startSandbox({ seed: 17, systems: ['netsuite'] });
		const tba = sandboxCredentials(sandbox).find((c) => c.type === 'netSuiteTbaApi') as CredentialJson;
		const netsuite = { ...tba, data: { ...tba.data, maxConcurrent: NETSUITE_MAX_CONCURRENT_PER_WORKER } };
		partner = { id: 'scalePartner0001', name: 'X12 Trading Partner', type: 'x12TradingPartner', data: PARTNER_CREDENTIAL_DATA };
		const fileStore: CredentialJson = { id: 'scaleFileStore01', name: 'Interop State Store (file)', type: 'interopStateStore', data: { backend: 'file' } };
		const store = { id: 'scaleStateStore1', name: 'Interop State Store (PostgreSQL)', type: 'interopStateStore' } as CredentialJson;
		cluster = await startQueueCluster({
			workers: 2,
			concurrency: WORKER_CONCURRENCY,
			credentials: (stateStore) => [stateStore, partner, netsuite, fileStore],
			workflows: [ordersWorkflow({ partner, store, netsuite }), fileStoreWorkflow(fileStore)],
			log,
		});
		log(`cluster up in ${((Date.now() - started) / 1000).toFixed(1)} s: main pid ${cluster.n8n.pid}, workers ${cluster.n8n.workers.map((w) => w.pid).join(', ')}`);
	}, 10 * 60_000);

	afterAll(async () => {
		if (cluster && process.env.ERP_E2E_LOGS === '1') {
			process.stderr.write(`${cluster.n8n.logs()}\n${cluster.n8n.workers.map((w) => w.logs()).join('\n')}\n`);
		}
		const started = Date.now();
		try {
			await cluster?.stop();
		} finally {
			await sandbox?.close();
		}
		log(`teardown ${((Date.now() - started) / 1000).toFixed(1)} s, no process or port left`);
	}, 120_000);

	const n8n = () => {
		if (!cluster) throw new Error('the queue cluster did not start');
		return cluster.n8n;
	};

	async function execution(id: string): Promise<ExecutionSummary & { data?: { resultData?: { error?: { message?: string } } } }> {
		const response = await n8n().publicApi<ExecutionSummary & { data?: { resultData?: { error?: { message?: string } } } }>('GET', `executions/${id}?includeData=true`);
		expect(response.status).toBe(200);
		return response.body;
	}

	async function allExecutions(workflowId: string): Promise<ExecutionSummary[]> {
		const out: ExecutionSummary[] = [];
		let cursor: string | undefined;
		do {
			const response = await n8n().publicApi<{ data: ExecutionSummary[]; nextCursor?: string | null }>(
				'GET',
				`executions?workflowId=${workflowId}&limit=250${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
			);
			expect(response.status).toBe(200);
			out.push(...response.body.data);
			cursor = response.body.nextCursor ?? undefined;
		} while (cursor);
		return out;
	}

	it('refuses a file-backend state store on a worker, naming the reason and the fix', async () => {
		const before = new Set(n8n().workers.flatMap((w) => w.startedExecutions()));
		const response = await n8n().callWebhook(FILE_STORE_WEBHOOK, { body: { probe: true } });
		expect(response.status).toBe(500);
		const [run] = (await allExecutions('scaleFileStore01')).filter((e) => !before.has(e.id));
		expect(run).toBeDefined();
		const detail = await execution(run.id);
		expect(detail.status).toBe('error');
		expect(detail.data?.resultData?.error?.message).toBe(QUEUE_MODE_FILE_STORE_MESSAGE);
		// It failed on a worker, not on the main process.
		expect(n8n().workers.some((w) => w.startedExecutions().includes(run.id))).toBe(true);
	});

	it(`${ORDERS} orders under NetSuite faults with duplicates and a worker SIGKILLed mid-run: each order once, nothing lost`, async () => {
		const { stateStore } = cluster as QueueCluster;
		const netsuite = sandbox as RunningSandbox;
		const customers = netsuite.records<{ id: string }>('netsuite', 'customer').slice(0, 6);
		const items = netsuite.records<{ id: string }>('netsuite', 'inventoryItem').slice(0, 12);
		const orders: Order[] = Array.from({ length: ORDERS + AFTER_RESTART }, (_, index) => {
			const kind: Kind = index >= ORDERS ? 'good' : index % 20 === 3 ? 'corrupt' : index % 20 === 13 ? 'badItem' : 'good';
			const lines = Array.from({ length: 1 + (index % 3) }, (_, l) => ({
				itemId: items[(index + l * 5) % items.length].id,
				quantity: 1 + ((index + l) % 7),
				priceCents: 150 + ((index * 37 + l * 101) % 9000),
			}));
			if (kind === 'badItem') lines[lines.length - 1] = { ...lines[lines.length - 1], itemId: UNKNOWN_ITEM };
			const po = `SCALE-${tag}-${String(index + 1).padStart(4, '0')}`;
			const order = { index, kind, po, controlNumber: index + 1, customerId: customers[index % customers.length].id, lines };
			return { ...order, text: build850({ ...order, poNumber: po, corruptSegmentCount: kind === 'corrupt' }) };
		});
		// A fifth of the first wave is delivered twice: good orders and both kinds of permanent failure.
		const duplicates = new Set(orders.filter((o) => o.index < ORDERS && o.index % 5 === 3).map((o) => o.index));
		const url = `${n8n().baseUrl}/webhook/${ORDER_WEBHOOK}`;
		const post = async (order: Order, timeoutMs: number) => {
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/edi-x12' },
				body: order.text,
				signal: AbortSignal.timeout(timeoutMs),
			});
			return { status: response.status, text: await response.text() };
		};
		const sender = {
			maxAttempts: 6,
			resendDelayMs: 1000,
			timeoutMs: 60_000,
			isFinal: (response: { status: number; text: string }) => response.status === 200 && summarizeAck(response.text).kind !== 'other',
		};

		// One worker is killed once 30 % of the orders are answered, and started again 2 s later.
		const victim = n8n().workers[1];
		let crash: Promise<{ killedAt: number; inFlight: string[]; restartedAt: number }> | undefined;
		const killAt = Math.floor(ORDERS * 0.3);
		const killAndRestart = async () => {
			const killedAt = Date.now();
			await victim.kill('SIGKILL');
			const started = victim.startedExecutions(0);
			const finished = new Set(victim.finishedExecutions(0));
			const inFlight = started.filter((id) => !finished.has(id));
			log(`SIGKILLed worker 1 (pid ${victim.runs[0].pid}) with ${inFlight.length} executions in flight: ${inFlight.join(', ')}`);
			await new Promise((resolve) => setTimeout(resolve, 2000));
			await victim.start();
			log(`worker 1 restarted (pid ${victim.pid}) ${((Date.now() - killedAt) / 1000).toFixed(1)} s after the kill`);
			return { killedAt, inFlight, restartedAt: Date.now() };
		};

		netsuite.resetStats();
		const faults = startFaultPlan(netsuite, {
			system: 'netsuite',
			base: { errorRate: 0.03, errorStatus: 503 },
			periodMs: 12_000,
			events: [
				{ atMs: 2000, faults: { burst429: { count: 12, retryAfterSec: 1 } }, label: '429 burst' },
				{ atMs: 6000, faults: { latencyMs: 2000 }, forMs: 2000, label: '2 s latency' },
			],
		});
		let report: LoadReport;
		let faultLog: FaultLogEntry[];
		try {
			report = await runLoad({
				total: ORDERS,
				concurrency: SENDER_CONCURRENCY,
				duplicates,
				duplicateDelayMs: (index) => (index * 37) % 1500,
				...sender,
				send: async (index, timeoutMs) => await post(orders[index], timeoutMs),
				onSettled: (settled) => {
					if (settled === killAt) crash = killAndRestart();
				},
			});
		} finally {
			faultLog = faults.stop();
		}
		expect(crash).toBeDefined();
		const { inFlight } = await (crash as NonNullable<typeof crash>);
		// The kill hit executions mid-run.
		expect(inFlight.length).toBeGreaterThan(0);
		const stats = netsuite.stats().systems.netsuite;
		// Once the worker is back: a burst of orders at once, more than one worker's concurrency.
		const afterRestart = await runLoad({
			total: AFTER_RESTART,
			concurrency: AFTER_RESTART,
			...sender,
			send: async (index, timeoutMs) => await post(orders[ORDERS + index], timeoutMs),
		});
		const results = [...report.results, ...afterRestart.results.map((r) => ({ ...r, index: r.index + ORDERS }))];

		// Nothing lost on the sender's side: every message got a definitive answer.
		const unsettled = results.filter((r) => !r.settled).map((r) => orders[r.index].po);
		expect(unsettled).toEqual([]);

		// Executions ran on both workers, and on the restarted one.
		const perRun = n8n().workers.map((w) => w.runs.map((_, run) => w.startedExecutions(run).length));
		log(`executions started per worker run: ${JSON.stringify(perRun)}`);
		expect(perRun[0][0]).toBeGreaterThan(0);
		expect(perRun[1][0]).toBeGreaterThan(0);
		expect(perRun[1][1]).toBeGreaterThan(0);

		// Every answer, by order.
		const answers = results.map((r) =>
			r.deliveries.filter((d) => d.status === 200).map((d) => ({ ...summarizeAck(d.text), copy: d.copy, attempt: d.attempt })),
		);
		const statusCounts: Record<string, number> = {};
		for (const r of results) for (const d of r.deliveries) statusCounts[d.status] = (statusCounts[d.status] ?? 0) + 1;
		const wrong: string[] = [];
		let acksLost = 0;
		for (const order of orders) {
			const got = answers[order.index];
			const accepted = got.filter((a) => a.kind === 'accepted').length;
			const rejected = got.filter((a) => a.kind === 'rejected').length;
			const duplicate = got.filter((a) => a.kind === 'duplicate').length;
			if (got.some((a) => a.kind === 'other')) wrong.push(`${order.po}: an unexpected answer`);
			if (got.some((a) => a.answers !== undefined && a.answers !== order.controlNumber)) wrong.push(`${order.po}: an answer for another interchange`);
			if (order.kind === 'corrupt') {
				if (accepted > 0) wrong.push(`${order.po}: a corrupted 850 was accepted`);
				if (rejected > 1) wrong.push(`${order.po}: rejected ${rejected} times (the resend must be a duplicate)`);
				if (rejected === 0) acksLost++;
			} else {
				if (rejected > 0) wrong.push(`${order.po}: a valid 850 was rejected`);
				if (accepted > 1) wrong.push(`${order.po}: acknowledged as accepted ${accepted} times`);
				if (accepted === 0) acksLost++;
			}
			if (accepted + rejected + duplicate === 0) wrong.push(`${order.po}: no acknowledgement at all`);
		}
		expect(wrong).toEqual([]);
		// A 997 can only go missing with the worker that made it: the resend then gets TA1 025.
		expect(acksLost).toBeLessThanOrEqual(inFlight.length);

		// NetSuite: every good order exactly once, with its lines and total; the failed ones not at all.
		const salesOrders = netsuite
			.records<{ externalId?: string; total?: number; item?: { items?: unknown[] }; entity?: { id?: string } }>('netsuite', 'salesOrder')
			.filter((so) => so.externalId?.startsWith(`SCALE-${tag}-`));
		const byPo = new Map<string, typeof salesOrders>();
		for (const so of salesOrders) byPo.set(so.externalId as string, [...(byPo.get(so.externalId as string) ?? []), so]);
		const orderProblems: string[] = [];
		for (const order of orders) {
			const found = byPo.get(order.po) ?? [];
			if (order.kind !== 'good') {
				if (found.length > 0) orderProblems.push(`${order.po} (${order.kind}) was written`);
				continue;
			}
			if (found.length !== 1) {
				orderProblems.push(`${order.po}: ${found.length} sales orders`);
				continue;
			}
			const cents = order.lines.reduce((sum, line) => sum + line.quantity * line.priceCents, 0);
			if (Math.round((found[0].total ?? -1) * 100) !== cents) orderProblems.push(`${order.po}: total ${found[0].total}, expected ${cents / 100}`);
			if (found[0].item?.items?.length !== order.lines.length) orderProblems.push(`${order.po}: ${found[0].item?.items?.length} lines`);
			if (found[0].entity?.id !== order.customerId) orderProblems.push(`${order.po}: customer ${found[0].entity?.id}`);
		}
		expect(orderProblems).toEqual([]);
		expect(salesOrders).toHaveLength(orders.filter((o) => o.kind === 'good').length);

		// The Exception Queues hold exactly the injected permanent failures, once each.
		const orderExceptions = await new ExceptionQueue(stateStore, ORDER_QUEUE).list();
		const x12Exceptions = await new ExceptionQueue(stateStore, X12_QUEUE).list();
		expect(orderExceptions.map((e) => e.key).sort()).toEqual(orders.filter((o) => o.kind === 'badItem').map((o) => `PO:${o.po}`));
		expect(orderExceptions.every((e) => e.status === 'open' && /item/i.test(e.meta.message))).toBe(true);
		const rejectedIsa13 = x12Exceptions.map((e) => Number(String(e.key).split(':')[1])).sort((a, b) => a - b);
		expect(rejectedIsa13).toEqual(orders.filter((o) => o.kind === 'corrupt').map((o) => o.controlNumber));

		// Control numbers: the partner's counters issued 1..K; the delivered ones are unique, and the
		// numbers never delivered are no more than the executions that died with the worker.
		const partnerKey = partnerProfile(PARTNER_CREDENTIAL_DATA).partnerKey;
		const all: AckSummary[] = answers.flat();
		const numbering = async (kind: 'interchange' | 'group' | 'set', pick: (a: AckSummary) => number | undefined) => {
			const issued = await stateStore.getCounter(controlNumberCounter(partnerKey, kind));
			const delivered = all.map(pick).filter((n): n is number => n !== undefined);
			const unique = new Set(delivered);
			return { kind, issued, delivered: delivered.length, unique: unique.size, outOfRange: delivered.filter((n) => n < 1 || n > issued), missing: issued - unique.size };
		};
		const numbers = [
			await numbering('interchange', (a) => a.isa13),
			await numbering('group', (a) => a.gs06),
			await numbering('set', (a) => a.st02),
		];
		log(`control numbers: ${JSON.stringify(numbers)}`);
		for (const n of numbers) {
			expect(n.unique).toBe(n.delivered);
			expect(n.outOfRange).toEqual([]);
			expect(n.missing).toBeGreaterThanOrEqual(0);
			expect(n.missing).toBeLessThanOrEqual(inFlight.length);
		}

		// What n8n made of the executions that were running on the killed worker.
		const fates: Record<string, string> = {};
		const fateMessages = new Set<string>();
		const deadline = Date.now() + 60_000;
		for (const id of inFlight) {
			for (;;) {
				const { status, data } = await execution(id);
				if (!['running', 'new'].includes(status) || Date.now() > deadline) {
					fates[id] = status;
					if (data?.resultData?.error?.message) fateMessages.add(data.resultData.error.message);
					break;
				}
				await new Promise((resolve) => setTimeout(resolve, 1000));
			}
		}
		const executions = await allExecutions('scaleX12Orders01');
		const byStatus: Record<string, number> = {};
		for (const e of executions) byStatus[e.status] = (byStatus[e.status] ?? 0) + 1;
		const stalledLines = n8n()
			.logs()
			.split('\n')
			.filter((line) => /stalled|MaxStalledCount|failed to be processed too many times/i.test(line));
		const failedAnswers = [...new Set(results.flatMap((r) => r.deliveries.filter((d) => d.status !== 200).map((d) => `${d.status} ${d.error ?? d.text}`.slice(0, 160))))];

		const figures = {
			at: new Date().toISOString(),
			n8n: n8n().runtime.version,
			orders: ORDERS,
			afterRestart: AFTER_RESTART,
			kinds: { good: orders.filter((o) => o.kind === 'good').length, corrupt: orders.filter((o) => o.kind === 'corrupt').length, badItem: orders.filter((o) => o.kind === 'badItem').length },
			duplicateDeliveries: duplicates.size,
			senderConcurrency: SENDER_CONCURRENCY,
			workers: 2,
			workerConcurrency: WORKER_CONCURRENCY,
			durationMs: report.durationMs,
			ordersPerMinute: Math.round(report.perMinute),
			latencyMs: report.latency,
			deliveries: report.deliveries,
			resends: report.resends,
			httpStatuses: statusCounts,
			acksLostWithWorker: acksLost,
			killedWorker: { inFlight: inFlight.length, fates, fateMessages: [...fateMessages], mainLog: stalledLines.slice(0, 4), answersWhileDown: failedAnswers },
			executionsByStatus: byStatus,
			executionsPerWorkerRun: perRun,
			controlNumbers: numbers,
			netsuite: { requests: stats.requests, rateLimited: stats.rateLimited, injected: stats.injected, byStatus: stats.byStatus },
			faults: faultLog.filter((f) => f.label !== 'base').length,
			exceptions: { orders: orderExceptions.length, x12: x12Exceptions.length },
		};
		log(JSON.stringify(figures, null, 2));
		mkdirSync(join(PROJECT_ROOT, '.test-results'), { recursive: true });
		writeFileSync(join(PROJECT_ROOT, '.test-results', 'scale.json'), `${JSON.stringify(figures, null, 2)}\n`);
		// The faults were really injected.
		expect(stats.injected.burst429).toBeGreaterThan(0);
		expect(stats.injected.errors).toBeGreaterThan(0);
		expect(stats.injected.delayed).toBeGreaterThan(0);
	});
});
