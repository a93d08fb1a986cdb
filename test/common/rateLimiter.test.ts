import { RateLimiter, evenRate, getRateLimiter } from '../../nodes/common/transport';

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `count` tasks of random length through `limiter` at once and records what happened. */
async function stress(limiter: RateLimiter, count: number, maxTaskMs: number) {
	const starts: number[] = [];
	const order: number[] = [];
	let active = 0;
	let peak = 0;
	await Promise.all(
		Array.from({ length: count }, (_, id) =>
			limiter.schedule(async () => {
				starts.push(Date.now());
				order.push(id);
				active++;
				peak = Math.max(peak, active);
				await delay(Math.random() * maxTaskMs);
				active--;
				return id;
			}),
		),
	);
	return { starts, order, peak };
}

/** The largest number of starts inside any window [t, t + windowMs). */
function busiestWindow(starts: number[], windowMs: number): number {
	const sorted = [...starts].sort((a, b) => a - b);
	let best = 0;
	for (let i = 0, j = 0; i < sorted.length; i++) {
		while (sorted[j] - sorted[i] < windowMs && j < sorted.length) j++;
		best = Math.max(best, j - i);
	}
	return best;
}

describe('RateLimiter', () => {
	it('never exceeds maxConcurrent nor `requests` starts in any sliding window, under 200 concurrent callers', async () => {
		const rule = { requests: 25, windowMs: 100, maxConcurrent: 5 };
		const started = Date.now();
		const { starts, peak } = await stress(new RateLimiter(rule), 200, 25);
		expect(starts).toHaveLength(200);
		expect(peak).toBeLessThanOrEqual(5);
		expect(peak).toBe(5);
		expect(busiestWindow(starts, rule.windowMs)).toBeLessThanOrEqual(25);
		// 200 starts at 25 per 100 ms need at least 7 full windows after the first.
		expect(Date.now() - started).toBeGreaterThanOrEqual(700);
	});

	it('enforces a window rule alone with instant tasks', async () => {
		const { starts } = await stress(new RateLimiter({ requests: 10, windowMs: 50 }), 60, 0);
		expect(busiestWindow(starts, 50)).toBe(10);
	});

	it('enforces a concurrency rule alone', async () => {
		const { peak } = await stress(new RateLimiter({ maxConcurrent: 3 }), 100, 5);
		expect(peak).toBe(3);
	});

	it('serves callers first come, first served', async () => {
		const { order } = await stress(new RateLimiter({ requests: 4, windowMs: 20, maxConcurrent: 2 }), 40, 4);
		expect(order).toEqual(Array.from({ length: 40 }, (_, i) => i));
	});

	it('frees the slot of a failing task and passes its error on', async () => {
		const limiter = new RateLimiter({ maxConcurrent: 1 });
		const failures = Array.from({ length: 5 }, () =>
			limiter.schedule(async () => {
				throw new Error('task failed');
			}),
		);
		for (const failure of failures) await expect(failure).rejects.toThrow('task failed');
		await expect(limiter.schedule(async () => 'ran')).resolves.toBe('ran');
		expect(limiter.active).toBe(0);
	});
});

describe('getRateLimiter', () => {
	it('shares one limiter per key across callers, and keeps keys apart', async () => {
		const rule = { maxConcurrent: 2 };
		const a = getRateLimiter('test:shared', rule);
		const b = getRateLimiter('test:shared', { ...rule });
		expect(b).toBe(a);
		expect(getRateLimiter('test:other', rule)).not.toBe(a);

		let active = 0;
		let peak = 0;
		const task = async () => {
			active++;
			peak = Math.max(peak, active);
			await delay(10);
			active--;
		};
		await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).schedule(task)));
		expect(peak).toBe(2);
	});

	it('applies a changed rule to the same limiter, still counting tasks in flight', async () => {
		const first = getRateLimiter('test:changed', { maxConcurrent: 2 });
		let active = 0;
		let peak = 0;
		const task = async () => {
			active++;
			peak = Math.max(peak, active);
			await delay(30);
			active--;
		};
		const running = [first.schedule(task), first.schedule(task)];
		await delay(5);
		const second = getRateLimiter('test:changed', { maxConcurrent: 3 });
		expect(second).toBe(first);
		await Promise.all([...running, ...Array.from({ length: 6 }, () => second.schedule(task))]);
		expect(peak).toBe(3);
	});
});

describe('evenRate', () => {
	it.each([
		[600, 1, 100],
		[100, 1, 600],
		[61, 1, 984],
		[30, 1, 2000],
		[1, 1, 60_000],
	])('spreads %i per minute as %i per %i ms', (perMinute, requests, windowMs) => {
		expect(evenRate(perMinute)).toEqual({ requests, windowMs });
	});

	it('never allows more than the per-minute figure in a minute', () => {
		for (const perMinute of [7, 59, 61, 100, 599, 601, 1234]) {
			const { requests, windowMs } = evenRate(perMinute) as { requests: number; windowMs: number };
			// A half-open 60 s span touches at most ceil(60000/windowMs) windows.
			expect(Math.ceil(60_000 / windowMs) * requests).toBeLessThanOrEqual(perMinute);
		}
	});

	it('is no limit for zero', () => {
		expect(evenRate(0)).toEqual({});
	});
});
