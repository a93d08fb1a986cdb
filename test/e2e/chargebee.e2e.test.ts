/**
 * Chargebee Billing in a real n8n against the Chargebee sandbox: metered usage recorded once even when
 * the run is repeated, and the Chargebee Billing Trigger registered through the webhook endpoints API,
 * rejecting a wrong Basic auth without an execution and running once for a duplicated event.
 */
import { freePort, nodeItems, type CredentialJson, type WorkflowJson } from '../../cli/runtime';
import { sandboxCredentials } from '../../cli/sandboxCredentials';
import { startSandbox, type ChargebeePlugin, type RunningSandbox } from '../../sandbox';
import { useN8n } from './harness';

const NODE = 'n8n-nodes-erp-interop.chargebeeBilling';
const TRIGGER = 'n8n-nodes-erp-interop.chargebeeBillingTrigger';
const WEBHOOK_ID = '5d0c3a51-7b7e-4c1e-9a43-cb0e2e000001';
const HOOK_PATH = `${WEBHOOK_ID}/webhook`;
const TRIGGER_WORKFLOW = 'cbTriggerWf00001';
const BASIC = { user: 'cb-webhook', password: 'Wh-Pa55-e2e-7731' };

let sandbox: RunningSandbox;
let api: CredentialJson;
let subscriptionId: string;

const basicCredential: CredentialJson = { id: 'cbBasicAuthCred1', name: 'Chargebee webhook Basic auth', type: 'httpBasicAuth', data: BASIC };

