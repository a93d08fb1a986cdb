import defaultSet from '../defaultKpis.json';

/** The shipped partner scorecard (defaultKpis.json), as raw rows: copies, so callers may change them. */
export function defaultKpiRows(): Array<Record<string, unknown>> {
	return (defaultSet.kpis as Array<Record<string, unknown>>).map((row) => structuredClone(row));
}
