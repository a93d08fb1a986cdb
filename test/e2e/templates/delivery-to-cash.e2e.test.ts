/**
 * The delivery-to-cash template as shipped, in a real n8n against the sandbox: approved ConnectWise time
 * and expenses of a billing period become one NetSuite invoice per agreement with the right amount (checked
 * by hand below), a PSA copy of each invoice, and Stripe meter events for a usage-billed customer; a second
 * run writes nothing; a payment in NetSuite marks the PSA copy paid; a NetSuite fault on the invoice write
 * ends in the Exception Queue and the replay bills the agreement exactly once.
 */
import { join } from 'node:path';

import { nodeItems, type CredentialJson, type ExecutionResult, type WorkflowJson } from '../../../cli/runtime';
import { sandboxCredentials } from '../../../cli/sandboxCredentials';
import { bindCredentials, loadTemplates, stableId } from '../../../cli/workflows';
import { startSandbox, type ConnectWisePlugin, type RunningSandbox } from '../../../sandbox';
import { PROJECT_ROOT, useN8n } from '../harness';
import { withConfiguration } from './executionData';

const TEMPLATE = 'delivery-to-cash.json';
const PKG = 'n8n-nodes-erp-interop';
const TENANT = 'northwind-msp';

type Json = Record<string, unknown>;
type Ref = { id: number; name?: string; identifier?: string };

/** The previous calendar month in UTC, as the template's billing period; entries are dated inside it. */
const now = new Date();
const previous = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
const PERIOD = previous.toISOString().slice(0, 7);
const twoMonthsAgo = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 12)).toISOString().slice(0, 10);
const day = (d: number) => `${PERIOD}-${String(d).padStart(2, '0')}`;

let sandbox: RunningSandbox;
let workflowId = '';
const store: CredentialJson = { id: stableId('credential:e2e-d2c-store'), name: 'Interop State Store', type: 'interopStateStore', data: { backend: 'file' } };
const storeRef = { interopStateStore: { id: store.id, name: store.name } };

/** The seeded records the scenario uses, picked once the sandbox runs. */
const pick = {
	a1: {} as Json, // agreement billed to ERP customer 1
	a2: {} as Json, // agreement billed to ERP customer 2
	a3: {} as Json, // agreement approved late, billed while NetSuite fails
	unlinked: {} as Ref, // company without an ERP customer in the cross-reference table
	usage: {} as Ref, // company billed by usage in Stripe
	usageCb: {} as Ref, // company billed by usage in Chargebee
	subscription: '',
	erp1: '',
	erp2: '',
	erp3: '',
	stripeCustomer: '',
};
const entries: Record<string, number> = {};

const cw = () => sandbox.plugin<ConnectWisePlugin>('connectwise');
const ref = (r: Json): Ref => ({ id: r.id as number, name: r.name as string });
const byName = (collection: string, name: string) => (sandbox.records<Json>('connectwise', collection).find((r) => r.name === name) as Json).id as number;

function time(key: string, company: Ref, agreement: Json | undefined, date: string, hours: number, workType: string, approve = true, billable = 'Billable', at = '14:00:00'): void {
	const start = `${date}T${at}Z`;
	const end = new Date(Date.parse(start) + hours * 3_600_000).toISOString().replace('.000Z', 'Z');
	const created = cw().createAs('timeEntries', {
		company: { id: company.id },
		...(agreement ? { agreement: { id: agreement.id } } : {}),
		chargeToType: 'ServiceTicket',
		workType: { id: byName('workTypes', workType) },
		timeStart: start,
		timeEnd: end,
		billableOption: billable,
		notes: `${workType} for ${company.name ?? company.id}`,
	}) as { id: number };
	entries[key] = created.id;
	if (approve) cw().approveEntries('timeEntries', [created.id]);
}

function expense(key: string, company: Ref, agreement: Json, date: string, amount: number, type: string): void {
	const created = cw().createAs('expenseEntries', {
		company: { id: company.id },
		agreement: { id: agreement.id },
		type: { id: byName('expenseTypes', type) },
		amount,
		date: `${date}T00:00:00Z`,
		billableOption: 'Billable',
		notes: `${type} to site`,
	}) as { id: number };
	entries[key] = created.id;
	cw().approveEntries('expenseEntries', [created.id]);
}

