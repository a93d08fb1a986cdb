import { compileKpi } from '../../nodes/Scorecard/core/definitions';
import { kpiValue } from '../../nodes/Scorecard/core/engine';
import { statusOf } from '../../nodes/Scorecard/core/status';

const up = { direction: 'up' as const, amber: '85', red: '75' };
const down = { direction: 'down' as const, amber: '45', red: '60' };

describe('status thresholds', () => {
	it.each([
		['90', 'green'],
		['85.01', 'green'],
		['85', 'green'], // exactly on the amber threshold: the better status
		['84.99', 'amber'],
		['75', 'amber'], // exactly on the red threshold: the better status
		['74.99', 'red'],
		['-5', 'red'],
	])('direction up: %s is %s', (value, status) => {
		expect(statusOf(value, up)).toBe(status);
	});

	it.each([
		['10', 'green'],
		['45', 'green'],
		['45.01', 'amber'],
		['60', 'amber'],
		['60.01', 'red'],
	])('direction down: %s is %s', (value, status) => {
		expect(statusOf(value, down)).toBe(status);
	});

	it('without amber the target is the green boundary; without red it is never red', () => {
		const kpi = { direction: 'up' as const, amber: '90' };
		expect(statusOf('90', kpi)).toBe('green');
		expect(statusOf('89.9', kpi)).toBe('amber');
		expect(statusOf('-1000', kpi)).toBe('amber');
	});

	it('judges the rounded value the report shows (half away from zero)', () => {
		const kpi = compileKpi({ id: 'r', formula: 'won / due * 100', unit: '%', target: 90, amber: 85, red: 75, decimals: 1 }, 1);
		// 84.95 rounds to 85.0 → green; 84.94 rounds to 84.9 → amber.
		expect(kpiValue(kpi, [{ values: { won: '84.95', due: 100 }, item: 0, period: 'p' }])).toMatchObject({ value: '85', exact: '84.95', status: 'green' });
		expect(kpiValue(kpi, [{ values: { won: '84.94', due: 100 }, item: 0, period: 'p' }])).toMatchObject({ value: '84.9', status: 'amber' });
		expect(kpiValue(kpi, [{ values: { won: 1, due: 0 }, item: 0, period: 'p' }])).toEqual({ status: 'n/a', reason: 'division by zero: due is 0' });
	});
});
