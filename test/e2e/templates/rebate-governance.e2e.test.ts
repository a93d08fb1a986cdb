/**
 * workflows/rebate-governance.json as shipped, in a real n8n against the sandbox's NetSuite rebate quarter
 * (sandbox/netsuite/rebateSeed.ts) and Stripe:
 * - a run of 2025-Q1 credits the five accruals within policy at once (NetSuite credit memos keyed by the
 *   accrual id; P-DELTA is credited in Stripe in this test's Configuration) and e-mails one approval form
 *   per held accrual; the exception that holds no accrual lands in the review queue;
 * - the approver approves one (while NetSuite fails: the credit memo lands in the Exception Queue) and
 *   rejects the other; the replay after the fault clears creates the credit memo exactly once;
 * - a second run of the quarter changes nothing (sandbox records, audit log, queues, mail) and raises no
 *   DUPLICATE_CLAIM; every decision is in the Audit Log with its actor and reason, and the chain verifies.
 */
import { join } from 'node:path';

import type { CredentialJson, WorkflowJson } from '../../../cli/runtime';
import { sandboxCredentials } from '../../../cli/sandboxCredentials';
import { bindCredentials, loadTemplates, stableId } from '../../../cli/workflows';
import { AuditLog, type AuditEntry } from '../../../nodes/common/auditLog';
import { ExceptionQueue } from '../../../nodes/common/exceptionQueue';
import { FileStateStore } from '../../../nodes/common/state';
import { accrualId, accrualKey } from '../../../nodes/RebateEngine/core';
import { startSandbox, type RunningSandbox } from '../../../sandbox';
import { startSmtpSink, type SinkMessage, type SmtpSink } from '../../helpers/smtpSink';
import { PROJECT_ROOT, useN8n } from '../harness';

const TEMPLATE = 'rebate-governance.json';
const WORKFLOW_ID = stableId('workflow:rebate-governance');
const TOKEN = { name: 'X-Interop-Token', value: 'e2e-run-token-7f3a' };
const APPROVERS = { user: 'approvers', password: 'e2e-Approve-91' };
const BASIC = `Basic ${Buffer.from(`${APPROVERS.user}:${APPROVERS.password}`).toString('base64')}`;

const acr = (partner: string, program: string) => accrualId(accrualKey(partner, program, '2025-Q1'));

let sandbox: RunningSandbox;
let smtp: SmtpSink;
let stripeCustomer = '';

interface Memo {
	id: string;
	externalId?: string;
	entity: { id: string };
	total: number;
	tranDate: string;
	memo?: string;
	lastModifiedDate: string;
	item: { items: Array<{ item: { id: string }; quantity: number; rate: number; amount: number }> };
}

const rebateMemos = () => sandbox.records<Memo>('netsuite', 'creditMemo').filter((m) => m.externalId?.startsWith('acr_'));
const stripeNotes = () => sandbox.records<{ id: string; customer: string; amount: number; metadata: Record<string, string>; invoice: string }>('stripe', 'credit_notes').filter((n) => n.metadata?.accrual_id);
const partnerIds = () => Object.fromEntries(sandbox.records<{ id: string; entityId: string }>('netsuite', 'customer').filter((c) => c.entityId.startsWith('P-')).map((c) => [c.entityId, c.id]));

/** A Stripe customer whose latest paid invoice can still take P-DELTA's two credit notes (355.00 USD). */
function pickStripeCustomer(): string {
	const credited = new Map<string, number>();
	for (const note of sandbox.records<{ invoice: string; amount: number; status: string }>('stripe', 'credit_notes')) {
		if (note.status !== 'void') credited.set(note.invoice, (credited.get(note.invoice) ?? 0) + note.amount);
	}
	const latest = new Map<string, { id: string; total: number; created: number }>();
	for (const invoice of sandbox.records<{ id: string; customer: string; status: string; total: number; currency: string; created: number }>('stripe', 'invoices')) {
		if (invoice.status !== 'paid') continue;
		const seen = latest.get(invoice.customer);
		if (!seen || invoice.created > seen.created) latest.set(invoice.customer, invoice);
	}
	const found = [...latest.entries()].find(([, invoice]) => invoice.total - (credited.get(invoice.id) ?? 0) >= 50_000);
	if (!found) throw new Error('no Stripe customer whose latest paid invoice has 500.00 left to credit');
	return found[0];
}

