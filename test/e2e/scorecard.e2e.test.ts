/**
 * The Scorecard node in a real n8n with the file state store: metric rows → Scorecard → KPI rows and an HTML
 * report (binary, read back with n8n's Extract From File); a run for the next period compares with the values
 * the previous run stored, and rerunning a period replaces its stored values instead of adding more.
 */
import { nodeItems, type CredentialJson, type ExecutionResult, type WorkflowJson } from '../../cli/runtime';
import { stableId } from '../../cli/workflows';
import { useN8n } from './harness';

const PKG = 'n8n-nodes-erp-interop';
const store: CredentialJson = { id: stableId('credential:e2e-scorecard-store'), name: 'Interop State Store', type: 'interopStateStore', data: { backend: 'file' } };
const storeRef = { interopStateStore: { id: store.id, name: store.name } };

type Node = WorkflowJson['nodes'][number];
const node = (name: string, type: string, typeVersion: number, parameters: Record<string, unknown>, x: number, extra: Partial<Node> = {}): Node => ({
	id: stableId(`node:scorecard:${name}`),
	name,
	type,
	typeVersion,
	position: [x, 0],
	parameters,
	...extra,
});
const link = (to: string, index = 0) => ({ node: to, type: 'main', index });

// The default partner scorecard's metrics (docs/nodes/scorecard.md), for a few KPIs.
const october = [
	{ partner: 'Acme IT', period: '2026-10', revenue: '12000.00', revenue_type: 'recurring' },
	{ partner: 'Acme IT', period: '2026-10', revenue: '8000.00', revenue_type: 'one_time' },
	{ partner: 'Acme IT', period: '2026-10', renewals_due: 10, renewals_won: 8, billable_hours: 1130, available_hours: 1600 },
	{ partner: 'Bolt Systems', period: '2026-10', renewals_due: 0, renewals_won: 0, billable_hours: 640, available_hours: 800 },
];
const november = [
	{ partner: 'Acme IT', period: '2026-11', revenue: '15000.00', revenue_type: 'recurring' },
	{ partner: 'Acme IT', period: '2026-11', revenue: '5000.00', revenue_type: 'one_time' },
	{ partner: 'Acme IT', period: '2026-11', renewals_due: 10, renewals_won: 9, billable_hours: 1200, available_hours: 1600 },
	{ partner: 'Bolt Systems', period: '2026-11', renewals_due: 4, renewals_won: 3, billable_hours: 400, available_hours: 800 },
];

