import { Agent, request } from 'node:http';
import { SANDBOX_SYSTEMS, startSandbox } from '../../sandbox';
import { FaultController } from '../../sandbox/core/faults';
import { Prng, mulberry32 } from '../../sandbox/core/prng';
import { RateLimiter } from '../../sandbox/core/rateLimiter';
import { Router } from '../../sandbox/core/router';

describe('Router', () => {
	it('prefers literal segments over parameters and reports allowed methods', () => {
		const router = new Router<string>()
			.add('GET', '/tickets/:id', 'one')
			.add('GET', '/tickets/count', 'count')
			.add('PATCH', '/tickets/:id', 'patch');
		expect(router.match('GET', '/tickets/count')).toMatchObject({ kind: 'found', handler: 'count' });
		expect(router.match('GET', '/tickets/12')).toEqual({ kind: 'found', handler: 'one', params: { id: '12' } });
		expect(router.match('DELETE', '/tickets/12')).toEqual({ kind: 'methodNotAllowed', allowed: ['GET', 'PATCH'] });
		expect(router.match('GET', '/companies')).toEqual({ kind: 'notFound' });
	});

	it('compares literals without case only when asked', () => {
		expect(new Router<string>().add('GET', '/Service/Tickets', 'x').match('GET', '/service/tickets').kind).toBe('notFound');
		expect(new Router<string>({ caseInsensitive: true }).add('GET', '/Service/Tickets', 'x').match('GET', '/service/tickets').kind).toBe('found');
	});
});

describe('Prng', () => {
	it('repeats for a seed and differs across seeds and labels', () => {
		const a = mulberry32(7);
		const b = mulberry32(7);
		const seqA = Array.from({ length: 5 }, () => a());
		expect(Array.from({ length: 5 }, () => b())).toEqual(seqA);
		expect(Array.from({ length: 5 }, mulberry32(8))).not.toEqual(seqA);
		expect(Prng.from(1, 'x').uuid()).toBe(Prng.from(1, 'x').uuid());
		expect(Prng.from(1, 'x').uuid()).not.toBe(Prng.from(1, 'y').uuid());
		expect(Prng.from(3, 'u').uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
	});
});

describe('RateLimiter', () => {
	it('enforces a sliding window per key and computes Retry-After from the oldest request', () => {
		const limiter = new RateLimiter({ requests: 2, windowMs: 1000 });
		const t = 10_000;
		expect(limiter.admit('a', t).ok).toBe(true);
		expect(limiter.admit('a', t + 400).ok).toBe(true);
		const refused = limiter.admit('a', t + 500);
		expect(refused).toEqual({ ok: false, retryAfterSec: 1, reason: 'rate' });
		expect(limiter.admit('b', t + 500).ok).toBe(true);
		expect(limiter.admit('a', t + 1001).ok).toBe(true);
		expect(limiter.stats().a).toMatchObject({ requests: 4, rateLimited: 1, maxInWindow: 3 });
	});

	it('caps in-flight requests and frees a slot on release', () => {
		const limiter = new RateLimiter({ maxConcurrent: 1 });
		const first = limiter.admit('k', 0);
		expect(first.ok).toBe(true);
		expect(limiter.admit('k', 1)).toMatchObject({ ok: false, reason: 'concurrency' });
		if (first.ok) first.release();
		expect(limiter.admit('k', 2).ok).toBe(true);
		expect(limiter.stats().k.maxConcurrent).toBe(2);
	});
});

describe('FaultController', () => {
	it('lets a system config win over the global one and counts bursts down where they were set', () => {
		const faults = new FaultController();
		faults.set({ latencyMs: 10, burst429: { count: 1, retryAfterSec: 3 } });
		faults.set({ latencyMs: 99 }, 'cw');
		const rng = new Prng(1);
		expect(faults.latency('cw', rng)).toBe(99);
		expect(faults.latency('other', rng)).toBe(10);
		expect(faults.takeBurst('cw')).toBe(3);
		expect(faults.takeBurst('other')).toBeUndefined();
		expect(() => faults.set({ errorRate: 2 })).toThrow(/errorRate/);
	});
});

describe('server lifecycle', () => {
	it('listens on a free port, routes unknown prefixes to a JSON 404 and closes with keep-alive sockets open', async () => {
		const sandbox = await startSandbox({ systems: ['connectwise'], connectwise: { tickets: 10 } });
		expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		const res = await fetch(`${sandbox.url}/nosuchsystem/x`);
		expect(res.status).toBe(404);
		// The systems this server runs are listed (only ConnectWise here); every registered one can be started.
		expect(await res.json()).toMatchObject({ systems: ['connectwise'] });
		expect(SANDBOX_SYSTEMS).toEqual(
			expect.arrayContaining(['connectwise', 'autotask', 'halopsa', 'netsuite', 'intacct', 'businesscentral', 'shiphero', 'extensiv', 'chargebee', 'stripe']),
		);
		// Hold a keep-alive connection open; close() must not wait for it.
		await new Promise<void>((resolve, reject) => {
			const req = request(`${sandbox.url}/__sandbox/health`, { agent: new Agent({ keepAlive: true }) }, (r) => {
				r.resume();
				r.on('end', resolve);
			});
			req.on('error', reject);
			req.end();
		});
		const started = Date.now();
		await sandbox.close();
		expect(Date.now() - started).toBeLessThan(1000);
		await expect(fetch(`${sandbox.url}/__sandbox/health`)).rejects.toThrow();
	});

	it('rejects unknown systems', async () => {
		await expect(startSandbox({ systems: ['nope'] })).rejects.toThrow(/unknown sandbox system/);
	});
});
