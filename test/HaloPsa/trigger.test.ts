import nock from 'nock';
import type { ICredentialDataDecryptedObject, IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { HaloPsaTrigger } from '../../nodes/HaloPsa/HaloPsaTrigger.node';
import { credentialProblem, webhookAuthorised } from '../../nodes/HaloPsa/trigger/auth';
import { createExecuteContext, useNock } from '../helpers/fakeContext';
import { API, HOST, credentialType, credentials } from './helpers';

useNock();

const trigger = new HaloPsaTrigger();
const WEBHOOK_URL = 'https://n8n.example.test/webhook/abc/webhook';
const basic = { authentication: 'basicAuth', user: 'halo', password: 'Long-Webhook-Secret-1' };
const header = { authentication: 'headerAuth', headerName: 'Authorization', headerValue: 'Bearer 0123456789abcdef-token' };
const b64 = (s: string) => Buffer.from(s).toString('base64');

function harness(parameters: IDataObject, hook: ICredentialDataDecryptedObject, delivery: { body?: unknown; headers?: IDataObject } = {}) {
	const staticData: IDataObject = {};
	const base = createExecuteContext({
		parameters,
		credentials: { haloPsaWebhookApi: hook, haloPsaOAuth2Api: credentials() },
		credentialTypes: [credentialType],
		staticData,
		node: { name: 'Halo Trigger', type: 'n8n-nodes-erp-interop.haloPsaTrigger' },
	});
	const response: { status?: number; body?: unknown; headers: IDataObject } = { headers: {} };
	const read = base.getNodeParameter.bind(base);
	const ctx = Object.assign(base, {
		getNodeParameter: (name: string, fallback?: unknown) => read(name, 0, fallback),
		getNodeWebhookUrl: () => WEBHOOK_URL,
		getWorkflow: () => ({ id: 'wf', name: 'Tickets to Slack', active: true }),
		getBodyData: () => delivery.body ?? {},
		getHeaderData: () => delivery.headers ?? {},
		getResponseObject: () => ({
			setHeader(name: string, value: string) {
				response.headers[name] = value;
				return this;
			},
			status(code: number) {
				response.status = code;
				return this;
			},
			json(body: unknown) {
				response.body = body;
				return this;
			},
		}),
	}) as unknown as IWebhookFunctions & IHookFunctions;
	return { ctx, response, staticData };
}

const event = { event: 'ticket_created', ticket: { id: 5, summary: 'Printer' } };

describe('HaloPSA Interop Trigger: authentication', () => {
	it('starts a run for the right Basic credentials', async () => {
		const { ctx, response } = harness({ options: {} }, basic, { body: event, headers: { authorization: `Basic ${b64('halo:Long-Webhook-Secret-1')}` } });
		const result = await trigger.webhook.call(ctx);
		expect(result.workflowData?.[0].map((i) => i.json)).toEqual([event]);
		expect(response.status).toBeUndefined();
	});

	it.each([
		['a wrong password', `Basic ${b64('halo:Long-Webhook-Secret-2')}`],
		['a wrong user', `Basic ${b64('admin:Long-Webhook-Secret-1')}`],
		['no colon', `Basic ${b64('haloLong-Webhook-Secret-1')}`],
		['a bearer token', 'Bearer Long-Webhook-Secret-1'],
		['nothing', undefined],
	])('answers 401 without a run for %s', async (_case, authorization) => {
		const { ctx, response } = harness({ options: {} }, basic, { body: event, headers: authorization ? { authorization } : {} });
		expect(await trigger.webhook.call(ctx)).toEqual({ noWebhookResponse: true });
		expect(response).toMatchObject({ status: 401, headers: { 'WWW-Authenticate': expect.stringContaining('Basic') } });
	});

	it('checks a bearer token or API key header', () => {
		expect(webhookAuthorised(header, { authorization: 'Bearer 0123456789abcdef-token' })).toBe(true);
		expect(webhookAuthorised(header, { authorization: 'Bearer 0123456789abcdef-tokeN' })).toBe(false);
		const apiKey = { authentication: 'headerAuth', headerName: 'X-Halo-Key', headerValue: 'k-0123456789abcdef' };
		expect(webhookAuthorised(apiKey, { 'x-halo-key': 'k-0123456789abcdef' })).toBe(true);
		expect(webhookAuthorised(apiKey, {})).toBe(false);
		// An empty secret never matches, not even an empty header.
		expect(webhookAuthorised({ authentication: 'headerAuth', headerName: 'X-Key', headerValue: '' }, { 'x-key': '' })).toBe(false);
		expect(webhookAuthorised({ authentication: 'basicAuth', user: '', password: '' }, { authorization: `Basic ${b64(':')}` })).toBe(false);
	});

	it('tests the credential for a usable secret', async () => {
		const test = trigger.methods.credentialTest.haloPsaWebhookTest;
		expect(await test.call({} as never, { id: '1', name: 'x', type: 'haloPsaWebhookApi', data: basic })).toMatchObject({ status: 'OK' });
		expect(await test.call({} as never, { id: '1', name: 'x', type: 'haloPsaWebhookApi', data: { ...basic, password: 'short' } })).toMatchObject({
			status: 'Error',
			message: expect.stringMatching(/at least 16/),
		});
		expect(credentialProblem({ authentication: 'headerAuth', headerName: '', headerValue: 'x'.repeat(20) })).toBe('Header Name is empty');
	});
});

describe('HaloPSA Interop Trigger: deliveries', () => {
	const auth = { authorization: `Basic ${b64('halo:Long-Webhook-Secret-1')}` };

	it('splits batched deliveries and filters by event name', async () => {
		const batch = [event, { event: 'ticket_updated', ticket: { id: 5 } }, { event: 'ticket_created', ticket: { id: 6 } }];
		const { ctx } = harness({ options: { events: 'Ticket_Created' } }, basic, { body: batch, headers: auth });
		const result = await trigger.webhook.call(ctx);
		expect(result.workflowData?.[0].map((i) => (i.json.ticket as IDataObject).id)).toEqual([5, 6]);

		const none = harness({ options: { events: 'client_updated' } }, basic, { body: batch, headers: auth });
		expect(await trigger.webhook.call(none.ctx)).toEqual({ webhookResponse: { received: true, ignored: 3 } });
	});
});

describe('HaloPSA Interop Trigger: webhook registration', () => {
	it('does nothing in Halo when the webhook is configured by hand', async () => {
		const { ctx } = harness({ register: false }, basic);
		expect(await trigger.webhookMethods.default.checkExists.call(ctx)).toBe(true);
	});

	it('registers with Basic auth, finds it again, and removes it', async () => {
		let sent: unknown;
		nock(HOST)
			.post(`${API}/Webhook`, (body: unknown) => ((sent = body), true))
			.reply(200, { id: 'b7c9e2f4-1111-4222-8333-444455556666', url: WEBHOOK_URL })
			.get(`${API}/Webhook/b7c9e2f4-1111-4222-8333-444455556666`)
			.reply(200, { id: 'b7c9e2f4-1111-4222-8333-444455556666', url: WEBHOOK_URL })
			.delete(`${API}/Webhook/b7c9e2f4-1111-4222-8333-444455556666`)
			.reply(200);
		const { ctx, staticData } = harness({ register: true }, basic);

		expect(await trigger.webhookMethods.default.checkExists.call(ctx)).toBe(false);
		expect(await trigger.webhookMethods.default.create.call(ctx)).toBe(true);
		expect(sent).toEqual([
			{
				name: 'n8n: Tickets to Slack',
				type: 0,
				url: WEBHOOK_URL,
				method: 0,
				content_type: 'application/json',
				active: true,
				authentication_type: 1,
				basic_username: 'halo',
				basic_password: 'Long-Webhook-Secret-1',
			},
		]);
		expect(await trigger.webhookMethods.default.checkExists.call(ctx)).toBe(true);
		expect(await trigger.webhookMethods.default.delete.call(ctx)).toBe(true);
		expect(staticData['node:Halo Trigger']).toEqual({});
		expect(nock.isDone()).toBe(true);
	});

	it('re-creates a webhook that was deleted in Halo', async () => {
		nock(HOST).get(`${API}/Webhook/gone-1`).reply(404, { ClassName: 'HaloNotFoundException', Message: 'not found' });
		const { ctx, staticData } = harness({ register: true }, basic);
		staticData['node:Halo Trigger'] = { webhookId: 'gone-1' };
		expect(await trigger.webhookMethods.default.checkExists.call(ctx)).toBe(false);
		expect(staticData['node:Halo Trigger']).toEqual({});
	});

	it('refuses to register with header authentication', async () => {
		const { ctx } = harness({ register: true }, header);
		await expect(trigger.webhookMethods.default.create.call(ctx)).rejects.toThrow(/needs Basic authentication/);
	});
});
