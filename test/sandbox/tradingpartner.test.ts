/**
 * The EDI trading-partner sandbox: retailers that send signed 850s and check what the distributor sends
 * back with node-x12. The documents sent to it here are written with the project's own X12 core (as the
 * templates do), so the two implementations check each other.
 */
import { createHmac } from 'node:crypto';

import {
	acknowledgeX12,
	buildInterchange,
	fromCanonical,
	parseX12,
	partnerInterchange,
	partnerProfile,
	toCanonical,
	transactionSets,
	type FixedControlNumbers,
} from '../../nodes/X12/core';
import type { Invoice, InventoryLevel, OrderAck, SalesOrder, Shipment } from '../../nodes/common/canonical';
import { startSandbox, type RunningSandbox, type SentOrder, type TradingPartnerPlugin } from '../../sandbox';
import { startSubscriber } from './helpers';

let sandbox: RunningSandbox;
let subscriber: Awaited<ReturnType<typeof startSubscriber>>;

const plugin = () => sandbox.plugin<TradingPartnerPlugin>('tradingpartner');
const creds = () => sandbox.systems.tradingpartner.credentials;
const profile = () =>
	partnerProfile({
		ourIsaQualifier: creds().ourIsaQualifier,
		ourIsaId: creds().ourIsaId,
		theirIsaQualifier: creds().theirIsaQualifier,
		theirIsaId: creds().theirIsaId,
		version: '004010',
		elementSeparator: '*',
		componentSeparator: '>',
		segmentTerminator: '~',
		lineBreak: 'lf',
	});

let nextControl = 100;
/** Fresh, unused control numbers for every document built here. */
const numbers = (): FixedControlNumbers => {
	nextControl++;
	return { interchange: nextControl, group: nextControl, set: nextControl };
};

async function documentFor(record: OrderAck | Shipment | Invoice | InventoryLevel[]): Promise<string> {
	const mapped = fromCanonical(record);
	const built = await buildInterchange(partnerInterchange(profile(), [{ functionalId: mapped.functionalId, sets: [{ id: mapped.setId, segments: mapped.segments }] }], numbers()), profile().delimiters);
	return built.text;
}

function sign(body: string, secret = creds().sharedSecret, at = Math.floor(Date.now() / 1000)): string {
	return `t=${at},v1=${createHmac('sha256', secret).update(`${at}.${body}`).digest('hex')}`;
}

