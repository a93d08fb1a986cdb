import { sleep } from 'n8n-workflow';

/**
 * A vendor's cost-based limit as the client sees it: a bucket of `max` credits refilled at
 * `refillPerSecond`, each call costing a number of credits the vendor reports (GraphQL complexity:
 * ShipHero, Shopify). The estimate is per account and process-wide, so concurrent executions spend
 * from one bucket and, once the vendor says "not enough credits, try again in N s", all back off
 * together instead of each learning it with a refused call.
 */
export interface CreditRule {
	max: number;
	refillPerSecond: number;
}

export class CreditBucket {
	private credits: number;
	private updatedAt: number;
	private blockedUntil = 0;
	private gate: Promise<void> = Promise.resolve();

	constructor(
		private currentRule: CreditRule,
		private readonly now: () => number = Date.now,
	) {
		this.credits = currentRule.max;
		this.updatedAt = now();
	}

	get rule(): CreditRule {
		return this.currentRule;
	}

	updateRule(rule: CreditRule): void {
		this.refill();
		this.currentRule = { ...rule };
		this.credits = Math.min(this.credits, rule.max);
	}

	/** Credits the estimate says are available now. */
	available(): number {
		this.refill();
		return this.credits;
	}

	/** Milliseconds until `cost` credits are available (and no vendor-stated wait is pending). */
	waitMs(cost: number): number {
		this.refill();
		const now = this.now();
		const blocked = Math.max(0, this.blockedUntil - now);
		const needed = Math.min(cost, this.currentRule.max) - this.credits;
		const refill = needed > 0 && this.currentRule.refillPerSecond > 0 ? Math.ceil((needed / this.currentRule.refillPerSecond) * 1000) : 0;
		return Math.max(blocked, refill);
	}

	/**
	 * Waits (first come, first served) until `cost` credits are estimated available, then spends them.
	 * Returns the time waited. A wait longer than `maxWaitMs` is not started: the caller gets
	 * `undefined` and decides (fail, or send anyway and let the vendor answer).
	 */
	async reserve(cost: number, maxWaitMs = Number.POSITIVE_INFINITY): Promise<number | undefined> {
		const turn = this.gate.then(async () => {
			const wait = this.waitMs(cost);
			if (wait > maxWaitMs) return undefined;
			if (wait > 0) await sleep(wait);
			this.refill();
			this.credits -= Math.min(cost, this.currentRule.max);
			return wait;
		});
		this.gate = turn.then(
			() => undefined,
			() => undefined,
		);
		return await turn;
	}

	/** Corrects the estimate by what a call really cost (`actual`) after reserving `reserved`. */
	settle(reserved: number, actual: number): void {
		this.refill();
		this.credits = Math.min(this.currentRule.max, this.credits + reserved - actual);
	}

	/**
	 * The vendor refused a call: it states what is left and when the `required` credits will be there.
	 * Everyone waits that long, and the estimate is set so that it reaches `required` exactly then
	 * (the vendor's word wins over the configured refill rate).
	 */
	throttled(remaining: number | undefined, waitMs: number, required?: number): void {
		this.refill();
		const wait = Math.max(0, waitMs);
		if (required !== undefined && Number.isFinite(required)) {
			this.credits = Math.max(0, Math.min(required, this.currentRule.max) - (wait / 1000) * this.currentRule.refillPerSecond);
		} else if (remaining !== undefined && Number.isFinite(remaining)) {
			this.credits = Math.max(0, remaining);
		}
		this.blockedUntil = Math.max(this.blockedUntil, this.now() + wait);
	}

	private refill(): void {
		const now = this.now();
		const elapsed = Math.max(0, now - this.updatedAt);
		this.updatedAt = now;
		this.credits = Math.min(this.currentRule.max, this.credits + (elapsed / 1000) * this.currentRule.refillPerSecond);
	}
}

const buckets = new Map<string, CreditBucket>();

/** The process-wide credit bucket of `key` (vendor + account), created with `rule` on first use. */
export function getCreditBucket(key: string, rule: CreditRule): CreditBucket {
	const existing = buckets.get(key);
	if (existing) {
		if (existing.rule.max !== rule.max || existing.rule.refillPerSecond !== rule.refillPerSecond) existing.updateRule(rule);
		return existing;
	}
	const bucket = new CreditBucket({ ...rule });
	buckets.set(key, bucket);
	return bucket;
}
