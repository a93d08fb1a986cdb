import { compareWithPrevious } from '../../../nodes/Scorecard/core/change';
import { compileKpis } from '../../../nodes/Scorecard/core/definitions';
import { defaultKpiRows } from '../../../nodes/Scorecard/core/defaults';
import { computeScorecard } from '../../../nodes/Scorecard/core/engine';
import { renderReport } from '../../../nodes/Scorecard/core/report/html';
import type { ReportRow } from '../../../nodes/Scorecard/core/report/sections';
import { PARTNER_METRICS } from '../fixtures/partnerMetrics';

const SCALE: Record<string, number> = { '2026-08': 0.8, '2026-09': 0.9 };
const KEEP = new Set(['partner', 'period', 'revenue_type', 'service_line', 'customer', 'workflow', 'active_user_id', 'user_department', 'alert_id']);

/** October's metrics plus August and September with the numbers scaled (by field), so the report has trend lines. */
export function threeMonths(): Array<Record<string, unknown>> {
	const october = PARTNER_METRICS.filter((row) => row.period === '2026-10');
	const earlier = Object.entries(SCALE).flatMap(([period, factor]) =>
		october.map((row) =>
			Object.fromEntries(
				Object.entries(row).map(([field, value]) => [field, field === 'period' ? period : KEEP.has(field) ? value : Math.round(Number(value) * factor ** (field.length % 3) * 100) / 100]),
			),
		),
	);
	return [...earlier, ...october];
}

/** The default scorecard over three months, rendered as the node does. */
export function sampleReport(): { html: string; rows: ReportRow[] } {
	const rows = threeMonths().map((values, item) => ({ values, item, period: String(values.period) }));
	const { results } = computeScorecard({ rows, kpis: compileKpis(defaultKpiRows()), groupBy: ['partner'] });
	const reportRows = results.map((result) => ({ result, comparison: compareWithPrevious(result, [], 12) }));
	const html = renderReport(reportRows, { title: 'Partner scorecard', period: '2026-10', generatedAt: new Date('2026-11-02T07:30:00Z') });
	return { html, rows: reportRows };
}
