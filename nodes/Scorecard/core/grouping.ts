import { fieldOf, matches, type Row } from './formula/values';
import type { GroupValues, Kpi } from './types';

/** A metric row with its period. */
export interface PeriodRow extends Row {
	period: string;
}

export interface Group {
	key: string;
	values: GroupValues;
	/** Rows by period. */
	periods: Map<string, PeriodRow[]>;
}

/** The KPI's grouping fields: its own groupBy (or the node's Group By) plus its splitBy. */
export function groupFieldsOf(kpi: Kpi, defaultGroupBy: string[]): string[] {
	return [...new Set([...(kpi.groupBy ?? defaultGroupBy), ...kpi.splitBy])];
}

/** A group field's value as text; undefined when empty (the row then belongs to no group of the KPI). */
export function groupValue(raw: unknown): string | undefined {
	if (raw === undefined || raw === null) return undefined;
	const text = typeof raw === 'object' ? JSON.stringify(raw) : String(raw).trim();
	return text === '' ? undefined : text;
}

/**
 * The KPI's groups over the rows it counts (its filter), periods up to `current` only. A row without
 * a value in one of the grouping fields is not part of any group of this KPI.
 */
export function groupRows(kpi: Kpi, fields: string[], rows: PeriodRow[], current: string): Group[] {
	const groups = new Map<string, Group>();
	for (const row of rows) {
		if (row.period > current) continue;
		if (kpi.filterCondition && !matches(row, kpi.filterCondition)) continue;
		const values: GroupValues = [];
		for (const field of fields) {
			const value = groupValue(fieldOf(row, field));
			if (value === undefined) break;
			values.push([field, value]);
		}
		if (values.length !== fields.length) continue;
		const key = JSON.stringify(values.map(([, value]) => value));
		let group = groups.get(key);
		if (!group) {
			group = { key, values, periods: new Map() };
			groups.set(key, group);
		}
		const list = group.periods.get(row.period);
		if (list) list.push(row);
		else group.periods.set(row.period, [row]);
	}
	return [...groups.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
