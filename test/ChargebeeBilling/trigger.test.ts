import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { ChargebeeBillingTrigger, basicAuthMatches } from '../../nodes/ChargebeeBilling/ChargebeeBillingTrigger.node';
import { createExecuteContext } from '../helpers/fakeContext';
import { API, api, credentialType, credentials, setupNock } from './helpers';

setupNock();

const trigger = new ChargebeeBillingTrigger();
const BASIC = { user: 'cb-hook', password: 'Hook-Pa55word' };
const header = (user = BASIC.user, password = BASIC.password) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
let workflows = 0;

function webhookContext(body: unknown, authorization: string | undefined, parameters: IDataObject = {}) {
	const base = createExecuteContext({
		parameters: { registration: 'automatic', events: [], options: {}, ...parameters },
		credentials: { chargebeeBillingApi: credentials(), httpBasicAuth: BASIC },
		credentialTypes: [credentialType],
		node: { id: 'trigger-1', name: 'Chargebee Billing Trigger', type: 'n8n-nodes-erp-interop.chargebeeBillingTrigger' },
	});
	const response = { statusCode: 200, headers: {} as Record<string, string>, body: undefined as unknown };
	const res = {
		status(code: number) {
			response.statusCode = code;
			return res;
		},
		setHeader(name: string, value: string) {
			response.headers[name] = value;
			return res;
		},
		json(value: unknown) {
			response.body = value;
			return res;
		},
	};
	const workflowId = `wf-${++workflows}`;
	const ctx = Object.assign(Object.create(base) as object, {
		getNodeParameter: (name: string, fallback?: unknown) => base.getNodeParameter(name, 0, fallback),
		getRequestObject: () => ({ headers: authorization === undefined ? {} : { authorization } }),
		getResponseObject: () => res,
		getBodyData: () => body,
		getWorkflow: () => ({ id: workflowId, name: 'Usage sync', active: true }),
	}) as unknown as IWebhookFunctions;
	return { ctx, response, reuse: (next: unknown) => Object.assign(Object.create(ctx) as object, { getBodyData: () => next }) as unknown as IWebhookFunctions };
}

const event = (id = 'ev_1', type = 'invoice_generated') => ({
	id,
	occurred_at: 1790000000,
	object: 'event',
	api_version: 'v2',
	event_type: type,
	content: { invoice: { id: '1001', customer_id: 'c1', currency_code: 'USD', total: 1999, amount_paid: 0, amount_due: 1999, status: 'payment_due', date: 1790000000, line_items: [] } },
});

describe('Chargebee Billing Trigger: verification', () => {
	it('compares Basic credentials in constant time and only accepts the exact pair', () => {
		expect(basicAuthMatches(header(), BASIC.user, BASIC.password)).toBe(true);
		expect(basicAuthMatches(header(BASIC.user, 'wrong'), BASIC.user, BASIC.password)).toBe(false);
		expect(basicAuthMatches(undefined, BASIC.user, BASIC.password)).toBe(false);
		expect(basicAuthMatches(header('', ''), '', '')).toBe(false);
	});

	it('answers 401 without starting a run when the Basic auth is wrong or missing', async () => {
		for (const auth of [header(BASIC.user, 'guess'), undefined]) {
			const { ctx, response } = webhookContext(event(), auth);
			const result = await trigger.webhook.call(ctx);
			expect(result).toEqual({ noWebhookResponse: true });
			expect(response.statusCode).toBe(401);
			expect(response.headers['WWW-Authenticate']).toMatch(/^Basic/);
		}
	});

	it('starts one run per event id: a redelivery of the same event is acknowledged and ignored', async () => {
		const { ctx, reuse } = webhookContext(event('ev_dup'), header(), { options: { output: 'canonical' } });
		const first = await trigger.webhook.call(ctx);
		expect(first.workflowData?.[0]).toHaveLength(1);
		expect(first.workflowData?.[0][0].json).toMatchObject({ id: 'ev_dup', canonical: { type: 'Invoice', totals: { total: '19.99', balance: '19.99' }, status: 'open' } });
		const again = await trigger.webhook.call(reuse(event('ev_dup')));
		expect(again.workflowData).toBeUndefined();
		expect(again.webhookResponse).toEqual({ received: true, duplicate: true });
		const other = await trigger.webhook.call(reuse(event('ev_other')));
		expect(other.workflowData?.[0]).toHaveLength(1);
	});

	it('filters event types and rejects a body that is not an event', async () => {
		const { ctx, reuse, response } = webhookContext(event('ev_2', 'customer_changed'), header(), { events: ['invoice_generated'] });
		expect((await trigger.webhook.call(ctx)).webhookResponse).toEqual({ received: true, ignored: 'event type not selected' });
		expect((await trigger.webhook.call(reuse({ hello: 'world' }))).noWebhookResponse).toBe(true);
		expect(response.statusCode).toBe(400);
	});
});

