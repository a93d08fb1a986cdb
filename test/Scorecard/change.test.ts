import { compareWithPrevious } from '../../nodes/Scorecard/core/change';
import { compileKpi } from '../../nodes/Scorecard/core/definitions';
import type { KpiResult } from '../../nodes/Scorecard/core/engine';
import type { StoredPoint } from '../../nodes/Scorecard/core/history';

const up = compileKpi({ id: 'util', formula: 'sum(a)', unit: '%', target: 75, amber: 65, red: 55, decimals: 1 }, 1);
const down = compileKpi({ id: 'ttv', formula: 'avg(d)', unit: 'days', direction: 'down', target: 30, amber: 45, red: 60, decimals: 0 }, 1);

const result = (kpi = up, value = '72.5', earlier: KpiResult['earlier'] = []): KpiResult => ({
	kpi,
	group: [['partner', 'Acme']],
	groupKey: '["Acme"]',
	period: '2026-10',
	current: { value, exact: value, status: 'amber' },
	items: [0],
	earlier,
});
const stored = (period: string, exact: string | null): StoredPoint => ({
	kpi: 'util',
	group: { partner: 'Acme' },
	groupKey: '["Acme"]',
	period,
	value: exact,
	exact,
	status: 'green',
	recordedAt: '2026-10-01T00:00:00.000Z',
});

describe('change vs the previous period', () => {
	it('takes the previous period from the input', () => {
		const comparison = compareWithPrevious(result(up, '72.5', [{ period: '2026-09', value: '70', exact: '70', status: 'amber' }]), [], 12);
		expect(comparison).toMatchObject({ previousPeriod: '2026-09', previousValue: '70', previousSource: 'input', change: '2.5', changePct: '3.6', trend: 'better' });
		expect(comparison.history.map((p) => [p.period, p.value])).toEqual([
			['2026-09', '70'],
			['2026-10', '72.5'],
		]);
	});

	it('falls back to the stored results, and prefers the input for the same period', () => {
		expect(compareWithPrevious(result(), [stored('2026-08', '60'), stored('2026-09', '80')], 12)).toMatchObject({
			previousPeriod: '2026-09',
			previousValue: '80',
			previousSource: 'store',
			change: '-7.5',
			changePct: '-9.4',
			trend: 'worse',
		});
		const both = compareWithPrevious(result(up, '72.5', [{ period: '2026-09', value: '71', exact: '71', status: 'amber' }]), [stored('2026-09', '80')], 12);
		expect(both).toMatchObject({ previousValue: '71', previousSource: 'input', change: '1.5' });
		// A stored value of the current period (an earlier run of it) is not a previous period.
		expect(compareWithPrevious(result(), [stored('2026-10', '10')], 12).previousPeriod).toBeUndefined();
	});

	it('rounds the previous value to the current decimals; lower is better for direction down', () => {
		const comparison = compareWithPrevious(result(down, '28'), [{ ...stored('2026-09', '31.5'), kpi: 'ttv' }], 12);
		expect(comparison).toMatchObject({ previousValue: '32', change: '-4', changePct: '-12.5', trend: 'better' });
	});

	it('has no change when either value is n/a, and no percentage when the previous value is 0', () => {
		const na = compareWithPrevious(result(), [stored('2026-09', null)], 12);
		expect([na.previousPeriod, na.previousValue, na.change, na.changePct, na.trend]).toEqual(['2026-09', undefined, undefined, undefined, undefined]);
		const skipped = compareWithPrevious(result(), [stored('2026-08', '70'), stored('2026-09', null)], 12);
		expect([skipped.previousPeriod, skipped.previousValue, skipped.change]).toEqual(['2026-08', '70', '2.5']);
		const fromZero = compareWithPrevious(result(up, '0.5'), [stored('2026-09', '0')], 12);
		expect([fromZero.change, fromZero.changePct, fromZero.trend]).toEqual(['0.5', undefined, 'better']);
		expect(compareWithPrevious(result(up, '80'), [stored('2026-09', '80.04')], 12)).toMatchObject({ change: '0', changePct: '0', trend: 'same' });
	});

	it('keeps the last N points of history for the trend line', () => {
		const history = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09'].map((p, i) => stored(p, String(60 + i)));
		expect(compareWithPrevious(result(), history, 3).history.map((p) => p.period)).toEqual(['2026-08', '2026-09', '2026-10']);
	});
});
