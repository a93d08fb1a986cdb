import { createHash, createHmac } from 'node:crypto';
import nock from 'nock';
import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { ConnectWisePsaTrigger } from '../../nodes/ConnectWisePsa/ConnectWisePsaTrigger.node';
import { clearSigningKeyCache, trustedKeyUrl } from '../../nodes/ConnectWisePsa/trigger/signingKey';
import { createExecuteContext, useNock } from '../helpers/fakeContext';
import { API, SITE, credentialType, credentials } from './helpers';

useNock();
beforeEach(() => clearSigningKeyCache());

const trigger = new ConnectWisePsaTrigger();
const WEBHOOK_URL = 'https://n8n.example.test/webhook/abc-123/callback';
const SIGNING_KEY = 'sbx-signing-key-4f1e';
const KEY_URL = `${SITE}${API}/system/callbackKeys/7`;

function sign(key: string, body: string): string {
	return createHmac('sha256', createHash('sha256').update(key).digest()).update(body).digest('base64');
}

function payload(overrides: IDataObject = {}): IDataObject {
	return {
		MessageId: 'm-1',
		FromUrl: 'cw.example.test',
		CompanyId: 'acme',
		MemberId: 'jdoe',
		Action: 'updated',
		Type: 'ticket',
		ID: 42,
		Entity: JSON.stringify({ id: 42, summary: 'Printer offline', status: { id: 1, name: 'New' } }),
		Metadata: { key_url: KEY_URL },
		...overrides,
	};
}

interface Harness {
	ctx: IWebhookFunctions & IHookFunctions;
	response: { status?: number; body?: unknown };
	staticData: IDataObject;
}

