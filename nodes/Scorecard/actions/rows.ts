import type { INodeExecutionData } from 'n8n-workflow';

import type { PeriodRow } from '../core/grouping';

export const MAX_PERIOD_LENGTH = 100;

export type RowCheck = { ok: true; row: PeriodRow } | { ok: false; item: number; message: string };

/** An input item as a metric row with its period, or the reason it cannot be one. */
export function toPeriodRow(item: INodeExecutionData, index: number, periodField: string, fixedPeriod?: string): RowCheck {
	const raw = Object.hasOwn(item.json, periodField) ? item.json[periodField] : undefined;
	const period = raw === undefined || raw === null || typeof raw === 'object' ? '' : String(raw).trim();
	if (period === '') {
		// With a fixed period, rows without one belong to it (a single-period input needs no period field).
		if (fixedPeriod) return { ok: true, row: { values: item.json, item: index, period: fixedPeriod } };
		return { ok: false, item: index, message: `Item ${index} has no period in field "${periodField}"` };
	}
	if (period.length > MAX_PERIOD_LENGTH) return { ok: false, item: index, message: `Item ${index}: the period in "${periodField}" is longer than ${MAX_PERIOD_LENGTH} characters` };
	return { ok: true, row: { values: item.json, item: index, period } };
}
