import { formatChange, formatValue, fixed } from '../format';
import type { Status } from '../types';
import { escapeHtml } from './escape';
import { ACCENT, INK, MUTED, RULE, STATUS_COLOURS } from './palette';
import { sectionsOf, qualifier, type ReportRow, type Section } from './sections';
import { barChart, sparkline } from './svg';

export interface ReportOptions {
	title: string;
	period: string;
	generatedAt: Date;
}

const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const CELL = `padding:8px 6px;border-bottom:1px solid ${RULE};vertical-align:middle;`;

function statusPill(status: Status): string {
	const colour = STATUS_COLOURS[status];
	return `<span style="display:inline-block;padding:2px 8px;border-radius:10px;background:${colour.fill};color:${colour.text};font-weight:bold;font-size:12px;">${colour.label}</span>`;
}

/** "≥ 60.0%" for up, "≤ 30.0 days" for down: the target as the reader checks it. */
function targetText(row: ReportRow): string {
	const { kpi } = row.result;
	return `${kpi.direction === 'up' ? '&ge;' : '&le;'} ${escapeHtml(formatValue(kpi.target, kpi))}`;
}

function changeCell(row: ReportRow): string {
	const { kpi } = row.result;
	const { comparison } = row;
	if (!comparison.previousPeriod) return `<span style="color:${MUTED};">no earlier period</span>`;
	const previous = `${escapeHtml(formatValue(comparison.previousValue, kpi))} in ${escapeHtml(comparison.previousPeriod)}`;
	if (comparison.change === undefined) return `<span style="color:${MUTED};">was ${previous}</span>`;
	const colour = comparison.trend === 'better' ? STATUS_COLOURS.green.fill : comparison.trend === 'worse' ? STATUS_COLOURS.red.fill : MUTED;
	const arrow = comparison.trend === 'same' ? '&#9644;' : comparison.change.startsWith('-') ? '&#9660;' : '&#9650;';
	const pctSign = comparison.changePct?.startsWith('-') ? '' : comparison.changePct === '0' ? '±' : '+';
	const pct = comparison.changePct === undefined ? '' : ` (${pctSign}${fixed(comparison.changePct, 1)}%)`;
	return (
		`<span style="color:${colour};font-weight:bold;">${arrow} ${escapeHtml(formatChange(comparison.change, kpi))}${pct}</span>` +
		`<br><span style="color:${MUTED};font-size:11px;">was ${previous}</span>`
	);
}

function kpiRow(row: ReportRow): string {
	const { kpi, current } = row.result;
	const sub = qualifier(row.result);
	const value = formatValue(current.value, kpi);
	const note = current.reason ? `<br><span style="color:${MUTED};font-size:11px;">${escapeHtml(current.reason)}</span>` : '';
	const chartLabel = `${kpi.name}${sub ? ` ${sub}` : ''}: ${value}, target ${formatValue(kpi.target, kpi)}`;
	return (
		`<tr>` +
		`<td style="${CELL}">${escapeHtml(kpi.name)}${sub ? ` <span style="color:${MUTED};">&middot; ${escapeHtml(sub)}</span>` : ''}${note}</td>` +
		`<td style="${CELL}text-align:right;font-weight:bold;font-size:15px;white-space:nowrap;">${escapeHtml(value)}</td>` +
		`<td style="${CELL}text-align:right;color:${MUTED};white-space:nowrap;">${targetText(row)}</td>` +
		`<td style="${CELL}text-align:center;">${statusPill(current.status)}</td>` +
		`<td style="${CELL}white-space:nowrap;">${changeCell(row)}</td>` +
		`<td style="${CELL}white-space:nowrap;">${barChart(kpi, current.value, current.status, chartLabel)} ${sparkline(row.comparison.history, current.status)}</td>` +
		`</tr>`
	);
}

