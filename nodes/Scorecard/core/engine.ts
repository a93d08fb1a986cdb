import { roundDecimal } from '../../common/canonical/decimal';
import { evaluate } from './formula/evaluate';
import { fieldOf, isEmpty } from './formula/values';
import { groupFieldsOf, groupRows, type PeriodRow } from './grouping';
import { statusOf } from './status';
import type { GroupValues, Kpi, KpiValue } from './types';

export interface PeriodValue extends KpiValue {
	period: string;
}

/** One KPI for one group: its value in the current period and in earlier periods of the input. */
export interface KpiResult {
	kpi: Kpi;
	group: GroupValues;
	groupKey: string;
	period: string;
	current: KpiValue;
	/** Input items of the current period with a value of the KPI's metrics (for pairedItem). */
	items: number[];
	/** Earlier periods found in the input, oldest first. */
	earlier: PeriodValue[];
}

export interface ScorecardInput {
	rows: PeriodRow[];
	kpis: Kpi[];
	/** Grouping of KPIs that have no groupBy of their own. */
	groupBy: string[];
	/** The period to report; default the latest period in the rows. */
	period?: string;
}

/** The current period: the given one, else the latest in the rows (periods order as text: 2026-09 < 2026-10). */
export function currentPeriod(rows: PeriodRow[], period?: string): string | undefined {
	if (period) return period;
	let latest: string | undefined;
	for (const row of rows) if (latest === undefined || row.period > latest) latest = row.period;
	return latest;
}

/** A KPI's value over some rows: rounded to the KPI's decimals (half away from zero), status from the rounded value. */
export function kpiValue(kpi: Kpi, rows: PeriodRow[], missing?: string): KpiValue {
	if (missing) return { status: 'n/a', reason: missing };
	const outcome = evaluate(kpi.formula, kpi.expr, rows);
	if (!outcome.ok) return { status: 'n/a', reason: outcome.reason };
	const value = roundDecimal(outcome.value, kpi.decimals);
	return { value, exact: outcome.value, status: statusOf(value, kpi) };
}

/** The rows that hold a value of one of the KPI's metrics (all rows when it only counts rows, or when none does). */
function contributing(kpi: Kpi, rows: PeriodRow[]): PeriodRow[] {
	if (kpi.metrics.length === 0) return rows;
	const found = rows.filter((row) => kpi.metrics.some((metric) => !isEmpty(fieldOf(row, metric))));
	return found.length > 0 ? found : rows;
}

/**
 * Every KPI for every group that has rows in the current period, in KPI order then group order.
 * A metric the formula names that is in no input row at all makes the KPI n/a (most often a typo).
 */
export function computeScorecard(input: ScorecardInput): { period?: string; results: KpiResult[] } {
	const period = currentPeriod(input.rows, input.period);
	if (period === undefined) return { results: [] };
	const fieldsSeen = new Set<string>();
	for (const row of input.rows) for (const field of Object.keys(row.values)) fieldsSeen.add(field);

	const results: KpiResult[] = [];
	for (const kpi of input.kpis) {
		const absent = kpi.metrics.find((metric) => !fieldsSeen.has(metric));
		const missing = absent === undefined ? undefined : `metric "${absent}" is in no input row (check the name and the input)`;
		for (const group of groupRows(kpi, groupFieldsOf(kpi, input.groupBy), input.rows, period)) {
			const currentRows = group.periods.get(period);
			if (!currentRows) continue;
			const earlier = [...group.periods.keys()]
				.filter((p) => p < period)
				.sort()
				.map((p) => ({ period: p, ...kpiValue(kpi, group.periods.get(p) as PeriodRow[], missing) }));
			results.push({
				kpi,
				group: group.values,
				groupKey: group.key,
				period,
				current: kpiValue(kpi, currentRows, missing),
				items: contributing(kpi, currentRows).map((row) => row.item),
				earlier,
			});
		}
	}
	return { period, results };
}
