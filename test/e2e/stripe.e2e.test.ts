/* eslint-disable @typescript-eslint/no-explicit-any -- Stripe objects are read field by field */
/**
 * Stripe Billing in a real n8n (the packed project installed as a community package) against the
 * Stripe sandbox: the same invoice workflow run twice creates one invoice; usage is recorded once
 * and deduplicated by identifier; the trigger creates its webhook endpoint on activation, refuses
 * forged, expired and unsigned deliveries without a run, runs once for a good one and not at all
 * for a duplicate, and removes the endpoint when the workflow is deactivated.
 */
import { createHmac } from 'node:crypto';

import { nodeItems, type CredentialJson, type WorkflowJson } from '../../cli/runtime';
import { sandboxCredentials } from '../../cli/sandboxCredentials';
import { startSandbox, type RunningSandbox, type StripePlugin } from '../../sandbox';
import { useN8n } from './harness';

const NODE = 'n8n-nodes-erp-interop.stripeBilling';
const TRIGGER = 'n8n-nodes-erp-interop.stripeBillingTrigger';
const WEBHOOK_ID = '5f1c2d3e-7a8b-4c9d-8e0f-stripe0e2e01';
const TRIGGER_PATH = `${WEBHOOK_ID}/webhook`;
const TRIGGER_WORKFLOW = 'stripeTrigger001';

let sandbox: RunningSandbox;
let credential: CredentialJson;
let customerId = '';

