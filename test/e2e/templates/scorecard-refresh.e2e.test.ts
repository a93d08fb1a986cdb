/**
 * workflows/scorecard-refresh.json as shipped (Configuration pointed at this run's PostgreSQL schema), in a
 * real n8n against the sandbox's ConnectWise, NetSuite and Stripe, a throwaway PostgreSQL and an SMTP sink:
 * - a refresh of 2025-05 while ConnectWise fails writes nothing and leaves the month in the Exception Queue;
 * - the replay after the fault clears upserts one row per KPI (values checked against the sandbox records,
 *   computed here independently) and e-mails the HTML report once, as body and attachment;
 * - a second refresh of the month changes no row, adds none and sends no second e-mail.
 */
import { join } from 'node:path';

import { Client } from 'pg';

import type { CredentialJson, WorkflowJson } from '../../../cli/runtime';
import { sandboxCredentials } from '../../../cli/sandboxCredentials';
import { bindCredentials, loadTemplates, stableId } from '../../../cli/workflows';
import { ExceptionQueue } from '../../../nodes/common/exceptionQueue';
import { FileStateStore } from '../../../nodes/common/state';
import { startSandbox, type RunningSandbox } from '../../../sandbox';
import { startTestPostgres, type TestPostgres } from '../../helpers/postgres';
import { startSmtpSink, type SmtpSink } from '../../helpers/smtpSink';
import { PROJECT_ROOT, useN8n } from '../harness';

const TEMPLATE = 'scorecard-refresh.json';
const WORKFLOW_ID = stableId('workflow:scorecard-refresh');
const TOKEN = { name: 'X-Interop-Token', value: 'e2e-run-token-5c2e' };
const PERIOD = '2025-05';
const FROM = '2025-05-01T00:00:00Z';
const TO = '2025-06-01T00:00:00Z';
const PARTNER = 'Northwind Managed Services';

let sandbox: RunningSandbox;
let smtp: SmtpSink;
let pg: TestPostgres;
let db: Client;

function template(credentials: CredentialJson[]): WorkflowJson {
	const shipped = loadTemplates(join(PROJECT_ROOT, 'workflows')).find((w) => w.file === TEMPLATE);
	if (!shipped) throw new Error(`${TEMPLATE} is missing`);
	expect(shipped.id).toBe(WORKFLOW_ID);
	const workflow = structuredClone(shipped) as WorkflowJson;
	const configuration = workflow.nodes.find((n) => n.name === 'Configuration') as unknown as { parameters: { assignments: { assignments: Array<{ name: string; value: unknown }> } } };
	configuration.parameters.assignments.assignments.find((a) => a.name === 'pgSchema')!.value = pg.schema;
	return bindCredentials(workflow, credentials);
}

async function until<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 120_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined && value !== false) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

interface Execution {
	id: string;
	status: string;
	data?: { resultData?: { runData?: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> } }>>; error?: { message: string } } };
}

