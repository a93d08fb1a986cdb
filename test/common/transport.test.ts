import * as n8nWorkflow from 'n8n-workflow';
import nock from 'nock';
import { NodeApiError } from 'n8n-workflow';
import type { ICredentialType, IHttpRequestMethods, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { errorClassOf } from '../../nodes/common/errors';
import { RateLimiter, sendRequest } from '../../nodes/common/transport';
import type { RetryPolicy } from '../../nodes/common/transport';
import { createExecuteContext, networkError, useNock } from '../helpers/fakeContext';
import { TestApiKey, testMapper } from './testSupport';

const BASE = 'https://api.transport.test';
const FAST: Partial<RetryPolicy> = { baseDelayMs: 5, maxDelayMs: 40, maxTotalWaitMs: 5_000, maxAttempts: 4 };

function context() {
	return createExecuteContext({ credentials: { testApiKey: { apiKey: 'key-abc-123' } }, credentialTypes: [new TestApiKey()] });
}

function send(method: IHttpRequestMethods, extra: Partial<Parameters<typeof sendRequest>[1]> = {}) {
	return sendRequest(context(), {
		credentialType: 'testApiKey',
		request: { method, url: `${BASE}/things`, body: method === 'GET' ? undefined : { a: 1 }, json: true },
		errorMapper: testMapper,
		retry: FAST,
		...extra,
	});
}

/** Replies with `statuses` in turn and records when each request arrived. */
function replySequence(method: 'get' | 'post' | 'put' | 'delete', statuses: Array<[number, object?, Record<string, string>?]>) {
	const arrivals: number[] = [];
	const scope = nock(BASE);
	for (const [status, body, headers] of statuses) {
		scope.intercept('/things', method.toUpperCase()).reply(() => {
			arrivals.push(Date.now());
			return [status, body ?? {}, headers ?? {}];
		});
	}
	return { arrivals, scope };
}

useNock();
afterEach(() => jest.restoreAllMocks());

describe('sendRequest success path', () => {
	it('authenticates through the credential, returns the full response with lower-case header names', async () => {
		nock(BASE, { reqheaders: { 'x-api-key': 'key-abc-123' } })
			.get('/things')
			.reply(200, [{ id: 1 }], { 'X-Total-Count': '1', 'Set-Cookie': ['a=1', 'b=2'] });
		const response = await send('GET');
		expect(response.statusCode).toBe(200);
		expect(response.body).toEqual([{ id: 1 }]);
		expect(response.headers['x-total-count']).toBe('1');
		expect(response.headers['set-cookie']).toBe('a=1, b=2');
		expect(Object.keys(response.headers).every((name) => name === name.toLowerCase())).toBe(true);
	});

	it('returns accepted error statuses instead of throwing, and throws for the others', async () => {
		nock(BASE).get('/things').reply(404, { message: 'gone' });
		const accepted = await send('GET', { acceptStatus: [404] });
		expect(accepted.statusCode).toBe(404);
		nock(BASE).get('/things').reply(404, { message: 'gone' });
		await expect(send('GET')).rejects.toBeInstanceOf(NodeApiError);
	});
});

describe('sendRequest retries on status', () => {
	it('honours Retry-After in seconds', async () => {
		const { arrivals } = replySequence('get', [[429, {}, { 'Retry-After': '1' }], [200]]);
		const response = await send('GET');
		expect(response.statusCode).toBe(200);
		expect(arrivals).toHaveLength(2);
		expect(arrivals[1] - arrivals[0]).toBeGreaterThanOrEqual(980);
		expect(arrivals[1] - arrivals[0]).toBeLessThan(1_500);
	});

	it('honours Retry-After as an HTTP-date', async () => {
		const retryAt = new Date(Date.now() + 2_000);
		const { arrivals } = replySequence('get', [[503, {}, { 'Retry-After': retryAt.toUTCString() }], [200]]);
		await send('GET');
		// HTTP-dates have one-second resolution: the retry must not come before the stated second.
		const stated = Math.floor(retryAt.getTime() / 1000) * 1000;
		expect(arrivals[1]).toBeGreaterThanOrEqual(stated - 20);
		expect(arrivals[1] - arrivals[0]).toBeLessThan(2_500);
	});

	it('never retries before Retry-After: a wait beyond the budget fails at once instead', async () => {
		const { arrivals } = replySequence('get', [[429, { message: 'slow down' }, { 'Retry-After': '3' }], [200]]);
		const start = Date.now();
		const error = await send('GET', { retry: { ...FAST, maxTotalWaitMs: 1_000 } }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(errorClassOf(error)).toBe('rate_limit');
		expect(arrivals).toHaveLength(1);
		expect(Date.now() - start).toBeLessThan(500);
	});

	it('uses the vendor quota hook ahead of Retry-After', async () => {
		const { arrivals } = replySequence('get', [[429, {}, { 'X-Quota-Reset-Ms': '300', 'Retry-After': '0' }], [200]]);
		await send('GET', {
			retry: { ...FAST, vendorWaitMs: (status, headers) => (status === 429 ? Number(headers['x-quota-reset-ms']) : undefined) },
		});
		expect(arrivals[1] - arrivals[0]).toBeGreaterThanOrEqual(290);
	});

	it('backs off exponentially with jitter inside [base/2, base*2^(n-1)]', async () => {
		// The waits asked of n8n's sleep, not wall-clock gaps (which a busy machine stretches).
		const waits: number[] = [];
		jest.spyOn(n8nWorkflow, 'sleep').mockImplementation(async (ms: number) => {
			waits.push(ms);
		});
		const random = jest.spyOn(Math, 'random').mockReturnValue(1);
		replySequence('get', [[503], [503], [503], [200]]);
		await send('GET', { retry: { baseDelayMs: 60, maxDelayMs: 10_000, maxTotalWaitMs: 10_000, maxAttempts: 4 } });
		// random() = 1 picks the ceiling: 60, 120, 240.
		expect(waits).toEqual([60, 120, 240]);

		random.mockReturnValue(0);
		waits.length = 0;
		replySequence('get', [[503], [503], [503], [200]]);
		await send('GET', { retry: { baseDelayMs: 60, maxDelayMs: 10_000, maxTotalWaitMs: 10_000, maxAttempts: 4 } });
		// random() = 0 picks the floor, base/2.
		expect(waits).toEqual([30, 30, 30]);
	});

	it('stops after maxAttempts and reports the last status', async () => {
		const { arrivals } = replySequence('get', Array.from({ length: 6 }, () => [502, { message: 'bad gateway' }] as [number, object]));
		const error = (await send('GET').catch((e: unknown) => e)) as NodeApiError;
		expect(arrivals).toHaveLength(4);
		expect(error.httpCode).toBe('502');
		expect(errorClassOf(error)).toBe('transient');
	});

	it('stops when the next wait would exceed maxTotalWaitMs', async () => {
		jest.spyOn(Math, 'random').mockReturnValue(1);
		const { arrivals } = replySequence('get', Array.from({ length: 6 }, () => [503] as [number]));
		const start = Date.now();
		await expect(
			send('GET', { retry: { baseDelayMs: 100, maxDelayMs: 10_000, maxTotalWaitMs: 250, maxAttempts: 10 } }),
		).rejects.toBeInstanceOf(NodeApiError);
		// Waits 100 then would need 200 more (300 > 250): two attempts in all.
		expect(arrivals).toHaveLength(2);
		expect(Date.now() - start).toBeLessThan(250 + 150);
	});

	it('retries a GET on 500 but never a POST, which may already have been applied', async () => {
		const get = replySequence('get', [[500], [200]]);
		expect((await send('GET')).statusCode).toBe(200);
		expect(get.arrivals).toHaveLength(2);

		const post = replySequence('post', [[500, { message: 'boom' }], [201]]);
		await expect(send('POST')).rejects.toMatchObject({ httpCode: '500' });
		expect(post.arrivals).toHaveLength(1);
	});

	it.each([429, 503])('retries a POST on %i, which guarantees it was not processed', async (status) => {
		const post = replySequence('post', [[status], [201, { id: 7 }]]);
		const response = await send('POST');
		expect(response.statusCode).toBe(201);
		expect(post.arrivals).toHaveLength(2);
	});

	it('does not retry other client errors', async () => {
		const { arrivals } = replySequence('get', [[400, { message: 'bad' }], [200]]);
		await expect(send('GET')).rejects.toMatchObject({ httpCode: '400' });
		expect(arrivals).toHaveLength(1);
	});
});

describe('sendRequest retries on network errors', () => {
	function failThenSucceed(method: string, code = 'ECONNRESET') {
		let calls = 0;
		nock(BASE)
			.intercept('/things', method)
			.replyWithError(networkError(code))
			.intercept('/things', method)
			.reply(() => {
				calls++;
				return [200, { ok: true }];
			});
		return () => calls;
	}

	it.each(['GET', 'PUT', 'DELETE'] as IHttpRequestMethods[])('retries %s after a reset connection', async (method) => {
		const succeeded = failThenSucceed(method);
		const response = await send(method);
		expect(response.body).toEqual({ ok: true });
		expect(succeeded()).toBe(1);
	});

	it('does not resend a POST after a network error', async () => {
		const succeeded = failThenSucceed('POST');
		const error = await send('POST').catch((e: unknown) => e);
		expect(errorClassOf(error)).toBe('transient');
		expect((error as Error & { description?: string }).description).toContain('ECONNRESET');
		expect(succeeded()).toBe(0);
		expect(nock.pendingMocks()).toHaveLength(1);
	});

	it('resends a POST declared idempotent', async () => {
		const succeeded = failThenSucceed('POST', 'ETIMEDOUT');
		expect((await send('POST', { idempotent: true })).statusCode).toBe(200);
		expect(succeeded()).toBe(1);
	});

	it('gives up after maxAttempts network failures with a transient error', async () => {
		const scope = nock(BASE).get('/things').times(4).replyWithError(networkError('ECONNREFUSED'));
		const error = await send('GET').catch((e: unknown) => e);
		expect(scope.isDone()).toBe(true);
		expect(errorClassOf(error)).toBe('transient');
		expect((error as Error & { description?: string }).description).toContain('4 attempt');
	});
});

describe('sendRequest and credentials', () => {
	let issued = 0;
	class SessionApi implements ICredentialType {
		name = 'sessionApi';
		displayName = 'Session API';
		properties: INodeProperties[] = [
			{ displayName: 'Session', name: 'session', type: 'hidden', typeOptions: { expirable: true }, default: '' },
		];
		async preAuthentication() {
			issued++;
			return { session: `fresh-${issued}` };
		}
		authenticate = { type: 'generic' as const, properties: { headers: { Authorization: '=Session {{$credentials.session}}' } } };
	}

	it('lets n8n renew an expired session on a 401 and returns the retried response', async () => {
		issued = 0;
		nock(BASE).post('/things').times(2).matchHeader('authorization', 'Session stale').reply(401, { message: 'expired' });
		nock(BASE).post('/things').matchHeader('authorization', 'Session fresh-1').reply(200, { ok: true });
		const ctx = createExecuteContext({ credentials: { sessionApi: { session: 'stale' } }, credentialTypes: [new SessionApi()] });
		const response = await sendRequest(ctx, {
			credentialType: 'sessionApi',
			request: { method: 'POST', url: `${BASE}/things`, body: { a: 1 } },
			errorMapper: testMapper,
			renewOn401: true,
		}).catch((e: unknown) => e);
		expect(response).toMatchObject({ statusCode: 200, body: { ok: true } });
		expect(issued).toBe(1);
		expect(ctx.credentialStore.sessionApi.session).toBe('fresh-1');
	});

	it('reports a rejected static key as an auth error after one request', async () => {
		let requests = 0;
		nock(BASE)
			.get('/things')
			.times(5)
			.reply(() => {
				requests++;
				return [401, { message: 'invalid key' }];
			});
		const error = await send('GET').catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(errorClassOf(error)).toBe('auth');
		expect((error as NodeApiError).message).toBe('Test API 401: invalid key');
		// A static key cannot be renewed: the 401 is final and nothing is resent.
		expect(requests).toBe(1);
	});

	it('bounds re-authentication to one attempt when renewal is on', async () => {
		let requests = 0;
		nock(BASE)
			.get('/things')
			.times(5)
			.reply(() => {
				requests++;
				return [401, { message: 'invalid key' }];
			});
		const error = await sendRequest(context(), {
			credentialType: 'testApiKey',
			request: { method: 'GET', url: `${BASE}/things` },
			errorMapper: testMapper,
			renewOn401: true,
		}).catch((e: unknown) => e);
		expect(errorClassOf(error)).toBe('auth');
		// One request of ours, then n8n's own request and its single re-send.
		expect(requests).toBe(3);
	});

	it('leaves the caller\'s request objects untouched by the credential', async () => {
		nock(BASE).post('/things').query({ q: '1' }).reply(200, {});
		const request: IHttpRequestOptions = { method: 'POST', url: `${BASE}/things`, headers: { 'X-Trace': 't' }, qs: { q: 1 }, body: { a: 1 } };
		await sendRequest(context(), { credentialType: 'testApiKey', request, errorMapper: testMapper });
		expect(request.headers).toEqual({ 'X-Trace': 't' });
		expect(request.qs).toEqual({ q: 1 });
		expect(request.body).toEqual({ a: 1 });
	});
});

describe('sendRequest with a limiter and timeouts', () => {
	it('does not hold a limiter slot while waiting to retry', async () => {
		const limiter = new RateLimiter({ maxConcurrent: 1 });
		const arrivals: Array<[string, number]> = [];
		nock(BASE)
			.get('/slow')
			.reply(() => {
				arrivals.push(['slow', Date.now()]);
				return [503, {}, { 'X-Wait-Ms': '300' }];
			})
			.get('/slow')
			.reply(() => {
				arrivals.push(['slow', Date.now()]);
				return [200, {}];
			})
			.get('/fast')
			.reply(() => {
				arrivals.push(['fast', Date.now()]);
				return [200, {}];
			});
		const ctx = context();
		const request = (path: string) =>
			sendRequest(ctx, {
				credentialType: 'testApiKey',
				request: { url: `${BASE}${path}` },
				errorMapper: testMapper,
				limiter,
				retry: { vendorWaitMs: (_status, headers) => Number(headers['x-wait-ms']) || undefined },
			});
		const slow = request('/slow');
		await new Promise((resolve) => setTimeout(resolve, 100));
		await Promise.all([slow, request('/fast')]);
		expect(arrivals.map(([name]) => name)).toEqual(['slow', 'fast', 'slow']);
	});

	it('retries a GET that timed out', async () => {
		nock(BASE).get('/things').delay(300).reply(200, { late: true }).get('/things').reply(200, { ok: true });
		const response = await sendRequest(context(), {
			credentialType: 'testApiKey',
			request: { url: `${BASE}/things`, timeout: 50 },
			errorMapper: testMapper,
			retry: FAST,
		});
		expect(response.body).toEqual({ ok: true });
	});
});
