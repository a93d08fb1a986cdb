import { createHmac } from 'node:crypto';

import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { AutotaskPsaTrigger } from '../../nodes/AutotaskPsa/AutotaskPsaTrigger.node';
import { verifyAutotaskSignature } from '../../nodes/AutotaskPsa/trigger/webhooks';
import { forgetRecentDeliveries } from '../../nodes/common/webhooks/dedupe';
import { createExecuteContext, useNock } from '../helpers/fakeContext';
import { API, ZONE, api, credentialType, credentials, resetCaches } from './helpers';

useNock();
beforeEach(() => {
	resetCaches();
	forgetRecentDeliveries();
});

const trigger = new AutotaskPsaTrigger();
const URL_OF_HOOK = 'https://n8n.example/webhook/abc/webhook';

function contexts(parameters: IDataObject, staticData: IDataObject = {}, creds = credentials({ zoneUrl: `${ZONE}/atservicesrest` })) {
	const base = createExecuteContext({
		parameters,
		staticData,
		credentials: { autotaskPsaApi: creds },
		credentialTypes: [credentialType],
		node: { type: 'n8n-nodes-erp-interop.autotaskPsaTrigger', name: 'Autotask Trigger', id: 'trigger-1' },
	});
	const getNodeParameter = (name: string, fallback?: unknown) => base.getNodeParameter(name, 0, fallback);
	const hook = { ...base, getNodeParameter, getNodeWebhookUrl: () => URL_OF_HOOK } as unknown as IHookFunctions;
	const response = { statusCode: 200, body: undefined as unknown };
	const webhook = (raw: string, headers: Record<string, string>) =>
		({
			...base,
			getNodeParameter,
			getRequestObject: () => ({ rawBody: Buffer.from(raw), body: JSON.parse(raw) }),
			getResponseObject: () => ({
				status(code: number) {
					response.statusCode = code;
					return this;
				},
				json(body: unknown) {
					response.body = body;
					return this;
				},
			}),
			getHeaderData: () => headers,
			getBodyData: () => JSON.parse(raw),
		}) as unknown as IWebhookFunctions;
	return { hook, webhook, response, staticData };
}

const PARAMS = { entity: 'ticket', events: ['create', 'update'], subscribedFields: ['304', '305'], displayAlwaysFields: ['302'], options: {} };
const sign = (secret: string, body: string) => `sha1=${createHmac('sha1', secret).update(body).digest('base64')}`;

describe('X-Hook-Signature', () => {
	const body = '{"Action":"Update","Id":1}';
	it('accepts sha1= plus the base64 HMAC-SHA1 of the raw body, and the bare digest', () => {
		expect(verifyAutotaskSignature('k3y', body, sign('k3y', body))).toBe(true);
		expect(verifyAutotaskSignature('k3y', body, sign('k3y', body).slice(5))).toBe(true);
	});
	it('refuses another key, another body, a hex digest or no header', () => {
		expect(verifyAutotaskSignature('other', body, sign('k3y', body))).toBe(false);
		expect(verifyAutotaskSignature('k3y', `${body} `, sign('k3y', body))).toBe(false);
		expect(verifyAutotaskSignature('k3y', body, `sha1=${createHmac('sha1', 'k3y').update(body).digest('hex')}`)).toBe(false);
		expect(verifyAutotaskSignature('k3y', body, undefined)).toBe(false);
	});
});

