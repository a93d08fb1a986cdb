import { calendarDate, periodOf, priorPeriod } from '../../nodes/RebateEngine/core/periods';

const rule = (kind: 'month' | 'quarter' | 'year') => ({ kind, timeZone: 'UTC' });

describe('periods from line dates', () => {
	it('derives month, quarter and year (Q1 = January–March)', () => {
		expect(periodOf('2024-02-29', rule('month'))).toEqual({ key: '2024-02', start: '2024-02-01', end: '2024-02-29' });
		expect(periodOf('2025-03-31', rule('quarter'))).toEqual({ key: '2025-Q1', start: '2025-01-01', end: '2025-03-31' });
		expect(periodOf('2025-04-01', rule('quarter'))).toEqual({ key: '2025-Q2', start: '2025-04-01', end: '2025-06-30' });
		expect(periodOf('2025-12-31', rule('quarter'))?.key).toBe('2025-Q4');
		expect(periodOf('2025-07-04', rule('year'))).toEqual({ key: '2025', start: '2025-01-01', end: '2025-12-31' });
		// A program's own period overrides the node's.
		expect(periodOf('2025-07-04', rule('quarter'), 'month')?.key).toBe('2025-07');
	});

	it('uses a fixed period (inclusive) and nothing outside it', () => {
		const fixed = { kind: 'fixed' as const, start: '2025-01-15', end: '2025-02-14' };
		expect(periodOf('2025-01-14', fixed)).toBeUndefined();
		expect(periodOf('2025-01-15', fixed)).toEqual({ key: '2025-01-15/2025-02-14', start: '2025-01-15', end: '2025-02-14' });
		expect(periodOf('2025-02-14', fixed)?.key).toBe('2025-01-15/2025-02-14');
		expect(periodOf('2025-02-15', fixed)).toBeUndefined();
	});

	it('turns date-times into calendar dates in the configured zone; date-only values stay as written', () => {
		expect(calendarDate('2025-03-31', 'Pacific/Auckland')).toBe('2025-03-31');
		expect(calendarDate('2025-03-31T22:30:00-05:00', 'UTC')).toBe('2025-04-01');
		expect(calendarDate('2025-03-31T22:30:00-05:00', 'America/Chicago')).toBe('2025-03-31');
		expect(calendarDate('2025-03-31T23:30:00Z', 'Europe/Berlin')).toBe('2025-04-01');
		// No zone: read as UTC (the canonical model's rule), then converted.
		expect(calendarDate('2025-04-01T03:00:00', 'America/New_York')).toBe('2025-03-31');
		expect(calendarDate('2025-04-01 03:00', 'UTC')).toBe('2025-04-01');
		expect([calendarDate('2025-02-30', 'UTC'), calendarDate('31/03/2025', 'UTC'), calendarDate(20250331, 'UTC')]).toEqual([undefined, undefined, undefined]);
	});

	it('finds the prior period of growth programs', () => {
		const q1 = periodOf('2025-02-10', rule('quarter'))!;
		expect(priorPeriod(q1, 'samePeriodLastYear', false).key).toBe('2024-Q1');
		expect(priorPeriod(q1, 'previousPeriod', false)).toEqual({ key: '2024-Q4', start: '2024-10-01', end: '2024-12-31' });
		expect(priorPeriod(periodOf('2025-01-10', rule('month'))!, 'previousPeriod', false).key).toBe('2024-12');
		expect(priorPeriod(periodOf('2025-03-10', rule('month'))!, 'samePeriodLastYear', false).key).toBe('2024-03');
		expect(priorPeriod(periodOf('2025-03-10', rule('year'))!, 'previousPeriod', false).key).toBe('2024');
		const fixed = { key: '2024-02-01/2024-02-29', start: '2024-02-01', end: '2024-02-29' };
		expect(priorPeriod(fixed, 'samePeriodLastYear', true).key).toBe('2023-02-01/2023-02-28');
		expect(priorPeriod(fixed, 'previousPeriod', true).key).toBe('2024-01-03/2024-01-31');
	});
});
