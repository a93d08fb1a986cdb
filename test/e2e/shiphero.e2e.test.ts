/**
 * The ShipHero node and trigger in a real n8n (packed tarball installed as a community package) against
 * the ShipHero sandbox: Return All over cursor pages, a credit-exhausted answer waited out, the access
 * token renewed after it expired, and the webhook trigger's registration, signature check and dedupe.
 */
import { createHmac } from 'node:crypto';

import { nodeItems, type CredentialJson, type WorkflowJson } from '../../cli/runtime';
import { sandboxCredentials } from '../../cli/sandboxCredentials';
import { startSandbox, type RunningSandbox, type ShipHeroPlugin } from '../../sandbox';
import { useN8n } from './harness';

const SH = 'n8n-nodes-erp-interop.shipHero';
const SH_TRIGGER = 'n8n-nodes-erp-interop.shipHeroTrigger';
const TRIGGER_WEBHOOK_ID = 'b7f3c1d2-5e6a-4b8c-9d0e-shiphero0001';
const TRIGGER_PATH = `${TRIGGER_WEBHOOK_ID}/webhook`;
const TRIGGER_WORKFLOW = 'shTriggerInv0001';
/** Refill fast enough that a test waits seconds, not minutes; the bucket is ShipHero's otherwise. */
const REFILL_PER_SECOND = 250;

let sandbox: RunningSandbox;
let credential: CredentialJson;