describe('webhook lifecycle', () => {
	it('registers the webhook with a fresh secret and its fields, and removes it again', async () => {
		const { hook, staticData } = contexts(PARAMS);
		let created: IDataObject = {};
		const fields: IDataObject[] = [];
		api()
			.post(`${API}/TicketWebhooks`, (b: IDataObject) => {
				created = b;
				return true;
			})
			.reply(200, { itemId: 41 });
		api()
			.post(`${API}/TicketWebhooks/41/Fields`, (b: IDataObject) => {
				fields.push(b);
				return true;
			})
			.times(3)
			.reply(200, { itemId: 1 });

		expect(await trigger.webhookMethods.default.create.call(hook)).toBe(true);

		expect(created).toMatchObject({
			IsActive: true,
			WebhookUrl: URL_OF_HOOK,
			IsSubscribedToCreateEvents: true,
			IsSubscribedToUpdateEvents: true,
			IsSubscribedToDeleteEvents: false,
			SendThresholdExceededNotification: false,
		});
		expect(String(created.SecretKey).length).toBeGreaterThanOrEqual(32);
		expect(String(created.SecretKey).length).toBeLessThanOrEqual(64);
		expect(fields).toEqual([
			{ WebhookID: 41, FieldID: 304, IsSubscribedField: true, IsDisplayAlwaysField: false },
			{ WebhookID: 41, FieldID: 305, IsSubscribedField: true, IsDisplayAlwaysField: false },
			{ WebhookID: 41, FieldID: 302, IsSubscribedField: false, IsDisplayAlwaysField: true },
		]);
		const state = staticData['node:Autotask Trigger'] as IDataObject;
		expect(state).toMatchObject({ webhookId: 41, secret: created.SecretKey, entity: 'TicketWebhooks' });

		api().get(`${API}/TicketWebhooks/41`).reply(200, { item: { id: 41, webhookUrl: URL_OF_HOOK, isActive: true } });
		expect(await trigger.webhookMethods.default.checkExists.call(hook)).toBe(true);

		api().delete(`${API}/TicketWebhooks/41`).reply(200, { itemId: 41 });
		expect(await trigger.webhookMethods.default.delete.call(hook)).toBe(true);
		expect(state).toEqual({});
	});

	it('does not leave a half-registered webhook behind when a field is refused', async () => {
		const { hook, staticData } = contexts(PARAMS);
		api().post(`${API}/TicketWebhooks`).reply(200, { itemId: 42 });
		api().post(`${API}/TicketWebhooks/42/Fields`).reply(400, { errors: ['FieldID 304 is not a field of Tickets.'] });
		const removed = api().delete(`${API}/TicketWebhooks/42`).reply(200, { itemId: 42 });
		await expect(trigger.webhookMethods.default.create.call(hook)).rejects.toThrow(/FieldID 304/);
		expect(removed.isDone()).toBe(true);
		expect(staticData['node:Autotask Trigger'] ?? {}).toEqual({});
	});

	it('reports a webhook Autotask no longer has (null item) as missing and forgets it', async () => {
		const { hook, staticData } = contexts(PARAMS, { 'node:Autotask Trigger': { webhookId: 43, secret: 's', entity: 'TicketWebhooks' } });
		api().get(`${API}/TicketWebhooks/43`).reply(200, { item: null });
		expect(await trigger.webhookMethods.default.checkExists.call(hook)).toBe(false);
		expect(staticData['node:Autotask Trigger']).toEqual({});
	});
});

describe('deliveries', () => {
	const SECRET = 'webhook-secret-abcdefghijklmnopqrstuvwxyz';
	const state = () => ({ 'node:Autotask Trigger': { webhookId: 41, secret: SECRET, entity: 'TicketWebhooks' } });
	const payload = (sequence: number, action = 'Update') =>
		JSON.stringify({ Action: action, Guid: '5e1f7d0c-0000-4000-8000-000000000001', EntityType: 'Ticket', Id: 7300, Fields: { status: 5 }, SequenceNumber: sequence });

	it('starts a run for a signed delivery and answers 401 without one for a forgery', async () => {
		const { webhook, response } = contexts(PARAMS, state());
		const body = payload(1);
		const ok = await trigger.webhook.call(webhook(body, { 'x-hook-signature': sign(SECRET, body) }));
		expect(ok.workflowData?.[0].map((i) => i.json)).toEqual([JSON.parse(body)]);

		const forged = await trigger.webhook.call(webhook(body, { 'x-hook-signature': sign('guess', body) }));
		expect(forged).toEqual({ noWebhookResponse: true });
		expect(response.statusCode).toBe(401);
		const unsigned = await trigger.webhook.call(webhook(payload(2), {}));
		expect(unsigned.workflowData).toBeUndefined();
	});

	it('starts no second run for the same Guid and SequenceNumber', async () => {
		const { webhook, response } = contexts(PARAMS, state());
		const body = payload(7);
		const first = await trigger.webhook.call(webhook(body, { 'x-hook-signature': sign(SECRET, body) }));
		const again = await trigger.webhook.call(webhook(body, { 'x-hook-signature': sign(SECRET, body) }));
		const next = await trigger.webhook.call(webhook(payload(8), { 'x-hook-signature': sign(SECRET, payload(8)) }));
		expect(first.workflowData).toHaveLength(1);
		expect(again).toEqual({ noWebhookResponse: true });
		expect(response.statusCode).toBe(200);
		expect(next.workflowData).toHaveLength(1);
	});

	it('adds the whole record when asked, and ignores events that were not chosen', async () => {
		const { webhook } = contexts({ ...PARAMS, options: { fetchRecord: true } }, state());
		api().get(`${API}/Tickets/7300`).reply(200, { item: { id: 7300, title: 'Printer', status: 5 } });
		const body = payload(9);
		const result = await trigger.webhook.call(webhook(body, { 'x-hook-signature': sign(SECRET, body) }));
		expect(result.workflowData?.[0][0].json.record).toEqual({ id: 7300, title: 'Printer', status: 5 });

		const deleted = payload(10, 'Delete');
		const ignored = await trigger.webhook.call(webhook(deleted, { 'x-hook-signature': sign(SECRET, deleted) }));
		expect(ignored.workflowData).toBeUndefined();
	});
});
