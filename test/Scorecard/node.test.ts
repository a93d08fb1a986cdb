import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IBinaryData, IDataObject, INodeExecutionData } from 'n8n-workflow';

import { closeSharedStateStores } from '../../nodes/common/state';
import { Scorecard } from '../../nodes/Scorecard/Scorecard.node';
import { createExecuteContext } from '../helpers/fakeContext';
import { PARTNER_METRICS } from './fixtures/partnerMetrics';

let folder: string;
beforeAll(() => {
	folder = mkdtempSync(join(tmpdir(), 'scorecard-node-'));
});
afterAll(async () => {
	await closeSharedStateStores();
	rmSync(folder, { recursive: true, force: true });
});

const DEFAULTS = { operation: 'compute', kpiSource: 'default', groupBy: 'partner', periodField: 'period', period: '', options: {} };

async function run(parameters: IDataObject, rows: IDataObject[], continueOnFail = false) {
	const ctx = createExecuteContext({
		parameters: { ...DEFAULTS, ...parameters },
		items: rows.map((json) => ({ json })),
		credentials: { interopStateStore: { backend: 'file', folder } },
		node: { type: 'n8n-nodes-erp-interop.scorecard' },
		continueOnFail,
	});
	return await new Scorecard().execute.call(ctx);
}

const htmlOf = (item: INodeExecutionData, field = 'data') => Buffer.from((item.binary?.[field] as IBinaryData).data, 'base64').toString('utf8');
const find = (output: INodeExecutionData[], kpi: string, group: string) => output.find((i) => i.json.kpi === kpi && i.json.groupLabel === group)!;

const RENEWALS = JSON.stringify([{ id: 'renewal_rate', name: 'Renewal rate', formula: 'sum(won) / sum(due) * 100', unit: '%', target: 90, red: 80 }]);

