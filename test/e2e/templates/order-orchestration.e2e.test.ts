/**
 * The order-orchestration templates (inbound + shipment) as shipped, in a real n8n against the sandbox:
 * the retailer posts signed 850s, the workflows acknowledge them (997), create the sales order in NetSuite
 * and confirm it (855), release it to ShipHero; when ShipHero ships, they send the 856, fulfill and
 * invoice in NetSuite and send the 810. The partner's inbox checks every document with node-x12.
 * Duplicate deliveries and a second run change nothing; faults end in the Exception Queue and a replay
 * completes each record exactly once; control numbers are unique and gap-free.
 */
import { parseX12, elementValue } from '../../../nodes/X12/core';
import { demoCredentials, DEMO_RETAILER } from '../../../cli/sandboxCredentials';
import { syncItemMaster } from '../../../cli/scenarios/itemMaster';
import { startSandbox, type RunningSandbox, type SentOrder, type ShipHeroPlugin, type TradingPartnerPlugin } from '../../../sandbox';
import { useN8n } from '../harness';
import { closeStateStore, exceptions, executions, settled, sleep, template, waitFor } from './helpers';

const INBOUND = 'order-orchestration-inbound.json';
const SHIPMENT = 'order-orchestration-shipment.json';
const PATH = 'edi/order-orchestration';
const PARTNER = DEMO_RETAILER.id;
const SHOP = `edi-${PARTNER}`;

type Row = Record<string, unknown>;
let sandbox: RunningSandbox;
let inboundId = '';
let shipmentId = '';
let shipHeroWebhookId = '';

const partner = () => sandbox.plugin<TradingPartnerPlugin>('tradingpartner');
const shipHero = () => sandbox.plugin<ShipHeroPlugin>('shiphero');
const salesOrders = (po: string) => sandbox.records<Row>('netsuite', 'salesOrder').filter((o) => o.externalId === `${PARTNER}-${po}`);
const wmsOrders = (po: string) => sandbox.records<Row>('shiphero', 'orders').filter((o) => o.partner_order_id === po && o.shop_name === SHOP);
const docs = (po: string) => partner().summary()[po] ?? {};
const received = () => sandbox.records<{ isa13: string; types: string[]; groupControlNumbers: string[]; edi: string }>('tradingpartner', 'received');

/** Every interchange the partner accepted from us, by ISA13: unique and gap-free from 1; GS06 likewise. */
function expectGapFreeControlNumbers(): void {
	const isa13 = received().map((r) => Number(r.isa13)).sort((a, b) => a - b);
	expect(isa13).toEqual(isa13.map((_, i) => i + 1));
	const gs06 = received().flatMap((r) => r.groupControlNumbers.map(Number)).sort((a, b) => a - b);
	expect(gs06).toEqual(gs06.map((_, i) => i + 1));
	const st02 = received().flatMap((r) => parseX12(r.edi).interchanges[0].segments.filter((s) => s.id === 'ST').map((s) => Number(elementValue(s, 2))));
	expect(new Set(st02).size).toBe(st02.length);
}

async function orderDone(po: string): Promise<void> {
	await waitFor(`PO ${po} in NetSuite, ShipHero and a 997 + 855 at the partner`, () => salesOrders(po).length === 1 && wmsOrders(po).length === 1 && docs(po)['855'] === 1 && docs(po)['997'] === 1);
}

async function shipmentDone(po: string): Promise<void> {
	await waitFor(`PO ${po} shipped: 856 and 810 at the partner`, () => docs(po)['856'] === 1 && docs(po)['810'] === 1);
}

function ship(po: string): string {
	const [order] = wmsOrders(po);
	return String(shipHero().shipOrder(String(order.id)).legacy_id);
}

