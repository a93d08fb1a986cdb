import nock from 'nock';
import { NodeApiError } from 'n8n-workflow';
import type { ICredentialType, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { createExecuteContext, createLoadOptionsContext, networkError, useNock } from '../helpers/fakeContext';

const BASE = 'https://api.fake.test';

class TemplateApi implements ICredentialType {
	name = 'templateApi';
	displayName = 'Template API';
	properties: INodeProperties[] = [];
	authenticate = {
		type: 'generic' as const,
		properties: {
			headers: { 'X-Auth': '={{$credentials.company}}+{{$credentials.publicKey}}', clientId: '={{$credentials.clientId}}' },
			qs: { api_key: '={{$credentials.apiKey}}' },
			auth: { username: '={{$credentials.company + "+" + $credentials.publicKey}}', password: '={{$credentials.privateKey}}' },
		},
	};
}

let sessions = 0;

class SessionApi implements ICredentialType {
	name = 'sessionApi';
	displayName = 'Session API';
	properties: INodeProperties[] = [
		{ displayName: 'Session', name: 'session', type: 'hidden', typeOptions: { expirable: true }, default: '' },
	];
	// n8n calls it with `this` bound to { helpers }, not to the credential type.
	async preAuthentication() {
		sessions++;
		return { session: `token-${sessions}` };
	}
	authenticate = { type: 'generic' as const, properties: { headers: { Authorization: '=Session {{$credentials.session}}' } } };
}

const creds = { company: 'acme', publicKey: 'pub', privateKey: 'priv-secret', clientId: 'cid', apiKey: 'k-123' };

useNock();

describe('getNodeParameter', () => {
	const properties: INodeProperties[] = [
		{
			displayName: 'Ticket',
			name: 'ticket',
			type: 'resourceLocator',
			default: { mode: 'id', value: '' },
			modes: [
				{ displayName: 'ID', name: 'id', type: 'string' },
				{
					displayName: 'URL',
					name: 'url',
					type: 'string',
					extractValue: { type: 'regex', regex: 'tickets/(\\d+)' },
				},
			],
		},
	];

	it('reads plain, dotted, per-item and fallback values like n8n', () => {
		const ctx = createExecuteContext({
			parameters: (i) => ({ id: i * 10, options: { conditions: `id > ${i}`, list: [{ a: i }] } }),
			items: [{ json: {} }, { json: {} }],
		});
		expect(ctx.getNodeParameter('id', 1)).toBe(10);
		expect(ctx.getNodeParameter('options.conditions', 1)).toBe('id > 1');
		expect(ctx.getNodeParameter('options.list[0].a', 1)).toBe(1);
		expect(ctx.getNodeParameter('missing', 0, 'dflt')).toBe('dflt');
		expect(() => ctx.getNodeParameter('missing', 0)).toThrow('Could not get parameter');
	});

	it('returns a fresh copy on every call', () => {
		const ctx = createExecuteContext({ parameters: { options: { a: 1 } } });
		(ctx.getNodeParameter('options', 0) as { a: number }).a = 2;
		expect(ctx.getNodeParameter('options', 0)).toEqual({ a: 1 });
	});

	it('extracts resource locator values, applying a mode regex when the properties declare one', () => {
		const byId = createExecuteContext({ parameters: { ticket: { __rl: true, mode: 'id', value: '42' } }, nodeProperties: properties });
		expect(byId.getNodeParameter('ticket', 0, undefined, { extractValue: true })).toBe('42');
		expect(byId.getNodeParameter('ticket', 0)).toEqual({ __rl: true, mode: 'id', value: '42' });
		const byUrl = createExecuteContext({
			parameters: { ticket: { __rl: true, mode: 'url', value: 'https://x.test/tickets/77/view' } },
			nodeProperties: properties,
		});
		expect(byUrl.getNodeParameter('ticket', 0, undefined, { extractValue: true })).toBe('77');
	});
});

describe('context basics', () => {
	it('exposes node credentials, input, continueOnFail, static data and credentials', async () => {
		const ctx = createExecuteContext({ credentials: { templateApi: creds }, continueOnFail: true, items: [{ json: { a: 1 } }] });
		expect(ctx.getNode().credentials).toEqual({ templateApi: { id: 'cred-templateApi', name: 'templateApi account' } });
		expect(ctx.getInputData()).toEqual([{ json: { a: 1 } }]);
		expect(ctx.continueOnFail()).toBe(true);
		expect(await ctx.getCredentials('templateApi')).toEqual(creds);
		await expect(ctx.getCredentials('otherApi')).rejects.toThrow('Node does not have any credentials set for "otherApi"');
		ctx.getWorkflowStaticData('node').cursor = 'c1';
		expect(ctx.staticData['node:Node Under Test']).toEqual({ cursor: 'c1' });
		expect(ctx.getWorkflowStaticData('node').cursor).toBe('c1');
	});

	it('builds items like n8n-core returnJsonArray and constructExecutionMetaData', () => {
		const ctx = createExecuteContext();
		const items = ctx.helpers.returnJsonArray([{ a: 1 }, { b: 2 }]);
		expect(items).toEqual([{ json: { a: 1 } }, { json: { b: 2 } }]);
		const paired = ctx.helpers.constructExecutionMetaData([...items, { json: { c: 3 }, pairedItem: { item: 9 } }], {
			itemData: { item: 4 },
		});
		expect(paired.map((i) => i.pairedItem)).toEqual([{ item: 4 }, { item: 4 }, { item: 9 }]);
	});
});

describe('httpRequestWithAuthentication', () => {
	it('applies generic authenticate (headers, qs, basic auth with templates) and sends a real request', async () => {
		const basic = Buffer.from('acme+pub:priv-secret').toString('base64');
		const scope = nock(BASE, { reqheaders: { 'x-auth': 'acme+pub', clientid: 'cid', authorization: `Basic ${basic}` } })
			.post('/v1/things', { name: 'n' })
			.query({ api_key: 'k-123', page: '2' })
			.reply(201, { id: 5 }, { 'X-Total': '9' });
		const ctx = createExecuteContext({ credentials: { templateApi: creds }, credentialTypes: [new TemplateApi()] });
		const response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'templateApi', {
			method: 'POST',
			url: '/v1/things',
			baseURL: BASE,
			qs: { page: 2 },
			body: { name: 'n' },
			json: true,
			returnFullResponse: true,
		})) as { body: unknown; statusCode: number; headers: Record<string, string> };
		expect(response.statusCode).toBe(201);
		expect(response.body).toEqual({ id: 5 });
		expect(response.headers['x-total']).toBe('9');
		expect(scope.isDone()).toBe(true);
		expect(ctx.sentRequests[0].headers?.['X-Auth']).toBe('acme+pub');
	});

	it('returns error statuses when ignoreHttpStatusErrors is set and throws NodeApiError otherwise', async () => {
		nock(BASE).get('/x').query(true).times(2).reply(404, { message: 'nope' });
		const ctx = createExecuteContext({ credentials: { templateApi: creds }, credentialTypes: [new TemplateApi()] });
		const request: IHttpRequestOptions = { url: `${BASE}/x`, returnFullResponse: true, ignoreHttpStatusErrors: true };
		const ok = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'templateApi', { ...request })) as { statusCode: number };
		expect(ok.statusCode).toBe(404);
		const failed = ctx.helpers.httpRequestWithAuthentication.call(ctx, 'templateApi', { url: `${BASE}/x` });
		await expect(failed).rejects.toBeInstanceOf(NodeApiError);
		await expect(failed).rejects.toMatchObject({ httpCode: '404' });
	});

	it('wraps network errors in NodeApiError the way n8n-core does (no cause, code in httpCode)', async () => {
		nock(BASE).get('/x').query(true).replyWithError(networkError('ECONNRESET'));
		const ctx = createExecuteContext({ credentials: { templateApi: creds }, credentialTypes: [new TemplateApi()] });
		const error = (await ctx.helpers
			.httpRequestWithAuthentication.call(ctx, 'templateApi', { url: `${BASE}/x` })
			.catch((e: unknown) => e)) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('ECONNRESET');
		expect(error.cause).toBeUndefined();
	});

	it('runs preAuthentication for an empty expirable field and again after a 401', async () => {
		const type = new SessionApi();
		nock(BASE).get('/me').matchHeader('authorization', 'Session token-1').reply(200, { ok: 1 });
		nock(BASE).get('/me').matchHeader('authorization', 'Session token-1').reply(401, {});
		nock(BASE).get('/me').matchHeader('authorization', 'Session token-2').reply(200, { ok: 2 });
		const ctx = createExecuteContext({ credentials: { sessionApi: { session: '' } }, credentialTypes: [type] });
		expect(await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'sessionApi', { url: `${BASE}/me` })).toEqual({ ok: 1 });
		expect(ctx.credentialStore.sessionApi.session).toBe('token-1');
		expect(await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'sessionApi', { url: `${BASE}/me` })).toEqual({ ok: 2 });
		expect(sessions).toBe(2);
	});

	it('refuses a credential type it was not given instead of sending unauthenticated', async () => {
		const ctx = createExecuteContext({ credentials: { templateApi: creds } });
		await expect(
			ctx.helpers.httpRequestWithAuthentication.call(ctx, 'templateApi', { url: `${BASE}/x` }),
		).rejects.toThrow('credentialTypes');
	});
});

describe('createLoadOptionsContext', () => {
	it('reads current parameters and sends authenticated requests', async () => {
		nock(BASE).get('/boards').query({ api_key: 'k-123' }).reply(200, [{ id: 1 }]);
		const ctx = createLoadOptionsContext({
			parameters: { resource: 'ticket', board: { __rl: true, mode: 'id', value: '3' } },
			credentials: { templateApi: creds },
			credentialTypes: [new TemplateApi()],
		});
		expect(ctx.getCurrentNodeParameter('resource')).toBe('ticket');
		expect(ctx.getCurrentNodeParameter('board', { extractValue: true })).toBe('3');
		expect(ctx.getNodeParameter('resource')).toBe('ticket');
		expect(await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'templateApi', { url: `${BASE}/boards` })).toEqual([
			{ id: 1 },
		]);
	});
});