async function post(body: string, signature: string | null = sign(body), url = creds().partnerUrl) {
	const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/edi-x12', ...(signature ? { 'X-EDI-Signature': signature } : {}) }, body });
	return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const ack855 = (order: SentOrder): OrderAck => ({
	type: 'OrderAck',
	externalIds: {},
	orderNumber: order.poNumber,
	ackDate: '2026-01-06',
	status: 'accepted',
	lines: order.lines.map((line) => ({
		lineNumber: String(line.lineNumber),
		item: { supplierSku: line.sku },
		quantity: String(line.quantity),
		unitPrice: line.price,
		unitOfMeasure: 'EA',
		status: 'accepted' as const,
		quantityAcknowledged: String(line.quantity),
	})),
});

const asn856 = (order: SentOrder, id = 'SHP-1'): Shipment => ({
	type: 'Shipment',
	externalIds: {},
	number: id,
	orderNumber: order.poNumber,
	shipDate: '2026-01-08',
	carrier: 'UPSN',
	trackingNumbers: ['1Z999AA10123456784'],
	lines: order.lines.map((line) => ({ lineNumber: String(line.lineNumber), item: { supplierSku: line.sku }, quantityShipped: String(line.quantity), quantityOrdered: String(line.quantity) })),
});

const invoice810 = (order: SentOrder, total = order.total): Invoice => ({
	type: 'Invoice',
	externalIds: {},
	number: `INV-${order.poNumber}`,
	date: '2026-01-08',
	poNumber: order.poNumber,
	customer: { name: 'Harbor Hardware' },
	lines: order.lines.map((line) => ({ lineNumber: String(line.lineNumber), item: { supplierSku: line.sku }, quantity: String(line.quantity), unitPrice: line.price })),
	totals: { total },
});

beforeAll(async () => {
	subscriber = await startSubscriber();
	sandbox = await startSandbox({ systems: ['tradingpartner'], seed: 42, tradingpartner: { retryDelaysMs: [50] } });
	plugin().configure({ webhookUrl: `${subscriber.url}/webhook/edi/orders` });
});
afterAll(async () => {
	await sandbox.close();
	await subscriber.close();
});

describe('trading partner sandbox: sending purchase orders', () => {
	let sent: SentOrder[];

	beforeAll(async () => {
		sent = plugin().sendOrders(3);
		await sandbox.webhooksIdle();
	});

	it('POSTs one signed 850 per PO to the configured URL, with sequential PO numbers and control numbers', () => {
		expect(sent.map((o) => o.poNumber)).toEqual(['HH-40001', 'HH-40002', 'HH-40003']);
		expect(sent.map((o) => o.isa13)).toEqual(['000005001', '000005002', '000005003']);
		expect(subscriber.received).toHaveLength(3);
		for (const [i, request] of subscriber.received.entries()) {
			expect(request.url).toBe('/webhook/edi/orders');
			expect(request.headers['content-type']).toBe('application/edi-x12');
			expect(request.body).toBe(sent[i].edi);
			const header = String(request.headers['x-edi-signature']);
			const t = /t=(\d+)/.exec(header)?.[1] ?? '';
			expect(header).toBe(sign(request.body, creds().sharedSecret, Number(t)));
			expect(Math.abs(Number(t) - Date.now() / 1000)).toBeLessThan(30);
			expect(request.headers['x-edi-message-id']).toBe(`RETAILERDEMO-${sent[i].isa13}`);
		}
	});

	it('writes 850s that the project X12 core validates and acknowledges (a second, independent reader)', async () => {
		const ack = await acknowledgeX12(sent[0].edi, { type: '997', controlNumbers: numbers() });
		expect(ack.report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
		expect(ack.acknowledgements[0].status).toBe('A');
		const orders = fromCanonicalCheck(sent[0].edi);
		expect(orders.poNumber).toBe('HH-40001');
		expect(orders.lines.map((l) => l.item?.supplierSku)).toEqual(sent[0].lines.map((l) => l.sku));
		expect(orders.shipTo?.city).toBe('Seattle');
	});

	it('draws the same orders from the same seed after a reset, from the partner catalogue', async () => {
		const catalog = plugin().catalog().map((item) => item.sku);
		for (const order of sent) {
			expect(order.lines.length).toBeGreaterThanOrEqual(1);
			for (const line of order.lines) expect(catalog).toContain(line.sku);
			const cents = order.lines.reduce((sum, l) => sum + Math.round(Number(l.price) * 100) * l.quantity, 0);
			expect(order.total).toBe((cents / 100).toFixed(2));
		}
		sandbox.reset();
		const again = plugin().sendOrders(3);
		await sandbox.webhooksIdle();
		expect(again.map(({ lines, poNumber, isa13 }) => ({ lines, poNumber, isa13 }))).toEqual(sent.map(({ lines, poNumber, isa13 }) => ({ lines, poNumber, isa13 })));
		sandbox.reset(43);
		const other = plugin().sendOrders(3);
		await sandbox.webhooksIdle();
		expect(other.map((o) => o.poNumber)).toEqual(sent.map((o) => o.poNumber));
		expect(other.map((o) => o.lines)).not.toEqual(sent.map((o) => o.lines));
		sandbox.reset(42);
		sent = plugin().sendOrders(3);
		await sandbox.webhooksIdle();
	});

	it('is driven over the admin API too, and delivers duplicates when the fault asks for them', async () => {
		subscriber.received.length = 0;
		sandbox.setFaults({ duplicateWebhooks: 1 }, 'tradingpartner');
		const res = await fetch(`${sandbox.url}/__sandbox/tradingpartner/orders`, { method: 'POST', body: JSON.stringify({ count: 2 }) });
		sandbox.clearFaults('tradingpartner');
		const { orders } = (await res.json()) as { orders: Array<{ poNumber: string; edi?: string }> };
		expect(orders.map((o) => o.poNumber)).toEqual(['HH-40004', 'HH-40005']);
		expect(orders[0].edi).toBeUndefined();
		await sandbox.webhooksIdle();
		expect(subscriber.received).toHaveLength(4);
		// Deliveries run concurrently: each 850 arrives twice, byte for byte, with the same signature.
		const copies = new Map<string, Set<string>>();
		for (const request of subscriber.received) copies.set(request.body, (copies.get(request.body) ?? new Set()).add(String(request.headers['x-edi-signature'])));
		expect(copies.size).toBe(2);
		expect([...copies.values()].map((signatures) => signatures.size)).toEqual([1, 1]);
		expect(subscriber.received.filter((r) => r.body.includes('BEG*00*SA*HH-40004*'))).toHaveLength(2);
	});
});

function fromCanonicalCheck(edi: string): SalesOrder {
	const [set] = transactionSets(parseX12(edi).interchanges[0]);
	return toCanonical(set.setId, set.segments, set.context, { asSalesOrder: true })[0] as SalesOrder;
}

describe('trading partner sandbox: receiving documents', () => {
	let order: SentOrder;

	beforeAll(async () => {
		sandbox.reset();
		[order] = plugin().sendOrders(2);
		await sandbox.webhooksIdle();
	});

	it('accepts a 997, 855, 856 and 810 for its PO and records each once, per PO', async () => {
		const ack = await acknowledgeX12(order.edi, { type: '997', controlNumbers: numbers(), sender: { qualifier: 'ZZ', id: 'DISTRIBDEMO' }, receiver: { qualifier: 'ZZ', id: 'RETAILERDEMO' } });
		for (const doc of [ack.text, await documentFor(ack855(order)), await documentFor(asn856(order)), await documentFor(invoice810(order))]) {
			const res = await post(doc);
			expect(res).toMatchObject({ status: 200, body: { accepted: true } });
		}
		expect(plugin().summary()[order.poNumber]).toEqual({ '997': 1, '855': 1, '856': 1, '810': 1 });
		const docs = sandbox.records<{ type: string; details: Record<string, unknown>; poNumbers: string[] }>('tradingpartner', 'documents');
		expect(docs.find((d) => d.type === '997')?.details).toMatchObject({ acknowledgedGroup: order.groupControlNumber, status: 'A', sets: [{ set: '850', controlNumber: '0001', status: 'A' }] });
		expect(docs.find((d) => d.type === '810')?.details).toMatchObject({ invoiceNumber: `INV-${order.poNumber}`, total: order.total });
		expect(docs.find((d) => d.type === '856')?.details).toMatchObject({ shipmentId: 'SHP-1', tracking: '1Z999AA10123456784' });
		expect(sandbox.records('tradingpartner', 'received')).toHaveLength(4);
	});

	it('accepts an 846 inventory advice', async () => {
		const levels: InventoryLevel[] = [{ type: 'InventoryLevel', externalIds: {}, item: { supplierSku: 'SKU-1004' }, available: '120', asOf: '2026-01-08T10:00:00Z' }];
		const res = await post(await documentFor(levels));
		expect(res.status).toBe(200);
		const doc = sandbox.records<{ type: string; details: { levels: unknown[] } }>('tradingpartner', 'documents').find((d) => d.type === '846');
		expect(doc?.details.levels).toEqual([{ sku: 'SKU-1004', qualifier: '33', quantity: 120 }]);
	});

	it('takes the same interchange again as a duplicate without recording it twice, and refuses another one reusing its number', async () => {
		const doc = await documentFor(ack855(order));
		expect((await post(doc)).status).toBe(200);
		const before = sandbox.records('tradingpartner', 'documents').length;
		const again = await post(doc, sign(doc));
		expect(again).toMatchObject({ status: 200, body: { duplicate: true } });
		expect(sandbox.records('tradingpartner', 'documents')).toHaveLength(before);
		expect(sandbox.records('tradingpartner', 'duplicates')).toHaveLength(1);
		const changed = doc.replace('*AD*', '*AC*');
		const conflict = await post(changed);
		expect(conflict.status).toBe(409);
		expect(String(conflict.body.error)).toMatch(/already received with different content/);
	});

	it('answers 401 to a missing, wrong or stale signature and records nothing', async () => {
		const doc = await documentFor(ack855(order));
		const before = sandbox.records('tradingpartner', 'documents').length;
		expect((await post(doc, null)).status).toBe(401);
		expect((await post(doc, sign(doc, 'not-the-secret'))).status).toBe(401);
		expect((await post(doc, sign(doc, undefined, Math.floor(Date.now() / 1000) - 3600))).status).toBe(401);
		expect((await post(doc, sign(`${doc} `))).status).toBe(401);
		expect(sandbox.records('tradingpartner', 'documents')).toHaveLength(before);
		const ping = await fetch(creds().partnerUrl, { headers: { 'X-EDI-Signature': sign('') } });
		expect(ping.status).toBe(200);
		expect((await fetch(creds().partnerUrl)).status).toBe(401);
	});

	it.each([
		['a wrong segment count', (doc: string) => doc.replace(/SE\*(\d+)\*/, (_m, n: string) => `SE*${Number(n) + 1}*`), /SE01/],
		['a cut-off interchange', (doc: string) => doc.slice(0, doc.indexOf('GE*')), /GE trailer|IEA trailer|no (GE|IEA)/],
		['a receiver that is not the partner', (doc: string) => doc.replace('RETAILERDEMO   ', 'SOMEONEELSE    '), /ISA07\/08/],
		['an unknown PO', (doc: string) => doc.replace(/HH-400\d\d/, 'HH-99999'), /never sent/],
		['a set in the wrong group', (doc: string) => doc.replace('GS*PR*', 'GS*IN*'), /PR group/],
		['not X12 at all', () => '{"order": 1}', /not an X12 interchange/],
	])('rejects %s with a 400 naming the problem', async (_name, corrupt, reason) => {
		const doc = corrupt(await documentFor(ack855(order)));
		const before = sandbox.records('tradingpartner', 'documents').length;
		const res = await post(doc);
		expect(res.status).toBe(400);
		expect(String(res.body.error)).toMatch(reason);
		expect(sandbox.records('tradingpartner', 'documents')).toHaveLength(before);
		expect(sandbox.records<{ status: number }>('tradingpartner', 'rejected').at(-1)?.status).toBe(400);
	});

	it('rejects an 810 whose total is not the sum of its lines and an 856 shipping more than was ordered', async () => {
		const badTotal = await post(await documentFor(invoice810(order, '1.00')));
		expect(badTotal.status).toBe(400);
		expect(String(badTotal.body.error)).toMatch(/TDS01/);
		const over = asn856(order, 'SHP-2');
		over.lines[0].quantityShipped = String(order.lines[0].quantity + 1);
		const res = await post(await documentFor(over));
		expect(res.status).toBe(400);
		expect(String(res.body.error)).toMatch(/were ordered/);
	});

	it('serves its inbox per partner: a Summit document signed with Harbor’s secret is refused', async () => {
		const summit = plugin().partnerCredentials('summit');
		expect(summit.partnerUrl).toMatch(/\/tradingpartner\/summit\/inbox$/);
		const doc = await documentFor(ack855(order));
		expect((await post(doc, sign(doc), summit.partnerUrl)).status).toBe(401);
		// Right secret, but the interchange is addressed to Harbor.
		const res = await post(doc, sign(doc, summit.sharedSecret), summit.partnerUrl);
		expect(res.status).toBe(400);
	});
});
