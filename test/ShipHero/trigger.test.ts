import { createHmac } from 'node:crypto';

import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { shopNameFor, ShipHeroTrigger } from '../../nodes/ShipHero/ShipHeroTrigger.node';
import { createExecuteContext, useNock } from '../helpers/fakeContext';
import { api, credentials, credentialType, type SentGraphql } from './helpers';

useNock();

const trigger = new ShipHeroTrigger();
const URL = 'https://n8n.example.test/webhook/abc/webhook';
const SECRET = 'a3f9c0d1e2b4a5c6d7e8f9a0b1c2d3e4';

/** A hook/webhook context over the execute fake: same credential handling, plus the trigger-only methods. */
function context(options: { staticData?: IDataObject; events?: string[]; body?: IDataObject; raw?: string; headers?: Record<string, string>; workflowId?: string } = {}) {
	const base = createExecuteContext({ credentials: { shipHeroApi: credentials() }, credentialTypes: [credentialType], node: { id: 'trigger-node', name: 'ShipHero Trigger' } });
	const staticData = options.staticData ?? {};
	const response = { statusCode: 200, body: undefined as unknown };
	const res = {
		status(code: number) {
			response.statusCode = code;
			return res;
		},
		json(body: unknown) {
			response.body = body;
			return res;
		},
	};
	const ctx = {
		...base,
		getWorkflowStaticData: () => staticData,
		getNodeWebhookUrl: () => URL,
		getNodeParameter: (name: string, fallback?: unknown) => (name === 'events' ? (options.events ?? ['Inventory Update']) : fallback),
		getWorkflow: () => ({ id: options.workflowId ?? 'wf-1', name: 'wf', active: true }),
		getRequestObject: () => ({ rawBody: Buffer.from(options.raw ?? JSON.stringify(options.body ?? {})), body: options.body }),
		getHeaderData: () => options.headers ?? {},
		getBodyData: () => options.body ?? {},
		getResponseObject: () => res,
	};
	return { ctx, staticData, response, sent: base.sentRequests };
}

const hook = (ctx: unknown) => ctx as IHookFunctions;
const webhook = (ctx: unknown) => ctx as IWebhookFunctions;
const bodies: SentGraphql[] = [];
const capture = (body: SentGraphql) => (bodies.push(body), true);
beforeEach(() => (bodies.length = 0));

const listReply = (nodes: IDataObject[]) => ({ data: { webhooks: { request_id: 'r', complexity: 2, data: { edges: nodes.map((node) => ({ node })) } } } });

describe('ShipHero Trigger lifecycle', () => {
	it('registers each event with webhook_create and keeps the shared secret it returns', async () => {
		const { ctx, staticData } = context({ events: ['Inventory Update', 'Shipment Update'] });
		const shop = shopNameFor(URL);
		api()
			.post('/graphql', capture)
			.reply(200, listReply([{ id: 'W0', name: 'Shipment Update', url: 'https://old.example/x', shop_name: shop }]))
			.post('/graphql', capture)
			.reply(200, { data: { webhook_create: { request_id: 'r', complexity: 5, webhook: { name: 'Inventory Update', shared_signature_secret: 's-inv' } } } })
			.post('/graphql', capture)
			.reply(200, { data: { webhook_delete: { request_id: 'r', complexity: 5 } } })
			.post('/graphql', capture)
			.reply(200, { data: { webhook_create: { request_id: 'r', complexity: 5, webhook: { name: 'Shipment Update', shared_signature_secret: 's-ship' } } } });

		expect(await trigger.webhookMethods.default.create.call(hook(ctx))).toBe(true);

		expect(staticData).toEqual({ shopName: shop, url: URL, secrets: { 'Inventory Update': 's-inv', 'Shipment Update': 's-ship' } });
		expect(bodies.slice(1).map((b) => [/ShipHero_(\w+)/.exec(b.query)?.[1], b.variables])).toEqual([
			['webhook_create', { data: { name: 'Inventory Update', url: URL, shop_name: shop } }],
			// A stale registration of the same type and shop (old URL) is replaced.
			['webhook_delete', { data: { name: 'Shipment Update', shop_name: shop } }],
			['webhook_create', { data: { name: 'Shipment Update', url: URL, shop_name: shop } }],
		]);
	});

	it('counts as existing only with a registration for its URL and the secret to verify it', async () => {
		const shop = shopNameFor(URL);
		api().post('/graphql').times(2).reply(200, listReply([{ name: 'Inventory Update', url: URL, shop_name: shop }]));

		expect(await trigger.webhookMethods.default.checkExists.call(hook(context({ staticData: { secrets: { 'Inventory Update': 'x' } } }).ctx))).toBe(true);
		expect(await trigger.webhookMethods.default.checkExists.call(hook(context({ staticData: {} }).ctx))).toBe(false);
	});

	it('deletes its registrations on deactivation, tolerating one already gone', async () => {
		const { ctx, staticData } = context({ staticData: { shopName: 'n8n-x', url: URL, secrets: { 'Inventory Update': 'a', 'PO Update': 'b' } }, events: ['Inventory Update', 'PO Update'] });
		api()
			.post('/graphql', capture)
			.reply(200, { data: { webhook_delete: { request_id: 'r', complexity: 5 } } })
			.post('/graphql', capture)
			.reply(200, { errors: [{ code: 5, message: 'No "PO Update" webhook for shop n8n-x', operation: 'webhook_delete' }], data: { webhook_delete: null } });

		expect(await trigger.webhookMethods.default.delete.call(hook(ctx))).toBe(true);

		expect(bodies.map((b) => b.variables)).toEqual([{ data: { name: 'Inventory Update', shop_name: 'n8n-x' } }, { data: { name: 'PO Update', shop_name: 'n8n-x' } }]);
		expect(staticData).toEqual({});
	});
});