/** Manual trigger → rows → Split Out → Record Mapper upsert: the cross-references onboarding would have made. */
function linkWorkflow(rows: Json[]): WorkflowJson {
	return {
		id: 'e2eD2cLinkXrefs1',
		name: 'E2E delivery-to-cash links',
		active: false,
		nodes: [
			{ id: 'l-start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: 'l-rows', name: 'Rows', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [200, 0], parameters: { mode: 'raw', jsonOutput: JSON.stringify({ rows }), options: {} } },
			{ id: 'l-split', name: 'Split', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [400, 0], parameters: { fieldToSplitOut: 'rows', options: {} } },
			{
				id: 'l-link',
				name: 'Link',
				type: `${PKG}.recordMapper`,
				typeVersion: 1,
				position: [600, 0],
				parameters: { resource: 'crossReference', operation: 'upsert', table: 'customers', idsSource: 'json', idsJson: '={{ $json }}', options: {} },
				credentials: storeRef,
			},
		],
		connections: {
			Start: { main: [[{ node: 'Rows', type: 'main', index: 0 }]] },
			Rows: { main: [[{ node: 'Split', type: 'main', index: 0 }]] },
			Split: { main: [[{ node: 'Link', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/** Pays one ERP invoice the way accounts receivable would: NetSuite's invoice → customer payment transform. */
function payWorkflow(externalId: string, credential: CredentialJson): WorkflowJson {
	const ns = { [credential.type]: { id: credential.id, name: credential.name } };
	return {
		id: 'e2eD2cPayInvoice',
		name: 'E2E delivery-to-cash payment',
		active: false,
		nodes: [
			{ id: 'p-start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'p-find',
				name: 'Find Invoice',
				type: `${PKG}.netSuiteErp`,
				typeVersion: 1,
				position: [200, 0],
				parameters: { authentication: 'tba', resource: 'suiteql', operation: 'execute', query: `SELECT id FROM transaction WHERE externalid = '${externalId}'`, returnAll: true, options: {} },
				credentials: ns,
			},
			{
				id: 'p-pay',
				name: 'Pay',
				type: `${PKG}.netSuiteErp`,
				typeVersion: 1,
				position: [400, 0],
				parameters: {
					authentication: 'tba',
					resource: 'record',
					operation: 'transform',
					sourceType: 'invoice',
					recordId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
					targetType: 'customerPayment',
					fields: '{}',
					options: {},
				},
				credentials: ns,
			},
		],
		connections: {
			Start: { main: [[{ node: 'Find Invoice', type: 'main', index: 0 }]] },
			'Find Invoice': { main: [[{ node: 'Pay', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

const externalIdOf = (agreement: Json) => `D2C-A${String(agreement.id)}-${PERIOD}`;
const erpInvoices = (externalId: string) => sandbox.records<Json>('netsuite', 'invoice').filter((i) => i.externalId === externalId);
const psaInvoices = (reference: string) => sandbox.records<Json>('connectwise', 'invoices').filter((i) => i.reference === reference);
const chargebeeUsages = () => sandbox.records<Json>('chargebee', 'usages').filter((u) => String(u.id).startsWith(`${TENANT}-`));
const meterEvents = () => sandbox.records<Json>('stripe', 'meter_events').filter((e) => String(e.identifier).startsWith(`${TENANT}:`));

/** Cents from a decimal string or number: the hand check below never adds binary fractions. */
const cents = (value: unknown) => {
	const [whole, fraction = ''] = String(value).split('.');
	return Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
};

describe('delivery-to-cash template in a real n8n', () => {
	let tba: CredentialJson;
	const n8n = useN8n(async () => {
		sandbox = await startSandbox({ seed: 17, systems: ['netsuite', 'connectwise', 'stripe', 'chargebee'] });
		const credentials = [...sandboxCredentials(sandbox), store];
		tba = credentials.find((c) => c.type === 'netSuiteTbaApi') as CredentialJson;

		const agreements = sandbox.records<Json>('connectwise', 'agreements').filter((a) => a.agreementStatus === 'Active');
		const distinct: Json[] = [];
		for (const a of agreements) if (!distinct.some((d) => (d.company as Ref).id === (a.company as Ref).id)) distinct.push(a);
		[pick.a1, pick.a2, pick.a3] = distinct;
		const used = new Set(distinct.slice(0, 3).map((a) => (a.company as Ref).id));
		const others = sandbox.records<Json>('connectwise', 'companies').filter((c) => !used.has(c.id as number) && c.id !== 1);
		[pick.unlinked, pick.usage, pick.usageCb] = [ref(others[0]), ref(others[1]), ref(others[2])];
		pick.subscription = String(sandbox.records<Json>('chargebee', 'subscriptions').find((sub) => sub.status === 'active')?.id);
		const erpCustomers = sandbox.records<Json>('netsuite', 'customer').filter((c) => c.isInactive !== true);
		[pick.erp1, pick.erp2, pick.erp3] = erpCustomers.slice(0, 3).map((c) => String(c.id));
		pick.stripeCustomer = String(sandbox.records<Json>('stripe', 'customers')[0].id);

		const c1 = pick.a1.company as Ref;
		const c2 = pick.a2.company as Ref;
		// Agreement 1: 2.5 h Remote Support (125.00), 1.75 h Onsite Support (165.00), a 45.20 mileage expense.
		time('a1-remote', c1, pick.a1, day(3), 2.5, 'Remote Support');
		time('a1-onsite', c1, pick.a1, day(14), 1.75, 'Onsite Support');
		expense('a1-mileage', c1, pick.a1, day(14), 45.2, 'Mileage');
		// Not billed: not approved, not billable, outside the period.
		time('a1-open', c1, pick.a1, day(20), 4, 'Remote Support', false);
		time('a1-nocharge', c1, pick.a1, day(21), 1, 'Remote Support', true, 'NoCharge');
		time('a1-old', c1, pick.a1, twoMonthsAgo, 3, 'Remote Support');
		// Agreement 2: 3 h Project Work (150.00).
		time('a2-project', c2, pick.a2, day(8), 3, 'Project Work');
		// A company with no ERP customer linked, and one billed by usage in Stripe.
		time('unlinked', pick.unlinked, undefined, day(9), 1, 'After Hours');
		time('usage', pick.usage, undefined, day(10), 2, 'Remote Support');
		// Two entries on one day for the Chargebee-billed company: two usages, each once.
		time('usage-cb-1', pick.usageCb, undefined, day(11), 0.5, 'Remote Support');
		time('usage-cb-2', pick.usageCb, undefined, `${day(11)}`, 1.25, 'Onsite Support', true, 'Billable', '17:30:00');

		const template = loadTemplates(join(PROJECT_ROOT, 'workflows')).find((w) => w.file === TEMPLATE);
		if (!template) throw new Error(`${TEMPLATE} is missing`);
		workflowId = template.id as string;
		// What a user sets: the period to bill (here fixed, so the test does not depend on the day it runs) and
		// which customer is billed by usage in Stripe.
		const configured = withConfiguration(template, (config) => {
			config.billingPeriod = PERIOD;
			config.usageBilling = {
				[String(pick.usage.id)]: { system: 'stripe', meterEventName: 'support_hours' },
				[String(pick.usageCb.id)]: { system: 'chargebee', subscriptionId: pick.subscription, itemPriceId: 'backup-storage-gb-USD-monthly' },
			};
		});
		const links = [
			{ connectWisePsa: String(c1.id), netSuite: pick.erp1 },
			{ connectWisePsa: String(c2.id), netSuite: pick.erp2 },
			{ connectWisePsa: String((pick.a3.company as Ref).id), netSuite: pick.erp3 },
			{ connectWisePsa: String(pick.usage.id), stripe: pick.stripeCustomer },
		];
		return {
			credentials,
			workflows: [bindCredentials(configured, credentials), linkWorkflow(links), payWorkflow(externalIdOf(pick.a1), tba)],
		};
	});

	afterAll(async () => {
		await sandbox?.close();
	});

	beforeAll(async () => {
		// The usage meter the Stripe account bills support hours with.
		const stripe = sandbox.systems.stripe.credentials;
		const meter = await fetch(`${stripe.baseUrl}/v1/billing/meters`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${stripe.secretKey}`, 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ display_name: 'Support hours', event_name: 'support_hours', 'default_aggregation[formula]': 'sum' }).toString(),
		});
		expect(meter.status).toBe(200);
		const linked = await n8n().execute('e2eD2cLinkXrefs1');
		expect(linked.error).toBeUndefined();
		expect(nodeItems(linked, 'Link')).toHaveLength(4);
	});

	const run = async (): Promise<ExecutionResult> => await n8n().execute(workflowId);
	/** A node's items, or none when it did not run in that execution. */
	const items = (result: ExecutionResult, node: string, output = 0) => (result.runData[node] ? nodeItems(result, node, { output }) : []);

	it('bills approved time and expenses once per agreement, with the amounts NetSuite computes from the lines', async () => {
		// The configured NetSuite items exist in the sandbox account.
		const items = sandbox.records<Json>('netsuite', 'nonInventorySaleItem').map((i) => i.id);
		expect(items).toEqual(expect.arrayContaining(['117', '118']));

		const first = await run();
		expect(first.error).toBeUndefined();

		const [inv1] = erpInvoices(externalIdOf(pick.a1));
		expect(erpInvoices(externalIdOf(pick.a1))).toHaveLength(1);
		expect(inv1.entity).toEqual({ id: pick.erp1 });
		const lines = (inv1.item as { items: Json[] }).items;
		expect(lines.map((l) => [l.item, l.quantity, l.rate])).toEqual([
			[{ id: '118' }, 1, 45.2],
			[{ id: '117' }, 2.5, 125],
			[{ id: '117' }, 1.75, 165],
		]);
		// By hand, in cents: 2.5 × 125.00 = 312.50; 1.75 × 165.00 = 288.75; + 45.20 = 646.45.
		const expected1 = (250 * 12500) / 100 + (175 * 16500) / 100 + 4520;
		expect(expected1).toBe(64645);
		expect(cents(inv1.total)).toBe(expected1);

		const [inv2] = erpInvoices(externalIdOf(pick.a2));
		expect(erpInvoices(externalIdOf(pick.a2))).toHaveLength(1);
		// 3 × 150.00 = 450.00
		expect(cents(inv2.total)).toBe(45000);
		expect(inv2.entity).toEqual({ id: pick.erp2 });

		// The PSA has a copy of each ERP invoice, found again by its reference.
		const [copy1] = psaInvoices(externalIdOf(pick.a1));
		expect(psaInvoices(externalIdOf(pick.a1))).toHaveLength(1);
		expect(copy1).toMatchObject({ type: 'Agreement', company: { id: (pick.a1.company as Ref).id }, subtotal: 646.45, status: { name: 'New' } });
		expect(copy1.applyToType).toBe('Agreement');
		expect(copy1.applyToId).toBe(pick.a1.id);

		// The unlinked company is not billed; its draft waits in the Exception Queue.
		const unlinkedId = `D2C-C${pick.unlinked.id}-${PERIOD}`;
		expect(erpInvoices(unlinkedId)).toEqual([]);
		expect(nodeItems(first, 'Customer Not Linked')).toEqual([
			expect.objectContaining({ key: unlinkedId, errorClass: 'not_found', entity: 'invoice', status: 'open', created: true }),
		]);

		// The usage-billed company's time went to Stripe as one meter event, not to NetSuite.
		expect(meterEvents()).toEqual([
			expect.objectContaining({ event_name: 'support_hours', identifier: `${TENANT}:time:${entries.usage}`, payload: { stripe_customer_id: pick.stripeCustomer, value: '2' } }),
		]);
		expect(erpInvoices(`D2C-C${pick.usage.id}-${PERIOD}`)).toEqual([]);
		// The Chargebee-billed company's two entries are two usages with their own IDs.
		expect(chargebeeUsages().map((u) => [u.id, u.item_price_id, u.quantity, u.subscription_id])).toEqual([
			[`${TENANT}-time-${entries['usage-cb-1']}`, 'backup-storage-gb-USD-monthly', '0.5', pick.subscription],
			[`${TENANT}-time-${entries['usage-cb-2']}`, 'backup-storage-gb-USD-monthly', '1.25', pick.subscription],
		]);
	});

	it('a second run with the same approved entries writes nothing', async () => {
		const before = sandbox.records<Json>('netsuite', 'invoice').map((i) => [i.externalId, i.lastModifiedDate]);
		const psaBefore = sandbox.records<Json>('connectwise', 'invoices').length;
		const second = await run();
		expect(second.error).toBeUndefined();
		expect(items(second, 'New or Changed', 0)).toHaveLength(1); // the unlinked draft, never confirmed
		expect(items(second, 'New or Changed', 1)).toEqual([]);
		expect(items(second, 'ERP Invoice')).toEqual([]);
		expect(sandbox.records<Json>('netsuite', 'invoice').map((i) => [i.externalId, i.lastModifiedDate])).toEqual(before);
		expect(sandbox.records<Json>('connectwise', 'invoices')).toHaveLength(psaBefore);
		expect(meterEvents()).toHaveLength(1);
		expect(chargebeeUsages()).toHaveLength(2);
		// The unlinked draft fails again (replayed, and offered again): the same exception, more attempts.
		const again = nodeItems(second, 'Customer Not Linked');
		expect(again.map((e) => [e.key, e.created])).toEqual(again.map(() => [`D2C-C${pick.unlinked.id}-${PERIOD}`, false]));
		expect(Math.max(...again.map((e) => Number(e.attempts)))).toBeGreaterThan(1);
	});

	it('hours changed after the usage was sent go to the Exception Queue, never as a second usage', async () => {
		cw().updateAs('timeEntries', entries.usage, { actualHours: 2.5 });
		const changed = await run();
		expect(changed.error).toBeUndefined();
		expect(items(changed, 'Usage Changed')).toEqual([
			expect.objectContaining({ key: `time:${entries.usage}`, errorClass: 'conflict', entity: 'usage', status: 'open' }),
		]);
		expect(String(items(changed, 'Usage Changed')[0].message)).toContain('line.quantity: 2 → 2.5');
		expect(meterEvents()).toHaveLength(1);
		expect(meterEvents()[0].payload).toEqual({ stripe_customer_id: pick.stripeCustomer, value: '2' });
	});

	it('a payment in NetSuite marks the PSA copy paid, once', async () => {
		const paid = await n8n().execute('e2eD2cPayInvoice');
		expect(paid.error).toBeUndefined();
		expect(erpInvoices(externalIdOf(pick.a1))[0].status).toEqual({ id: 'B', refName: 'Paid In Full' });

		const third = await run();
		expect(third.error).toBeUndefined();
		expect(nodeItems(third, 'Newly Paid', { output: 0 }).map((i) => i.externalid)).toEqual([externalIdOf(pick.a1)]);
		expect(psaInvoices(externalIdOf(pick.a1))[0].status).toEqual({ id: 4, name: 'Paid' });
		expect(psaInvoices(externalIdOf(pick.a2))[0].status).toEqual({ id: 1, name: 'New' });

		const fourth = await run();
		expect(items(fourth, 'Newly Paid', 0)).toEqual([]);
		expect(items(fourth, 'Mark PSA Invoice Paid')).toEqual([]);
	});

	it('a NetSuite fault on the invoice write ends in the Exception Queue; the replay bills it exactly once', async () => {
		// A late approval for a third agreement: 2 h After Hours (225.00) = 450.00.
		time('a3-late', pick.a3.company as Ref, pick.a3, day(25), 2, 'After Hours');
		const id3 = externalIdOf(pick.a3);
		sandbox.setFaults({ errorRate: 1, errorStatus: 500 }, 'netsuite');
		let failed: ExecutionResult | undefined;
		try {
			failed = await run();
		} finally {
			sandbox.clearFaults('netsuite');
		}
		if (!failed) throw new Error('the run did not finish');
		expect(nodeItems(failed, 'Invoice Failed')).toEqual([
			expect.objectContaining({ key: id3, errorClass: 'transient', system: 'netSuite', entity: 'invoice', node: 'ERP Invoice', status: 'open' }),
		]);
		// With NetSuite down the payment check fails too: the run fails and goes to the error workflow.
		expect(failed.error).toBeDefined();
		expect(erpInvoices(id3)).toEqual([]);
		expect(psaInvoices(id3)).toEqual([]);

		const replayed = await run();
		expect(replayed.error).toBeUndefined();
		expect(nodeItems(replayed, 'Replay Failed Invoices').map((i) => i.externalId).sort()).toEqual([id3, `D2C-C${pick.unlinked.id}-${PERIOD}`].sort());
		expect(items(replayed, 'Invoice Done').map((i) => [(i.ids as Json).invoiceExternalId, (i.resolvedExceptions as string[]).length])).toEqual([[id3, 1]]);
		// The billing branch after the replay finds the draft written and confirmed: nothing is written twice.
		expect(nodeItems(replayed, 'New or Changed', { output: 0 }).map((i) => i.externalId)).toEqual([`D2C-C${pick.unlinked.id}-${PERIOD}`]);
		expect(erpInvoices(id3)).toHaveLength(1);
		expect(cents(erpInvoices(id3)[0].total)).toBe(2 * 22500);
		expect(psaInvoices(id3)).toHaveLength(1);

		const again = await run();
		expect(nodeItems(again, 'Replay Failed Invoices').map((i) => i.externalId)).toEqual([`D2C-C${pick.unlinked.id}-${PERIOD}`]);
		expect(erpInvoices(id3)).toHaveLength(1);
		expect(psaInvoices(id3)).toHaveLength(1);
	});
});
