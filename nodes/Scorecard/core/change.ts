import { compareDecimals, divideDecimals, multiplyDecimals, roundDecimal, subtractDecimals, type Decimal } from '../../common/canonical/decimal';
import type { KpiResult } from './engine';
import type { StoredPoint } from './history';
import type { Status } from './types';

export type Trend = 'better' | 'worse' | 'same';

export interface HistoryPoint {
	period: string;
	value?: Decimal;
	status: Status;
	source: 'input' | 'store';
}

export interface Comparison {
	previousPeriod?: string;
	previousValue?: Decimal;
	previousSource?: 'input' | 'store';
	/** Current minus previous, both at the KPI's decimals. */
	change?: Decimal;
	/** change / |previous| × 100, one decimal, half away from zero; undefined when previous is 0. */
	changePct?: Decimal;
	trend?: Trend;
	/** Oldest first, ending with the current period; at most `points` entries. */
	history: HistoryPoint[];
}

/**
 * Compares a result with the latest earlier period that has a value: from the input when it has that
 * period, else from the stored results of earlier runs. The previous value is rounded to the KPI's current decimals first, so the
 * change is the difference of the two numbers the report shows.
 */
export function compareWithPrevious(result: KpiResult, stored: StoredPoint[], points: number): Comparison {
	const byPeriod = new Map<string, HistoryPoint & { exact?: Decimal }>();
	for (const point of stored) {
		if (point.period >= result.period) continue;
		byPeriod.set(point.period, { period: point.period, value: point.exact ?? point.value ?? undefined, status: point.status, source: 'store' });
	}
	for (const point of result.earlier) byPeriod.set(point.period, { period: point.period, value: point.exact, status: point.status, source: 'input' });
	const earlier = [...byPeriod.values()].sort((a, b) => (a.period < b.period ? -1 : 1));
	const { decimals, direction } = result.kpi;
	for (const point of earlier) if (point.value !== undefined) point.value = roundDecimal(point.value, decimals);

	const history: HistoryPoint[] = [...earlier, { period: result.period, value: result.current.value, status: result.current.status, source: 'input' as const }].slice(
		-Math.max(1, points),
	);
	// The latest earlier period with a value; an n/a period (e.g. a division by zero) is skipped, unless all are n/a.
	const previous = [...earlier].reverse().find((point) => point.value !== undefined) ?? earlier[earlier.length - 1];
	if (!previous) return { history };
	const comparison: Comparison = { previousPeriod: previous.period, previousValue: previous.value, previousSource: previous.source, history };
	const current = result.current.value;
	if (current === undefined || previous.value === undefined) return comparison;
	const change = subtractDecimals(current, previous.value);
	comparison.change = change;
	if (compareDecimals(previous.value, 0) !== 0) {
		const magnitude = previous.value.replace('-', '');
		comparison.changePct = divideDecimals(multiplyDecimals(change, 100), magnitude, 1, 'halfUp');
	}
	const sign = compareDecimals(change, 0);
	comparison.trend = sign === 0 ? 'same' : (sign > 0) === (direction === 'up') ? 'better' : 'worse';
	return comparison;
}
