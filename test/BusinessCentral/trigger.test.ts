import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { forgetRecentDeliveries } from '../../nodes/common/webhooks/dedupe';
import { createExecuteContext } from '../helpers/fakeContext';
import { api, COMPANY, credentials, credentialType, guid, HOST, ROOT, setupNock, trigger } from './helpers';

setupNock();

const WEBHOOK_URL = 'https://n8n.example.test/webhook/0e1f/webhook';
const CLIENT_STATE = 'c'.repeat(43);
const SUB_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

interface Captured {
	status?: number;
	body?: unknown;
	type?: string;
}

function context(options: { parameters?: IDataObject; staticData?: IDataObject; body?: unknown; query?: IDataObject } = {}) {
	const staticData = options.staticData ?? {};
	const base = createExecuteContext({
		parameters: {
			companyId: { __rl: true, mode: 'id', value: COMPANY },
			entitySet: 'customers',
			events: ['created', 'updated', 'deleted'],
			options: {},
			...options.parameters,
		},
		credentials: { businessCentralOAuth2Api: credentials() },
		credentialTypes: [credentialType],
		nodeProperties: trigger.description.properties,
		node: { type: 'n8n-nodes-erp-interop.businessCentralTrigger', name: 'Business Central Trigger' },
		staticData,
	});
	const captured: Captured = {};
	const res = {
		status(code: number) {
			captured.status = code;
			return res;
		},
		type(value: string) {
			captured.type = value;
			return res;
		},
		send(value: unknown) {
			captured.body = value;
			return res;
		},
		json(value: unknown) {
			captured.body = value;
			return res;
		},
	};
	const noop = () => undefined;
	const ctx = Object.assign(Object.create(base) as IWebhookFunctions & IHookFunctions, {
		getNodeParameter: (name: string, fallback?: unknown, opts?: IDataObject) => base.getNodeParameter(name, 0, fallback, opts),
		getRequestObject: () => ({ query: options.query ?? {} }),
		getResponseObject: () => res,
		getBodyData: () => options.body ?? {},
		getNodeWebhookUrl: () => WEBHOOK_URL,
		getMode: () => 'trigger',
		logger: { debug: noop, info: noop, warn: noop, error: noop },
	});
	return { ctx, captured, state: () => staticData['node:Business Central Trigger'] as IDataObject };
}

const notification = (overrides: IDataObject = {}): IDataObject => ({
	subscriptionId: SUB_ID,
	clientState: CLIENT_STATE,
	expirationDateTime: new Date(Date.now() + 70 * 3600_000).toISOString(),
	resource: `api/v2.0/companies(${COMPANY})/customers(${guid(1)})`,
	changeType: 'updated',
	lastModifiedDateTime: '2025-06-01T10:00:00Z',
	...overrides,
});

const activeState = () => ({ 'node:Business Central Trigger': { subscriptionId: SUB_ID, clientState: CLIENT_STATE } });

