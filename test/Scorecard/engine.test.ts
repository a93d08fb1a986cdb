import { compileKpis } from '../../nodes/Scorecard/core/definitions';
import { computeScorecard, currentPeriod } from '../../nodes/Scorecard/core/engine';
import type { PeriodRow } from '../../nodes/Scorecard/core/grouping';

const kpis = compileKpis([
	{ id: 'margin', formula: '(sum(rev) - sum(cost)) / sum(rev) * 100', unit: '%', target: 40, amber: 30, red: 20 },
	{ id: 'margin_by_line', formula: '(sum(rev) - sum(cost)) / sum(rev) * 100', unit: '%', target: 40, splitBy: ['line'] },
	{ id: 'plant_count', formula: 'count()', unit: 'count', target: 1, groupBy: ['plant'] },
	{ id: 'overall', formula: 'sum(rev)', unit: 'currency', target: 0, groupBy: [] },
	{ id: 'big_rows', formula: 'count()', unit: 'count', target: 0, filter: 'rev >= 100' },
]);

let item = 0;
const row = (period: string, values: Record<string, unknown>): PeriodRow => ({ period, item: item++, values: { period, ...values } });
const rows: PeriodRow[] = [
	row('2026-09', { partner: 'Acme', line: 'Managed', rev: 100, cost: 50 }),
	row('2026-10', { partner: 'Acme', line: 'Managed', rev: 200, cost: 90, plant: 'P1' }),
	row('2026-10', { partner: 'Acme', line: 'Projects', rev: '50.5', cost: '40.5', plant: 'P1' }),
	row('2026-10', { partner: 'Bolt', rev: 80, cost: 80, plant: 'P2' }),
	row('2026-10', { partner: '', rev: 1000, cost: 0 }), // no partner: outside partner groups
	row('2026-11', { partner: 'Acme', rev: 999, cost: 0 }), // after the current period: ignored
];

const byKpi = (id: string, result: ReturnType<typeof computeScorecard>) => result.results.filter((r) => r.kpi.id === id);

describe('scorecard engine', () => {
	it('takes the latest period unless one is given', () => {
		expect(currentPeriod(rows)).toBe('2026-11');
		expect(currentPeriod(rows, '2026-10')).toBe('2026-10');
		expect(currentPeriod([])).toBeUndefined();
	});

	it('groups by the node grouping, a KPI groupBy, splitBy or nothing, and keeps earlier periods of the input', () => {
		const result = computeScorecard({ rows, kpis, groupBy: ['partner'], period: '2026-10' });
		expect(result.period).toBe('2026-10');
		const margin = byKpi('margin', result);
		// Acme: (250.5 - 130.5) / 250.5 = 47.904...%; Bolt: 0%.
		expect(margin.map((r) => [r.group, r.current.value, r.current.status, r.items])).toEqual([
			[[['partner', 'Acme']], '47.9', 'green', [1, 2]],
			[[['partner', 'Bolt']], '0', 'red', [3]],
		]);
		expect(margin[0].earlier).toEqual([{ period: '2026-09', value: '50', exact: '50', status: 'green' }]);
		expect(byKpi('margin_by_line', result).map((r) => [r.groupKey, r.current.value])).toEqual([
			['["Acme","Managed"]', '55'],
			['["Acme","Projects"]', '19.8'],
		]);
		expect(byKpi('plant_count', result).map((r) => [r.groupKey, r.current.value])).toEqual([
			['["P1"]', '2'],
			['["P2"]', '1'],
		]);
		expect(byKpi('overall', result).map((r) => [r.groupKey, r.current.value, r.items])).toEqual([['[]', '1330.5', [1, 2, 3, 4]]]);
		expect(byKpi('big_rows', result).map((r) => [r.groupKey, r.current.value])).toEqual([['["Acme"]', '1']]);
	});

	it('makes a KPI n/a with the reason when its metric is in no row (a typo), and outputs only groups of the current period', () => {
		const [typo] = compileKpis([{ id: 'typo', formula: 'sum(revenu)', unit: 'count', target: 1 }]);
		const result = computeScorecard({ rows: rows.slice(0, 4), kpis: [typo], groupBy: ['partner'] });
		expect(result.results.map((r) => [r.groupKey, r.current])).toEqual([
			['["Acme"]', { status: 'n/a', reason: 'metric "revenu" is in no input row (check the name and the input)' }],
			['["Bolt"]', { status: 'n/a', reason: 'metric "revenu" is in no input row (check the name and the input)' }],
		]);
		expect(computeScorecard({ rows: rows.slice(0, 1), kpis: [typo], groupBy: ['partner'], period: '2026-10' }).results).toEqual([]);
	});
});
