import type { Comparison } from '../change';
import type { KpiResult } from '../engine';

export interface ReportRow {
	result: KpiResult;
	comparison: Comparison;
}

export interface Section {
	/** E.g. "Partner: Acme IT", or "All" for KPIs without grouping. */
	title: string;
	/** The first grouping field and its value (undefined for "All"). */
	field?: string;
	value?: string;
	rows: ReportRow[];
}

/** "service_line" → "Service line", "customerName" → "Customer name". */
export function humanize(field: string): string {
	const words = field
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.replace(/[_.-]+/g, ' ')
		.trim()
		.toLowerCase();
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The grouping values after the first (e.g. the service line of a partner's margin KPI). */
export function qualifier(result: KpiResult): string {
	return result.group
		.slice(1)
		.map(([, value]) => value)
		.join(' · ');
}

/** One section per value of each result's first grouping field, in order of appearance; rows keep their order. */
export function sectionsOf(rows: ReportRow[]): Section[] {
	const sections = new Map<string, Section>();
	for (const row of rows) {
		const first = row.result.group[0];
		const key = first ? JSON.stringify(first) : '';
		let section = sections.get(key);
		if (!section) {
			section = first ? { title: `${humanize(first[0])}: ${first[1]}`, field: first[0], value: first[1], rows: [] } : { title: 'All', rows: [] };
			sections.set(key, section);
		}
		section.rows.push(row);
	}
	return [...sections.values()];
}