describe('Business Central Trigger: webhook', () => {
	beforeEach(() => forgetRecentDeliveries());

	it('starts no second run for a notification delivered again', async () => {
		api().get(`${ROOT}/companies(${COMPANY})/customers(${guid(1)})`).times(2).reply(200, { id: guid(1) });
		const body = { value: [notification()] };
		const first = await trigger.webhook.call(context({ staticData: activeState(), body }).ctx);
		expect(first.workflowData![0]).toHaveLength(1);
		expect(await trigger.webhook.call(context({ staticData: activeState(), body }).ctx)).toEqual({});
		// A later change of the same record is a new notification.
		const later = await trigger.webhook.call(context({ staticData: activeState(), body: { value: [notification({ lastModifiedDateTime: '2025-06-01T10:05:00Z' })] } }).ctx);
		expect(later.workflowData![0]).toHaveLength(1);
	});
	it('echoes the validation token as text/plain and starts no run', async () => {
		const { ctx, captured } = context({ query: { validationToken: 'tok-123' } });
		const result = await trigger.webhook.call(ctx);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(captured).toEqual({ status: 200, type: 'text/plain', body: 'tok-123' });
	});

	it('answers 401 and starts no run when the clientState does not match', async () => {
		const { ctx, captured } = context({ staticData: activeState(), body: { value: [notification({ clientState: 'forged' })] } });
		const result = await trigger.webhook.call(ctx);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(captured.status).toBe(401);
	});

	it('answers 401 when one of several notifications is forged', async () => {
		const { ctx, captured } = context({ staticData: activeState(), body: { value: [notification(), notification({ clientState: `${CLIENT_STATE}x` })] } });
		expect(await trigger.webhook.call(ctx)).toEqual({ noWebhookResponse: true });
		expect(captured.status).toBe(401);
	});

	it('starts one run with one item per change, fetching created and updated records', async () => {
		api().get(`${ROOT}/companies(${COMPANY})/customers(${guid(1)})`).reply(200, { id: guid(1), displayName: 'Harbor Hardware' });
		const body = {
			value: [
				notification(),
				notification({ changeType: 'deleted', resource: `api/v2.0/companies(${COMPANY})/customers(${guid(2)})` }),
			],
		};
		const { ctx } = context({ staticData: activeState(), body });
		const result = await trigger.webhook.call(ctx);
		expect(result.workflowData).toHaveLength(1);
		const items = result.workflowData![0].map((i) => i.json);
		expect(items).toEqual([
			{ subscriptionId: SUB_ID, resource: body.value[0].resource, lastModifiedDateTime: '2025-06-01T10:00:00Z', changeType: 'updated', id: guid(1), record: { id: guid(1), displayName: 'Harbor Hardware' } },
			{ subscriptionId: SUB_ID, resource: body.value[1].resource, lastModifiedDateTime: '2025-06-01T10:00:00Z', changeType: 'deleted', id: guid(2) },
		]);
		expect(JSON.stringify(items)).not.toContain(CLIENT_STATE);
	});

	it('reads every record of a collection notification (bulk changes)', async () => {
		const since = '2025-06-01T09:59:59.999Z';
		api()
			.get(`${ROOT}/companies(${COMPANY})/customers`)
			.query({ $filter: `lastModifiedDateTime gt ${since}` })
			.reply(200, { value: [{ id: guid(1) }], '@odata.nextLink': `${HOST}${ROOT}/companies(${COMPANY})/customers?$skiptoken=2` })
			.get(`${ROOT}/companies(${COMPANY})/customers`)
			.query({ $skiptoken: '2' })
			.reply(200, { value: [{ id: guid(2) }] });
		const { ctx } = context({
			staticData: activeState(),
			body: { value: [notification({ changeType: 'collection', resource: `api/v2.0/companies(${COMPANY})/customers?$filter=lastModifiedDateTime%20gt%20${since}` })] },
		});
		const result = await trigger.webhook.call(ctx);
		expect(result.workflowData![0].map((i) => [i.json.changeType, i.json.id])).toEqual([
			['collection', guid(1)],
			['collection', guid(2)],
		]);
	});

	it('starts no run when no notification matches the chosen events', async () => {
		const { ctx } = context({ staticData: activeState(), parameters: { events: ['created'] }, body: { value: [notification({ changeType: 'deleted' })] } });
		expect(await trigger.webhook.call(ctx)).toEqual({});
	});

	it('renews with If-Match when a notification says the subscription expires soon', async () => {
		let patched: IDataObject = {};
		api()
			.get(`${ROOT}/subscriptions('${SUB_ID}')`)
			.reply(200, { subscriptionId: SUB_ID, '@odata.etag': 'W/"v1"', notificationUrl: WEBHOOK_URL, resource: '/r', expirationDateTime: new Date(Date.now() + 3600_000).toISOString() })
			.patch(`${ROOT}/subscriptions('${SUB_ID}')`, (b: IDataObject) => ((patched = b), true))
			.matchHeader('if-match', 'W/"v1"')
			.reply(200, { subscriptionId: SUB_ID, expirationDateTime: '2099-01-01T00:00:00Z' })
			.get(`${ROOT}/companies(${COMPANY})/customers(${guid(1)})`)
			.reply(200, { id: guid(1) });
		const { ctx, state } = context({ staticData: activeState(), body: { value: [notification({ expirationDateTime: new Date(Date.now() + 3600_000).toISOString() })] } });
		const result = await trigger.webhook.call(ctx);
		expect(result.workflowData![0]).toHaveLength(1);
		expect(patched).toEqual({ notificationUrl: WEBHOOK_URL, resource: '/r', clientState: CLIENT_STATE });
		expect(state().expirationDateTime).toBe('2099-01-01T00:00:00Z');
	});
});

