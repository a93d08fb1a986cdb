/**
 * The partner-onboarding template as shipped, in a real n8n against the sandbox: an application through
 * the n8n form is refused with its reasons (nothing created), a valid one waits for approval, the approval
 * link (posted to a chat webhook) creates the customer once in NetSuite, Stripe and ConnectWise, links the
 * IDs and writes the Audit Log; the same partner again creates nothing; a ConnectWise fault lands in the
 * Exception Queue and the replay finishes it without a second ERP or billing customer.
 */
import { join } from 'node:path';

import { nodeItems, type CredentialJson, type WorkflowJson } from '../../../cli/runtime';
import { sandboxCredentials } from '../../../cli/sandboxCredentials';
import { bindCredentials, loadTemplates, stableId } from '../../../cli/workflows';
import { startSandbox, type RunningSandbox } from '../../../sandbox';
import { PROJECT_ROOT, useN8n } from '../harness';
import {
	click,
	confirmFormPage,
	local,
	outputOf,
	pageText,
	ranNodes,
	startCatcher,
	submitForm,
	waitForStatus,
	withConfiguration,
	type Catcher,
} from './executionData';

const TEMPLATE = 'partner-onboarding.json';
const FORM_PATH = 'partner-onboarding';
const PKG = 'n8n-nodes-erp-interop';

type Json = Record<string, unknown>;

interface Application {
	partnerId: string;
	companyName: string;
	website?: string;
	contactName: string;
	contactEmail: string;
	contactPhone?: string;
	certificationLevel: string;
	certificationExpiry: string;
	paymentTerms: string;
	creditLimit: string;
	annualCommitment: string;
	requestedTier: string;
}

/** The form's fields in order (field-0 … field-11). */
const fields = (a: Application) => [
	a.partnerId,
	a.companyName,
	a.website ?? '',
	a.contactName,
	a.contactEmail,
	a.contactPhone ?? '',
	a.certificationLevel,
	a.certificationExpiry,
	a.paymentTerms,
	a.creditLimit,
	a.annualCommitment,
	a.requestedTier,
];

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const ACME: Application = {
	partnerId: 'ACME-4711',
	companyName: 'Acme Cloud Services',
	website: 'https://acme-cloud.example',
	contactName: 'Dana Whitfield',
	contactEmail: 'Dana.Whitfield@acme-cloud.example',
	contactPhone: '206-555-0147',
	certificationLevel: 'Gold',
	certificationExpiry: inDays(400),
	paymentTerms: 'Net 30',
	creditLimit: '120000',
	annualCommitment: '180000',
	requestedTier: 'Platinum',
};

let sandbox: RunningSandbox;
let catcher: Catcher;
let workflowId = '';
const store: CredentialJson = { id: stableId('credential:e2e-onboarding-store'), name: 'Interop State Store', type: 'interopStateStore', data: { backend: 'file' } };

/** Reads the Audit Log and the cross-reference table with the pack's own nodes. */
const inspect: WorkflowJson = {
	id: 'e2eOnboardInspct',
	name: 'E2E onboarding inspect',
	active: false,
	nodes: [
		{ id: 'i-start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'i-audit',
			name: 'Audit',
			type: `${PKG}.auditLog`,
			typeVersion: 1,
			position: [220, -100],
			parameters: { operation: 'query', log: 'partner-onboarding', entityType: '', entityId: '', returnAll: true },
			credentials: { interopStateStore: { id: store.id, name: store.name } },
		},
		{
			id: 'i-xref',
			name: 'Cross-References',
			type: `${PKG}.recordMapper`,
			typeVersion: 1,
			position: [220, 100],
			parameters: { resource: 'crossReference', operation: 'list', table: 'customers', returnAll: true, filters: {} },
			credentials: { interopStateStore: { id: store.id, name: store.name } },
		},
	],
	connections: { Start: { main: [[{ node: 'Audit', type: 'main', index: 0 }, { node: 'Cross-References', type: 'main', index: 0 }]] } },
	settings: { executionOrder: 'v1' },
};

