import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Status } from '../core/types';
import { renderReport } from '../core/report/html';
import { sectionsOf, type ReportRow } from '../core/report/sections';

export interface ReportSettings {
	title: string;
	period: string;
	per: 'scorecard' | 'section';
	binaryProperty: string;
	includeHtml: boolean;
	generatedAt: Date;
}

const slug = (text: string) =>
	text
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 60) || 'report';

function counts(rows: ReportRow[]): Record<Status, number> {
	const out: Record<Status, number> = { green: 0, amber: 0, red: 0, 'n/a': 0 };
	for (const row of rows) out[row.result.current.status]++;
	return out;
}

/** The Report output: one HTML document (or one per section), as binary data, paired with the items it counts. */
export async function reportItems(ctx: IExecuteFunctions, scorecard: string, rows: ReportRow[], settings: ReportSettings): Promise<INodeExecutionData[]> {
	const parts =
		settings.per === 'section'
			? sectionsOf(rows).map((section) => ({ title: `${settings.title} · ${section.title}`, section, rows: section.rows }))
			: [{ title: settings.title, section: undefined, rows }];
	const out: INodeExecutionData[] = [];
	for (const part of parts) {
		const html = renderReport(part.rows, { title: part.title, period: settings.period, generatedAt: settings.generatedAt });
		const fileName = `${slug(scorecard)}-${slug(settings.period)}${part.section ? `-${slug(part.section.value ?? part.section.title)}` : ''}.html`;
		const binary = await ctx.helpers.prepareBinaryData(Buffer.from(html, 'utf8'), fileName, 'text/html');
		const items = [...new Set(part.rows.flatMap((row) => row.result.items))].sort((a, b) => a - b);
		out.push({
			json: {
				scorecard,
				period: settings.period,
				title: part.title,
				...(part.section ? { section: part.section.title, sectionField: part.section.field ?? null, sectionValue: part.section.value ?? null } : {}),
				kpiRows: part.rows.length,
				statusCounts: counts(part.rows),
				fileName,
				...(settings.includeHtml ? { html } : {}),
			},
			binary: { [settings.binaryProperty]: binary },
			pairedItem: items.map((item) => ({ item })),
		});
	}
	return out;
}
