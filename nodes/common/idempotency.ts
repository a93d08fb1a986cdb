/**
 * Run-once semantics on top of the state store: the first call with a key runs `fn` and remembers
 * its result; later calls with that key get the remembered result without running `fn`. A claim
 * (`pending`, written with compare-and-set) makes concurrent callers, in any process or worker,
 * wait for the first one instead of running `fn` again. A failing `fn` releases the claim so that
 * a retry runs; a crashed caller's claim lapses after `leaseMs`.
 */
import { randomUUID } from 'node:crypto';
import { sleep } from 'n8n-workflow';

import type { StateStore } from './state/types';

export const IDEMPOTENCY_NAMESPACE = 'erp-interop:idempotency';

export interface IdempotencyOptions {
	/** How long the result is remembered (default: until deleted). */
	ttlMs?: number;
	/** Default `erp-interop:idempotency`. */
	namespace?: string;
	/** How long a claim holds before another caller may take over (default 5 min). Longer than `fn` takes. */
	leaseMs?: number;
	/** How long a concurrent caller waits for the first one to finish (default 60 s). */
	waitTimeoutMs?: number;
	/** Polling interval while waiting (default 100 ms). */
	pollIntervalMs?: number;
}

export interface IdempotentOutcome<T> {
	value: T;
	/** True when the remembered result was returned and `fn` did not run. */
	replayed: boolean;
}

type IdempotencyRecord<T> = { state: 'pending'; token: string } | { state: 'done'; result?: T };

export class IdempotencyTimeoutError extends Error {
	constructor(readonly key: string, waitedMs: number) {
		super(`Another execution is still processing idempotency key "${key}" (waited ${waitedMs} ms)`);
		this.name = 'IdempotencyTimeoutError';
	}
}

/**
 * Like `withIdempotency`, and also tells whether the result was replayed. The result goes through
 * JSON (Dates come back as strings); an `undefined` result is remembered as such.
 */
export async function runIdempotent<T>(
	store: StateStore,
	key: string,
	fn: () => Promise<T>,
	options: IdempotencyOptions = {},
): Promise<IdempotentOutcome<T>> {
	const ns = options.namespace ?? IDEMPOTENCY_NAMESPACE;
	const leaseMs = options.leaseMs ?? 5 * 60_000;
	const waitTimeoutMs = options.waitTimeoutMs ?? 60_000;
	const pollIntervalMs = options.pollIntervalMs ?? 100;
	const started = Date.now();
	const token = randomUUID();

	let claimed: number | undefined;
	while (claimed === undefined) {
		const current = await store.get<IdempotencyRecord<T>>(ns, key);
		if (current?.value.state === 'done') return { value: current.value.result as T, replayed: true };
		if (current === undefined) {
			const claim = await store.compareAndSet(ns, key, null, { state: 'pending', token }, { ttlMs: leaseMs });
			if (claim.ok) claimed = claim.version;
			// Lost the race: look again (the winner's claim, or its result).
			continue;
		}
		if (Date.now() - started >= waitTimeoutMs) throw new IdempotencyTimeoutError(key, Date.now() - started);
		await sleep(pollIntervalMs);
	}

	let outcome: { ok: true; value: T } | { ok: false; error: unknown };
	try {
		outcome = { ok: true, value: await fn() };
	} catch (error) {
		outcome = { ok: false, error };
	}
	if (!outcome.ok) {
		// Release only our own claim; if it lapsed and someone else claimed, theirs stands.
		await store.delete(ns, key, { expectedVersion: claimed }).catch(() => false);
		throw outcome.error;
	}
	const done: IdempotencyRecord<T> = { state: 'done', result: outcome.value };
	const saved = await store.compareAndSet(ns, key, claimed, done, { ttlMs: options.ttlMs });
	// Our claim lapsed: record the result unless another caller has claimed the key since
	// (it ran fn too and records its own result).
	if (!saved.ok && saved.version === null) {
		await store.compareAndSet(ns, key, null, done, { ttlMs: options.ttlMs });
	}
	return { value: outcome.value, replayed: false };
}

/** Runs `fn` once per key; see the module comment. Returns `fn`'s result or the remembered one. */
export async function withIdempotency<T>(
	store: StateStore,
	key: string,
	fn: () => Promise<T>,
	options?: IdempotencyOptions,
): Promise<T> {
	return (await runIdempotent(store, key, fn, options)).value;
}
