import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createStateStore, type StateStore } from '../../nodes/common/state';
import { ClaimLedger, claimKey } from '../../nodes/RebateEngine/core/claims';
import { parseConfig } from '../../nodes/RebateEngine/core/config';
import { calculateRebates } from '../../nodes/RebateEngine/core/engine';
import { linesOfItem } from '../../nodes/RebateEngine/core/lines';
import { sha } from './helpers';

let folder: string;
let store: StateStore;
let ledgerCount = 0;
beforeAll(() => {
	folder = mkdtempSync(join(tmpdir(), 'rebate-claims-'));
	store = createStateStore({ backend: 'file', folder });
});
afterAll(async () => {
	await store.close();
	rmSync(folder, { recursive: true, force: true });
});
const freshLedger = () => new ClaimLedger(store, `t${++ledgerCount}`);

const request = (line: string, program: string, period: string, stackable = true) => ({
	line,
	program,
	accrualId: sha('acr', `P-1|${program}|${period}`),
	accrualKey: `P-1|${program}|${period}`,
	stackable,
});

describe('claim ledger', () => {
	it('accepts the same accrual again (re-run), refuses another accrual of the same program', async () => {
		const ledger = freshLedger();
		expect(await ledger.resolve([request('L1', 'A', '2025-Q1'), request('L2', 'A', '2025-Q1')], true)).toEqual(new Map());
		expect(await ledger.resolve([request('L1', 'A', '2025-Q1')], true)).toEqual(new Map());
		const conflicts = await ledger.resolve([request('L1', 'A', '2025-Q2'), request('L3', 'A', '2025-Q2')], true);
		expect([...conflicts]).toEqual([[claimKey('L1', 'A'), { program: 'A', accrualId: sha('acr', 'P-1|A|2025-Q1'), accrualKey: 'P-1|A|2025-Q1', reason: 'same_program' }]]);
		expect(await ledger.claimsOf('L3')).toEqual({ A: { accrual: sha('acr', 'P-1|A|2025-Q2'), key: 'P-1|A|2025-Q2', stackable: true } });
	});

	it('lets stackable programs share a line; a non-stackable one on either side conflicts', async () => {
		const ledger = freshLedger();
		await ledger.resolve([request('L1', 'A', '2025-Q1')], true);
		expect((await ledger.resolve([request('L1', 'B', '2025-Q1')], true)).size).toBe(0);
		expect([...(await ledger.resolve([request('L1', 'X', '2025-Q1', false)], true)).values()][0]).toMatchObject({ program: 'A', reason: 'not_stackable' });
		await ledger.resolve([request('L2', 'X', '2025-Q1', false)], true);
		expect([...(await ledger.resolve([request('L2', 'A', '2025-Q1')], true)).values()][0]).toMatchObject({ program: 'X', reason: 'not_stackable' });
	});

	it('in preview, judges against recorded claims and writes nothing', async () => {
		const ledger = freshLedger();
		await ledger.resolve([request('L1', 'A', '2025-Q1')], true);
		expect((await ledger.resolve([request('L1', 'A', '2025-Q2'), request('L9', 'A', '2025-Q2')], false)).size).toBe(1);
		expect(await ledger.claimsOf('L9')).toEqual({});
		expect(await store.get(ledger.ns, `a:${sha('acr', 'P-1|A|2025-Q2')}`)).toBeUndefined();
	});

	it('lets exactly one of two concurrent runs claim a line for different accruals', async () => {
		const ledger = freshLedger();
		const other = new ClaimLedger(store, ledger.ledger);
		const lines = Array.from({ length: 50 }, (_, i) => `L${i}`);
		const [q1, q2] = await Promise.all([
			ledger.resolve(lines.map((l) => request(l, 'A', '2025-Q1')), true),
			other.resolve(lines.map((l) => request(l, 'A', '2025-Q2')), true),
		]);
		for (const l of lines) expect(Number(q1.has(claimKey(l, 'A'))) + Number(q2.has(claimKey(l, 'A')))).toBe(1);
		for (const l of lines) expect(Object.keys(await ledger.claimsOf(l))).toEqual(['A']);
	});

	it('releases an accrual\'s claims so its lines can be claimed elsewhere, leaving other programs\' claims', async () => {
		const ledger = freshLedger();
		await ledger.resolve([request('L1', 'A', '2025-Q1'), request('L2', 'A', '2025-Q1'), request('L1', 'B', '2025-Q1')], true);
		const released = await ledger.release(sha('acr', 'P-1|A|2025-Q1'));
		expect(released).toEqual({ key: 'P-1|A|2025-Q1', lines: ['L1', 'L2'] });
		expect(Object.keys(await ledger.claimsOf('L1'))).toEqual(['B']);
		expect(await ledger.claimsOf('L2')).toEqual({});
		expect((await ledger.resolve([request('L1', 'A', '2025-Q2')], true)).size).toBe(0);
		expect(await ledger.release('acr_unknown')).toEqual({ lines: [] });
	});
});

