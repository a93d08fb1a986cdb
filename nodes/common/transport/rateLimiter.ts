import { sleep } from 'n8n-workflow';

/** A vendor rule: at most `requests` starts per `windowMs`, and at most `maxConcurrent` in flight. */
export interface RateRule {
	requests?: number;
	windowMs?: number;
	maxConcurrent?: number;
}

/**
 * Sliding-window + concurrency limiter. Acquisitions are served first come, first served, so a
 * burst of callers can neither exceed the rule nor starve one another.
 */
export class RateLimiter {
	private inFlight = 0;
	private readonly starts: number[] = [];
	private gate: Promise<void> = Promise.resolve();
	private slotFreed: (() => void) | undefined;

	constructor(
		private currentRule: RateRule,
		private readonly now: () => number = Date.now,
	) {}

	get rule(): RateRule {
		return this.currentRule;
	}

	/** Applies a changed rule without losing track of requests already started or in flight. */
	updateRule(rule: RateRule): void {
		this.currentRule = { ...rule };
		const wake = this.slotFreed;
		this.slotFreed = undefined;
		wake?.();
	}

	async schedule<T>(task: () => Promise<T>): Promise<T> {
		await this.acquire();
		try {
			return await task();
		} finally {
			this.release();
		}
	}

	get active(): number {
		return this.inFlight;
	}

	private acquire(): Promise<void> {
		const turn = this.gate.then(async () => await this.waitForSlot());
		// The next caller queues behind this one whether it succeeds or not.
		this.gate = turn.catch(() => undefined);
		return turn;
	}

	private async waitForSlot(): Promise<void> {
		for (;;) {
			const { requests, windowMs, maxConcurrent } = this.currentRule;
			if (maxConcurrent !== undefined && maxConcurrent > 0 && this.inFlight >= maxConcurrent) {
				await new Promise<void>((resolve) => (this.slotFreed = resolve));
				continue;
			}
			if (requests !== undefined && requests > 0 && windowMs !== undefined && windowMs > 0) {
				const now = this.now();
				// A start leaves the window only once windowMs has fully passed (strictly): the request
				// itself goes out a moment later, and a vendor must never see `requests + 1` in a window.
				while (this.starts.length > 0 && this.starts[0] < now - windowMs) this.starts.shift();
				if (this.starts.length >= requests) {
					await sleep(this.starts[0] + windowMs - now + 1);
					continue;
				}
				this.starts.push(now);
			}
			this.inFlight++;
			return;
		}
	}

	private release(): void {
		this.inFlight--;
		const wake = this.slotFreed;
		this.slotFreed = undefined;
		wake?.();
	}
}

// One registry per process: every execution using the same account shares the same limiter.
const limiters = new Map<string, RateLimiter>();

/**
 * The process-wide limiter for `key` (vendor + account); created with `rule` on first use. A
 * different rule for the same key updates that limiter in place: replacing it would forget the
 * requests in flight and let two callers with different rules bypass the limit altogether.
 */
export function getRateLimiter(key: string, rule: RateRule): RateLimiter {
	const existing = limiters.get(key);
	if (existing) {
		if (!sameRule(existing.rule, rule)) existing.updateRule(rule);
		return existing;
	}
	const limiter = new RateLimiter({ ...rule });
	limiters.set(key, limiter);
	return limiter;
}

function sameRule(a: RateRule, b: RateRule): boolean {
	return a.requests === b.requests && a.windowMs === b.windowMs && a.maxConcurrent === b.maxConcurrent;
}

/**
 * A per-minute allowance spread evenly over the minute (600/min → one start every 100 ms), so that a
 * burst cannot spend the whole minute at once and trip a vendor's shorter window. Any 60 s span
 * then holds at most `perMinute` starts.
 */
export function evenRate(perMinute: number): Pick<RateRule, 'requests' | 'windowMs'> {
	const whole = Math.floor(perMinute);
	if (!(whole > 0)) return {};
	return { requests: 1, windowMs: Math.ceil(60_000 / whole) };
}