function harness(parameters: IDataObject, delivery?: { body: IDataObject; raw?: string; headers?: IDataObject; query?: IDataObject }): Harness {
	const staticData: IDataObject = {};
	const base = createExecuteContext({
		parameters,
		credentials: { connectWisePsaApi: credentials() },
		credentialTypes: [credentialType],
		staticData,
		node: { name: 'CW Trigger', type: 'n8n-nodes-erp-interop.connectWisePsaTrigger' },
	});
	const response: Harness['response'] = {};
	const raw = delivery?.raw ?? (delivery ? JSON.stringify(delivery.body) : '');
	const readParameter = base.getNodeParameter.bind(base);
	const ctx = Object.assign(base, {
		getNodeParameter: (name: string, fallback?: unknown) => readParameter(name, 0, fallback),
		getNodeWebhookUrl: () => WEBHOOK_URL,
		getWorkflow: () => ({ id: 'wf1', name: 'Ticket sync', active: true }),
		getBodyData: () => delivery?.body ?? {},
		getHeaderData: () => delivery?.headers ?? {},
		getQueryData: () => delivery?.query ?? {},
		getRequestObject: () => ({ rawBody: Buffer.from(raw), body: delivery?.body }),
		getResponseObject: () => ({
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
	return { ctx, response, staticData: staticData as IDataObject };
}

function signed(body: IDataObject, key = SIGNING_KEY) {
	const raw = JSON.stringify(body);
	return { body, raw, headers: { 'x-content-signature': sign(key, raw) }, query: { recordId: String(body.ID), action: body.Action } };
}

describe('ConnectWise PSA Trigger: callback lifecycle', () => {
	const params = { type: 'ticket', level: 'board', objectId: 3, options: {} };

	it('registers a callback whose URL ends in ?recordId= and keeps its id', async () => {
		let sent: IDataObject | undefined;
		nock(SITE)
			.get(`${API}/system/callbacks`)
			.query(true)
			.reply(200, [])
			.post(`${API}/system/callbacks`, (body: IDataObject) => ((sent = body), true))
			.reply(201, { id: 77 });
		const { ctx, staticData } = harness(params);

		expect(await trigger.webhookMethods.default.checkExists.call(ctx)).toBe(false);
		expect(await trigger.webhookMethods.default.create.call(ctx)).toBe(true);

		expect(sent).toEqual({
			url: `${WEBHOOK_URL}?recordId=`,
			objectId: 3,
			type: 'ticket',
			level: 'board',
			description: 'n8n: Ticket sync',
			inactiveFlag: false,
			isSoapCallbackFlag: false,
		});
		expect(staticData['node:CW Trigger']).toEqual({ callbackId: 77 });
	});

	it('finds its stored callback, and deletes it on deactivation', async () => {
		nock(SITE)
			.get(`${API}/system/callbacks/77`)
			.reply(200, { id: 77, url: `${WEBHOOK_URL}?recordId=`, type: 'ticket', level: 'board', objectId: 3, inactiveFlag: false })
			.delete(`${API}/system/callbacks/77`)
			.reply(204);
		const { ctx, staticData } = harness(params);
		staticData['node:CW Trigger'] = { callbackId: 77 };

		expect(await trigger.webhookMethods.default.checkExists.call(ctx)).toBe(true);
		expect(await trigger.webhookMethods.default.delete.call(ctx)).toBe(true);
		expect(staticData['node:CW Trigger']).toEqual({});
		expect(nock.isDone()).toBe(true);
	});

	it('replaces a stored callback whose level changed, and adopts none with another URL', async () => {
		nock(SITE)
			.get(`${API}/system/callbacks/77`)
			.reply(200, { id: 77, url: `${WEBHOOK_URL}?recordId=`, type: 'ticket', level: 'owner', objectId: 0 })
			.delete(`${API}/system/callbacks/77`)
			.reply(204)
			.get(`${API}/system/callbacks`)
			.query((q) => q.conditions === `url="${WEBHOOK_URL}?recordId="`)
			.reply(200, [{ id: 80, url: 'https://elsewhere/x?recordId=', type: 'ticket', level: 'board', objectId: 3 }]);
		const { ctx, staticData } = harness(params);
		staticData['node:CW Trigger'] = { callbackId: 77 };

		expect(await trigger.webhookMethods.default.checkExists.call(ctx)).toBe(false);
		expect(staticData['node:CW Trigger']).toEqual({});
		expect(nock.isDone()).toBe(true);
	});

	it('maps "One Record" to the type level with the record id', async () => {
		let sent: IDataObject | undefined;
		nock(SITE)
			.post(`${API}/system/callbacks`, (body: IDataObject) => ((sent = body), true))
			.reply(201, { id: 5 });
		const { ctx } = harness({ type: 'company', level: 'record', objectId: 250, options: { description: 'Watch ACME' } });
		await trigger.webhookMethods.default.create.call(ctx);
		expect(sent).toMatchObject({ type: 'company', level: 'company', objectId: 250, description: 'Watch ACME' });
	});
});

describe('ConnectWise PSA Trigger: receiving callbacks', () => {
	const params = { type: 'ticket', level: 'owner', options: {} };

	it('verifies the signature with the key from key_url and outputs the parsed entity', async () => {
		const keyScope = nock(SITE).get(`${API}/system/callbackKeys/7`).reply(200, { signing_key: SIGNING_KEY });
		const { ctx, response } = harness(params, signed(payload()));

		const result = await trigger.webhook.call(ctx);

		expect(response.status).toBeUndefined();
		const [[item]] = result.workflowData!;
		expect(item.json).toMatchObject({
			action: 'updated',
			id: 42,
			type: 'ticket',
			MessageId: 'm-1',
			Entity: { id: 42, summary: 'Printer offline', status: { id: 1, name: 'New' } },
		});
		expect(keyScope.isDone()).toBe(true);
	});

	it('caches the signing key per key URL', async () => {
		const keyScope = nock(SITE).get(`${API}/system/callbackKeys/7`).once().reply(200, { signing_key: SIGNING_KEY });
		for (const id of [1, 2, 3]) {
			const { ctx } = harness(params, signed(payload({ ID: id })));
			const result = await trigger.webhook.call(ctx);
			expect(result.workflowData?.[0][0].json.id).toBe(id);
		}
		expect(keyScope.isDone()).toBe(true);
	});

	it('answers 401 without a run for a forged signature', async () => {
		nock(SITE).get(`${API}/system/callbackKeys/7`).reply(200, { signing_key: SIGNING_KEY });
		const { ctx, response } = harness(params, signed(payload(), 'not-the-key'));

		const result = await trigger.webhook.call(ctx);

		expect(result).toEqual({ noWebhookResponse: true });
		expect(response).toEqual({ status: 401, body: { message: 'Invalid callback signature' } });
	});

	it('answers 401 for a body changed after signing', async () => {
		nock(SITE).get(`${API}/system/callbackKeys/7`).reply(200, { signing_key: SIGNING_KEY });
		const delivery = signed(payload());
		delivery.raw = delivery.raw.replace('Printer offline', 'Printer online');
		const { ctx, response } = harness(params, delivery);
		expect(await trigger.webhook.call(ctx)).toEqual({ noWebhookResponse: true });
		expect(response.status).toBe(401);
	});

	it.each([
		['another host', 'https://evil.example.test/v4_6_release/apis/3.0/system/callbackKeys/7'],
		['another port', 'https://cw.example.test:8443/v4_6_release/apis/3.0/system/callbackKeys/7'],
		['plain http', 'http://cw.example.test/v4_6_release/apis/3.0/system/callbackKeys/7'],
		['credentials in the URL', 'https://user:pw@cw.example.test/v4_6_release/apis/3.0/system/callbackKeys/7'],
		['no URL', undefined],
	])('refuses a key_url on %s with 401 before any request', async (_case, keyUrl) => {
		const body = payload({ Metadata: { key_url: keyUrl } });
		const { ctx, response } = harness(params, signed(body));
		const evil = nock('https://evil.example.test').get(/.*/).reply(200, { signing_key: SIGNING_KEY });

		const result = await trigger.webhook.call(ctx);

		expect(result).toEqual({ noWebhookResponse: true });
		expect(response.status).toBe(401);
		expect((ctx as unknown as { sentRequests: unknown[] }).sentRequests).toEqual([]);
		expect(evil.isDone()).toBe(false);
	});

	it('answers 401 without a signature header and fetches nothing', async () => {
		const { ctx, response } = harness(params, { body: payload(), headers: {} });
		expect(await trigger.webhook.call(ctx)).toEqual({ noWebhookResponse: true });
		expect(response.status).toBe(401);
		expect((ctx as unknown as { sentRequests: unknown[] }).sentRequests).toEqual([]);
	});

	it('skips actions that are not selected, and fetches the full record when asked', async () => {
		nock(SITE)
			.get(`${API}/system/callbackKeys/7`)
			.reply(200, { signing_key: SIGNING_KEY })
			.get(`${API}/service/tickets/42`)
			.reply(200, { id: 42, summary: 'Printer offline', budgetHours: 2 });
		const added = harness({ ...params, options: { actions: ['added'] } }, signed(payload()));
		const skipped = await trigger.webhook.call(added.ctx);
		expect(skipped.workflowData).toBeUndefined();

		const full = harness({ ...params, options: { fetchRecord: true } }, signed(payload()));
		const result = await trigger.webhook.call(full.ctx);
		expect(result.workflowData?.[0][0].json.record).toEqual({ id: 42, summary: 'Printer offline', budgetHours: 2 });
	});

	it('trusts only the configured site for key URLs', () => {
		const creds = credentials();
		expect(trustedKeyUrl(KEY_URL, creds)?.host).toBe('cw.example.test');
		expect(trustedKeyUrl('https://CW.example.test/other/path', creds)).toBeDefined();
		expect(trustedKeyUrl('https://cw.example.test.evil.test/x', creds)).toBeUndefined();
		expect(trustedKeyUrl('not a url', creds)).toBeUndefined();
	});
});
