/**
 * X12 EDI Trigger: the deliveries the trading-partner sandbox signs start a run with the file; forged,
 * unsigned, stale and non-X12 deliveries are refused without one; a repeated delivery starts nothing.
 */
import { createHmac } from 'node:crypto';
import type { IBinaryData, IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { X12EdiTrigger } from '../../../nodes/X12/X12EdiTrigger.node';
import { forgetRecentDeliveries } from '../../../nodes/common/webhooks/dedupe';
import { startSandbox, type RunningSandbox, type TradingPartnerPlugin, type WebhookDelivery } from '../../../sandbox';
import { startSubscriber } from '../../sandbox/helpers';

let sandbox: RunningSandbox;
let subscriber: Awaited<ReturnType<typeof startSubscriber>>;
const plugin = () => sandbox.plugin<TradingPartnerPlugin>('tradingpartner');
const node = new X12EdiTrigger();

interface Sent {
	status?: number;
	body?: unknown;
}

function webhookContext(delivery: { headers: Record<string, string>; body: string }, options: IDataObject = {}, secret = sandbox.systems.tradingpartner.credentials.sharedSecret) {
	const sent: Sent = {};
	const res = {
		status(code: number) {
			sent.status = code;
			return res;
		},
		json(body: unknown) {
			sent.body = body;
			return res;
		},
	};
	const headers = Object.fromEntries(Object.entries(delivery.headers).map(([k, v]) => [k.toLowerCase(), v]));
	const ctx = {
		getRequestObject: () => ({ headers, body: {}, rawBody: Buffer.from(delivery.body, 'utf8') }),
		getResponseObject: () => res,
		getHeaderData: () => headers,
		getNode: () => ({ id: 'x12-trigger', name: 'Receive 850', credentials: { x12HttpApi: { id: '1', name: 'partner' } } }),
		getWorkflow: () => ({ id: 'wf-orders' }),
		getCredentials: async () => ({ sharedSecret: secret, signatureHeader: 'X-EDI-Signature', toleranceSeconds: 300 }),
		getNodeParameter: (name: string, fallback: unknown) => (name === 'options' ? options : fallback),
		helpers: {
			prepareBinaryData: async (data: Buffer, fileName: string, mimeType: string): Promise<IBinaryData> => ({ data: data.toString('base64'), fileName, mimeType }),
		},
	} as unknown as IWebhookFunctions;
	return { ctx, sent };
}

async function delivery(): Promise<WebhookDelivery> {
	sandbox.clearDeliveries();
	plugin().sendOrders(1);
	await sandbox.webhooksIdle();
	const [sentDelivery] = sandbox.deliveries('tradingpartner');
	return sentDelivery;
}

beforeAll(async () => {
	subscriber = await startSubscriber();
	sandbox = await startSandbox({ systems: ['tradingpartner'], seed: 42 });
	plugin().configure({ webhookUrl: `${subscriber.url}/webhook/edi/orders` });
});
afterAll(async () => {
	await sandbox.close();
	await subscriber.close();
});
beforeEach(() => forgetRecentDeliveries());

describe('X12 EDI Trigger', () => {
	it('starts one run with the received file and its ISA summary for a delivery the partner signed', async () => {
		const d = await delivery();
		const { ctx, sent } = webhookContext(d);

		const result = await node.webhook.call(ctx);

		expect(sent.status).toBeUndefined();
		expect(result.webhookResponse).toMatchObject({ received: true });
		const [[item]] = result.workflowData ?? [[]];
		expect(item.json).toMatchObject({
			interchange: { sender: 'RETAILERDEMO', receiver: 'DISTRIBDEMO', controlNumber: '000005001', usage: 'P' },
			partnerMessageId: 'RETAILERDEMO-000005001',
			bytes: Buffer.byteLength(d.body),
		});
		expect(item.json.messageId).toMatch(/^[0-9a-f]{64}$/);
		expect(Buffer.from(item.binary?.data.data ?? '', 'base64').toString('utf8')).toBe(d.body);
		expect(item.binary?.data).toMatchObject({ mimeType: 'application/edi-x12', fileName: 'RETAILERDEMO-000005001.edi' });
	});

	it('answers a repeated delivery of the same file without starting a second run', async () => {
		const d = await delivery();
		const first = await node.webhook.call(webhookContext(d).ctx);
		const again = await node.webhook.call(webhookContext(d).ctx);
		expect(first.workflowData).toHaveLength(1);
		expect(again.workflowData).toBeUndefined();
		expect(again.webhookResponse).toMatchObject({ received: true, duplicate: true });
		// Unless told to take every delivery.
		const third = await node.webhook.call(webhookContext(d, { ignoreRepeats: false }).ctx);
		expect(third.workflowData).toHaveLength(1);
	});

	it.each([
		['a body changed after signing', (d: WebhookDelivery) => ({ headers: d.headers, body: d.body.replace('PO1*1*', 'PO1*1*9') })],
		['no signature', (d: WebhookDelivery) => ({ headers: { 'content-type': 'application/edi-x12' }, body: d.body })],
		['a signature made with another secret', (d: WebhookDelivery) => {
			const t = Math.floor(Date.now() / 1000);
			return { headers: { 'x-edi-signature': `t=${t},v1=${createHmac('sha256', 'guess').update(`${t}.${d.body}`).digest('hex')}` }, body: d.body };
		}],
		['a replay signed 10 minutes ago', (d: WebhookDelivery) => {
			const t = Math.floor(Date.now() / 1000) - 600;
			const secret = sandbox.systems.tradingpartner.credentials.sharedSecret;
			return { headers: { 'x-edi-signature': `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${d.body}`).digest('hex')}` }, body: d.body };
		}],
	])('answers 401 and starts nothing for %s', async (_name, variant) => {
		const { ctx, sent } = webhookContext(variant(await delivery()));
		const result = await node.webhook.call(ctx);
		expect(sent.status).toBe(401);
		expect(result).toEqual({ noWebhookResponse: true });
	});

	it('answers 400 to a correctly signed body that is not an X12 interchange', async () => {
		const body = '{"po": "HH-1"}';
		const t = Math.floor(Date.now() / 1000);
		const secret = sandbox.systems.tradingpartner.credentials.sharedSecret;
		const { ctx, sent } = webhookContext({ headers: { 'x-edi-signature': `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}` }, body });
		const result = await node.webhook.call(ctx);
		expect(sent.status).toBe(400);
		expect(result.workflowData).toBeUndefined();
	});

	it('registers one POST webhook on the configured full path and needs the X12 over HTTPS credential', () => {
		expect(node.description.webhooks).toEqual([expect.objectContaining({ httpMethod: 'POST', responseMode: 'onReceived', isFullPath: true, path: '={{$parameter["path"]}}' })]);
		expect(node.description.credentials?.find((c) => c.name === 'x12HttpApi')?.required).toBe(true);
	});
});
