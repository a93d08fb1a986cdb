/**
 * Unit tests of the scale suite's own helpers (the sender's 850s and its reading of the answers, the
 * load runner's statistics and resend policy, the fault timeline): the queue-mode figures are only as
 * good as these.
 */
import { parseX12 } from '../../nodes/X12/core';
import { startFaultPlan } from './faults';
import { quantile, runLoad } from './load';
import { build850, OUR_ISA, PARTNER_ISA, summarizeAck } from './x12';

const order = { controlNumber: 42, poNumber: 'SCALE-T-0042', customerId: '107', lines: [{ itemId: '301', quantity: 3, priceCents: 1250 }, { itemId: '305', quantity: 1, priceCents: 99 }] };

/** A 997 as Acknowledge writes it: our ISA13/GS06/ST02, AK1 naming their group, AK9 the verdict. */
const ack997 = (isa13: number, gs06: number, st02: number, theirGroup: number, status: 'A' | 'R') =>
	[
		`ISA*00*          *00*          *01*999999999      *12*4405197800     *261123*1200*U*00401*${String(isa13).padStart(9, '0')}*0*P*>`,
		`GS*FA*999999999*4405197800*20261123*1200*${gs06}*X*004010`,
		`ST*997*${String(st02).padStart(4, '0')}`,
		`AK1*PO*${theirGroup}`,
		`AK2*850*0001`,
		status === 'A' ? 'AK5*A' : 'AK5*R*4',
		`AK9*${status}*1*1*${status === 'A' ? 1 : 0}`,
		`SE*6*${String(st02).padStart(4, '0')}`,
		`GE*1*${gs06}`,
		`IEA*1*${String(isa13).padStart(9, '0')}`,
	]
		.map((segment) => `${segment}~`)
		.join('\n');

describe('scale helpers: the partner side of X12', () => {
	it('builds an 850 that parses without errors, with the PO, buyer and lines where the workflow reads them', () => {
		const text = build850(order);
		const parsed = parseX12(text);
		expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
		const segments = parsed.interchanges[0].segments;
		const isa = segments[0];
		expect(isa.elements.map((e) => e[0][0]).slice(4, 8)).toEqual([PARTNER_ISA.qualifier, PARTNER_ISA.id.padEnd(15), OUR_ISA.qualifier, OUR_ISA.id.padEnd(15)]);
		expect(isa.elements[12][0][0]).toBe('000000042');
		expect(segments.find((s) => s.id === 'BEG')?.elements[2][0][0]).toBe('SCALE-T-0042');
		expect(segments.filter((s) => s.id === 'PO1').map((s) => [s.elements[1][0][0], s.elements[3][0][0], s.elements[6][0][0]])).toEqual([
			['3', '12.50', '301'],
			['1', '0.99', '305'],
		]);
		expect(segments.find((s) => s.id === 'SE')?.elements[0][0][0]).toBe(String(segments.filter((s) => !['ISA', 'GS', 'GE', 'IEA'].includes(s.id)).length));
	});

	it('reads a 997 answer as accepted or rejected with its own control numbers', () => {
		expect(summarizeAck(ack997(7, 8, 9, 42, 'A'))).toEqual({ kind: 'accepted', isa13: 7, gs06: 8, st02: 9, answers: 42 });
		expect(summarizeAck(ack997(10, 11, 12, 43, 'R'))).toEqual({ kind: 'rejected', isa13: 10, gs06: 11, st02: 12, answers: 43 });
	});

	it('reads a TA1 025 as a duplicate, other TA1s and non-X12 as other', () => {
		const ta1 = (note: string) =>
			`ISA*00*          *00*          *01*999999999      *12*4405197800     *261123*1200*U*00401*000000009*0*P*>~TA1*000000042*261123*1200*R*${note}~IEA*0*000000009~`;
		expect(summarizeAck(ta1('025'))).toEqual({ kind: 'duplicate', isa13: 9, answers: 42 });
		expect(summarizeAck(ta1('001')).kind).toBe('other');
		expect(summarizeAck('{"message":"Error in workflow"}').kind).toBe('other');
	});
});

describe('scale helpers: the load runner', () => {
	it('computes nearest-rank quantiles', () => {
		const values = Array.from({ length: 100 }, (_, i) => 100 - i);
		expect(quantile(values, 0.95)).toBe(95);
		expect(quantile(values, 0.5)).toBe(50);
		expect(quantile([], 0.95)).toBe(0);
		expect(quantile([3], 0.99)).toBe(3);
	});

	it('resends failed deliveries until a definitive answer, delivers duplicates, and settles each message once', async () => {
		const calls = new Map<number, number>();
		const settled: number[] = [];
		const report = await runLoad({
			total: 5,
			concurrency: 2,
			duplicates: new Set([1]),
			resendDelayMs: 1,
			maxAttempts: 3,
			send: async (index) => {
				const n = (calls.get(index) ?? 0) + 1;
				calls.set(index, n);
				if (index === 2 && n === 1) return { status: 500, text: 'boom' };
				if (index === 3 && n === 1) throw new Error('socket hang up');
				if (index === 4) return { status: 503, text: 'down' };
				return { status: 200, text: `ok ${index}` };
			},
			onSettled: (count) => settled.push(count),
		});
		expect(report.results.map((r) => r.settled)).toEqual([true, true, true, true, false]);
		expect(report.results[1].deliveries.map((d) => d.copy).sort()).toEqual([0, 1]);
		expect(report.results[2].deliveries.map((d) => d.status)).toEqual([500, 200]);
		expect(report.results[3].deliveries.map((d) => [d.status, d.error])).toEqual([[0, 'socket hang up'], [200, undefined]]);
		expect(report.results[4].deliveries).toHaveLength(3);
		expect(settled).toEqual([1, 2, 3, 4]);
		// 5 messages + 1 duplicate copy = 6 first deliveries; 1 + 1 + 2 resends.
		expect(report.deliveries).toBe(10);
		expect(report.resends).toBe(4);
		expect(report.latency.p95).toBeGreaterThanOrEqual(0);
	});
});

describe('scale helpers: the fault timeline', () => {
	beforeEach(() => jest.useFakeTimers());
	afterEach(() => jest.useRealTimers());

	it('applies the base config, the periodic events over it and their ends, and clears on stop', () => {
		const applied: unknown[] = [];
		const host = { setFaults: (faults: unknown, system?: string) => applied.push([system, faults]), clearFaults: (system?: string) => applied.push([system, 'clear']) };
		const plan = startFaultPlan(host, {
			system: 'netsuite',
			base: { errorRate: 0.1 },
			periodMs: 1000,
			events: [{ atMs: 200, faults: { latencyMs: 2000 }, forMs: 300, label: 'spike' }],
		});
		jest.advanceTimersByTime(1250);
		const log = plan.stop();
		expect(applied).toEqual([
			['netsuite', { errorRate: 0.1 }],
			['netsuite', { errorRate: 0.1, latencyMs: 2000 }],
			['netsuite', { errorRate: 0.1 }],
			['netsuite', { errorRate: 0.1, latencyMs: 2000 }],
			['netsuite', 'clear'],
		]);
		expect(log.map((entry) => entry.label)).toEqual(['base', 'spike', 'end spike', 'spike']);
		jest.advanceTimersByTime(5000);
		expect(applied).toHaveLength(5);
	});
});
