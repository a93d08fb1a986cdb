import type { CredentialStats, RateLimitRule } from './types';

const DEFAULT_WINDOW_MS = 1000;

interface KeyState {
	/** Arrival times of accepted requests inside the window (enforcement). */
	accepted: number[];
	/** Arrival times of all requests inside the window (observation, refused ones included). */
	arrivals: number[];
	inFlight: number;
	requests: number;
	rateLimited: number;
	maxConcurrent: number;
	maxInWindow: number;
}

export type Admission =
	| { ok: true; release: () => void }
	| { ok: false; retryAfterSec: number; reason: 'rate' | 'concurrency' };

/**
 * Per-credential sliding-window and concurrency limiter that also keeps what an outside test needs
 * to prove a client stayed under the rule: peak concurrency and peak requests per window, counting
 * requests that were refused too (a client that got 429s did exceed the rule).
 */
export class RateLimiter {
	private readonly keys = new Map<string, KeyState>();

	constructor(private rule: RateLimitRule | null) {}

	getRule(): RateLimitRule | null {
		return this.rule;
	}

	setRule(rule: RateLimitRule | null): void {
		this.rule = rule;
		// A new rule starts a fresh window; peaks measured against another window would mean nothing.
		for (const s of this.keys.values()) s.accepted.length = 0;
		this.resetStats();
	}

	get windowMs(): number {
		return this.rule?.windowMs ?? DEFAULT_WINDOW_MS;
	}

	admit(key: string, now: number = Date.now()): Admission {
		const state = this.state(key);
		const windowMs = this.windowMs;
		trim(state.accepted, now - windowMs);
		trim(state.arrivals, now - windowMs);

		state.requests++;
		state.arrivals.push(now);
		state.maxInWindow = Math.max(state.maxInWindow, state.arrivals.length);
		state.maxConcurrent = Math.max(state.maxConcurrent, state.inFlight + 1);

		const rule = this.rule;
		if (rule?.maxConcurrent !== undefined && state.inFlight >= rule.maxConcurrent) {
			state.rateLimited++;
			return { ok: false, retryAfterSec: 1, reason: 'concurrency' };
		}
		if (rule?.requests !== undefined && state.accepted.length >= rule.requests) {
			state.rateLimited++;
			const freeAt = state.accepted[state.accepted.length - rule.requests] + windowMs;
			return { ok: false, retryAfterSec: Math.max(1, Math.ceil((freeAt - now) / 1000)), reason: 'rate' };
		}
		state.accepted.push(now);
		state.inFlight++;
		let released = false;
		return {
			ok: true,
			release: () => {
				if (released) return;
				released = true;
				state.inFlight--;
			},
		};
	}

	/** Records a request refused before admission (an injected 429): it still arrived and still counts. */
	refuse(key: string, now: number = Date.now()): void {
		const state = this.state(key);
		trim(state.arrivals, now - this.windowMs);
		state.requests++;
		state.rateLimited++;
		state.arrivals.push(now);
		state.maxInWindow = Math.max(state.maxInWindow, state.arrivals.length);
		state.maxConcurrent = Math.max(state.maxConcurrent, state.inFlight + 1);
	}

	stats(): Record<string, CredentialStats> {
		const out: Record<string, CredentialStats> = {};
		for (const [key, s] of this.keys) {
			out[key] = {
				requests: s.requests,
				rateLimited: s.rateLimited,
				maxConcurrent: s.maxConcurrent,
				maxInWindow: s.maxInWindow,
				windowMs: this.windowMs,
			};
		}
		return out;
	}

	resetStats(): void {
		for (const s of this.keys.values()) {
			s.requests = 0;
			s.rateLimited = 0;
			s.maxConcurrent = s.inFlight;
			s.maxInWindow = 0;
			s.arrivals.length = 0;
		}
	}

	private state(key: string): KeyState {
		let s = this.keys.get(key);
		if (!s) {
			s = { accepted: [], arrivals: [], inFlight: 0, requests: 0, rateLimited: 0, maxConcurrent: 0, maxInWindow: 0 };
			this.keys.set(key, s);
		}
		return s;
	}
}

/** Drops timestamps at or before `cutoff` (they are sorted ascending). */
function trim(times: number[], cutoff: number): void {
	let i = 0;
	while (i < times.length && times[i] <= cutoff) i++;
	if (i > 0) times.splice(0, i);
}