function manualWorkflow(id: string, name: string, parameters: Record<string, unknown>): WorkflowJson {
	return {
		id,
		name,
		active: false,
		nodes: [
			{ id: `${id}-t`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: `${id}-s`,
				name: 'ShipHero',
				type: SH,
				typeVersion: 1,
				position: [220, 0],
				parameters,
				credentials: { shipHeroApi: { id: credential.id, name: credential.name } },
			},
		],
		connections: { Start: { main: [[{ node: 'ShipHero', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

function triggerWorkflow(): WorkflowJson {
	return {
		id: TRIGGER_WORKFLOW,
		name: 'ShipHero inventory trigger',
		active: true,
		nodes: [
			{
				id: 'sh-trigger-node',
				name: 'ShipHero Trigger',
				type: SH_TRIGGER,
				typeVersion: 1,
				position: [0, 0],
				webhookId: TRIGGER_WEBHOOK_ID,
				parameters: { events: ['Inventory Update'] },
				credentials: { shipHeroApi: { id: credential.id, name: credential.name } },
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

const plugin = () => sandbox.plugin<ShipHeroPlugin>('shiphero');
const plainOrders = () => sandbox.records<{ id: string }>('shiphero', 'orders').map((o) => o.id);

describe('ShipHero in a real n8n', () => {
	const n8n = useN8n(async () => {
		sandbox = await startSandbox({ systems: ['shiphero'], seed: 5, shiphero: { creditRefillPerSecond: REFILL_PER_SECOND, webhookRetryDelaysMs: [500] } });
		[credential] = sandboxCredentials(sandbox);
		return {
			credentials: [credential],
			workflows: [
				manualWorkflow('shAllOrders00001', 'ShipHero all orders', { resource: 'order', operation: 'getAll', returnAll: true, filters: {}, options: {} }),
				manualWorkflow('shInventory00001', 'ShipHero inventory of one SKU', {
					resource: 'inventory',
					operation: 'getAll',
					returnAll: true,
					filters: { sku: 'SKU-1004' },
					options: { output: 'canonical' },
				}),
				triggerWorkflow(),
			],
			webhooks: [{ path: TRIGGER_PATH, method: 'POST' }],
		};
	});

	afterAll(async () => await sandbox?.close());

	beforeEach(() => {
		sandbox.clearFaults();
		sandbox.resetStats();
		plugin().setCredits(4004, { max: 4004, refillPerSecond: REFILL_PER_SECOND });
	});

	it('returns every order exactly once over several cursor pages', async () => {
		const expected = plainOrders();
		expect(expected.length).toBeGreaterThan(150);

		const result = await n8n().execute('shAllOrders00001');

		expect(result.error).toBeUndefined();
		const items = nodeItems(result, 'ShipHero');
		const ids = items.map((item) => item.id as string);
		expect(ids).toHaveLength(expected.length);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toEqual(expected);
		// 50 orders per page (their line items cost credits too), plus a token refresh unless n8n has one saved.
		const pages = Math.ceil(expected.length / 50);
		const stats = sandbox.stats().systems.shiphero;
		expect(stats.byStatus['200']).toBeGreaterThanOrEqual(pages);
		expect(stats.byStatus['200']).toBeLessThanOrEqual(pages + 1);
		expect(stats.requests).toBe(stats.byStatus['200']);
		expect(result.runData.ShipHero[0].data?.main?.[0]?.[0]?.pairedItem).toEqual({ item: 0 });
	});

	it('waits out a credit-exhausted answer for the time ShipHero states and still returns everything', async () => {
		// 100 credits left when the first page (1,102 credits) arrives: code 30 with time_remaining "5 seconds".
		plugin().setCreditsAtNextCall(100);
		const throttledBefore = plugin().throttledCalls;
		const started = Date.now();

		const result = await n8n().execute('shAllOrders00001');

		expect(result.error).toBeUndefined();
		const ids = nodeItems(result, 'ShipHero').map((item) => item.id as string);
		expect(ids).toEqual(plainOrders());
		expect(result.runData.ShipHero[0].executionTime).toBeGreaterThanOrEqual(Math.floor((1102 - 100) / REFILL_PER_SECOND) * 1000);
		expect(Date.now() - started).toBeGreaterThanOrEqual(4000);
		// One refused call (code 30, HTTP 200), then every page once.
		expect(plugin().throttledCalls - throttledBefore).toBe(1);
	});

	it('renews an expired access token with the refresh token and carries on', async () => {
		plugin().expireTokens();

		const result = await n8n().execute('shInventory00001');

		expect(result.error).toBeUndefined();
		const levels = nodeItems(result, 'ShipHero');
		expect(levels).toHaveLength(2);
		for (const level of levels) expect(level).toMatchObject({ type: 'InventoryLevel', item: { sku: 'SKU-1004' } });
		// The stale token is refused (once by the node's request, once more when n8n re-sends it to renew), then refreshed.
		const stats = sandbox.stats().systems.shiphero;
		expect(stats.byStatus['401']).toBeGreaterThanOrEqual(1);
		expect(stats.byStatus['401']).toBeLessThanOrEqual(2);
	});

	describe('trigger', () => {
		interface ExecutionList {
			data: Array<{ id: string; data?: { resultData?: { runData?: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>> } } }>;
		}

		async function executions(): Promise<ExecutionList['data']> {
			const response = await n8n().publicApi<ExecutionList>('GET', `executions?workflowId=${TRIGGER_WORKFLOW}&includeData=true&limit=100`);
			expect(response.status).toBe(200);
			return response.body.data;
		}

		async function waitForExecutions(count: number): Promise<ExecutionList['data']> {
			for (let attempt = 0; attempt < 50; attempt++) {
				const list = await executions();
				if (list.length >= count) return list;
				await new Promise((resolve) => setTimeout(resolve, 200));
			}
			return await executions();
		}

		const webhook = () => sandbox.records<{ name: string; url: string; shop_name: string }>('shiphero', 'webhooks');

		it('registered an Inventory Update webhook for its URL on activation', () => {
			const [registered, ...rest] = webhook();
			expect(rest).toEqual([]);
			expect(registered.name).toBe('Inventory Update');
			expect(registered.url).toMatch(new RegExp(`/webhook/${TRIGGER_PATH}$`));
			expect(registered.shop_name).toMatch(/^n8n-[0-9a-f]{12}$/);
		});

		it('starts one execution for a correctly signed inventory webhook, even when ShipHero delivers it twice', async () => {
			const before = (await executions()).length;
			sandbox.setFaults({ duplicateWebhooks: 1 }, 'shiphero');
			const warehouse = sandbox.records<{ id: string }>('shiphero', 'warehouses')[0];

			plugin().adjustInventory('SKU-1007', warehouse.id, 321);
			await sandbox.webhooksIdle();

			const deliveries = sandbox.deliveries('shiphero');
			expect(deliveries).toHaveLength(2);
			expect(deliveries.map((d) => d.status)).toEqual([200, 200]);
			const list = await waitForExecutions(before + 1);
			// Give a wrongly started second run time to be saved before counting.
			await new Promise((resolve) => setTimeout(resolve, 1000));
			expect((await executions()).length).toBe(before + 1);
			const output = list[0].data?.resultData?.runData?.['ShipHero Trigger']?.[0]?.data?.main?.[0] ?? [];
			expect(output).toHaveLength(1);
			expect(output[0].json).toMatchObject({ webhook_type: 'Inventory Update', inventory: [{ sku: 'SKU-1007', on_hand: '321' }] });
		});

		it('answers 401 to a delivery with a bad HMAC and starts no execution', async () => {
			const before = (await executions()).length;
			const body = JSON.stringify({ webhook_type: 'Inventory Update', account_id: 7556, inventory: [{ sku: 'SKU-1007', on_hand: '0' }] });
			const forged = createHmac('sha256', 'not-the-shared-secret').update(body).digest('base64');

			const response = await n8n().callWebhook(TRIGGER_PATH, {
				rawBody: body,
				headers: { 'content-type': 'application/json', 'x-shiphero-hmac-sha256': forged },
			});
			const unsigned = await n8n().callWebhook(TRIGGER_PATH, { rawBody: body, headers: { 'content-type': 'application/json' } });

			expect(response.status).toBe(401);
			expect(unsigned.status).toBe(401);
			await new Promise((resolve) => setTimeout(resolve, 1000));
			expect((await executions()).length).toBe(before);
		});

		it('removes its ShipHero webhook when the workflow is deactivated', async () => {
			const response = await n8n().publicApi('POST', `workflows/${TRIGGER_WORKFLOW}/deactivate`);

			expect(response.status).toBe(200);
			expect(webhook()).toEqual([]);
		});
	});
});