describe('order-orchestration templates in a real n8n', () => {
	const n8n = useN8n(async () => {
		sandbox = await startSandbox({
			systems: ['tradingpartner', 'netsuite', 'shiphero'],
			seed: 42,
			shiphero: { webhookRetryDelaysMs: [500] },
			tradingpartner: { retryDelaysMs: [500] },
		});
		await syncItemMaster(sandbox);
		const credentials = demoCredentials(sandbox).filter((c) => ['x12TradingPartner', 'interopStateStore', 'x12HttpApi', 'netSuiteTbaApi', 'shipHeroApi'].includes(c.type));
		const inbound = template(INBOUND, credentials);
		const shipment = template(SHIPMENT, credentials);
		inboundId = inbound.id;
		shipmentId = shipment.id;
		shipHeroWebhookId = String((shipment.nodes as Row[]).find((n) => n.type === 'n8n-nodes-erp-interop.shipHeroTrigger')?.webhookId);
		return { credentials, workflows: [inbound, shipment], webhooks: [{ path: PATH, method: 'POST' }, { path: `${shipHeroWebhookId}/webhook`, method: 'POST' }] };
	});

	let first: SentOrder[] = [];
	/** Orders taken in by the fault tests, shipped by the last one. */
	const later: SentOrder[] = [];

	beforeAll(() => partner().configure({ webhookUrl: `${n8n().baseUrl}/webhook/${PATH}` }));
	afterAll(async () => {
		await closeStateStore();
		await sandbox?.close();
	});
	beforeEach(() => sandbox.clearFaults());

	it('takes two signed 850s to NetSuite and ShipHero and answers each with one 997 and one 855', async () => {
		first = partner().sendOrders(2);
		for (const order of first) await orderDone(order.poNumber);
		await settled(n8n(), inboundId, 2);

		for (const order of first) {
			const [so] = salesOrders(order.poNumber);
			expect(so).toMatchObject({ entity: { id: '5' }, otherRefNum: order.poNumber });
			const lines = (so.item as { items: Array<{ item: { id: string }; quantity: number; rate: number }> }).items;
			const items = sandbox.records<Row>('netsuite', 'inventoryItem');
			expect(lines.map((l) => [items.find((i) => i.id === l.item.id)?.itemId, l.quantity, l.rate])).toEqual(order.lines.map((l) => [l.sku, l.quantity, Number(l.price)]));
			expect(so.total).toBe(Number(order.total));
			const [wms] = wmsOrders(order.poNumber);
			expect((wms.line_items as Row[]).map((l) => [l.sku, l.quantity])).toEqual(order.lines.map((l) => [l.sku, l.quantity]));
			expect(wms.shipping_address).toMatchObject({ city: 'Seattle', state: 'WA' });
			expect(docs(order.poNumber)).toEqual({ '997': 1, '855': 1 });
		}
		const acks = sandbox.records<{ type: string; poNumbers: string[]; details: Row }>('tradingpartner', 'documents').filter((d) => d.type === '997');
		expect(acks.map((a) => a.details.status)).toEqual(['A', 'A']);
		expect(sandbox.records('tradingpartner', 'rejected')).toEqual([]);
		expectGapFreeControlNumbers();
	});

	it('answers a ShipHero shipment (delivered twice) with one 856, one fulfillment, one invoice and one 810 per order', async () => {
		sandbox.setFaults({ duplicateWebhooks: 1 }, 'shiphero');
		const shipments = first.map((order) => ship(order.poNumber));
		for (const order of first) await shipmentDone(order.poNumber);
		await settled(n8n(), shipmentId, 2);
		await sleep(1500);

		expect((await executions(n8n(), shipmentId)).length).toBe(2);
		first.forEach((order, i) => {
			const fulfillments = sandbox.records<Row>('netsuite', 'itemFulfillment').filter((r) => r.externalId === `IF-${shipments[i]}`);
			const invoices = sandbox.records<Row>('netsuite', 'invoice').filter((r) => r.externalId === `INV-${shipments[i]}`);
			expect(fulfillments).toHaveLength(1);
			expect(invoices).toHaveLength(1);
			expect(invoices[0].total).toBe(Number(order.total));
			expect(docs(order.poNumber)).toEqual({ '997': 1, '855': 1, '856': 1, '810': 1 });
			const invoice = sandbox.records<{ type: string; poNumbers: string[]; details: Row }>('tradingpartner', 'documents').find((d) => d.type === '810' && d.poNumbers.includes(order.poNumber));
			expect(invoice?.details).toMatchObject({ invoiceNumber: invoices[0].tranId, total: order.total });
		});
		expectGapFreeControlNumbers();
	});

	it('changes nothing for a duplicate delivery, nor for a second run of the same interchange', async () => {
		const before = { docs: sandbox.records('tradingpartner', 'documents').length, so: sandbox.records('netsuite', 'salesOrder').length, wms: sandbox.records('shiphero', 'orders').length };
		const runs = (await executions(n8n(), inboundId)).length;
		// The same bytes three times: the trigger answers and starts nothing.
		sandbox.setFaults({ duplicateWebhooks: 2 }, 'tradingpartner');
		partner().resendOrder(first[0].poNumber);
		await sandbox.webhooksIdle();
		await sleep(1500);
		expect((await executions(n8n(), inboundId)).length).toBe(runs);
		sandbox.clearFaults('tradingpartner');

		// The same interchange with other bytes (a trailing line break): a second run through every step.
		partner().sendRaw(`${first[1].edi}\n`);
		await settled(n8n(), inboundId, runs + 1);
		await sleep(500);
		expect({ docs: sandbox.records('tradingpartner', 'documents').length, so: sandbox.records('netsuite', 'salesOrder').length, wms: sandbox.records('shiphero', 'orders').length }).toEqual(before);
		// The repeated 997 and 855 were the same interchanges again, recognised as duplicates by the partner.
		expect(sandbox.records('tradingpartner', 'duplicates').length).toBeGreaterThanOrEqual(2);
		expect(docs(first[1].poNumber)).toEqual({ '997': 1, '855': 1, '856': 1, '810': 1 });
		expect(await exceptions(n8n(), 'order-orchestration')).toEqual([]);
		expectGapFreeControlNumbers();
	});

	it('queues a PO that NetSuite could not take and completes it exactly once on replay', async () => {
		const runs = (await executions(n8n(), inboundId)).length;
		sandbox.setFaults({ errorRate: 1, errorStatus: 500 }, 'netsuite');
		const [order] = partner().sendOrders(1);
		later.push(order);
		await waitFor('the 997 of the failing PO', () => docs(order.poNumber)['997'] === 1);
		await settled(n8n(), inboundId, runs + 1);
		const [queued] = await waitFor('an exception for the PO', async () => {
			const list = await exceptions(n8n(), 'order-orchestration');
			return list.length > 0 ? list : undefined;
		});
		expect(queued).toMatchObject({ key: `${PARTNER}:${order.poNumber}:erp`, status: 'open', meta: { errorClass: 'transient', system: 'netsuite', entity: 'erp' } });
		expect(salesOrders(order.poNumber)).toEqual([]);
		expect(wmsOrders(order.poNumber)).toEqual([]);
		expect(docs(order.poNumber)).toEqual({ '997': 1 });

		sandbox.clearFaults('netsuite');
		const replay = await n8n().execute(inboundId);
		expect(replay.error).toBeUndefined();
		await orderDone(order.poNumber);
		expect(await exceptions(n8n(), 'order-orchestration')).toMatchObject([{ key: queued.key, status: 'resolved' }]);

		// Nothing is open any more: a second replay claims nothing and changes nothing.
		const again = await n8n().execute(inboundId);
		expect(again.error).toBeUndefined();
		expect(salesOrders(order.poNumber)).toHaveLength(1);
		expect(wmsOrders(order.poNumber)).toHaveLength(1);
		expect(docs(order.poNumber)).toEqual({ '997': 1, '855': 1 });
		expectGapFreeControlNumbers();
	});

	it('queues the 997 and 855 when the partner is down and delivers the same documents once on replay', async () => {
		const runs = (await executions(n8n(), inboundId)).length;
		sandbox.setFaults({ errorRate: 1, errorStatus: 503 }, 'tradingpartner');
		// The retailer's own deliveries are not affected by faults on its inbox: they go out through the webhook emitter.
		const [order] = partner().sendOrders(1);
		later.push(order);
		await settled(n8n(), inboundId, runs + 1, 90_000);
		const open = await waitFor('the 997 and 855 exceptions', async () => {
			const list = (await exceptions(n8n(), 'order-orchestration')).filter((e) => e.status === 'open');
			return list.length >= 2 ? list : undefined;
		});
		expect(open.map((e) => e.key).sort()).toEqual([`${PARTNER}:${order.isa13}:997`, `${PARTNER}:${order.poNumber}:855`].sort());
		expect(open.every((e) => e.meta.errorClass === 'transient')).toBe(true);
		expect(salesOrders(order.poNumber)).toHaveLength(1);
		expect(wmsOrders(order.poNumber)).toHaveLength(1);
		expect(docs(order.poNumber)).toEqual({});

		sandbox.clearFaults('tradingpartner');
		const replay = await n8n().execute(inboundId);
		expect(replay.error).toBeUndefined();
		await orderDone(order.poNumber);
		expect((await exceptions(n8n(), 'order-orchestration')).filter((e) => e.status !== 'resolved')).toEqual([]);
		// The documents built before the failure, with their control numbers: still gap-free.
		expectGapFreeControlNumbers();
	});

	it('queues a shipment NetSuite could not fulfill, still sends the 856, and completes fulfillment, invoice and 810 once on replay', async () => {
		const order = later[0];
		const runs = (await executions(n8n(), shipmentId)).length;
		sandbox.setFaults({ errorRate: 1, errorStatus: 500 }, 'netsuite');
		const shipmentNo = ship(order.poNumber);
		await waitFor('the 856', () => docs(order.poNumber)['856'] === 1);
		await settled(n8n(), shipmentId, runs + 1);
		const open = await waitFor('the ERP exception', async () => {
			const list = (await exceptions(n8n(), 'order-orchestration-shipments')).filter((e) => e.status === 'open');
			return list.length > 0 ? list : undefined;
		});
		expect(open).toMatchObject([{ key: `${PARTNER}:${order.poNumber}:erp:${shipmentNo}`, meta: { system: 'netsuite', entity: 'erp' } }]);
		expect(docs(order.poNumber)['810']).toBeUndefined();

		sandbox.clearFaults('netsuite');
		const replay = await n8n().execute(shipmentId);
		expect(replay.error).toBeUndefined();
		await shipmentDone(order.poNumber);
		expect(sandbox.records<Row>('netsuite', 'itemFulfillment').filter((r) => r.externalId === `IF-${shipmentNo}`)).toHaveLength(1);
		expect(sandbox.records<Row>('netsuite', 'invoice').filter((r) => r.externalId === `INV-${shipmentNo}`)).toHaveLength(1);
		expect((await exceptions(n8n(), 'order-orchestration-shipments')).filter((e) => e.status !== 'resolved')).toEqual([]);
		await n8n().execute(shipmentId);
		expect(docs(order.poNumber)).toEqual({ '997': 1, '855': 1, '856': 1, '810': 1 });
		expectGapFreeControlNumbers();
	});
});
