/**
 * The inventory-sync template as shipped, in a real n8n against the sandbox: the nightly reconciliation
 * (run on demand) brings NetSuite's quantities on hand to ShipHero's and sends the retailer one 846; a
 * second run changes nothing; ShipHero's signed Inventory Update (delivered twice) moves one level and
 * sends one 846; NetSuite down or the partner down ends in the Exception Queue, and the next
 * reconciliation completes each level and advice exactly once.
 */
import { demoCredentials } from '../../../cli/sandboxCredentials';
import { syncItemMaster } from '../../../cli/scenarios/itemMaster';
import { startSandbox, type RunningSandbox, type ShipHeroPlugin } from '../../../sandbox';
import { useN8n } from '../harness';
import { closeStateStore, exceptions, executions, settled, sleep, template, waitFor } from './helpers';

const FILE = 'inventory-sync.json';
const QUEUE = 'inventory-sync';
const LOCATIONS: Record<string, string> = { Primary: '2', 'West Coast': '4' };

type Row = Record<string, unknown>;
interface WarehouseProduct {
	sku: string;
	warehouse_identifier: string;
	warehouse_id: string;
	on_hand: number;
}

let sandbox: RunningSandbox;
let workflowId = '';
let itemIds = new Map<string, string>();

const shipHero = () => sandbox.plugin<ShipHeroPlugin>('shiphero');
const adjustments = () => sandbox.records<Row>('netsuite', 'inventoryAdjustment');
const advices = () => sandbox.records<{ type: string; details: { levels: Array<{ sku: string; qualifier: string; quantity: number }> } }>('tradingpartner', 'documents').filter((d) => d.type === '846');
const erpOnHand = (sku: string, warehouse: string) =>
	sandbox.records<Row>('netsuite', 'inventoryBalance').find((b) => b.id === `${itemIds.get(sku)}-${LOCATIONS[warehouse]}`)?.quantityOnHand;
const wmsLevels = () => sandbox.records<WarehouseProduct>('shiphero', 'warehouse_products');
const warehouseId = (identifier: string) => sandbox.records<{ id: string; identifier: string }>('shiphero', 'warehouses').find((w) => w.identifier === identifier)?.id as string;

