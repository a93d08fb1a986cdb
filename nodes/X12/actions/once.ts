/**
 * Outbound documents built once per idempotency key. The first build takes its control numbers from
 * the partner's counters and the finished interchange is kept in the state store; a repeat with the
 * same key (a replayed run, a redelivered trigger, a retried crashed execution) gets the same
 * interchange back and consumes no number, so the partner sees each document once, gap-free.
 *
 * The numbers are written into the key's claim the moment they are allocated, before anything else
 * can fail: an attempt that crashes mid-build leaves them there and the attempt that takes over after
 * the lease reuses them instead of drawing new ones (which would leave a gap at the partner).
 */
import { randomUUID } from 'node:crypto';
import { sleep } from 'n8n-workflow';

import type { ControlNumberAllocator, ControlNumberKind } from '../core';
import type { JsonValue, StateStore } from '../../common/state';

export const OUTBOUND_NAMESPACE = 'x12:outbound';

type Numbers = Partial<Record<ControlNumberKind, { first: number; count: number }>>;

type OnceRecord<T> =
	| { state: 'pending'; token: string; leaseUntil: number; numbers: Numbers }
	| { state: 'done'; result: T; at: string };

export interface OnceOptions {
	/** How long an attempt holds the key before another may take over (default 2 min). */
	leaseMs?: number;
	/** How long a concurrent attempt waits for the first one (default 60 s). */
	waitMs?: number;
	/** How long the built document is remembered (default 90 days). */
	ttlMs?: number;
	pollMs?: number;
	now?: () => number;
}

export class IdempotencyConflictError extends Error {}

/**
 * Runs `build` once per key with a recording allocator in place of `allocator`. Returns the built (or
 * remembered) value and whether it was remembered.
 */
export async function buildOnce<T extends JsonValue | object>(
	store: StateStore,
	key: string,
	allocator: ControlNumberAllocator,
	build: (allocate: ControlNumberAllocator) => Promise<T>,
	options: OnceOptions = {},
): Promise<{ value: T; replayed: boolean }> {
	const leaseMs = options.leaseMs ?? 120_000;
	const waitMs = options.waitMs ?? 60_000;
	const ttlMs = options.ttlMs ?? 90 * 24 * 3600_000;
	const now = options.now ?? Date.now;
	const token = randomUUID();
	const started = now();

	let version = 0;
	let numbers: Numbers = {};
	for (;;) {
		const current = await store.get<OnceRecord<T>>(OUTBOUND_NAMESPACE, key);
		const record = current?.value;
		if (record?.state === 'done') return { value: record.result, replayed: true };
		if (!current || !record) {
			const claim = await store.compareAndSet(OUTBOUND_NAMESPACE, key, null, { state: 'pending', token, leaseUntil: now() + leaseMs, numbers: {} }, { ttlMs });
			if (claim.ok) {
				version = claim.version;
				break;
			}
			continue;
		}
		if (record.leaseUntil <= now()) {
			// The holder crashed or gave up: take over, keeping the numbers it had drawn.
			const takeover = await store.compareAndSet(OUTBOUND_NAMESPACE, key, current.version, { ...record, token, leaseUntil: now() + leaseMs }, { ttlMs });
			if (takeover.ok) {
				version = takeover.version;
				numbers = record.numbers ?? {};
				break;
			}
			continue;
		}
		if (now() - started >= waitMs) throw new Error(`Another execution is still building the document for "${key}" (waited ${now() - started} ms)`);
		await sleep(options.pollMs ?? 100);
	}

	const save = async (next: OnceRecord<T>): Promise<void> => {
		const result = await store.compareAndSet(OUTBOUND_NAMESPACE, key, version, next, { ttlMs });
		if (!result.ok) throw new Error(`Lost the claim on "${key}" to another execution (it took longer than the ${leaseMs} ms lease)`);
		version = result.version;
	};

	const recording: ControlNumberAllocator = async (kind, partnerKey, count = 1) => {
		const kept = numbers[kind];
		if (kept) {
			if (kept.count !== count) {
				throw new IdempotencyConflictError(`The document for "${key}" was started with ${kept.count} ${kind} number(s), now it needs ${count}: use a new key for a different document`);
			}
			return kept.first;
		}
		const first = await allocator(kind, partnerKey, count);
		numbers = { ...numbers, [kind]: { first, count } };
		await save({ state: 'pending', token, leaseUntil: now() + leaseMs, numbers });
		return first;
	};

	let value: T;
	try {
		value = await build(recording);
	} catch (error) {
		// Give the key back at once, with its numbers, so the next attempt reuses them.
		await store
			.compareAndSet(OUTBOUND_NAMESPACE, key, version, { state: 'pending', token: '', leaseUntil: 0, numbers }, { ttlMs })
			.catch(() => undefined);
		// The caller turns it into the node's error.
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
		throw error;
	}
	await save({ state: 'done', result: value, at: new Date(now()).toISOString() });
	return { value, replayed: false };
}
