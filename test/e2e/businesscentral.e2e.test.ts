/**
 * The Business Central node and trigger in a real n8n (packed tarball installed as a community package)
 * against the Business Central sandbox: the webhook subscription lifecycle (validation handshake on
 * activation, one run per change event, forged clientState refused, renewal on delivery and by n8n's
 * cron, deletion on deactivation), a deep-inserted sales order read back with its lines, and an expired
 * access token renewed by n8n.
 */
import type { CredentialJson, WorkflowJson } from '../../cli/runtime';
import { nodeItems } from '../../cli/runtime';
import { sandboxCredentials } from '../../cli/sandboxCredentials';
import { startSandbox, type BusinessCentralPlugin, type RunningSandbox } from '../../sandbox';
import { useN8n } from './harness';

const PKG = 'n8n-nodes-erp-interop';
const WEBHOOK_ID = '6f0c2b8e-5d41-4c1a-9e3b-7a2d4c6e8f10';
const TRIGGER_WF = 'bcTriggerCust001';
const ORDER_WF = 'bcDeepInsert0001';

let sandbox: RunningSandbox;
/** Moves the sandbox's clock (token expiry) without waiting. */
let clockOffsetMs = 0;
let credential: CredentialJson;
const WRONG_SECRET = 'Wrong~Secret-Value-981';
/** The same app with a wrong secret, never used before (so n8n has no stored token for it). */
const wrongCredential = (): CredentialJson => ({ ...credential, id: 'bcWrongSecret001', name: 'Business Central (wrong secret)', data: { ...credential.data, clientSecret: WRONG_SECRET } });
const bc = () => sandbox.plugin<BusinessCentralPlugin>('businesscentral');
type Row = Record<string, unknown>;