/** The expected KPI values, worked out from the sandbox's own records. */
function expectedValues(): Record<string, number> {
	const inMonth = (iso: unknown) => typeof iso === 'string' && iso >= FROM && iso < TO;
	const entries = sandbox.records<{ timeStart: string; actualHours: number; billableOption: string }>('connectwise', 'timeEntries').filter((t) => inMonth(t.timeStart));
	const logged = entries.reduce((sum, t) => sum + t.actualHours, 0);
	const billable = entries.filter((t) => t.billableOption === 'Billable').reduce((sum, t) => sum + t.actualHours, 0);
	const alerts = sandbox
		.records<{ closedDate: string | null; board: { name: string }; _info: { dateEntered: string } }>('connectwise', 'tickets')
		.filter((t) => t.board.name === 'Managed Services Alerts' && inMonth(t.closedDate));
	const hours = alerts.map((t) => Math.round(((Date.parse(t.closedDate as string) - Date.parse(t._info.dateEntered)) / 3_600_000) * 100) / 100);
	const due = sandbox.records<{ endDate: string | null; cancelledFlag: boolean; agreementStatus: string }>('connectwise', 'agreements').filter((a) => inMonth(a.endDate));
	const won = due.filter((a) => !a.cancelledFlag && a.agreementStatus !== 'Cancelled');
	const cents = (n: number) => Math.round(n * 100);
	const oneTime = sandbox.records<{ tranDate: string; total: number }>('netsuite', 'invoice').filter((i) => i.tranDate >= '2025-05-01' && i.tranDate < '2025-06-01').reduce((sum, i) => sum + cents(i.total), 0);
	const end = Date.parse(TO) / 1000;
	const recurring = sandbox
		.records<{ created: number; canceled_at: number | null; status: string; currency: string; items: { data: Array<{ quantity: number; price: { unit_amount: number | null; recurring: { usage_type: string } | null } }> } }>('stripe', 'subscriptions')
		.filter((s) => s.currency === 'usd' && s.created < end && (s.canceled_at === null || s.canceled_at >= end) && !['trialing', 'incomplete', 'incomplete_expired'].includes(s.status))
		.reduce((sum, s) => sum + s.items.data.filter((i) => i.price.recurring?.usage_type !== 'metered' && i.price.unit_amount !== null).reduce((n, i) => n + (i.price.unit_amount as number) * i.quantity, 0), 0);
	expect(entries.length).toBeGreaterThan(20);
	expect(alerts.length).toBeGreaterThan(2);
	expect(due.length).toBeGreaterThan(0);
	expect(oneTime).toBeGreaterThan(0);
	expect(recurring).toBeGreaterThan(0);
	return {
		utilization: (billable / logged) * 100,
		alert_to_resolution: hours.reduce((a, b) => a + b, 0) / hours.length,
		renewal_rate: (won.length / due.length) * 100,
		recurring_revenue_mix: (recurring / (recurring + oneTime)) * 100,
		active_workflows: 32,
		approval_policy_coverage: (29 / 32) * 100,
		audit_readiness: (19 / 20) * 100,
	};
}

