import type { IWebhookFunctions } from 'n8n-workflow';

import { getStateStore, STATE_STORE_CREDENTIAL, type StateStore } from '../state';

/**
 * Vendors deliver webhooks at least once: a retried or duplicated delivery carries the same event id
 * and must not start a second run. With an Interop State Store credential on the trigger the ids are
 * kept there (shared by every n8n process, so also in queue mode with several webhook processes);
 * without one, in a bounded process-wide memory (enough for a single n8n).
 */
export const WEBHOOK_EVENTS_NAMESPACE = 'erp-interop:webhook-events';
/** Vendors redeliver for up to about three days (Stripe, Chargebee); ids are kept a little longer. */
export const DEFAULT_EVENT_TTL_MS = 4 * 24 * 3600_000;

/** Remembers recently seen keys, oldest forgotten first, each for at most `ttlMs`. */
export class RecentKeys {
	private readonly seen = new Map<string, number>();

	constructor(
		private readonly max = 50_000,
		private readonly now: () => number = Date.now,
	) {}

	/** True the first time `key` is offered within `ttlMs`; false for a repeat. */
	firstTime(key: string, ttlMs: number): boolean {
		const now = this.now();
		const expires = this.seen.get(key);
		if (expires !== undefined && expires > now) return false;
		this.seen.delete(key);
		this.seen.set(key, now + ttlMs);
		// Map iteration order is insertion order: the first entries are the oldest.
		while (this.seen.size > this.max) this.seen.delete(this.seen.keys().next().value as string);
		return true;
	}

	clear(): void {
		this.seen.clear();
	}
}

const processWide = new RecentKeys();

/** Forgets the deliveries remembered in memory (tests; a restart does the same). */
export function forgetRecentDeliveries(): void {
	processWide.clear();
}

/** Whether the state store (not memory) keeps the ids: the trigger has the state-store credential set. */
function usesStateStore(ctx: IWebhookFunctions): boolean {
	return Boolean(ctx.getNode().credentials?.[STATE_STORE_CREDENTIAL]);
}

/** Records a delivery in the store; true when no delivery with this key was recorded before (atomic across processes). */
export async function firstDeliveryInStore(store: StateStore, key: string, ttlMs = DEFAULT_EVENT_TTL_MS): Promise<boolean> {
	const result = await store.compareAndSet(WEBHOOK_EVENTS_NAMESPACE, key, null, { receivedAt: new Date().toISOString() }, { ttlMs });
	return result.ok;
}

/**
 * True for the first delivery of `eventId` to this trigger node, false for a repeat. The scope is the
 * workflow and node, so two workflows listening to the same vendor events each get every event once.
 */
export async function isFirstDelivery(ctx: IWebhookFunctions, eventId: string, ttlMs = DEFAULT_EVENT_TTL_MS): Promise<boolean> {
	const key = `${ctx.getWorkflow().id ?? 'workflow'}:${ctx.getNode().id}:${eventId}`;
	if (usesStateStore(ctx)) return await firstDeliveryInStore(await getStateStore(ctx), key, ttlMs);
	return processWide.firstTime(key, ttlMs);
}