/** Manual trigger → metric rows (Set) → one item per row → Scorecard → (Report) → Extract From File. */
function scoreWorkflow(id: string, name: string, rows: object[]): WorkflowJson {
	return {
		id,
		name,
		active: false,
		nodes: [
			node('Start', 'n8n-nodes-base.manualTrigger', 1, {}, 0),
			node('Metric Rows', 'n8n-nodes-base.set', 3.4, { mode: 'raw', jsonOutput: JSON.stringify({ rows }), options: {} }, 200),
			node('Split', 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut: 'rows', options: {} }, 400),
			node(
				'Scorecard',
				`${PKG}.scorecard`,
				1,
				{
					operation: 'compute',
					scorecard: 'e2e-partners',
					kpiSource: 'default',
					groupBy: 'partner',
					periodField: 'period',
					period: '',
					options: { onlyKpis: 'recurring_revenue_mix, renewal_rate, utilization', reportTitle: 'Partner scorecard' },
				},
				600,
				{ credentials: storeRef },
			),
			node('Read Report', 'n8n-nodes-base.extractFromFile', 1.1, { operation: 'text', binaryPropertyName: 'data', destinationKey: 'html', options: {} }, 800),
		],
		connections: {
			Start: { main: [[link('Metric Rows')]] },
			'Metric Rows': { main: [[link('Split')]] },
			Split: { main: [[link('Scorecard')]] },
			Scorecard: { main: [[], [link('Read Report')]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

const octoberWorkflow = scoreWorkflow('e2eScorecardOct1', 'E2E scorecard October', october);
const novemberWorkflow = scoreWorkflow('e2eScorecardNov1', 'E2E scorecard November', november);
const historyWorkflow: WorkflowJson = {
	id: 'e2eScorecardHist',
	name: 'E2E scorecard history',
	active: false,
	nodes: [
		node('Start', 'n8n-nodes-base.manualTrigger', 1, {}, 0),
		node('History', `${PKG}.scorecard`, 1, { operation: 'history', scorecard: 'e2e-partners', historyFilters: {}, returnAll: true }, 200, { credentials: storeRef }),
	],
	connections: { Start: { main: [[link('History')]] } },
	settings: { executionOrder: 'v1' },
};

type Row = Record<string, unknown>;
const kpiRows = (result: ExecutionResult) => nodeItems(result, 'Scorecard', { output: 0 });
const pick = (rows: Row[], kpi: string, partner: string) => rows.find((row) => row.kpi === kpi && row.groupLabel === partner) as Row;

describe('Scorecard in a real n8n', () => {
	const n8n = useN8n(() => ({ credentials: [store], workflows: [octoberWorkflow, novemberWorkflow, historyWorkflow] }));

	it('scores metric rows into KPI rows and an HTML report, then compares the next period with the stored run', async () => {
		const first = await n8n().execute(octoberWorkflow.id!);
		expect(first.error).toBeUndefined();
		const oct = kpiRows(first);
		expect(oct.map((row) => [row.kpi, row.groupLabel, row.valueText, row.status])).toEqual([
			['recurring_revenue_mix', 'Acme IT', '60.0%', 'green'], // 12000 / 20000, exactly on target
			['recurring_revenue_mix', 'Bolt Systems', 'n/a', 'n/a'],
			['utilization', 'Acme IT', '70.6%', 'amber'], // 1130 / 1600 = 70.625
			['utilization', 'Bolt Systems', '80.0%', 'green'],
			['renewal_rate', 'Acme IT', '80.0%', 'amber'], // exactly on the red threshold: amber
			['renewal_rate', 'Bolt Systems', 'n/a', 'n/a'],
		]);
		expect(pick(oct, 'renewal_rate', 'Bolt Systems')).toMatchObject({ value: null, reason: 'division by zero: sum(renewals_due) is 0' });
		expect(pick(oct, 'renewal_rate', 'Acme IT')).toMatchObject({ previousPeriod: null, change: null });

		// The report: one item on the second output with the HTML as binary data.
		const reportRun = first.runData.Scorecard[0].data!.main[1]!;
		expect(reportRun).toHaveLength(1);
		expect(reportRun[0].json).toMatchObject({ scorecard: 'e2e-partners', period: '2026-10', kpiRows: 6, statusCounts: { green: 2, amber: 2, red: 0, 'n/a': 2 }, fileName: 'e2e-partners-2026-10.html' });
		expect(reportRun[0].binary?.data).toMatchObject({ mimeType: 'text/html', fileName: 'e2e-partners-2026-10.html' });
		const [read] = nodeItems(first, 'Read Report');
		const html = String(read.html);
		expect(html).toMatch(/^<!DOCTYPE html>/);
		expect(html).toContain('<svg');
		expect(html).toContain('<h1 style="margin:0 0 4px;font-size:22px;color:#1f2933;">Partner scorecard</h1>');
		for (const text of ['60.0%', '70.6%', '80.0%', 'Partner: Acme IT', 'Partner: Bolt Systems']) expect(html).toContain(`>${text}<`);

		// The same period again (e.g. a retried schedule): its stored values are replaced, not added.
		expect((await n8n().execute(octoberWorkflow.id!)).error).toBeUndefined();

		const second = await n8n().execute(novemberWorkflow.id!);
		expect(second.error).toBeUndefined();
		const nov = kpiRows(second);
		expect(pick(nov, 'renewal_rate', 'Acme IT')).toMatchObject({
			period: '2026-11',
			valueText: '90.0%',
			status: 'green',
			previousPeriod: '2026-10',
			previousValue: 80,
			previousSource: 'store',
			change: 10,
			changePct: 12.5,
			trend: 'better',
		});
		expect(pick(nov, 'recurring_revenue_mix', 'Acme IT')).toMatchObject({ value: 75, previousValue: 60, change: 15, changePct: 25 });
		expect(pick(nov, 'utilization', 'Bolt Systems')).toMatchObject({ value: 50, status: 'red', previousValue: 80, change: -30, changePct: -37.5, trend: 'worse' });
		// October had no renewal rate for Bolt (n/a): nothing to compare with.
		expect(pick(nov, 'renewal_rate', 'Bolt Systems')).toMatchObject({ value: 75, status: 'red', previousPeriod: '2026-10', previousValue: null, change: null });
		const novemberHtml = String(nodeItems(second, 'Read Report')[0].html);
		expect(novemberHtml).toContain('compared with 2026-10');
		expect(novemberHtml).toContain('<polyline');

		const history = await n8n().execute(historyWorkflow.id!);
		expect(history.error).toBeUndefined();
		const points = nodeItems(history, 'History');
		expect(points).toHaveLength(12); // 3 KPIs × 2 partners × 2 periods: the October rerun replaced its points
		expect(points.filter((p) => p.period === '2026-10' && p.kpi === 'renewal_rate')).toEqual([
			expect.objectContaining({ group: { partner: 'Acme IT' }, value: 80, status: 'amber' }),
			expect.objectContaining({ group: { partner: 'Bolt Systems' }, value: null, status: 'n/a', reason: 'division by zero: sum(renewals_due) is 0' }),
		]);
	});
});