describe('template scorecard-refresh in a real n8n', () => {
	const n8n = useN8n(async () => {
		sandbox = await startSandbox({ systems: ['connectwise', 'netsuite', 'stripe'], seed: 42 });
		smtp = await startSmtpSink();
		pg = await startTestPostgres();
		db = new Client({ ...pg.connection });
		await db.connect();
		await db.query(`CREATE SCHEMA IF NOT EXISTS "${pg.schema}"`);
		const credentials: CredentialJson[] = [
			...sandboxCredentials(sandbox),
			{ id: stableId('credential:e2e-scorecard-store'), name: 'Interop State Store', type: 'interopStateStore', data: { backend: 'file' } },
			{ id: stableId('credential:e2e-smtp'), name: 'SMTP (sink)', type: 'smtp', data: { user: '', password: '', host: '127.0.0.1', port: smtp.port, secure: false, disableStartTls: true, hostName: '' } },
			{ id: stableId('credential:e2e-run-token'), name: 'Interop Run Token', type: 'httpHeaderAuth', data: TOKEN },
			{
				id: stableId('credential:e2e-scorecard-db'),
				name: 'Scorecard Database',
				type: 'postgres',
				data: { host: pg.connection.host, port: pg.connection.port, database: pg.connection.database, user: pg.connection.user, password: pg.connection.password, ssl: 'disable', allowUnauthorizedCerts: false, maxConnections: 5 },
			},
		];
		return { credentials, workflows: [template(credentials)] };
	});
	let store: FileStateStore;
	afterAll(async () => {
		await store?.close();
		await db?.end();
		await pg?.stop();
		await smtp?.close();
		await sandbox?.close();
	});

	async function executions(): Promise<Execution[]> {
		const response = await n8n().publicApi<{ data: Execution[] }>('GET', `executions?workflowId=${WORKFLOW_ID}&includeData=true&limit=50`);
		expect(response.status).toBe(200);
		return response.body.data;
	}

	async function trigger(path: string, body: unknown = {}): Promise<Execution> {
		const before = new Set((await executions()).map((e) => e.id));
		const response = await n8n().callWebhook(path, { body, headers: { [TOKEN.name]: TOKEN.value } });
		expect(response.status).toBe(200);
		return await until(`the ${path} execution`, async () => (await executions()).find((e) => !before.has(e.id) && ['success', 'error', 'crashed'].includes(e.status)));
	}

	const rows = async () =>
		(await db.query<Record<string, string | null>>(`SELECT * FROM "${pg.schema}".scorecard_kpis ORDER BY period, kpi, group_key`)).rows;
	const refreshQueue = () => new ExceptionQueue(store, 'scorecard-refresh');

	it('keeps a month whose source failed in the Exception Queue and writes nothing', async () => {
		store = new FileStateStore({ folder: join(n8n().userFolder, '.n8n', 'erp-interop-state') });
		sandbox.setFaults({ errorRate: 1, errorStatus: 503 }, 'connectwise');
		const run = await trigger('scorecard-refresh/run', { period: PERIOD });
		sandbox.clearFaults('connectwise');
		expect(run.status).toBe('success');
		expect(run.data?.resultData?.runData?.Scorecard).toBeUndefined();
		expect(await rows()).toEqual([]);
		expect(smtp.messages).toEqual([]);
		const open = await refreshQueue().list({ status: 'open' });
		expect(open.map((e) => [e.key, e.meta.system, e.meta.errorClass, (e.payload as { json: unknown }).json])).toEqual([
			[`scorecard:partner-scorecard:${PERIOD}`, 'connectwise', 'transient', { period: PERIOD }],
		]);
	});

	it('scores the month on replay: one row per KPI in PostgreSQL and the report by e-mail', async () => {
		const replay = await trigger('scorecard-refresh/replay');
		expect(replay.status).toBe('success');
		expect(replay.data?.resultData?.error).toBeUndefined();

		const saved = await rows();
		const expected = expectedValues();
		expect(saved.map((r) => r.kpi).sort()).toEqual(Object.keys(expected).sort());
		for (const row of saved) {
			expect([row.scorecard, row.period, row.group_key]).toEqual(['partner-scorecard', PERIOD, PARTNER]);
			expect(Math.abs(Number(row.value) - expected[row.kpi as string])).toBeLessThanOrEqual(0.051);
			expect(['green', 'amber', 'red']).toContain(row.status);
		}
		expect(saved.find((r) => r.kpi === 'active_workflows')).toMatchObject({ value_text: '32', status: 'green' });
		expect(saved.find((r) => r.kpi === 'audit_readiness')).toMatchObject({ value_text: '95.0%', status: 'green' });

		const [mail] = await smtp.waitFor(1);
		expect(mail.to).toEqual(['partner-success@northwind.example']);
		expect(mail.subject).toMatch(new RegExp(`^${PARTNER} scorecard ${PERIOD}: \\d+ green, \\d+ amber, \\d+ red$`));
		const attachment = mail.attachments.find((a) => a.contentType === 'text/html');
		expect(attachment?.filename).toBe(`partner-scorecard-${PERIOD}.html`);
		const report = attachment!.content.toString('utf8');
		expect(report).toMatch(/^<!DOCTYPE html>/);
		expect(report).toContain(`${PARTNER} scorecard ${PERIOD}`);
		for (const row of saved) expect(report).toContain(`>${row.value_text}<`);
		expect(mail.html?.replace(/\r\n/g, '\n').trim()).toBe(report.replace(/\r\n/g, '\n').trim());

		expect(await refreshQueue().list({ status: 'open' })).toEqual([]);
		expect((await refreshQueue().list({}))[0]).toMatchObject({ status: 'resolved' });
	});

	it('changes nothing when the same month is refreshed again', async () => {
		const before = await rows();
		const again = await trigger('scorecard-refresh/run', { period: PERIOD });
		expect(again.status).toBe('success');
		expect(again.data?.resultData?.runData?.['Save KPI Rows']).toBeDefined();
		expect(await rows()).toEqual(before);
		expect(again.data?.resultData?.runData?.['E-mail Report']).toBeUndefined();
		expect(smtp.messages).toHaveLength(1);
		expect(await refreshQueue().list({ status: 'open' })).toEqual([]);
	});
});