/** The shipped template with P-DELTA credited in Stripe (the one Configuration change a partner would make). */
function template(credentials: CredentialJson[]): WorkflowJson {
	const shipped = loadTemplates(join(PROJECT_ROOT, 'workflows')).find((w) => w.file === TEMPLATE);
	if (!shipped) throw new Error(`${TEMPLATE} is missing`);
	expect(shipped.id).toBe(WORKFLOW_ID);
	const workflow = structuredClone(shipped) as WorkflowJson;
	const configuration = workflow.nodes.find((n) => n.name === 'Configuration') as unknown as { parameters: { assignments: { assignments: Array<{ name: string; value: string }> } } };
	const partners = configuration.parameters.assignments.assignments.find((a) => a.name === 'partners')!;
	partners.value = JSON.stringify(
		(JSON.parse(partners.value) as Array<{ partner: string }>).map((p) => (p.partner === 'P-DELTA' ? { ...p, creditIn: 'stripe', stripeCustomer } : p)),
	);
	return bindCredentials(workflow, credentials);
}

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
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
	mode: string;
	data?: { resultData?: { runData?: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> } }>>; error?: { message: string } } };
}

describe('template rebate-governance in a real n8n', () => {
	const n8n = useN8n(async () => {
		sandbox = await startSandbox({ systems: ['netsuite', 'stripe'], seed: 42 });
		smtp = await startSmtpSink();
		stripeCustomer = pickStripeCustomer();
		const credentials: CredentialJson[] = [
			...sandboxCredentials(sandbox),
			{ id: stableId('credential:e2e-rebate-store'), name: 'Interop State Store', type: 'interopStateStore', data: { backend: 'file' } },
			{ id: stableId('credential:e2e-smtp'), name: 'SMTP (sink)', type: 'smtp', data: { user: '', password: '', host: '127.0.0.1', port: smtp.port, secure: false, disableStartTls: true, hostName: '' } },
			{ id: stableId('credential:e2e-run-token'), name: 'Interop Run Token', type: 'httpHeaderAuth', data: TOKEN },
			{ id: stableId('credential:e2e-approvers'), name: 'Rebate Approvers', type: 'httpBasicAuth', data: APPROVERS },
		];
		return { credentials, workflows: [template(credentials)] };
	});
	afterAll(async () => {
		await smtp?.close();
		await sandbox?.close();
	});

	let store: FileStateStore;
	const audit = () => new AuditLog(store, 'rebates');
	const queue = (name: string) => new ExceptionQueue(store, name);
	const auditEntries = async () => {
		const out: AuditEntry[] = [];
		for await (const entry of audit().entries()) out.push(entry);
		return out;
	};
	afterAll(async () => await store?.close());

	async function executions(): Promise<Execution[]> {
		const response = await n8n().publicApi<{ data: Execution[] }>('GET', `executions?workflowId=${WORKFLOW_ID}&includeData=true&limit=100`);
		expect(response.status).toBe(200);
		return response.body.data;
	}

	/** Calls a run webhook and waits until the execution it started has finished. */
	async function trigger(path: string, body: unknown = {}): Promise<Execution> {
		const before = new Set((await executions()).map((e) => e.id));
		const response = await n8n().callWebhook(path, { body, headers: { [TOKEN.name]: TOKEN.value } });
		expect(response.status).toBe(200);
		const entry = path.endsWith('/run') ? 'Run a Period' : 'Replay Credit Memos';
		return await until(`the ${path} execution`, async () =>
			(await executions()).find((e) => !before.has(e.id) && e.data?.resultData?.runData?.[entry] && ['success', 'error', 'crashed'].includes(e.status)),
		);
	}

	const items = (execution: Execution, node: string, output = 0) => (execution.data?.resultData?.runData?.[node]?.[0]?.data?.main?.[output] ?? []).map((i) => i.json);

	/** Submits the approval form of an e-mail, as the approver's browser would (multipart, Basic Auth). */
	async function decide(mail: SinkMessage, decision: 'Approve' | 'Reject', approver: string, reason: string): Promise<void> {
		const path = /\/form-waiting\/\d+/.exec(mail.html ?? '')?.[0];
		if (!path) throw new Error(`no form link in: ${mail.html}`);
		const unauthorised = await fetch(`${n8n().baseUrl}${path}`, { method: 'GET' });
		expect(unauthorised.status).toBe(401);
		const page = await fetch(`${n8n().baseUrl}${path}`, { headers: { authorization: BASIC } });
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('Approver E-mail');
		const form = new FormData();
		form.set('field-0', decision);
		form.set('field-1', approver);
		form.set('field-2', reason);
		const response = await fetch(`${n8n().baseUrl}${path}`, { method: 'POST', body: form, headers: { authorization: BASIC } });
		expect(response.status).toBe(200);
	}

	const mailFor = (partnerName: string) => {
		const mail = smtp.messages.find((m) => m.subject.includes(partnerName));
		if (!mail) throw new Error(`no approval mail for ${partnerName}: ${smtp.messages.map((m) => m.subject).join(' | ')}`);
		return mail;
	};

	it('credits what is within policy, asks for the rest, and keeps the exception that holds nothing', async () => {
		store = new FileStateStore({ folder: join(n8n().userFolder, '.n8n', 'erp-interop-state') });
		const run = await trigger('rebate-governance/run', { period: '2025-Q1' });
		expect(run.data?.resultData?.error).toBeUndefined();
		expect(run.status).toBe('success');

		// The engine saw the quarter: 8 accruals (one of 0.00) and 3 exceptions.
		expect(items(run, 'Rebate Engine', 0).map((a) => [a.partner, a.program, a.amount])).toEqual([
			['P-ALPHA', 'PT-VOLUME', '1500.00'],
			['P-ALPHA', 'FAST-UNITS', '35.00'],
			['P-ALPHA', 'GROWTH-YOY', '245.00'],
			['P-BRAVO', 'PT-VOLUME', '480.00'],
			['P-CHARLIE', 'FAST-UNITS', '125.00'],
			['P-DELTA', 'PT-VOLUME', '300.00'],
			['P-DELTA', 'FAST-UNITS', '55.00'],
			['P-DELTA', 'GROWTH-YOY', '0.00'],
		]);
		expect(items(run, 'Rebate Engine', 1).map((e) => e.reason)).toEqual(['CAP_EXCEEDED', 'CERTIFICATION_EXPIRED', 'MISSING_BASELINE']);

		// Within policy → credited at once: three NetSuite credit memos on the rebate item, two Stripe credit notes.
		const ids = partnerIds();
		const rebateItem = sandbox.records<{ id: string; itemId: string }>('netsuite', 'nonInventorySaleItem').find((i) => i.itemId === 'REBATE-CREDIT')!.id;
		const memos = await until('the NetSuite credit memos', () => (rebateMemos().length === 3 ? rebateMemos() : undefined));
		expect(memos.map((m) => [m.externalId, m.entity.id, m.total, m.item.items.map((l) => [l.item.id, l.quantity, l.rate])]).sort()).toEqual(
			[
				[acr('P-ALPHA', 'FAST-UNITS'), ids['P-ALPHA'], 35, [[rebateItem, 1, 35]]],
				[acr('P-ALPHA', 'GROWTH-YOY'), ids['P-ALPHA'], 245, [[rebateItem, 1, 245]]],
				[acr('P-CHARLIE', 'FAST-UNITS'), ids['P-CHARLIE'], 125, [[rebateItem, 1, 125]]],
			].sort(),
		);
		expect(memos.every((m) => m.memo?.includes(m.externalId as string))).toBe(true);
		const failures = await queue('rebate-credit-memos').list({});
		expect(failures.map((f) => f.meta.message)).toEqual([]);
		const notes = await until('the Stripe credit notes', () => (stripeNotes().length === 2 ? stripeNotes() : undefined));
		expect(notes.map((n) => [n.metadata.accrual_id, n.customer, n.amount]).sort()).toEqual(
			[
				[acr('P-DELTA', 'PT-VOLUME'), stripeCustomer, 30_000],
				[acr('P-DELTA', 'FAST-UNITS'), stripeCustomer, 5_500],
			].sort(),
		);

		// Held → one e-mail each, with the reasons and its own form link.
		const mails = await smtp.waitFor(2);
		expect(mails.map((m) => m.to)).toEqual([['rebates@northwind.example'], ['rebates@northwind.example']]);
		expect(mailFor('Alpha Hardware Co-op').html).toContain('CAP_EXCEEDED');
		expect(mailFor('Bravo Building Supply').html).toContain('CERTIFICATION_EXPIRED');
		const links = mails.map((m) => /\/form-waiting\/(\d+)/.exec(m.html ?? '')?.[1]);
		expect(new Set(links).size).toBe(2);

		// The exception without an accrual: once in the review queue.
		const review = await until('the review queue', async () => {
			const open = await queue('rebate-review').list({ status: 'open' });
			return open.length > 0 ? open : undefined;
		});
		expect(review.map((e) => [e.meta.entity, e.meta.errorClass, e.attempts])).toEqual([['MISSING_BASELINE', 'validation', 1]]);

		const entries = await until('the audit entries', async () => {
			const all = await auditEntries();
			return all.length === 12 ? all : undefined;
		});
		const auto = entries.filter((e) => e.action === 'auto-approve');
		expect(auto.map((e) => e.entityId).sort()).toEqual(
			[acr('P-ALPHA', 'FAST-UNITS'), acr('P-ALPHA', 'GROWTH-YOY'), acr('P-CHARLIE', 'FAST-UNITS'), acr('P-DELTA', 'PT-VOLUME'), acr('P-DELTA', 'FAST-UNITS')].sort(),
		);
		expect(auto.every((e) => e.decision === 'approved' && e.actor.startsWith('workflow: ') && /Within policy/.test(e.reason ?? ''))).toBe(true);
		expect(entries.filter((e) => e.action === 'issue-credit-memo')).toHaveLength(5);
		expect(entries.filter((e) => e.action === 'request-approval').map((e) => e.entityId).sort()).toEqual([acr('P-ALPHA', 'PT-VOLUME'), acr('P-BRAVO', 'PT-VOLUME')].sort());
	});

	it('records the approver\'s decisions; a credit memo that fails lands in the Exception Queue and its replay creates it once', async () => {
		// NetSuite fails every request while the approval is processed.
		sandbox.setFaults({ errorRate: 1, errorStatus: 503 }, 'netsuite');
		await decide(mailFor('Alpha Hardware Co-op'), 'Approve', 'cfo@northwind.example', 'Cap agreed with the partner manager');
		const failed = await until('the failed credit memo in the Exception Queue', async () => {
			const open = await queue('rebate-credit-memos').list({ status: 'open', key: acr('P-ALPHA', 'PT-VOLUME') });
			return open.length > 0 ? open : undefined;
		});
		sandbox.clearFaults('netsuite');
		expect(failed.map((e) => [e.key, e.meta.system, e.meta.entity, e.meta.errorClass])).toEqual([[acr('P-ALPHA', 'PT-VOLUME'), 'netsuite', 'creditMemo', 'transient']]);
		expect((failed[0].payload as { json: { accrual: { amount: string } } }).json.accrual.amount).toBe('1500.00');
		expect(rebateMemos()).toHaveLength(3);

		await decide(mailFor('Bravo Building Supply'), 'Reject', 'cfo@northwind.example', 'Certification lapsed: no rebate this quarter');
		await until('the rejection in the audit log', async () => (await auditEntries()).some((e) => e.action === 'reject'));

		const replay = await trigger('rebate-governance/replay');
		expect(replay.status).toBe('success');
		const memo = rebateMemos().find((m) => m.externalId === acr('P-ALPHA', 'PT-VOLUME'));
		expect(memo).toMatchObject({ total: 1500, entity: { id: partnerIds()['P-ALPHA'] } });
		expect(await queue('rebate-credit-memos').list({ status: 'open' })).toEqual([]);
		expect((await queue('rebate-credit-memos').list({}))[0]).toMatchObject({ status: 'resolved' });

		// A second replay finds nothing to do.
		const again = await trigger('rebate-governance/replay');
		expect(items(again, 'Replay Failed Credit Memos')).toEqual([]);
		expect(rebateMemos()).toHaveLength(4);
		expect(rebateMemos().filter((m) => m.externalId === acr('P-BRAVO', 'PT-VOLUME'))).toEqual([]);

		const entries = await auditEntries();
		const decisions = entries.filter((e) => ['approve', 'reject'].includes(e.action)).map((e) => [e.action, e.entityId, e.decision, e.actor, e.reason]);
		expect(decisions).toEqual([
			['approve', acr('P-ALPHA', 'PT-VOLUME'), 'approved', 'cfo@northwind.example', 'Cap agreed with the partner manager'],
			['reject', acr('P-BRAVO', 'PT-VOLUME'), 'rejected', 'cfo@northwind.example', 'Certification lapsed: no rebate this quarter'],
		]);
		const issued = entries.filter((e) => e.action === 'issue-credit-memo' && e.entityId === acr('P-ALPHA', 'PT-VOLUME'));
		expect(issued).toHaveLength(1);
		expect(issued[0].details).toMatchObject({ system: 'netsuite', id: memo!.id, replay: failed[0].id });
	});

	it('changes nothing when the same quarter runs again', async () => {
		const memos = rebateMemos();
		const notes = stripeNotes();
		const entries = await auditEntries();
		const review = await queue('rebate-review').list({});
		const mails = smtp.messages.length;

		const rerun = await trigger('rebate-governance/run', { period: '2025-Q1' });
		expect(rerun.status).toBe('success');
		expect(items(rerun, 'Rebate Engine', 1).map((e) => e.reason)).toEqual(['CAP_EXCEEDED', 'CERTIFICATION_EXPIRED', 'MISSING_BASELINE']);
		expect(items(rerun, 'Decided Before?', 2)).toHaveLength(7); // all unchanged
		expect(items(rerun, 'Decided Before?', 0)).toEqual([]);

		expect(rebateMemos()).toEqual(memos);
		expect(stripeNotes()).toEqual(notes);
		expect(await auditEntries()).toEqual(entries);
		expect(await queue('rebate-review').list({})).toEqual(review);
		expect(smtp.messages).toHaveLength(mails);

		const verified = await audit().verify();
		expect(verified).toMatchObject({ valid: true, entries: 15, problems: [] });
	});

	it('refuses a run without the token and a period that is not a quarter', async () => {
		const forged = await n8n().callWebhook('rebate-governance/run', { body: { period: '2025-Q1' }, headers: { [TOKEN.name]: 'wrong' } });
		expect(forged.status).toBe(403);
		const bad = await trigger('rebate-governance/run', { period: '2025-13' });
		expect(bad.status).toBe('error');
		expect(bad.data?.resultData?.error?.message).toMatch(/is not a quarter/);
	});
});
