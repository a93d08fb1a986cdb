/**
 * order-orchestration: the retailer sends signed 850s; each becomes a NetSuite sales order and a
 * ShipHero order with a 997 and an 855 back; shipping them in ShipHero sends the 856, fulfills and
 * invoices in NetSuite and sends the 810.
 */
import type { SentOrder, ShipHeroPlugin, TradingPartnerPlugin } from '../../../sandbox';
import { DEMO_RETAILER } from '../../sandboxCredentials';
import type { DemoContext, DemoStep } from '../types';
import { waitFor } from '../wait';

type Row = Record<string, unknown>;

/** Where the trading partner delivers: the X12 EDI Trigger of order-orchestration-inbound. */
export const ORDER_WEBHOOK_PATH = 'edi/order-orchestration';

const sent: SentOrder[] = [];

const partner = ({ sandbox }: DemoContext) => sandbox.plugin<TradingPartnerPlugin>('tradingpartner');
const salesOrder = ({ sandbox }: DemoContext, po: string) => sandbox.records<Row>('netsuite', 'salesOrder').find((o) => o.externalId === `${DEMO_RETAILER.id}-${po}`);
const wmsOrder = ({ sandbox }: DemoContext, po: string) => sandbox.records<Row>('shiphero', 'orders').find((o) => o.partner_order_id === po && o.shop_name === `edi-${DEMO_RETAILER.id}`);
const documents = (ctx: DemoContext, po: string) => partner(ctx).summary()[po] ?? {};

export const inboundOrders: DemoStep = {
	title: 'order-orchestration: 3 signed 850s → 997, NetSuite sales order, 855, ShipHero order',
	async run(ctx, print) {
		partner(ctx).configure({ webhookUrl: `${ctx.n8n.baseUrl}/webhook/${ORDER_WEBHOOK_PATH}` });
		sent.push(...partner(ctx).sendOrders(3));
		for (const order of sent) {
			const po = order.poNumber;
			await waitFor(`PO ${po} in NetSuite and ShipHero with a 997 and an 855`, () => salesOrder(ctx, po) && wmsOrder(ctx, po) && documents(ctx, po)['855'] === 1 && documents(ctx, po)['997'] === 1, 120_000);
			const so = salesOrder(ctx, po)!;
			print(`PO ${po} (${order.lines.length} lines, ${order.total}): NetSuite ${String(so.tranId)} total ${String(so.total)}, ShipHero order ${String(wmsOrder(ctx, po)!.order_number)}, partner got 997 + 855`);
		}
	},
};

export const shipOrders: DemoStep = {
	title: 'order-orchestration: ShipHero ships → 856 ASN, NetSuite fulfillment + invoice, 810',
	async run(ctx, print) {
		const shipHero = ctx.sandbox.plugin<ShipHeroPlugin>('shiphero');
		for (const order of sent) {
			const po = order.poNumber;
			const shipment = String(shipHero.shipOrder(String(wmsOrder(ctx, po)!.id)).legacy_id);
			await waitFor(`PO ${po} shipped: 856 and 810 at the partner`, () => documents(ctx, po)['856'] === 1 && documents(ctx, po)['810'] === 1, 120_000);
			const invoice = ctx.sandbox.records<Row>('netsuite', 'invoice').find((r) => r.externalId === `INV-${shipment}`);
			print(`PO ${po}: shipment ${shipment} → 856 sent, NetSuite invoice ${String(invoice?.tranId)} (${String(invoice?.total)}) → 810 sent`);
		}
	},
};