function usageWorkflow(): WorkflowJson {
	return {
		id: 'cbUsageWf0000001',
		name: 'Chargebee record usage',
		active: false,
		nodes: [
			{ id: 'u-t', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'u-c',
				name: 'Chargebee',
				type: NODE,
				typeVersion: 1,
				position: [220, 0],
				parameters: {
					resource: 'usage',
					operation: 'create',
					input: 'fields',
					subscriptionId: { __rl: true, mode: 'id', value: subscriptionId },
					itemPriceId: 'backup-storage-gb-USD-monthly',
					quantity: '42.5',
					usageDate: '2026-10-05T10:00:00Z',
					options: { note: 'nightly backup meter' },
				},
				credentials: { chargebeeBillingApi: { id: api.id, name: api.name } },
			},
		],
		connections: { Start: { main: [[{ node: 'Chargebee', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

function triggerWorkflow(): WorkflowJson {
	return {
		id: TRIGGER_WORKFLOW,
		name: 'Chargebee events',
		active: true,
		nodes: [
			{
				id: 'cb-trigger',
				name: 'Chargebee Billing Trigger',
				type: TRIGGER,
				typeVersion: 1,
				position: [0, 0],
				webhookId: WEBHOOK_ID,
				parameters: { registration: 'automatic', events: [], options: { output: 'canonical' } },
				credentials: {
					chargebeeBillingApi: { id: api.id, name: api.name },
					httpBasicAuth: { id: basicCredential.id, name: basicCredential.name },
				},
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

interface Execution {
	id: string;
	status: string;
}

describe('Chargebee Billing in a real n8n', () => {
	const n8n = useN8n(async () => {
		sandbox = await startSandbox({ seed: 5, systems: ['chargebee'], chargebee: { webhookRetryDelaysMs: [500] } });
		api = sandboxCredentials(sandbox).find((c) => c.type === 'chargebeeBillingApi') as CredentialJson;
		subscriptionId = (sandbox.records<{ id: string; status: string }>('chargebee', 'subscriptions').find((s) => s.status === 'active') as { id: string }).id;
		const port = await freePort();
		return {
			port,
			// The URL n8n gives Chargebee for the trigger: loopback, where this n8n listens.
			env: { WEBHOOK_URL: `http://127.0.0.1:${port}/` },
			credentials: [api, basicCredential],
			workflows: [usageWorkflow(), triggerWorkflow()],
			webhooks: [{ path: HOOK_PATH, method: 'POST' }],
		};
	});

	afterAll(async () => await sandbox?.close());

	const executions = async (): Promise<Execution[]> => {
		const res = await n8n().publicApi<{ data: Execution[] }>('GET', `executions?workflowId=${TRIGGER_WORKFLOW}&limit=100`);
		expect(res.status).toBe(200);
		return res.body.data;
	};

	it('records the usage, and a repeated run with the same input does not record it twice', async () => {
		const usages = () => sandbox.records<{ id: string; subscription_id: string; quantity: string }>('chargebee', 'usages').filter((u) => u.subscription_id === subscriptionId);
		const first = await n8n().execute('cbUsageWf0000001');
		expect(first.error).toBeUndefined();
		const [recorded] = nodeItems(first, 'Chargebee');
		expect(recorded).toMatchObject({ subscription_id: subscriptionId, item_price_id: 'backup-storage-gb-USD-monthly', quantity: '42.5', note: 'nightly backup meter' });

		const second = await n8n().execute('cbUsageWf0000001');
		expect(second.error).toBeUndefined();
		expect(nodeItems(second, 'Chargebee')[0].id).toBe(recorded.id);
		expect(usages()).toHaveLength(1);
		expect(usages()[0]).toMatchObject({ id: recorded.id, quantity: '42.5' });
	});

	it('registered its webhook endpoint with Basic auth on activation', () => {
		const endpoints = sandbox.records<{ url: string; api_version: string }>('chargebee', 'webhook_endpoints');
		expect(endpoints).toHaveLength(1);
		expect(endpoints[0]).toMatchObject({ api_version: 'v2' });
		expect(endpoints[0].url).toMatch(new RegExp(`/webhook/${HOOK_PATH}$`));
	});

	it('rejects a delivery with the wrong Basic auth with 401 and starts no execution', async () => {
		const before = (await executions()).length;
		const wrong = await n8n().callWebhook(HOOK_PATH, {
			body: { id: 'ev_forged_1', event_type: 'invoice_generated', content: {} },
			headers: { Authorization: `Basic ${Buffer.from(`${BASIC.user}:guess`).toString('base64')}` },
		});
		const none = await n8n().callWebhook(HOOK_PATH, { body: { id: 'ev_forged_2', event_type: 'invoice_generated', content: {} } });
		expect(wrong.status).toBe(401);
		expect(none.status).toBe(401);
		await new Promise((resolve) => setTimeout(resolve, 1500));
		expect(await executions()).toHaveLength(before);
	});

	it('runs once for an event Chargebee delivers twice', async () => {
		const before = (await executions()).length;
		sandbox.setFaults({ duplicateWebhooks: 1 }, 'chargebee');
		const invoice = sandbox.records<{ id: string }>('chargebee', 'invoices')[0];
		const event = sandbox.plugin<ChargebeePlugin>('chargebee').emit('invoice_generated', { invoice: sandbox.records<Record<string, unknown>>('chargebee', 'invoices')[0] });
		await sandbox.webhooksIdle();
		sandbox.clearFaults('chargebee');

		const deliveries = sandbox.deliveries('chargebee').filter((d) => d.eventId === event.id);
		expect(deliveries).toHaveLength(2);
		expect(deliveries.every((d) => d.status === 200)).toBe(true);
		let after: Execution[] = [];
		for (let i = 0; i < 20 && after.length <= before; i++) {
			await new Promise((resolve) => setTimeout(resolve, 250));
			after = await executions();
		}
		await new Promise((resolve) => setTimeout(resolve, 1000));
		after = await executions();
		expect(after).toHaveLength(before + 1);
		const run = await n8n().publicApi<{ data: { resultData: { runData: Record<string, Array<{ data: { main: Array<Array<{ json: Record<string, unknown> }>> } }>> } } }>(
			'GET',
			`executions/${after[0].id}?includeData=true`,
		);
		const item = run.body.data.resultData.runData['Chargebee Billing Trigger'][0].data.main[0][0].json;
		expect(item).toMatchObject({ id: event.id, event_type: 'invoice_generated', canonical: { type: 'Invoice', externalIds: { chargebeeBilling: invoice.id } } });
	});
});
