/**
 * Outbound documents with an Idempotency Key: built once, the same interchange (same control numbers)
 * for every repeat, no number consumed by a repeat, and none lost when an attempt dies mid-build.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { controlNumberCounter, elementValue, parseX12, stateStoreControlNumbers, type ControlNumberAllocator } from '../../../nodes/X12/core';
import { buildOnce, IdempotencyConflictError, OUTBOUND_NAMESPACE } from '../../../nodes/X12/actions/once';
import { createStateStore, type StateStore } from '../../../nodes/common/state';
import { corpus, PARTNER, run, useFileStore, x12Context } from './helpers';

const ACK = {
	type: 'OrderAck',
	externalIds: {},
	orderNumber: 'PO-77',
	ackDate: '2026-01-06',
	status: 'accepted',
	lines: [{ lineNumber: '1', item: { supplierSku: 'SKU-1' }, quantity: '2', unitPrice: '1.10', status: 'accepted', quantityAcknowledged: '2' }],
};

describe('X12 EDI: Idempotency Key on From Canonical and Acknowledge', () => {
	const store = useFileStore();
	const fromCanonical = (key: string, json: object = ACK) =>
		run(
			x12Context({
				parameters: { operation: 'fromCanonical', recordsField: '', options: { idempotencyKey: key } },
				items: [{ json: json as never }],
				credentials: { x12TradingPartner: PARTNER, interopStateStore: store() },
			}),
		);

	it('builds a document once per key: a repeat returns the same interchange and uses no control number', async () => {
		const [[first]] = await fromCanonical('855:PO-77');
		const [[again]] = await fromCanonical('855:PO-77');
		const [[next]] = await fromCanonical('855:PO-78', { ...ACK, orderNumber: 'PO-78' });

		expect(first.json).toMatchObject({ replayed: false, idempotencyKey: '855:PO-77' });
		expect(again.json).toMatchObject({ replayed: true, edi: first.json.edi, controlNumbers: first.json.controlNumbers });
		expect(Buffer.from(again.binary?.data.data ?? '', 'base64').toString('utf8')).toBe(first.json.edi);
		// The next document takes the next numbers: nothing was used by the repeat.
		const isa13 = (item: typeof first) => Number(elementValue(parseX12(item.json.edi as string).interchanges[0].segments[0], 13));
		expect(isa13(next)).toBe(isa13(first) + 1);
		expect((next.json.controlNumbers as { groups: number[] }).groups[0]).toBe((first.json.controlNumbers as { groups: number[] }).groups[0] + 1);
	});

	it('answers a file once per key with the same 997, and records it as received only once answered', async () => {
		const file = corpus('850-4010VICS-nodex12-basic.edi');
		const acknowledge = (key: string) =>
			run(
				x12Context({
					parameters: { operation: 'acknowledge', inputMode: 'text', text: file, ackType: 'partner', options: key ? { idempotencyKey: key } : {} },
					credentials: { x12TradingPartner: PARTNER, interopStateStore: store() },
				}),
			);
		const [[first]] = await acknowledge('997:file-1');
		const [[again]] = await acknowledge('997:file-1');
		expect(first.json).toMatchObject({ accepted: true, replayed: false });
		expect(again.json).toMatchObject({ replayed: true, ack: first.json.ack, controlNumbers: first.json.controlNumbers });
		expect(String(first.json.ack)).toContain('AK9*A*1*1*1');
		// Without the key, the same file is now a resend: TA1 025.
		const [[resend]] = await acknowledge('');
		expect(String(resend.json.ack)).toMatch(/TA1\*000003438\*[^~]*\*R\*025/);
	});
});

describe('buildOnce', () => {
	let folder: string;
	let store: StateStore;
	beforeAll(() => {
		folder = mkdtempSync(join(tmpdir(), 'x12-once-'));
		store = createStateStore({ backend: 'file', folder });
	});
	afterAll(async () => {
		await store.close();
		rmSync(folder, { recursive: true, force: true });
	});

	const allocator = (): ControlNumberAllocator => stateStoreControlNumbers(store, 'P1');
	const build = (fail = false) => async (allocate: ControlNumberAllocator) => {
		const interchange = await allocate('interchange', 'P1', 1);
		const set = await allocate('set', 'P1', 2);
		if (fail) throw new Error('worker died');
		return { interchange, set };
	};

	it('reuses the numbers of an attempt that failed after drawing them, so the partner sees no gap', async () => {
		await expect(buildOnce(store, 'doc-a', allocator(), build(true))).rejects.toThrow('worker died');
		const { value, replayed } = await buildOnce(store, 'doc-a', allocator(), build());
		const after = await buildOnce(store, 'doc-b', allocator(), build());
		expect(replayed).toBe(false);
		expect(after.value.interchange).toBe(value.interchange + 1);
		expect(after.value.set).toBe(value.set + 2);
		expect(await store.getCounter(controlNumberCounter('P1', 'interchange'))).toBe(after.value.interchange);
	});

	it('lets an attempt take over a claim whose holder crashed (lease over), keeping its numbers', async () => {
		let clock = Date.now();
		const now = () => clock;
		// The holder draws its numbers and "crashes": build never resolves.
		let drawn: { interchange?: number } = {};
		void buildOnce(store, 'doc-c', allocator(), async (allocate) => {
			drawn = { interchange: await allocate('interchange', 'P1', 1) };
			await new Promise(() => undefined);
			return { interchange: 0, set: 0 };
		}, { leaseMs: 1000, now });
		for (let i = 0; i < 50 && drawn.interchange === undefined; i++) await new Promise((r) => setTimeout(r, 10));
		clock += 5000;
		const taken = await buildOnce(store, 'doc-c', allocator(), build(), { leaseMs: 1000, now });
		expect(taken.value.interchange).toBe(drawn.interchange);
	});

	it('runs the build once for concurrent callers with the same key', async () => {
		let builds = 0;
		const slow = async (allocate: ControlNumberAllocator) => {
			builds++;
			await new Promise((r) => setTimeout(r, 50));
			return { interchange: await allocate('interchange', 'P1', 1), set: 0 };
		};
		const results = await Promise.all([1, 2, 3].map(() => buildOnce(store, 'doc-d', allocator(), slow, { pollMs: 10 })));
		expect(builds).toBe(1);
		expect(new Set(results.map((r) => r.value.interchange)).size).toBe(1);
		expect(results.filter((r) => r.replayed)).toHaveLength(2);
	});

	it('refuses a key reused for a document that needs other numbers', async () => {
		await expect(buildOnce(store, 'doc-e', allocator(), build(true))).rejects.toThrow();
		const other = async (allocate: ControlNumberAllocator) => ({ interchange: await allocate('interchange', 'P1', 1), set: await allocate('set', 'P1', 5) });
		await expect(buildOnce(store, 'doc-e', allocator(), other)).rejects.toBeInstanceOf(IdempotencyConflictError);
		expect((await store.get(OUTBOUND_NAMESPACE, 'doc-e'))?.value).toMatchObject({ state: 'pending' });
	});
});
