import { compileKpis, kpiRows, mergeKpiRows } from '../core/definitions';
import { defaultKpiRows } from '../core/defaults';
import { ScorecardConfigError } from '../core/errors';
import type { Kpi } from '../core/types';

export type KpiSource = 'default' | 'defaultWithOverrides' | 'custom';

/** The KPI set the node runs: the default set, the default set with changes, or custom definitions; optionally only some IDs. */
export function resolveKpis(source: KpiSource, custom: unknown, overrides: unknown, only: string[] = []): Kpi[] {
	let rows: Array<Record<string, unknown>>;
	if (source === 'custom') {
		rows = kpiRows(custom, 'KPI Definitions');
		if (rows.length === 0) throw new ScorecardConfigError('KPI Definitions is empty', 'Define at least one KPI, or choose the default partner scorecard as KPI Source.');
	} else if (source === 'defaultWithOverrides') {
		rows = mergeKpiRows(defaultKpiRows(), kpiRows(overrides, 'KPI Changes'));
	} else {
		rows = defaultKpiRows();
	}
	const kpis = compileKpis(rows);
	if (only.length === 0) return kpis;
	const unknown = only.filter((id) => !kpis.some((kpi) => kpi.id === id));
	if (unknown.length) {
		throw new ScorecardConfigError(`Only KPIs: no KPI with ID ${unknown.map((id) => `"${id}"`).join(', ')}`, `Known IDs: ${kpis.map((kpi) => kpi.id).join(', ')}`);
	}
	return kpis.filter((kpi) => only.includes(kpi.id));
}