describe('Business Central Trigger: subscription lifecycle', () => {
	it('creates the subscription with a random clientState kept in static data', async () => {
		let body: IDataObject = {};
		api()
			.post(`${ROOT}/subscriptions`, (b: IDataObject) => ((body = b), true))
			.reply(201, { subscriptionId: SUB_ID, expirationDateTime: '2025-06-04T10:00:00Z' });
		const { ctx, state } = context();
		expect(await trigger.webhookMethods.default.create.call(ctx)).toBe(true);
		expect(body.notificationUrl).toBe(WEBHOOK_URL);
		expect(body.resource).toBe(`/api/v2.0/companies(${COMPANY})/customers`);
		expect(String(body.clientState)).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(state()).toEqual({
			subscriptionId: SUB_ID,
			clientState: body.clientState,
			notificationUrl: WEBHOOK_URL,
			resource: body.resource,
			expirationDateTime: '2025-06-04T10:00:00Z',
		});
	});

	it('replaces a subscription left behind for the same URL and resource', async () => {
		const resource = `/api/v2.0/companies(${COMPANY})/customers`;
		api()
			.post(`${ROOT}/subscriptions`)
			.reply(400, { error: { code: 'Internal_EntityWithSameKeyExists', message: 'exists' } })
			.get(`${ROOT}/subscriptions`)
			.reply(200, { value: [{ subscriptionId: 'old1', notificationUrl: WEBHOOK_URL, resource }] })
			.delete(`${ROOT}/subscriptions('old1')`)
			.reply(204)
			.post(`${ROOT}/subscriptions`)
			.reply(201, { subscriptionId: SUB_ID });
		const { ctx, state } = context();
		await trigger.webhookMethods.default.create.call(ctx);
		expect(state().subscriptionId).toBe(SUB_ID);
	});

	it('checkExists is true only for the same URL and resource; otherwise the old one is removed', async () => {
		const resource = `/api/v2.0/companies(${COMPANY})/customers`;
		api().get(`${ROOT}/subscriptions('${SUB_ID}')`).reply(200, { subscriptionId: SUB_ID, notificationUrl: WEBHOOK_URL, resource });
		expect(await trigger.webhookMethods.default.checkExists.call(context({ staticData: activeState() }).ctx)).toBe(true);

		api()
			.get(`${ROOT}/subscriptions('${SUB_ID}')`)
			.reply(200, { subscriptionId: SUB_ID, notificationUrl: WEBHOOK_URL, resource: `/api/v2.0/companies(${COMPANY})/items` })
			.delete(`${ROOT}/subscriptions('${SUB_ID}')`)
			.reply(204);
		const moved = context({ staticData: activeState() });
		expect(await trigger.webhookMethods.default.checkExists.call(moved.ctx)).toBe(false);
		expect(moved.state()).toEqual({});

		api().get(`${ROOT}/subscriptions('${SUB_ID}')`).reply(404, { error: { code: 'BadRequest_NotFound', message: 'gone' } });
		expect(await trigger.webhookMethods.default.checkExists.call(context({ staticData: activeState() }).ctx)).toBe(false);
	});

	it('deletes the subscription on deactivation (a missing one is fine)', async () => {
		api().delete(`${ROOT}/subscriptions('${SUB_ID}')`).matchHeader('if-match', '*').reply(404, { error: { code: 'BadRequest_NotFound', message: 'gone' } });
		const { ctx, state } = context({ staticData: activeState() });
		expect(await trigger.webhookMethods.default.delete.call(ctx)).toBe(true);
		expect(state()).toEqual({});
	});
});
