import { CreditBucket } from '../../nodes/common/transport';
import { complexityOf, shipHeroGraphql, timeRemainingMs } from '../../nodes/ShipHero/transport';
import { useNock } from '../helpers/fakeContext';
import { api, executeContext, type SentGraphql } from './helpers';

useNock();

const QUERY = 'query { account { request_id complexity data { id } } }';

function throttle(wait: string, required = 500, remaining = 10) {
	return {
		errors: [
			{
				code: 30,
				message: `There are not enough credits to perform the requested operation, which requires ${required} credits.`,
				operation: 'account',
				request_id: 'abc',
				required_credits: required,
				remaining_credits: remaining,
				time_remaining: wait,
			},
		],
		data: null,
	};
}

describe('ShipHero transport', () => {
	it('sends the query with the Bearer token and returns data', async () => {
		const scope = api()
			.post('/graphql', (body: SentGraphql) => body.query === QUERY)
			.matchHeader('authorization', (value) => /^Bearer access-\d+$/.test(value))
			.reply(200, { data: { account: { request_id: 'r', complexity: 1, data: { id: 'QWNjb3VudDox' } } } });
		const ctx = executeContext({});

		const data = await shipHeroGraphql(ctx, { query: QUERY });

		expect(data).toEqual({ account: { request_id: 'r', complexity: 1, data: { id: 'QWNjb3VudDox' } } });
		scope.done();
	});

	it('waits out a "not enough credits" answer (code 30) for the time ShipHero states, then succeeds', async () => {
		const scope = api()
			.post('/graphql')
			.reply(200, throttle('0.3 seconds'))
			.post('/graphql')
			.reply(200, { data: { account: { request_id: 'r', complexity: 1, data: { id: 'x' } } } });
		const started = Date.now();

		const data = await shipHeroGraphql(executeContext({}), { query: QUERY });

		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
		expect((data.account as { data: unknown }).data).toEqual({ id: 'x' });
		scope.done();
	});

	it('fails with a rate-limit error naming the operation when no wait would help', async () => {
		api().post('/graphql').reply(200, throttle('0 seconds', 9000, 4004));

		await expect(shipHeroGraphql(executeContext({}), { query: QUERY })).rejects.toMatchObject({
			message: expect.stringMatching(/^ShipHero 200 \[30\]: There are not enough credits .*\(operation account\)/),
			context: { errorClass: 'rate_limit', vendorCode: '30' },
		});
	});

	it('maps a GraphQL error (HTTP 200) to a node error with the operation, field and ShipHero code', async () => {
		api()
			.post('/graphql')
			.reply(200, {
				errors: [{ message: 'Order not found', operation: 'order_update', field: 'order_update', request_id: '5da7dc13f3079f0def208711', code: 5 }],
				data: { order_update: null },
			});

		const error = await shipHeroGraphql(executeContext({}), { query: 'mutation { order_update(data: {order_id: "1"}) { request_id } }' }).catch((e: unknown) => e);

		expect(error).toMatchObject({
			message: 'ShipHero 200 [5]: Order not found (operation order_update, field order_update)',
			context: { errorClass: 'not_found', vendorCode: '5' },
		});
		expect((error as { description: string }).description).toContain('5da7dc13f3079f0def208711');
	});

	it('maps a validation error (HTTP 400) with the field path and no secret', async () => {
		api()
			.post('/graphql')
			.reply(400, { errors: [{ message: 'Cannot query field "colour" on type "Order".', locations: [{ line: 1, column: 30 }] }], data: null });
		const ctx = executeContext({});

		const error = await shipHeroGraphql(ctx, { query: '{ orders { data { edges { node { colour } } } } }' }).catch((e: unknown) => e);

		expect(error).toMatchObject({ message: 'ShipHero 400: Cannot query field "colour" on type "Order".', context: { errorClass: 'validation' } });
		expect(JSON.stringify(error)).not.toContain('Secret');
	});

	it('renews the access token with the refresh token after a 401 and retries once', async () => {
		const scope = api()
			.post('/graphql')
			.matchHeader('authorization', 'Bearer stale')
			.times(2)
			.reply(401, { errors: [{ message: 'The access token has expired', code: 16 }] })
			.post('/auth/refresh', { refresh_token: 'refresh-renew-Secret' })
			.reply(200, { access_token: 'fresh', expires_in: 2419200 })
			.post('/graphql')
			.matchHeader('authorization', 'Bearer fresh')
			.reply(200, { data: { account: { complexity: 1, data: { id: 'x' } } } });
		const ctx = executeContext({}, { credentials: { refreshToken: 'refresh-renew-Secret', baseUrl: 'https://shiphero.example.test', accessToken: 'stale' } });

		await shipHeroGraphql(ctx, { query: QUERY });

		expect(ctx.credentialStore.shipHeroApi.accessToken).toBe('fresh');
		scope.done();
	});

	it('reports a refused refresh token as a credential error without the token', async () => {
		api().post('/graphql').times(2).reply(401, { errors: [{ message: 'expired', code: 16 }] });
		api().post('/auth/refresh').reply(403, { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' });
		const ctx = executeContext({}, { credentials: { refreshToken: 'refresh-bad-Secret', baseUrl: 'https://shiphero.example.test', accessToken: 'stale' } });

		const error = await shipHeroGraphql(ctx, { query: QUERY }).catch((e: unknown) => e);

		expect(error).toMatchObject({ context: { errorClass: 'auth' } });
		expect((error as Error).message).toMatch(/ShipHero rejected the access token/);
		expect(JSON.stringify(error)).not.toContain('refresh-bad-Secret');
	});
});

describe('ShipHero throttle helpers', () => {
	it('reads time_remaining in the forms ShipHero states it', () => {
		expect(timeRemainingMs('16 seconds')).toBe(16000);
		expect(timeRemainingMs('0.5 seconds')).toBe(500);
		expect(timeRemainingMs(3)).toBe(3000);
		expect(timeRemainingMs('250ms')).toBe(250);
		expect(timeRemainingMs('soon')).toBeUndefined();
	});

	it('sums the complexity of every root field', () => {
		expect(complexityOf({ a: { complexity: 3 }, b: { complexity: 101 }, c: null })).toBe(104);
		expect(complexityOf({ a: { data: {} } })).toBeUndefined();
	});
});

describe('CreditBucket', () => {
	it('makes callers wait for credits to refill and lets the vendor’s stated wait win', async () => {
		let now = 0;
		const bucket = new CreditBucket({ max: 100, refillPerSecond: 10 }, () => now);
		expect(await bucket.reserve(80)).toBe(0);
		expect(bucket.available()).toBe(20);
		expect(bucket.waitMs(50)).toBe(3000);
		now += 1000;
		expect(bucket.available()).toBe(30);
		bucket.settle(80, 20);
		expect(bucket.available()).toBe(90);
		bucket.throttled(5, 2000, 100);
		// The vendor says 100 credits in 2 s: the estimate reaches 100 exactly then, not 9.5 s later.
		expect(bucket.waitMs(100)).toBe(2000);
		expect(bucket.waitMs(1)).toBe(2000);
		expect(await bucket.reserve(100, 1000)).toBeUndefined();
	});

	it('serves concurrent reservations first come, first served from one estimate', async () => {
		const bucket = new CreditBucket({ max: 10, refillPerSecond: 100 });
		const order: number[] = [];
		await Promise.all([1, 2, 3].map(async (n) => (await bucket.reserve(10), order.push(n))));
		expect(order).toEqual([1, 2, 3]);
		expect(bucket.available()).toBeLessThan(10);
	});
});