function manual(id: string, name: string, parameters: Record<string, unknown>): WorkflowJson {
	return {
		id,
		name,
		active: false,
		nodes: [
			{ id: `${id}-t`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: `${id}-s`,
				name: 'Stripe',
				type: NODE,
				typeVersion: 1,
				position: [220, 0],
				parameters,
				credentials: { stripeBillingApi: { id: credential.id, name: credential.name } },
			},
		],
		connections: { Start: { main: [[{ node: 'Stripe', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

const invoiceParameters = () => ({
	resource: 'invoice',
	operation: 'create',
	inputMode: 'fields',
	customerId: { __rl: true, mode: 'id', value: customerId },
	collectionMethod: 'send_invoice',
	daysUntilDue: 30,
	lines: { line: [{ description: 'Quarterly firewall maintenance', amount: '1249.99', quantity: 1 }, { description: 'After-hours labour', amount: '185', quantity: 2 }] },
	additionalFields: { description: 'E2E invoice' },
	finalize: true,
	metadata: { entries: [{ key: 'e2e_order', value: 'SO-E2E-1' }] },
});

const usageParameters = () => ({
	resource: 'meterEvent',
	operation: 'create',
	inputMode: 'fields',
	eventName: 'api_requests',
	customerId,
	value: '42',
	identifier: 'e2e-usage-row-1',
});

function triggerWorkflow(): WorkflowJson {
	return {
		id: TRIGGER_WORKFLOW,
		name: 'Stripe billing events',
		active: true,
		nodes: [
			{
				id: 'stripe-trigger-node',
				name: 'Stripe Billing Trigger',
				type: TRIGGER,
				typeVersion: 1,
				position: [0, 0],
				webhookId: WEBHOOK_ID,
				parameters: { events: ['customer.updated', 'invoice.paid'], options: {} },
				credentials: { stripeBillingApi: { id: credential.id, name: credential.name } },
			},
			{ id: 'stripe-trigger-noop', name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
		],
		connections: { 'Stripe Billing Trigger': { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

const sign = (secret: string, body: string, t = Math.floor(Date.now() / 1000)) =>
	`t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;

describe('Stripe Billing in a real n8n', () => {
	const n8n = useN8n(async () => {
		sandbox = await startSandbox({ seed: 23, systems: ['stripe'], stripe: { webhookRetryDelaysMs: [] } });
		[credential] = sandboxCredentials(sandbox).filter((c) => c.type === 'stripeBillingApi');
		customerId = sandbox.records<{ id: string }>('stripe', 'customers')[7].id;
		return {
			credentials: [credential],
			workflows: [
				manual('stripeInvoice001', 'Stripe invoice', invoiceParameters()),
				manual('stripeUsage00001', 'Stripe usage', usageParameters()),
				manual('stripeUsage00002', 'Stripe usage (second workflow)', usageParameters()),
				triggerWorkflow(),
			],
			webhooks: [{ path: TRIGGER_PATH, method: 'POST' }],
		};
	});

	afterAll(async () => await sandbox?.close());

	const invoices = () => sandbox.records<any>('stripe', 'invoices').filter((i) => i.metadata?.e2e_order === 'SO-E2E-1');

	it('creates one invoice however often the same invoice workflow runs', async () => {
		const first = await n8n().execute('stripeInvoice001');
		expect(first.error).toBeUndefined();
		const [created] = nodeItems(first, 'Stripe');
		expect(created).toMatchObject({ object: 'invoice', status: 'open', total: 124999 + 2 * 18500, customer: customerId });

		const second = await n8n().execute('stripeInvoice001');
		expect(second.error).toBeUndefined();
		expect(nodeItems(second, 'Stripe')[0].id).toBe(created.id);

		expect(invoices()).toHaveLength(1);
		expect(sandbox.records<any>('stripe', 'invoiceitems').filter((i) => i.invoice === created.id)).toHaveLength(2);
		const keys = sandbox.plugin<StripePlugin>('stripe').idempotencyKeys().filter((k) => /^n8n-[0-9a-f]{48}$/.test(k.key));
		// The draft, two lines and the finalization: four keys derived from the item, each sent by both runs.
		expect(keys).toHaveLength(4);
	});

	it('records usage once, and reports the same identifier from another workflow as already recorded', async () => {
		const events = () => sandbox.records<any>('stripe', 'meter_events').filter((e) => e.identifier === 'e2e-usage-row-1');
		const first = await n8n().execute('stripeUsage00001');
		expect(first.error).toBeUndefined();
		expect(nodeItems(first, 'Stripe')[0]).toMatchObject({ object: 'billing.meter_event', identifier: 'e2e-usage-row-1', payload: { value: '42' } });
		const rerun = await n8n().execute('stripeUsage00001');
		expect(rerun.error).toBeUndefined();
		const other = await n8n().execute('stripeUsage00002');
		expect(other.error).toBeUndefined();
		expect(nodeItems(other, 'Stripe')[0]).toMatchObject({ identifier: 'e2e-usage-row-1', duplicate: true });
		expect(events()).toHaveLength(1);
		expect(events()[0].payload).toEqual({ stripe_customer_id: customerId, value: '42' });
	});

	describe('trigger', () => {
		const endpoint = () => sandbox.records<any>('stripe', 'webhook_endpoints').find((e) => String(e.url).endsWith(`/webhook/${TRIGGER_PATH}`));
		const secret = () => sandbox.plugin<StripePlugin>('stripe').endpointSecret(endpoint().id) as string;

		async function executionCount(): Promise<number> {
			const response = await n8n().publicApi<{ data: unknown[] }>('GET', `executions?workflowId=${TRIGGER_WORKFLOW}&limit=100`);
			expect(response.status).toBe(200);
			return response.body.data.length;
		}

		async function settle(expected: number): Promise<number> {
			let count = await executionCount();
			for (let i = 0; i < 30 && count < expected; i++) {
				await new Promise((resolve) => setTimeout(resolve, 200));
				count = await executionCount();
			}
			// Give a run that should not happen the time to be saved anyway.
			await new Promise((resolve) => setTimeout(resolve, 1000));
			return await executionCount();
		}

		const eventBody = (id: string) =>
			JSON.stringify({ id, object: 'event', type: 'invoice.paid', api_version: '2025-03-31.basil', created: Math.floor(Date.now() / 1000), data: { object: { id: 'in_e2e', object: 'invoice', status: 'paid', currency: 'usd', total: 1000 } } });

		it('created its webhook endpoint on activation with the chosen events', () => {
			expect(endpoint()).toMatchObject({ status: 'enabled', enabled_events: ['customer.updated', 'invoice.paid'], api_version: '2025-03-31.basil' });
			expect(secret()).toMatch(/^whsec_/);
		});

		it('refuses forged, expired and unsigned deliveries with 401 and starts no run', async () => {
			const before = await executionCount();
			const body = eventBody('evt_e2e_forged');
			const forged = await n8n().callWebhook(TRIGGER_PATH, { rawBody: body, headers: { 'content-type': 'application/json', 'stripe-signature': sign('whsec_not_the_secret', body) } });
			const expired = await n8n().callWebhook(TRIGGER_PATH, { rawBody: body, headers: { 'content-type': 'application/json', 'stripe-signature': sign(secret(), body, Math.floor(Date.now() / 1000) - 3600) } });
			const unsigned = await n8n().callWebhook(TRIGGER_PATH, { rawBody: body, headers: { 'content-type': 'application/json' } });
			expect([forged.status, expired.status, unsigned.status]).toEqual([401, 401, 401]);
			expect(await settle(before)).toBe(before);
		});

		it('starts exactly one run for a good signature and none for a duplicate delivery', async () => {
			const before = await executionCount();
			const body = eventBody('evt_e2e_good_1');
			const good = await n8n().callWebhook(TRIGGER_PATH, { rawBody: body, headers: { 'content-type': 'application/json', 'stripe-signature': sign(secret(), body) } });
			expect(good.status).toBe(200);
			expect(await settle(before + 1)).toBe(before + 1);

			const duplicate = await n8n().callWebhook(TRIGGER_PATH, { rawBody: body, headers: { 'content-type': 'application/json', 'stripe-signature': sign(secret(), body) } });
			expect(duplicate.status).toBe(200);
			expect(await settle(before + 2)).toBe(before + 1);
		});

		it('runs once for an event the sandbox delivers three times (injected duplicates)', async () => {
			const before = await executionCount();
			sandbox.setFaults({ duplicateWebhooks: 2 }, 'stripe');
			sandbox.plugin<StripePlugin>('stripe').updateCustomerAs(customerId, { name: 'Renamed by the e2e test' });
			await sandbox.webhooksIdle();
			sandbox.clearFaults('stripe');
			const deliveries = sandbox.deliveries('stripe').filter((d) => d.url.endsWith(TRIGGER_PATH));
			expect(deliveries.map((d) => d.status)).toEqual([200, 200, 200]);
			expect(new Set(deliveries.map((d) => d.eventId)).size).toBe(1);
			expect(await settle(before + 1)).toBe(before + 1);
		});

		it('deletes the endpoint when the workflow is deactivated', async () => {
			const response = await n8n().publicApi('POST', `workflows/${TRIGGER_WORKFLOW}/deactivate`);
			expect(response.status).toBe(200);
			expect(endpoint()).toBeUndefined();
		});
	});
});
