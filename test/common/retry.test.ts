import nock from 'nock';
import { NodeApiError } from 'n8n-workflow';

import {
	DEFAULT_RETRY_POLICY,
	backoffMs,
	isIdempotent,
	networkErrorCode,
	parseRetryAfter,
	retryDelayMs,
} from '../../nodes/common/transport';
import type { RetryPolicy } from '../../nodes/common/transport';
import { createExecuteContext, networkError, useNock } from '../helpers/fakeContext';
import { TestApiKey } from './testSupport';

useNock();

const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 200, maxDelayMs: 5_000 };

describe('parseRetryAfter', () => {
	const now = Date.UTC(2025, 0, 1, 12, 0, 0);

	it.each([
		['0', 0],
		['7', 7_000],
		[' 120 ', 120_000],
		['1.5', 1_500],
	])('reads delta-seconds %j', (header, ms) => expect(parseRetryAfter(header, now)).toBe(ms));

	it('reads an HTTP-date relative to now, and a past date as no wait', () => {
		expect(parseRetryAfter('Wed, 01 Jan 2025 12:00:30 GMT', now)).toBe(30_000);
		expect(parseRetryAfter('Wed, 01 Jan 2025 11:59:00 GMT', now)).toBe(0);
	});

	it.each([undefined, '', '   ', 'soon', 'NaN'])('ignores %j', (header) => expect(parseRetryAfter(header, now)).toBeUndefined());
});

describe('backoffMs', () => {
	it('stays within [base/2, min(max, base * 2^(attempt-1))] for any random value', () => {
		for (let attempt = 1; attempt <= 10; attempt++) {
			const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
			expect(backoffMs(attempt, policy, () => 0)).toBe(policy.baseDelayMs / 2);
			expect(backoffMs(attempt, policy, () => 0.999999)).toBe(ceiling);
			for (let i = 0; i < 200; i++) {
				const wait = backoffMs(attempt, policy);
				expect(wait).toBeGreaterThanOrEqual(policy.baseDelayMs / 2);
				expect(wait).toBeLessThanOrEqual(ceiling);
			}
		}
	});

	it('is jittered: repeated draws for one attempt differ', () => {
		const draws = new Set(Array.from({ length: 50 }, () => backoffMs(5, policy)));
		expect(draws.size).toBeGreaterThan(10);
	});
});

describe('retryDelayMs', () => {
	it('prefers the vendor hook, then Retry-After, then backoff', () => {
		const vendor: RetryPolicy = { ...policy, vendorWaitMs: (_status, h) => (h['x-reset'] ? Number(h['x-reset']) : undefined) };
		expect(retryDelayMs(1, 429, { 'x-reset': '1234', 'retry-after': '9' }, vendor)).toBe(1_234);
		expect(retryDelayMs(1, 429, { 'retry-after': '9' }, vendor)).toBe(9_000);
		expect(retryDelayMs(3, 503, {}, vendor, () => 0.999999)).toBe(800);
	});

	it('does not shorten a wait the service stated (beyond maxDelayMs the caller decides)', () => {
		expect(retryDelayMs(1, 429, { 'retry-after': '60' }, { ...policy, maxDelayMs: 1_000 })).toBe(60_000);
	});
});

describe('isIdempotent', () => {
	it.each([
		['GET', undefined, true],
		['PUT', undefined, true],
		['DELETE', undefined, true],
		['HEAD', undefined, true],
		['POST', undefined, false],
		['PATCH', undefined, false],
		['POST', true, true],
		['GET', false, false],
		[undefined, undefined, true],
	] as const)('%s declared %s -> %s', (method, declared, expected) => expect(isIdempotent(method, declared)).toBe(expected));
});

describe('networkErrorCode', () => {
	it('finds the code on raw errors and along cause chains', () => {
		expect(networkErrorCode(networkError('ECONNRESET'))).toBe('ECONNRESET');
		expect(networkErrorCode(new Error('outer', { cause: networkError('ETIMEDOUT') }))).toBe('ETIMEDOUT');
		expect(networkErrorCode(Object.assign(new Error('x'), { code: 'ERR_BAD_REQUEST' }))).toBeUndefined();
		expect(networkErrorCode('ECONNRESET')).toBeUndefined();
	});

	it.each(['ECONNRESET', 'ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT'])(
		'finds %s inside the NodeApiError n8n wraps a failed request in',
		async (code) => {
			nock('https://net.test').get('/').replyWithError(networkError(code));
			const ctx = createExecuteContext();
			const error = await ctx.helpers.httpRequest({ url: 'https://net.test/' }).catch((e: unknown) => e);
			expect(networkErrorCode(error)).toBe(code);
			nock('https://net.test').get('/').replyWithError(networkError(code));
			const withAuth = createExecuteContext({ credentials: { testApiKey: { apiKey: 'k-1234' } }, credentialTypes: [new TestApiKey()] });
			const wrapped = await withAuth.helpers
				.httpRequestWithAuthentication.call(withAuth, 'testApiKey', { url: 'https://net.test/' })
				.catch((e: unknown) => e);
			expect(wrapped).toBeInstanceOf(NodeApiError);
			expect(networkErrorCode(wrapped)).toBe(code);
		},
	);
});