describe('ShipHero Trigger deliveries', () => {
	const payload = { account_id: 7556, webhook_type: 'Inventory Update', inventory: [{ sku: 'SKU-1', on_hand: '45' }] };
	const raw = JSON.stringify(payload);
	const sign = (text: string, secret = SECRET) => createHmac('sha256', secret).update(text).digest('base64');
	const state = () => ({ secrets: { 'Inventory Update': SECRET } });

	it('starts a run for a delivery signed with the shared secret and answers ShipHero’s expected body', async () => {
		const { ctx } = context({ staticData: state(), body: payload, raw, headers: { 'x-shiphero-hmac-sha256': sign(raw), 'x-shiphero-message-id': 'm-1' }, workflowId: 'wf-ok' });

		const result = await trigger.webhook.call(webhook(ctx));

		expect(result.webhookResponse).toEqual({ code: '200', Status: 'Success' });
		expect(result.workflowData?.[0].map((item) => item.json)).toEqual([{ ...payload, messageId: 'm-1' }]);
	});

	it.each([
		['a wrong secret', (text: string) => sign(text, 'other-secret')],
		['a signature of another body', () => sign(`${raw} `)],
		['no signature', () => undefined],
	])('answers 401 and starts nothing for %s', async (_case, signature) => {
		const headers: Record<string, string> = {};
		const value = signature(raw);
		if (value) headers['x-shiphero-hmac-sha256'] = value;
		const { ctx, response } = context({ staticData: state(), body: payload, raw, headers });

		const result = await trigger.webhook.call(webhook(ctx));

		expect(result).toEqual({ noWebhookResponse: true });
		expect(response.statusCode).toBe(401);
	});

	it('ignores a repeated delivery of the same message', async () => {
		const headers = { 'x-shiphero-hmac-sha256': sign(raw), 'x-shiphero-message-id': 'm-dup' };
		const first = await trigger.webhook.call(webhook(context({ staticData: state(), body: payload, raw, headers, workflowId: 'wf-dup' }).ctx));
		const second = await trigger.webhook.call(webhook(context({ staticData: state(), body: payload, raw, headers, workflowId: 'wf-dup' }).ctx));

		expect(first.workflowData).toHaveLength(1);
		expect(second).toEqual({ webhookResponse: { code: '200', Status: 'Success' } });
	});

	it('acknowledges but does not run for an event type it was not set up for', async () => {
		const other = JSON.stringify({ ...payload, webhook_type: 'Order Canceled' });
		const { ctx } = context({ staticData: state(), body: JSON.parse(other) as IDataObject, raw: other, headers: { 'x-shiphero-hmac-sha256': sign(other) } });

		const result = await trigger.webhook.call(webhook(ctx));

		expect(result.workflowData).toBeUndefined();
		expect(result.webhookResponse).toEqual({ code: '200', Status: 'Success' });
	});
});