describe('cross-run duplicates through the engine', () => {
	const programs = [{ id: 'VOL', currency: 'USD', tiers: [{ from: '0', rate: '2' }] }];
	const row = (fields: object = {}) => ({ partner: 'P-1', invoiceNumber: 'INV-1', lineNumber: '1', date: '2025-03-30', amount: '1000', currency: 'USD', ...fields });
	const run = async (ledger: ClaimLedger, rows: object[], record = true, extra: object = {}) =>
		await calculateRebates(
			rows.flatMap((r, i) => linesOfItem(r, i, 'UTC')),
			parseConfig({ programs, period: 'quarter', ...extra }),
			{ claims: ledger, record },
		);

	it('re-running the same period is idempotent; the line under another period is DUPLICATE_CLAIM and left out', async () => {
		const ledger = freshLedger();
		const first = await run(ledger, [row(), row({ lineNumber: '2' })]);
		const second = await run(ledger, [row(), row({ lineNumber: '2' })]);
		expect(second).toEqual(first);
		expect(second.exceptions).toEqual([]);

		const moved = await run(ledger, [row({ date: '2025-04-02' }), row({ invoiceNumber: 'INV-2', date: '2025-04-03' })]);
		expect(moved.accruals.map((a) => [a.key, a.amount, a.sourceLines])).toEqual([['P-1|VOL|2025-Q2', '20.00', ['INV:INV-2:1']]]);
		expect(moved.accruals[0].excludedLines).toEqual([{ id: 'INV:INV-1:1', reason: 'claimed_elsewhere', detail: `claimed by P-1|VOL|2025-Q1 (${first.accruals[0].id})` }]);
		expect(moved.exceptions).toHaveLength(1);
		expect(moved.exceptions[0]).toMatchObject({
			id: sha('exc', `P-1|VOL|2025-Q2|INV:INV-1:1|DUPLICATE_CLAIM|${first.accruals[0].id}`),
			reason: 'DUPLICATE_CLAIM',
			period: '2025-Q2',
			lines: ['INV:INV-1:1'],
			accrualIds: [moved.accruals[0].id],
			figures: { source: 'claim_ledger', claimedBy: { accrualId: first.accruals[0].id, accrualKey: 'P-1|VOL|2025-Q1', program: 'VOL' }, amount: '1000.00' },
		});
		// The same flag again on a retry (same id, so downstream de-duplicates).
		expect((await run(ledger, [row({ date: '2025-04-02' }), row({ invoiceNumber: 'INV-2', date: '2025-04-03' })])).exceptions[0].id).toBe(moved.exceptions[0].id);
		// Under a fixed period the accrual key differs too.
		const fixed = await run(ledger, [row()], true, { period: 'fixed', periodStart: '2025-01-01', periodEnd: '2025-06-30' });
		expect(fixed.exceptions.map((e) => e.reason)).toEqual(['DUPLICATE_CLAIM']);
	});

	it('preview flags like a real run but records nothing', async () => {
		const ledger = freshLedger();
		const preview = await run(ledger, [row()], false);
		expect(preview.accruals).toHaveLength(1);
		// Nothing was recorded: a real run for another period claims the line without conflict.
		expect((await run(ledger, [row({ date: '2025-04-01' })])).exceptions).toEqual([]);
		expect((await run(ledger, [row()], false)).exceptions.map((e) => e.reason)).toEqual(['DUPLICATE_CLAIM']);
	});
});