describe('inventory-sync template in a real n8n', () => {
	let shipHeroWebhookId = '';
	const n8n = useN8n(async () => {
		sandbox = await startSandbox({
			systems: ['tradingpartner', 'netsuite', 'shiphero'],
			seed: 42,
			shiphero: { products: 16, webhookRetryDelaysMs: [500] },
		});
		itemIds = await syncItemMaster(sandbox);
		const credentials = demoCredentials(sandbox).filter((c) => ['x12TradingPartner', 'interopStateStore', 'x12HttpApi', 'netSuiteTbaApi', 'shipHeroApi'].includes(c.type));
		const workflow = template(FILE, credentials);
		workflowId = workflow.id;
		shipHeroWebhookId = String((workflow.nodes as Row[]).find((n) => n.type === 'n8n-nodes-erp-interop.shipHeroTrigger')?.webhookId);
		return { credentials, workflows: [workflow], webhooks: [{ path: `${shipHeroWebhookId}/webhook`, method: 'POST' }] };
	});

	afterAll(async () => {
		await closeStateStore();
		await sandbox?.close();
	});
	beforeEach(() => sandbox.clearFaults());

	it('reconciles NetSuite to every mapped ShipHero level and sends the retailer one 846', async () => {
		const result = await n8n().execute(workflowId);
		expect(result.error).toBeUndefined();

		const levels = wmsLevels();
		expect(levels).toHaveLength(32);
		for (const level of levels) expect([level.sku, level.warehouse_identifier, erpOnHand(level.sku, level.warehouse_identifier) ?? 0]).toEqual([level.sku, level.warehouse_identifier, level.on_hand]);
		// One adjustment per level that was not already right (NetSuite had none of these items in stock).
		expect(adjustments()).toHaveLength(levels.filter((l) => l.on_hand !== 0).length);
		const [advice, ...more] = advices();
		expect(more).toEqual([]);
		const skus = new Set(advice.details.levels.map((l) => l.sku));
		expect([...skus].sort()).toEqual([...new Set(levels.map((l) => l.sku))].sort());
		expect(advice.details.levels.every((l) => l.qualifier === '33')).toBe(true);
		expect(await exceptions(n8n(), QUEUE)).toEqual([]);
	});

	it('changes nothing when the reconciliation runs again with the same levels', async () => {
		const before = { adjustments: adjustments().length, advices: advices().length, balances: JSON.stringify(sandbox.records('netsuite', 'inventoryBalance')) };
		const result = await n8n().execute(workflowId);
		expect(result.error).toBeUndefined();
		expect({ adjustments: adjustments().length, advices: advices().length, balances: JSON.stringify(sandbox.records('netsuite', 'inventoryBalance')) }).toEqual(before);
	});

	it('moves one level on ShipHero’s Inventory Update (delivered twice) and sends one 846 for it', async () => {
		const runs = (await executions(n8n(), workflowId)).length;
		const before = adjustments().length;
		sandbox.setFaults({ duplicateWebhooks: 1 }, 'shiphero');
		shipHero().adjustInventory('SKU-1004', warehouseId('Primary'), 321);
		await waitFor('NetSuite at 321 for SKU-1004 in the Primary warehouse', () => erpOnHand('SKU-1004', 'Primary') === 321);
		await settled(n8n(), workflowId, runs + 1);
		await sleep(1500);
		expect((await executions(n8n(), workflowId)).length).toBe(runs + 1);
		expect(adjustments()).toHaveLength(before + 1);
		expect(adjustments().at(-1)).toMatchObject({ externalId: expect.stringMatching(/^WMS-SKU-1004-2-\d+-321$/) });
		const advice = advices().at(-1);
		expect(advices()).toHaveLength(2);
		expect(advice?.details.levels.map((l) => l.sku)).toEqual(['SKU-1004']);
	});

	it('queues a level NetSuite could not take, and the next reconciliation writes it exactly once', async () => {
		const runs = (await executions(n8n(), workflowId)).length;
		const before = adjustments().length;
		sandbox.setFaults({ errorRate: 1, errorStatus: 500 }, 'netsuite');
		shipHero().adjustInventory('SKU-1006', warehouseId('West Coast'), 77);
		await settled(n8n(), workflowId, runs + 1);
		const [queued] = await waitFor('the exception of the level', async () => {
			const list = (await exceptions(n8n(), QUEUE)).filter((e) => e.status === 'open');
			return list.length > 0 ? list : undefined;
		});
		expect(queued).toMatchObject({ key: 'inventory:SKU-1006@West Coast', meta: { errorClass: 'transient', system: 'netsuite', entity: 'level' } });
		expect(erpOnHand('SKU-1006', 'West Coast')).not.toBe(77);

		sandbox.clearFaults('netsuite');
		const result = await n8n().execute(workflowId);
		expect(result.error).toBeUndefined();
		expect(erpOnHand('SKU-1006', 'West Coast')).toBe(77);
		expect(adjustments()).toHaveLength(before + 1);
		expect(await exceptions(n8n(), QUEUE)).toMatchObject([{ key: queued.key, status: 'resolved' }]);
		await n8n().execute(workflowId);
		expect(adjustments()).toHaveLength(before + 1);
	});

	it('queues the 846 when the retailer is down and sends the same advice once on the next run', async () => {
		const runs = (await executions(n8n(), workflowId)).length;
		const advicesBefore = advices().length;
		sandbox.setFaults({ errorRate: 1, errorStatus: 503 }, 'tradingpartner');
		shipHero().adjustInventory('SKU-1008', warehouseId('Primary'), 55);
		await settled(n8n(), workflowId, runs + 1, 90_000);
		const open = await waitFor('the 846 exception', async () => {
			const list = (await exceptions(n8n(), QUEUE)).filter((e) => e.status === 'open');
			return list.length > 0 ? list : undefined;
		});
		expect(open).toMatchObject([{ key: expect.stringMatching(/^inventory:846:RETAILERDEMO:/), meta: { entity: '846', system: 'x12' } }]);
		expect(erpOnHand('SKU-1008', 'Primary')).toBe(55);
		expect(advices()).toHaveLength(advicesBefore);

		sandbox.clearFaults('tradingpartner');
		const result = await n8n().execute(workflowId);
		expect(result.error).toBeUndefined();
		expect(advices()).toHaveLength(advicesBefore + 1);
		expect(advices().at(-1)?.details.levels.map((l) => [l.sku, l.quantity])).toEqual([['SKU-1008', expect.any(Number)]]);
		expect((await exceptions(n8n(), QUEUE)).filter((e) => e.status !== 'resolved')).toEqual([]);
		await n8n().execute(workflowId);
		expect(advices()).toHaveLength(advicesBefore + 1);
	});
});