function triggerWorkflow(companyId: string): WorkflowJson {
	return {
		id: TRIGGER_WF,
		name: 'BC customer changes',
		active: true,
		nodes: [
			{
				id: 'bc-trigger',
				name: 'Business Central Trigger',
				type: `${PKG}.businessCentralTrigger`,
				typeVersion: 1,
				position: [0, 0],
				webhookId: WEBHOOK_ID,
				parameters: {
					companyId: { __rl: true, mode: 'id', value: companyId },
					entitySet: 'customers',
					events: ['created', 'updated', 'deleted'],
					options: { renewalCheck: 'everyMinute', renewWithinHours: 1, fetchRecords: true },
				},
				credentials: { businessCentralOAuth2Api: { id: credential.id, name: credential.name } },
			},
			{ id: 'bc-noop', name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
		],
		connections: { 'Business Central Trigger': { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

function orderWorkflow(companyId: string, customerNumber: string, items: string[]): WorkflowJson {
	const bcNode = (id: string, name: string, x: number, parameters: Record<string, unknown>) => ({
		id,
		name,
		type: `${PKG}.businessCentral`,
		typeVersion: 1,
		position: [x, 0],
		parameters: { companyId: { __rl: true, mode: 'id', value: companyId }, ...parameters },
		credentials: { businessCentralOAuth2Api: { id: credential.id, name: credential.name } },
	});
	return {
		id: ORDER_WF,
		name: 'BC deep insert',
		active: false,
		nodes: [
			{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			bcNode('create', 'Create Order', 220, {
				resource: 'salesOrder',
				operation: 'upsert',
				upsertKeyValue: '={{ "E2E-" + $execution.id }}',
				bodyMode: 'fields',
				customerNumber,
				additionalFields: { orderDate: '2025-11-20T00:00:00.000Z' },
				lines: { line: items.map((number, k) => ({ lineType: 'Item', lineObjectNumber: number, quantity: k + 2, price: 12.5, discountPercent: 0 })) },
			}),
			bcNode('get', 'Get Order', 440, {
				resource: 'salesOrder',
				operation: 'get',
				salesOrderId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				options: { includeLines: true },
			}),
		],
		connections: {
			Start: { main: [[{ node: 'Create Order', type: 'main', index: 0 }]] },
			'Create Order': { main: [[{ node: 'Get Order', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

interface ExecutionList {
	data: Array<{ id: string; status?: string; data?: { resultData?: { runData?: Record<string, Array<{ data?: { main?: Array<Array<{ json: Row }> | null> } }>> } } }>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Business Central in a real n8n', () => {
	const n8n = useN8n(async () => {
		sandbox = await startSandbox({
			systems: ['businesscentral'],
			seed: 5,
			now: () => new Date(Date.now() + clockOffsetMs),
			businesscentral: { notificationDelayMs: 150 },
		});
		credential = sandboxCredentials(sandbox).find((c) => c.type === 'businessCentralOAuth2Api') as CredentialJson;
		const { companyId } = sandbox.systems.businesscentral.credentials;
		const customer = sandbox.records<Row>('businesscentral', 'customers')[0];
		const items = sandbox.records<Row>('businesscentral', 'items').slice(0, 3).map((i) => String(i.number));
		return {
			credentials: [credential, wrongCredential()],
			workflows: [triggerWorkflow(companyId), orderWorkflow(companyId, String(customer.number), items)],
			webhooks: [{ path: `${WEBHOOK_ID}/webhook`, method: 'POST' }],
		};
	});

	afterAll(async () => await sandbox?.close());

	const subscriptions = () => sandbox.records<Row>('businesscentral', 'subscriptions');

	async function executionIds(): Promise<string[]> {
		const response = await n8n().publicApi<ExecutionList>('GET', `executions?workflowId=${TRIGGER_WF}&limit=100`);
		expect(response.status).toBe(200);
		return response.body.data.map((e) => e.id);
	}

	/** Waits until the trigger workflow has `count` executions, then a little longer to see that no more come. */
	async function settleAt(count: number): Promise<string[]> {
		for (let attempt = 0; attempt < 60; attempt++) {
			await sandbox.webhooksIdle();
			const ids = await executionIds();
			if (ids.length >= count) {
				await sleep(1500);
				await sandbox.webhooksIdle();
				return await executionIds();
			}
			await sleep(250);
		}
		return await executionIds();
	}

	async function runData(id: string) {
		const response = await n8n().publicApi<ExecutionList['data'][number]>('GET', `executions/${id}?includeData=true`);
		return response.body.data?.resultData?.runData ?? {};
	}

	it('completes the validation handshake while the workflow is activated', async () => {
		const subs = subscriptions();
		expect(subs).toHaveLength(1);
		expect(subs[0].notificationUrl).toBe(`${n8n().baseUrl}/webhook/${WEBHOOK_ID}/webhook`);
		expect(subs[0].resource).toBe(`/api/v2.0/companies(${sandbox.systems.businesscentral.credentials.companyId})/customers`);
		expect(String(subs[0].clientState).length).toBeGreaterThanOrEqual(40);
		expect(bc().subscriptions.handshakes.filter((h) => h.ok)).toHaveLength(1);
		expect(await executionIds()).toEqual([]);
	});

	it('passes n8n’s credential test, and fails it for a wrong secret without leaking it', async () => {
		const test = async (c: CredentialJson) =>
			await n8n().rest<{ data: { status: string; message: string } }>('POST', '/rest/credentials/test', {
				credentials: { id: c.id, name: c.name, type: c.type, data: c.data },
			});
		const ok = await test(credential);
		expect(ok.status).toBe(200);
		expect(ok.body.data.status).toBe('OK');
		const bad = await test(wrongCredential());
		expect(bad.body.data.status).toBe('Error');
		expect(JSON.stringify(bad.body)).not.toContain(WRONG_SECRET);
	});

	it('starts exactly one execution for a change event, with the changed record and without the clientState', async () => {
		const before = await executionIds();
		const customer = sandbox.records<Row>('businesscentral', 'customers')[5];
		bc().userWrite('PATCH', 'customers', { phoneNumber: '555-0199' }, String(customer.id));

		const after = await settleAt(before.length + 1);

		expect(after).toHaveLength(before.length + 1);
		const fresh = after.find((id) => !before.includes(id)) as string;
		const [item] = (await runData(fresh))['Business Central Trigger'][0].data!.main![0]!;
		expect(item.json).toMatchObject({ changeType: 'updated', id: customer.id, record: { id: customer.id, phoneNumber: '555-0199' } });
		expect(JSON.stringify(item.json)).not.toContain(String(subscriptions()[0].clientState));
	});

	it('answers a notification with a forged clientState with 401 and starts nothing', async () => {
		const before = await executionIds();
		const [sub] = subscriptions();
		const response = await n8n().callWebhook(`${WEBHOOK_ID}/webhook`, {
			body: {
				value: [
					{
						subscriptionId: sub.subscriptionId,
						clientState: 'forged-client-state',
						expirationDateTime: sub.expirationDateTime,
						resource: `api/v2.0/companies(${sandbox.systems.businesscentral.credentials.companyId})/customers(${String(sandbox.records<Row>('businesscentral', 'customers')[1].id)})`,
						changeType: 'updated',
						lastModifiedDateTime: new Date().toISOString(),
					},
				],
			},
		});
		expect(response.status).toBe(401);
		await sleep(1000);
		expect(await executionIds()).toEqual(before);
	});

	it('renews a subscription that is about to expire when a notification arrives', async () => {
		const [sub] = subscriptions();
		const handshakes = bc().subscriptions.handshakes.length;
		bc().subscriptions.expireIn(String(sub.subscriptionId), 10 * 60_000);
		const before = await executionIds();

		bc().userWrite('PATCH', 'customers', { phoneNumber: '555-0142' }, String(sandbox.records<Row>('businesscentral', 'customers')[7].id));
		const after = await settleAt(before.length + 1);

		expect(after).toHaveLength(before.length + 1);
		const [renewed] = subscriptions();
		expect(renewed.subscriptionId).toBe(sub.subscriptionId);
		expect(Date.parse(String(renewed.expirationDateTime)) - Date.now()).toBeGreaterThan(71 * 3600_000);
		expect(bc().subscriptions.handshakes.length).toBe(handshakes + 1);
	});

	it('renews a subscription near expiry from n8n’s cron while no notification arrives', async () => {
		const [sub] = subscriptions();
		bc().subscriptions.expireIn(String(sub.subscriptionId), 10 * 60_000);
		let renewed: Row | undefined;
		for (let waited = 0; waited < 75_000 && !renewed; waited += 1000) {
			await sleep(1000);
			renewed = subscriptions().find((s) => Date.parse(String(s.expirationDateTime)) - Date.now() > 71 * 3600_000);
		}
		expect(renewed?.subscriptionId).toBe(sub.subscriptionId);
	}, 100_000);

	it('creates a sales order with three lines in one request and reads it back with $expand=salesOrderLines', async () => {
		const orders = sandbox.records<Row>('businesscentral', 'salesOrders').length;
		const result = await n8n().execute(ORDER_WF);

		expect(result.error).toBeUndefined();
		const [created] = nodeItems(result, 'Create Order');
		const [read] = nodeItems(result, 'Get Order');
		expect(read.id).toBe(created.id);
		const lines = read.salesOrderLines as Row[];
		expect(lines.map((l) => [l.lineObjectNumber, l.quantity, l.unitPrice, l.amountExcludingTax])).toEqual(
			sandbox
				.records<Row>('businesscentral', 'items')
				.slice(0, 3)
				.map((item, k) => [item.number, k + 2, 12.5, 12.5 * (k + 2)]),
		);
		expect(read.totalAmountExcludingTax).toBe(12.5 * (2 + 3 + 4));
		expect(sandbox.records('businesscentral', 'salesOrders')).toHaveLength(orders + 1);
	});

	it('deletes the subscription when the workflow is deactivated', async () => {
		const response = await n8n().publicApi('POST', `workflows/${TRIGGER_WF}/deactivate`);
		expect(response.status).toBe(200);
		expect(subscriptions()).toEqual([]);
	});

	it('fetches a new access token when the stored one has expired, and stores it for the next run', async () => {
		// The trigger is deactivated by now, so every request below comes from these runs.
		expect((await n8n().execute(ORDER_WF)).error).toBeUndefined();
		const issued = bc().tokensIssued();
		// Two hours later for the sandbox: the token n8n stored with the credential (1 h) has expired.
		clockOffsetMs += 2 * 3600_000;
		sandbox.resetStats();

		const result = await n8n().execute(ORDER_WF);

		expect(result.error).toBeUndefined();
		expect(sandbox.stats().systems.businesscentral.byStatus['401']).toBeGreaterThanOrEqual(1);
		expect(bc().tokensIssued()).toBeGreaterThan(issued);
		const renewed = bc().tokensIssued();
		sandbox.resetStats();
		expect((await n8n().execute(ORDER_WF)).error).toBeUndefined();
		expect(sandbox.stats().systems.businesscentral.byStatus['401']).toBeUndefined();
		expect(bc().tokensIssued()).toBe(renewed);
	});
});