describe('Scorecard node', () => {
	it('scores the default set: KPI rows with status and change, and an HTML report as binary data', async () => {
		const [kpis, report] = await run({ scorecard: 'defaults' }, PARTNER_METRICS);
		expect(kpis).toHaveLength(35);
		const renewal = find(kpis, 'renewal_rate', 'Acme IT');
		expect(renewal.json).toEqual({
			scorecard: 'defaults',
			period: '2026-10',
			kpi: 'renewal_rate',
			name: 'Renewal rate',
			domain: 'Customer outcomes',
			group: { partner: 'Acme IT' },
			groupLabel: 'Acme IT',
			value: 90,
			valueText: '90.0%',
			unit: '%',
			target: 90,
			direction: 'up',
			amber: 90,
			red: 80,
			status: 'green',
			previousPeriod: '2026-09',
			previousValue: 87.5,
			previousSource: 'input',
			change: 2.5,
			changePct: 2.9,
			trend: 'better',
		});
		expect(renewal.pairedItem).toEqual([{ item: 15 }]);
		expect(find(kpis, 'gross_margin_by_service_line', 'Acme IT · Projects').json).toMatchObject({ group: { partner: 'Acme IT', service_line: 'Projects' }, value: 32.5, status: 'amber' });
		expect(find(kpis, 'automation_attach_rate', 'Bolt Systems').json).toMatchObject({ value: null, valueText: 'n/a', status: 'n/a', reason: 'division by zero: sum(active_customers) is 0' });
		expect(find(kpis, 'time_to_value', 'Acme IT').pairedItem).toEqual([{ item: 8 }, { item: 9 }, { item: 10 }]);

		expect(report).toHaveLength(1);
		expect(report[0].json).toEqual({
			scorecard: 'defaults',
			period: '2026-10',
			title: 'defaults',
			kpiRows: 35,
			statusCounts: { green: 11, amber: 7, red: 5, 'n/a': 12 },
			fileName: 'defaults-2026-10.html',
		});
		expect(report[0].binary?.data).toMatchObject({ mimeType: 'text/html', fileName: 'defaults-2026-10.html' });
		// Every October item a KPI counted: not September's (item 28), not the IT users the filter leaves out (18, 21).
		const counted = PARTNER_METRICS.map((_, item) => item).filter((item) => item < 28 && item !== 18 && item !== 21);
		expect(report[0].pairedItem).toEqual(counted.map((item) => ({ item })));
		const html = htmlOf(report[0]);
		expect(html).toMatch(/^<!DOCTYPE html>/);
		expect(html).toContain('<svg');
		expect(html).toContain('Partner: Acme IT');
		expect(html).not.toMatch(/<script|src=|href=/i);
	});

	it('compares the next period with the stored results of the previous run; a rerun replaces its period', async () => {
		const params = { scorecard: 'monthly', kpiSource: 'custom', kpis: RENEWALS };
		const october = await run(params, [{ partner: 'Acme', period: '2026-10', due: 10, won: 8 }]);
		expect(october[0][0].json).toMatchObject({ value: 80, status: 'amber', previousPeriod: null, change: null });

		const november = await run(params, [{ partner: 'Acme', period: '2026-11', due: 10, won: 9 }]);
		expect(november[0][0].json).toMatchObject({ value: 90, status: 'green', previousPeriod: '2026-10', previousValue: 80, previousSource: 'store', change: 10, changePct: 12.5, trend: 'better' });

		// October again, corrected: November now compares with the corrected value.
		await run(params, [{ partner: 'Acme', period: '2026-10', due: 10, won: 7 }]);
		const again = await run(params, [{ partner: 'Acme', period: '2026-11', due: 10, won: 9 }]);
		expect(again[0][0].json).toMatchObject({ previousValue: 70, change: 20 });
		expect(htmlOf(again[1][0])).toContain('<polyline');

		const [history] = await run({ operation: 'history', scorecard: 'monthly', historyFilters: {}, returnAll: true }, [{}]);
		expect(history.map((i) => [i.json.period, i.json.kpi, i.json.value, i.json.status])).toEqual([
			['2026-10', 'renewal_rate', 70, 'red'],
			['2026-11', 'renewal_rate', 90, 'green'],
		]);
		expect(history[0].pairedItem).toEqual({ item: 0 });
		const [limited] = await run({ operation: 'history', scorecard: 'monthly', historyFilters: { from: '2026-11' }, returnAll: false, limit: 5 }, [{}]);
		expect(limited.map((i) => i.json.period)).toEqual(['2026-11']);
	});

	it('does not record with Record Results off', async () => {
		const params = { scorecard: 'dry-run', kpiSource: 'custom', kpis: RENEWALS, options: { recordResults: false } };
		await run(params, [{ partner: 'Acme', period: '2026-10', due: 10, won: 8 }]);
		const [history] = await run({ operation: 'history', scorecard: 'dry-run', historyFilters: {}, returnAll: true }, [{}]);
		expect(history).toEqual([]);
	});

	it('fails an item without a period by name, or outputs it as an error item with Continue On Fail', async () => {
		const rows = [{ partner: 'Acme', period: '2026-10', due: 10, won: 9 }, { partner: 'Acme', due: 1, won: 1 }];
		const params = { scorecard: 'errors', kpiSource: 'custom', kpis: RENEWALS };
		await expect(run(params, rows)).rejects.toThrow('Item 1 has no period in field "period"');
		const [kpis] = await run(params, rows, true);
		expect(kpis.map((i) => [i.json.error ?? i.json.valueText, i.pairedItem])).toEqual([
			['Item 1 has no period in field "period"', { item: 1 }],
			['90.0%', [{ item: 0 }]],
		]);
		// With a fixed Period, rows without one belong to it.
		const [fixed] = await run({ ...params, period: '2026-10' }, rows);
		expect(fixed[0].json).toMatchObject({ value: 90.9, period: '2026-10' });
		expect(fixed[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('refuses invalid KPI definitions up front, naming the KPI and the field', async () => {
		const bad = JSON.stringify([{ id: 'margin', formula: 'sum(rev) - ', unit: '%', target: 40 }]);
		await expect(run({ kpiSource: 'custom', kpis: bad, scorecard: 'x' }, [{ period: 'p' }])).rejects.toThrow(
			'KPI "margin" (entry 1): formula error at position 12: the formula ends too early; expected a number, a metric or "("',
		);
		await expect(run({ kpiSource: 'defaultWithOverrides', kpiOverrides: '[{"id":"utilization","red":90}]', scorecard: 'x' }, [{ period: 'p' }])).rejects.toThrow(
			'KPI "utilization" (entry 8): red threshold 90 is above the amber threshold 75; with direction "up" it must not be better than amber',
		);
		await expect(run({ scorecard: 'x', options: { onlyKpis: 'renewal, utilization' } }, [{ period: 'p' }])).rejects.toThrow('Only KPIs: no KPI with ID "renewal"');
	});

	it('accepts KPI rows from an expression (spreadsheet rows), a default set with changes, and one report per partner', async () => {
		const sheet = [{ json: { row_number: 2, id: 'rev', name: 'Revenue', formula: 'sum(revenue)', unit: 'currency', target: '1000', red: '500', decimals: '0' } }];
		const [kpis] = await run({ scorecard: 'sheet', kpiSource: 'custom', kpis: sheet, options: { currency: 'eur' } }, PARTNER_METRICS);
		expect(kpis.map((i) => [i.json.groupLabel, i.json.valueText, i.json.status])).toEqual([
			['Acme IT', 'EUR 22,500', 'green'],
			['Bolt Systems', 'EUR 1,000', 'green'],
		]);

		const [changed, reports] = await run(
			{ scorecard: 'changed', kpiSource: 'defaultWithOverrides', kpiOverrides: '[{"id":"utilization","target":70,"amber":70}]', options: { onlyKpis: 'utilization', reportPer: 'section', includeHtml: true, binaryPropertyName: 'report' } },
			PARTNER_METRICS,
		);
		expect(changed.map((i) => [i.json.groupLabel, i.json.value, i.json.status])).toEqual([
			['Acme IT', 70.6, 'green'],
			['Bolt Systems', 50, 'red'],
		]);
		expect(reports.map((i) => [i.json.section, i.json.fileName, i.pairedItem])).toEqual([
			['Partner: Acme IT', 'changed-2026-10-acme-it.html', [{ item: 14 }]],
			['Partner: Bolt Systems', 'changed-2026-10-bolt-systems.html', [{ item: 27 }]],
		]);
		expect(reports[0].json.html).toBe(htmlOf(reports[0], 'report'));
		expect(reports[0].json.html).not.toContain('Bolt Systems');
	});
});
