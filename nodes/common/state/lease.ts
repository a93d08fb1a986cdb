/**
 * A lock held in the state store, so it excludes other executions in this process, other processes
 * and other queue-mode workers alike. Taking it is a compare-and-set of an absent key; the entry
 * expires after `ttlMs`, so a holder that died (a killed worker) blocks others for at most that long.
 */
import type { StateStore } from './types';

export interface LeaseOptions {
	/** How long the lease lasts if its holder never releases it. */
	ttlMs: number;
	/** Give up waiting after this long (default: the lease time plus 5 s, so a dead holder's lease runs out first). */
	waitMs?: number;
	/** The error raised after waiting in vain: says what is locked and what to do. */
	busyMessage: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function withLease<T>(store: StateStore, namespace: string, key: string, options: LeaseOptions, body: () => Promise<T>): Promise<T> {
	const owner = `${process.pid}:${Math.random().toString(36).slice(2)}`;
	const deadline = Date.now() + (options.waitMs ?? options.ttlMs + 5000);
	let version: number;
	for (let attempt = 0; ; attempt++) {
		const claim = await store.compareAndSet(namespace, key, null, { owner, at: new Date().toISOString() }, { ttlMs: options.ttlMs });
		if (claim.ok) {
			version = claim.version;
			break;
		}
		if (Date.now() > deadline) throw new Error(options.busyMessage);
		// Jittered backoff from 10 ms to 250 ms: waiters do not poll in step with each other.
		await sleep(Math.min(250, 10 * 2 ** attempt) * (0.5 + Math.random()));
	}
	try {
		return await body();
	} finally {
		// Only our own lease: it may have expired and been taken by another holder meanwhile.
		await store.delete(namespace, key, { expectedVersion: version }).catch(() => undefined);
	}
}