describe('partner-onboarding template in a real n8n', () => {
	const n8n = useN8n(async () => {
		sandbox = await startSandbox({ seed: 11, systems: ['netsuite', 'stripe', 'connectwise', 'chargebee'] });
		catcher = await startCatcher();
		const credentials = [...sandboxCredentials(sandbox), store];
		const template = loadTemplates(join(PROJECT_ROOT, 'workflows')).find((w) => w.file === TEMPLATE);
		if (!template) throw new Error(`${TEMPLATE} is missing`);
		workflowId = template.id as string;
		// The one setting a user fills in: where approval requests are posted (here: the local catcher).
		const configured = withConfiguration(template, (config) => {
			(config.approval as Json).notifyUrl = catcher.url;
		});
		return { credentials, workflows: [bindCredentials(configured, credentials), inspect], webhooks: [{ path: FORM_PATH, method: 'POST' }] };
	});

	afterAll(async () => {
		await catcher?.close();
		await sandbox?.close();
	});

	const erpCustomers = (externalId: string) => sandbox.records<Json>('netsuite', 'customer').filter((c) => c.externalId === externalId);
	const stripeCustomers = (partnerId: string) =>
		sandbox.records<Json>('stripe', 'customers').filter((c) => (c.metadata as Json | undefined)?.partner_id === partnerId);
	const psaCompanies = (identifier: string) => sandbox.records<Json>('connectwise', 'companies').filter((c) => c.identifier === identifier);

	/** Submits, shows the Submitted page, confirms it like the browser does, and returns the approval request. */
	async function applyAndGetApprovalRequest(application: Application) {
		const page = await submitForm(n8n(), FORM_PATH, fields(application));
		const text = pageText(page.html);
		expect(text).toContain('waiting for approval');
		expect(await confirmFormPage(page)).toBe(200);
		const request = await catcher.next();
		await waitForStatus(n8n(), page.executionId, ['waiting']);
		return { page, text, request };
	}

	it('refuses an application below the thresholds with every reason, and creates nothing', async () => {
		const page = await submitForm(n8n(), FORM_PATH, fields({
			...ACME,
			partnerId: 'LOWLY-1',
			certificationLevel: 'Registered',
			certificationExpiry: inDays(30),
			paymentTerms: 'Net 60',
			creditLimit: '900000',
			annualCommitment: '5000',
			requestedTier: 'Gold',
		}));
		const text = pageText(page.html);
		expect(text).toContain('Application not accepted');
		expect(text).toContain('Certification level Registered is below the minimum Silver');
		expect(text).toContain('less than 90 days from today');
		expect(text).toContain('Payment terms Net 60 are not offered');
		expect(text).toContain('Requested credit limit 900000 is above the maximum 250000');
		expect(text).toContain('Annual commitment 5000 is below the minimum 25000');
		expect(text).toContain('No pricing tier fits');
		expect(await confirmFormPage(page)).toBe(200);
		const run = await waitForStatus(n8n(), page.executionId, ['success']);
		expect(ranNodes(run)).not.toContain('Hold Partner ID');
		expect(erpCustomers('PARTNER-LOWLY-1')).toEqual([]);
		expect(stripeCustomers('LOWLY-1')).toEqual([]);
		expect(psaCompanies('PLOWLY1')).toEqual([]);
		expect(catcher.bodies).toEqual([]);
	});

	it('waits for approval, ignores a forged link, and on approval creates the customer once in ERP, billing and PSA', async () => {
		const { text, request, page } = await applyAndGetApprovalRequest(ACME);
		// Platinum needs Platinum certification and 500,000 a year: Gold with 180,000 gets Gold.
		expect(text).toContain('Pricing tier: Gold');
		expect(request).toMatchObject({ partnerId: 'ACME-4711' });
		expect(String(request.text)).toContain('Requested tier Platinum needs certification Platinum and annual commitment 500000; granted Gold');
		const approveUrl = local(n8n(), String(request.approveUrl));
		expect(approveUrl).toMatch(/\/webhook-waiting\/\d+\?decision=approve&token=[0-9a-f]{40}&approver=/);

		// A link preview (a bot) does not decide anything.
		expect((await fetch(approveUrl, { headers: { 'user-agent': 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)' } })).status).toBe(403);
		// A guessed link (right execution, wrong token) changes nothing; the application keeps waiting.
		const forged = approveUrl.replace(/token=[0-9a-f]+/, `token=${'0'.repeat(40)}`);
		expect((await click(forged)).status).toBe(200);
		await new Promise((resolve) => setTimeout(resolve, 1500));
		expect((await waitForStatus(n8n(), page.executionId, ['waiting'])).status).toBe('waiting');
		expect(erpCustomers('PARTNER-ACME-4711')).toEqual([]);

		const approved = await click(`${approveUrl}&reason=${encodeURIComponent('Strong pipeline in the Northwest')}`);
		expect(approved.status).toBe(200);
		const run = await waitForStatus(n8n(), page.executionId, ['success', 'error']);
		expect(run.status).toBe('success');

		const [erp] = erpCustomers('PARTNER-ACME-4711');
		expect(erpCustomers('PARTNER-ACME-4711')).toHaveLength(1);
		expect(erp).toMatchObject({
			companyName: 'Acme Cloud Services',
			email: 'dana.whitfield@acme-cloud.example',
			subsidiary: { id: '1' },
			terms: { id: '2' },
			priceLevel: { id: '4' },
			creditLimit: 120000,
		});
		const stripe = stripeCustomers('ACME-4711');
		expect(stripe).toHaveLength(1);
		expect(stripe[0]).toMatchObject({ name: 'Acme Cloud Services', email: 'dana.whitfield@acme-cloud.example', metadata: { erp_customer_id: 'PARTNER-ACME-4711', pricing_tier: 'Gold' } });
		const psa = psaCompanies('PACME4711');
		expect(psa).toHaveLength(1);
		expect(psa[0]).toMatchObject({ name: 'Acme Cloud Services' });

		const [xref] = outputOf(run, 'Record Cross-References');
		expect(xref.ids).toEqual({ partnerPortal: 'ACME-4711', netSuite: String(erp.id), stripe: String(stripe[0].id), connectWisePsa: String(psa[0].id) });

		const inspected = await n8n().execute(inspect.id!);
		const audit = nodeItems(inspected, 'Audit').filter((e) => e.entityId === 'ACME-4711');
		expect(audit.map((e) => [e.action, e.actor, e.decision])).toEqual([
			['approve', 'partner-ops@northwind-msp.example', 'approved'],
			['onboard', 'partner-ops@northwind-msp.example', 'created'],
		]);
		expect(audit[0].reason).toBe('Pricing tier Gold: Requested tier Platinum needs certification Platinum and annual commitment 500000; granted Gold. Approver: Strong pipeline in the Northwest');
		expect(audit[0].details).toMatchObject({ pricingTier: 'Gold', requestedTier: 'Platinum', certificationLevel: 'Gold' });
	});

	it('answers the same partner again without creating anything', async () => {
		const before = { erp: erpCustomers('PARTNER-ACME-4711').length, stripe: stripeCustomers('ACME-4711').length, psa: psaCompanies('PACME4711').length };
		const page = await submitForm(n8n(), FORM_PATH, fields({ ...ACME, companyName: 'Acme Cloud Services (again)' }));
		expect(pageText(page.html)).toContain('Partner ACME-4711 is already onboarded');
		await confirmFormPage(page);
		const run = await waitForStatus(n8n(), page.executionId, ['success']);
		expect(ranNodes(run)).not.toContain('ERP Customer');
		expect({ erp: erpCustomers('PARTNER-ACME-4711').length, stripe: stripeCustomers('ACME-4711').length, psa: psaCompanies('PACME4711').length }).toEqual(before);
		expect(erpCustomers('PARTNER-ACME-4711')[0].companyName).toBe('Acme Cloud Services');
	});

	it('keeps a PSA failure in the Exception Queue and the replay completes it once, without a second ERP or billing customer', async () => {
		const beacon: Application = { ...ACME, partnerId: 'BEACON-22', companyName: 'Beacon IT Partners', contactEmail: 'ops@beacon-it.example', requestedTier: 'Silver' };
		const { request, page } = await applyAndGetApprovalRequest(beacon);
		sandbox.setFaults({ errorRate: 1, errorStatus: 500 }, 'connectwise');
		try {
			await click(local(n8n(), String(request.approveUrl)));
			const run = await waitForStatus(n8n(), page.executionId, ['success', 'error'], 90_000);
			expect(run.status).toBe('success');
			const [exception] = outputOf(run, 'Onboarding Failed');
			expect(exception).toMatchObject({ key: 'partner:BEACON-22', status: 'open', system: 'connectwise', entity: 'partner', node: 'PSA Company', created: true });
			expect(String(exception.message)).toMatch(/ConnectWise PSA 500/);
		} finally {
			sandbox.clearFaults('connectwise');
		}
		expect(erpCustomers('PARTNER-BEACON-22')).toHaveLength(1);
		expect(stripeCustomers('BEACON-22')).toHaveLength(1);
		expect(psaCompanies('PBEACON22')).toEqual([]);

		const replay = await n8n().execute(workflowId);
		expect(replay.error).toBeUndefined();
		expect(nodeItems(replay, 'Replay Failed Onboardings').map((i) => i.partnerId)).toEqual(['BEACON-22']);
		// The ERP upsert finds its customer; the table already has the Stripe ID, so billing is skipped.
		expect(nodeItems(replay, 'Billing Customer Known?', { output: 0 })).toHaveLength(1);
		expect(nodeItems(replay, 'Resolve Exceptions')[0].resolvedExceptions).toHaveLength(1);
		expect(erpCustomers('PARTNER-BEACON-22')).toHaveLength(1);
		expect(stripeCustomers('BEACON-22')).toHaveLength(1);
		expect(psaCompanies('PBEACON22')).toHaveLength(1);

		// Nothing left to replay: a second replay run changes nothing.
		const again = await n8n().execute(workflowId);
		expect(again.error).toBeUndefined();
		expect(nodeItems(again, 'Replay Failed Onboardings')).toEqual([]);
		expect(psaCompanies('PBEACON22')).toHaveLength(1);
		const inspected = await n8n().execute(inspect.id!);
		expect(nodeItems(inspected, 'Audit').filter((e) => e.entityId === 'BEACON-22').map((e) => e.action)).toEqual(['approve', 'onboard']);
		const [entity] = nodeItems(inspected, 'Cross-References').filter((e) => (e.ids as Json).partnerPortal === 'BEACON-22');
		expect(Object.keys(entity.ids as Json).sort()).toEqual(['connectWisePsa', 'netSuite', 'partnerPortal', 'stripe']);
	});

	it('a rejected application creates nothing and frees the partner ID for a new application', async () => {
		const cobalt: Application = { ...ACME, partnerId: 'COBALT-5', companyName: 'Cobalt Networks', requestedTier: 'Silver' };
		const { request, page } = await applyAndGetApprovalRequest(cobalt);
		expect((await click(`${local(n8n(), String(request.rejectUrl))}&reason=${encodeURIComponent('Territory already covered')}`)).status).toBe(200);
		const run = await waitForStatus(n8n(), page.executionId, ['success']);
		expect(ranNodes(run)).toContain('Release Partner ID');
		expect(ranNodes(run)).not.toContain('ERP Customer');
		expect(erpCustomers('PARTNER-COBALT-5')).toEqual([]);
		const inspected = await n8n().execute(inspect.id!);
		expect(nodeItems(inspected, 'Audit').filter((e) => e.entityId === 'COBALT-5').map((e) => [e.action, e.decision, e.reason])).toEqual([
			['reject', 'rejected', 'Territory already covered'],
		]);
		// The partner may apply again: the form goes to approval instead of "already received".
		const again = await submitForm(n8n(), FORM_PATH, fields(cobalt));
		expect(pageText(again.html)).toContain('waiting for approval');
		await confirmFormPage(again);
		await catcher.next();
	});
});
