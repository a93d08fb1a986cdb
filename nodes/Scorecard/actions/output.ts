import type { IDataObject } from 'n8n-workflow';

import { decimalToNumber } from '../../common/canonical/decimal';
import type { Comparison } from '../core/change';
import type { KpiResult } from '../core/engine';
import { formatValue } from '../core/format';

const num = (value: string | undefined) => (value === undefined ? null : (decimalToNumber(value) ?? null));

/** One KPI row as an output item's JSON: numbers rounded to the KPI's decimals, null where there is none. */
export function resultJson(scorecard: string, result: KpiResult, comparison: Comparison): IDataObject {
	const { kpi, current } = result;
	return {
		scorecard,
		period: result.period,
		kpi: kpi.id,
		name: kpi.name,
		domain: kpi.domain,
		group: Object.fromEntries(result.group),
		groupLabel: result.group.map(([, value]) => value).join(' · ') || 'All',
		value: num(current.value),
		valueText: formatValue(current.value, kpi),
		unit: kpi.unit,
		...(kpi.currency ? { currency: kpi.currency } : {}),
		target: num(kpi.target),
		direction: kpi.direction,
		amber: num(kpi.amber),
		red: num(kpi.red),
		status: current.status,
		...(current.reason ? { reason: current.reason } : {}),
		previousPeriod: comparison.previousPeriod ?? null,
		previousValue: num(comparison.previousValue),
		previousSource: comparison.previousSource ?? null,
		change: num(comparison.change),
		changePct: num(comparison.changePct),
		trend: comparison.trend ?? null,
	};
}
