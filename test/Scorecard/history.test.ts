import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createStateStore, type StateStore } from '../../nodes/common/state';
import { compileKpis } from '../../nodes/Scorecard/core/definitions';
import { computeScorecard } from '../../nodes/Scorecard/core/engine';
import type { PeriodRow } from '../../nodes/Scorecard/core/grouping';
import { pairKey, pointKey, ScorecardHistory } from '../../nodes/Scorecard/core/history';

const kpis = compileKpis([{ id: 'rev', formula: 'sum(rev)', unit: 'currency', target: 100 }]);
const rows = (period: string, acme: number, bolt?: number): PeriodRow[] => [
	{ period, item: 0, values: { partner: 'Acme', rev: acme } },
	...(bolt === undefined ? [] : [{ period, item: 1, values: { partner: 'Bolt', rev: bolt } }]),
];
const results = (data: PeriodRow[]) => computeScorecard({ rows: data, kpis, groupBy: ['partner'] }).results;

let folder: string;
let stores: StateStore[];
beforeEach(() => {
	folder = mkdtempSync(join(tmpdir(), 'scorecard-history-'));
	stores = [createStateStore({ backend: 'file', folder }), createStateStore({ backend: 'file', folder })];
});
afterEach(async () => {
	await Promise.all(stores.map(async (store) => await store.close()));
	rmSync(folder, { recursive: true, force: true });
});

describe('scorecard history in the state store', () => {
	it('records one point per KPI, group and period; a rerun of a period overwrites it', async () => {
		const history = new ScorecardHistory(stores[0], 'partners');
		expect(await history.record(results(rows('2026-09', 100, 50)), new Date('2026-10-01T00:00:00Z'))).toBe(2);
		expect(await history.record(results(rows('2026-09', 120, 50)), new Date('2026-10-02T00:00:00Z'))).toBe(2);
		const page = await stores[0].list(history.ns, { limit: 100 });
		expect(page.items.map((entry) => entry.key)).toEqual([pointKey('2026-09', 'rev', '["Acme"]'), pointKey('2026-09', 'rev', '["Bolt"]'), 'periods']);
		expect(await history.periods()).toEqual(['2026-09']);

		const before = await history.before('2026-10', [{ kpiId: 'rev', groupKey: '["Acme"]' }], 12);
		expect(before.get(pairKey('rev', '["Acme"]'))).toEqual([
			{ kpi: 'rev', group: { partner: 'Acme' }, groupKey: '["Acme"]', period: '2026-09', value: '120', exact: '120', status: 'green', recordedAt: '2026-10-02T00:00:00.000Z' },
		]);
	});

	it('reads only the requested depth of periods before the current one', async () => {
		const history = new ScorecardHistory(stores[0], 'depth');
		for (const [i, period] of ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10'].entries()) {
			await history.record(results(rows(period, 100 + i)), new Date());
		}
		const before = await history.before('2026-09', [{ kpiId: 'rev', groupKey: '["Acme"]' }], 2);
		expect(before.get(pairKey('rev', '["Acme"]'))?.map((p) => [p.period, p.value])).toEqual([
			['2026-07', '101'],
			['2026-08', '102'],
		]);
	});

	it('keeps every period when runs of two processes record at the same time', async () => {
		const periods = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
		await Promise.all(periods.map(async (period, i) => await new ScorecardHistory(stores[i % 2], 'race').record(results(rows(period, i)), new Date())));
		expect(await new ScorecardHistory(stores[0], 'race').periods()).toEqual(periods);
	});

	it('hashes keys of very long group values to stay within the store limit', () => {
		const key = pointKey('2026-10', 'rev', JSON.stringify(['x'.repeat(2000)]));
		expect(key).toMatch(/^h:[A-Za-z0-9_-]{43}$/);
	});
});