describe('Chargebee Billing Trigger: webhook endpoint lifecycle', () => {
	function hookContext(staticData: IDataObject, parameters: IDataObject = {}) {
		const base = createExecuteContext({
			parameters: { registration: 'automatic', events: ['invoice_generated', 'payment_succeeded'], options: {}, ...parameters },
			credentials: { chargebeeBillingApi: credentials(), httpBasicAuth: BASIC },
			credentialTypes: [credentialType],
			staticData,
			node: { name: 'Chargebee Billing Trigger' },
		});
		return Object.assign(Object.create(base) as object, {
			getNodeParameter: (name: string, fallback?: unknown) => base.getNodeParameter(name, 0, fallback),
			getNodeWebhookUrl: () => 'https://n8n.example.test/webhook/abc/webhook',
			getWorkflow: () => ({ id: 'wf', name: 'Usage sync', active: true }),
		}) as unknown as IHookFunctions;
	}

	it('creates the endpoint with the Basic auth and event filter, finds it, and deletes it', async () => {
		const staticData: IDataObject = {};
		const hooks = trigger.webhookMethods.default;
		expect(await hooks.checkExists.call(hookContext(staticData))).toBe(false);
		api()
			.post(`${API}/webhook_endpoints`, {
				name: 'n8n Usage sync',
				url: 'https://n8n.example.test/webhook/abc/webhook',
				api_version: 'v2',
				basic_auth_username: BASIC.user,
				basic_auth_password: BASIC.password,
				'enabled_events[0]': 'invoice_generated',
				'enabled_events[1]': 'payment_succeeded',
			})
			.reply(200, { webhook_endpoint: { id: 'whe_1', url: 'https://n8n.example.test/webhook/abc/webhook' } });
		expect(await hooks.create.call(hookContext(staticData))).toBe(true);
		expect((staticData['node:Chargebee Billing Trigger'] as IDataObject).webhookEndpointId).toBe('whe_1');
		api().get(`${API}/webhook_endpoints/whe_1`).reply(200, { webhook_endpoint: { id: 'whe_1', url: 'https://n8n.example.test/webhook/abc/webhook' } });
		expect(await hooks.checkExists.call(hookContext(staticData))).toBe(true);
		api().post(`${API}/webhook_endpoints/whe_1/delete`).reply(200, { webhook_endpoint: { id: 'whe_1' } });
		expect(await hooks.delete.call(hookContext(staticData))).toBe(true);
		expect((staticData['node:Chargebee Billing Trigger'] as IDataObject).webhookEndpointId).toBeUndefined();
	});

	it('registers nothing in manual mode', async () => {
		const staticData: IDataObject = {};
		expect(await trigger.webhookMethods.default.checkExists.call(hookContext(staticData, { registration: 'manual' }))).toBe(true);
		expect(await trigger.webhookMethods.default.create.call(hookContext(staticData, { registration: 'manual' }))).toBe(true);
	});
});