function sectionTable(section: Section): string {
	const domains: string[] = [];
	for (const row of section.rows) if (!domains.includes(row.result.kpi.domain)) domains.push(row.result.kpi.domain);
	const head = ['KPI', 'Value', 'Target', 'Status', 'Change', 'Chart']
		.map((h, i) => `<th align="${i === 1 || i === 2 ? 'right' : 'left'}" style="padding:6px;border-bottom:2px solid ${RULE};color:${MUTED};font-size:11px;text-transform:uppercase;">${h}</th>`)
		.join('');
	const body = domains
		.map(
			(domain) =>
				`<tr><td colspan="6" style="padding:12px 6px 4px;font-weight:bold;color:${ACCENT};font-size:13px;">${escapeHtml(domain)}</td></tr>` +
				section.rows
					.filter((row) => row.result.kpi.domain === domain)
					.map(kpiRow)
					.join(''),
		)
		.join('');
	return (
		`<tr><td style="padding:18px 24px 6px;"><h2 style="margin:0;font-size:17px;color:${INK};">${escapeHtml(section.title)}</h2></td></tr>` +
		`<tr><td style="padding:0 24px 8px;"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;font-size:13px;${FONT}color:${INK};">` +
		`<tr>${head}</tr>${body}</table></td></tr>`
	);
}

function summary(rows: ReportRow[]): string {
	const counts: Record<Status, number> = { green: 0, amber: 0, red: 0, 'n/a': 0 };
	for (const row of rows) counts[row.result.current.status]++;
	const cells = (Object.keys(counts) as Status[])
		.map((status) => {
			const colour = STATUS_COLOURS[status];
			return `<td style="padding:8px 14px;background:${colour.fill};color:${colour.text};font-weight:bold;font-size:14px;${FONT}" bgcolor="${colour.fill}">${counts[status]} ${colour.label}</td><td style="width:8px;"></td>`;
		})
		.join('');
	return `<tr><td style="padding:14px 24px 4px;"><table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>${cells}</tr></table></td></tr>`;
}

/**
 * The scorecard as one HTML document for e-mail: nested tables, inline styles, inline SVG charts, no
 * scripts, no external files. Every number is also text, so clients that strip SVG lose only the charts.
 */
export function renderReport(rows: ReportRow[], options: ReportOptions): string {
	const sections = sectionsOf(rows);
	const previous = [...new Set(rows.map((row) => row.comparison.previousPeriod).filter(Boolean))].sort();
	const stamp = options.generatedAt.toISOString().replace('T', ' ').slice(0, 16);
	const subtitle = `Period ${escapeHtml(options.period)}${previous.length ? ` &middot; compared with ${previous.map((p) => escapeHtml(p as string)).join(', ')}` : ''} &middot; generated ${stamp} UTC`;
	const body = rows.length
		? sections.map(sectionTable).join('')
		: `<tr><td style="padding:18px 24px;color:${MUTED};">No KPI rows for this period.</td></tr>`;
	const legend =
		'Green: on target (or within the KPI&#39;s amber tolerance); amber: worse than the amber threshold; red: worse than the red threshold; n/a: no value, with the reason. ' +
		'A value exactly on a threshold gets the better status. Change is against the latest earlier period with a value. Bars: value against the target (black tick).';
	return (
		`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
		`<title>${escapeHtml(options.title)} ${escapeHtml(options.period)}</title></head>` +
		`<body style="margin:0;padding:0;background:#f4f5f7;">` +
		`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f4f5f7;" bgcolor="#f4f5f7"><tr><td align="center" style="padding:24px 12px;">` +
		`<table role="presentation" width="860" cellpadding="0" cellspacing="0" border="0" style="width:860px;max-width:100%;background:#ffffff;border:1px solid ${RULE};${FONT}color:${INK};" bgcolor="#ffffff">` +
		`<tr><td style="padding:20px 24px 14px;border-bottom:3px solid ${ACCENT};"><h1 style="margin:0 0 4px;font-size:22px;color:${INK};">${escapeHtml(options.title)}</h1>` +
		`<div style="font-size:13px;color:${MUTED};">${subtitle}</div></td></tr>` +
		summary(rows) +
		body +
		`<tr><td style="padding:14px 24px 20px;font-size:11px;color:${MUTED};">${legend}</td></tr>` +
		`</table></td></tr></table></body></html>`
	);
}
