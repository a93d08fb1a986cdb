import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getStateStore } from '../../common/state';
import { compareWithPrevious } from '../core/change';
import { computeScorecard } from '../core/engine';
import { ScorecardConfigError } from '../core/errors';
import { pairKey, ScorecardHistory } from '../core/history';
import type { ReportRow } from '../core/report/sections';
import type { PeriodRow } from '../core/grouping';
import type { Kpi } from '../core/types';
import { dataFields, kpiFields } from './fields';
import { resolveKpis, type KpiSource } from './kpiConfig';
import { resultJson } from './output';
import { reportItems } from './report';
import { toPeriodRow } from './rows';

const show = { show: { operation: ['compute'] } };

export const description: INodeProperties[] = [
	...kpiFields,
	...dataFields,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [
			{ displayName: 'Currency', name: 'currency', type: 'string', default: '', placeholder: 'USD', description: 'ISO code shown with currency KPIs that have none of their own' },
			{
				displayName: 'History Points',
				name: 'historyPoints',
				type: 'number',
				default: 12,
				typeOptions: { minValue: 1, maxValue: 60 },
				description: 'How many periods (the current one included) the trend line shows, and how far back stored results are read',
			},
			{ displayName: 'Include HTML in JSON', name: 'includeHtml', type: 'boolean', default: false, description: 'Whether the report item also carries the HTML as text in `html` (e.g. for an e-mail body)' },
			{ displayName: 'Only KPIs', name: 'onlyKpis', type: 'string', default: '', placeholder: 'renewal_rate, utilization', description: 'Comma-separated KPI IDs to compute; empty: all' },
			{
				displayName: 'Put Report in Field',
				name: 'binaryPropertyName',
				type: 'string',
				default: 'data',
				description: 'Name of the binary field of the report item',
			},
			{
				displayName: 'Record Results',
				name: 'recordResults',
				type: 'boolean',
				default: true,
				description: 'Whether to store this run’s values (per KPI, group and period) so later periods compare with them. Rerunning a period replaces its values.',
			},
			{
				displayName: 'Report Per',
				name: 'reportPer',
				type: 'options',
				default: 'scorecard',
				options: [
					{ name: 'Scorecard', value: 'scorecard', description: 'One HTML report with every group' },
					{ name: 'First Group Field Value', value: 'section', description: 'One HTML report per value of the first grouping field (e.g. one per partner, to e-mail each)' },
				],
			},
			{ displayName: 'Report Title', name: 'reportTitle', type: 'string', default: '', description: 'Heading of the HTML report; empty: the scorecard name' },
		],
	},
];

interface ComputeOptions {
	currency?: string;
	historyPoints?: number;
	includeHtml?: boolean;
	onlyKpis?: string;
	binaryPropertyName?: string;
	recordResults?: boolean;
	reportPer?: 'scorecard' | 'section';
	reportTitle?: string;
}

const list = (text: string) =>
	text
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean);

function kpisFor(ctx: IExecuteFunctions, options: ComputeOptions): Kpi[] {
	const source = ctx.getNodeParameter('kpiSource', 0) as KpiSource;
	try {
		const kpis = resolveKpis(
			source,
			source === 'custom' ? ctx.getNodeParameter('kpis', 0) : undefined,
			source === 'defaultWithOverrides' ? ctx.getNodeParameter('kpiOverrides', 0) : undefined,
			list(options.onlyKpis ?? ''),
		);
		const currency = options.currency?.trim().toUpperCase();
		if (currency && !/^[A-Z]{3}$/.test(currency)) throw new ScorecardConfigError(`Currency "${currency}" must be a 3-letter ISO 4217 code such as USD`);
		return kpis.map((kpi) => (kpi.unit === 'currency' && !kpi.currency && currency ? { ...kpi, currency } : kpi));
	} catch (error) {
		if (error instanceof ScorecardConfigError) throw new NodeOperationError(ctx.getNode(), error.message, { description: error.description });
		throw new NodeOperationError(ctx.getNode(), error as Error);
	}
}

/**
 * Two outputs: KPI rows (one per KPI and group) and the HTML report as binary data. Items that cannot be
 * read as metric rows fail alone (error item on the KPI output with Continue On Fail); the rest are scored.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const options = this.getNodeParameter('options', 0, {}) as ComputeOptions;
	const scorecard = String(this.getNodeParameter('scorecard', 0)).trim();
	if (!scorecard) throw new NodeOperationError(this.getNode(), 'Scorecard Name is empty', { description: 'Name the scorecard: results are recorded under it.' });
	if (scorecard.length > 180) throw new NodeOperationError(this.getNode(), 'Scorecard Name is longer than 180 characters');
	const kpis = kpisFor(this, options);
	const groupBy = list(String(this.getNodeParameter('groupBy', 0, '')));
	const periodField = String(this.getNodeParameter('periodField', 0, 'period')).trim() || 'period';
	const fixedPeriod = String(this.getNodeParameter('period', 0, '')).trim() || undefined;

	const kpiOutput: INodeExecutionData[] = [];
	const rows: PeriodRow[] = [];
	items.forEach((item, index) => {
		const check = toPeriodRow(item, index, periodField, fixedPeriod);
		if (check.ok) {
			rows.push(check.row);
			return;
		}
		const error = new NodeOperationError(this.getNode(), check.message, {
			itemIndex: index,
			description: `Give every metric row a period in "${periodField}" (e.g. 2026-10), or set Period to score rows without one.`,
		});
		if (!this.continueOnFail()) throw error;
		kpiOutput.push({ json: { error: error.message, description: error.description ?? '' }, pairedItem: { item: index } });
	});

	const { period, results } = computeScorecard({ rows, kpis, groupBy, period: fixedPeriod });
	if (period === undefined) return [kpiOutput, []];

	const points = Math.max(1, Math.min(60, Number(options.historyPoints ?? 12) || 12));
	const history = new ScorecardHistory(await getStateStore(this), scorecard);
	const pairs = results.map((result) => ({ kpiId: result.kpi.id, groupKey: result.groupKey }));
	const stored = await history.before(period, pairs, points);
	const reportRows: ReportRow[] = results.map((result) => ({
		result,
		comparison: compareWithPrevious(result, stored.get(pairKey(result.kpi.id, result.groupKey)) ?? [], points),
	}));
	const generatedAt = new Date();
	if (options.recordResults !== false) await history.record(results, generatedAt);

	for (const row of reportRows) {
		kpiOutput.push({ json: resultJson(scorecard, row.result, row.comparison), pairedItem: row.result.items.map((item) => ({ item })) });
	}
	const report = await reportItems(this, scorecard, reportRows, {
		title: options.reportTitle?.trim() || scorecard,
		period,
		per: options.reportPer ?? 'scorecard',
		binaryProperty: options.binaryPropertyName?.trim() || 'data',
		includeHtml: options.includeHtml === true,
		generatedAt,
	});
	return [kpiOutput, report];
}
