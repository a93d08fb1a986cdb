/**
 * The exception queue: records that failed somewhere in a workflow, kept with their payload so a
 * person (or a schedule) can fix and replay them. One open item per business key: a record that fails
 * again updates its item (attempts, last error) instead of adding another, and a later success of the
 * same key resolves it. Lives in the state store, so every n8n process and worker sees the same queue.
 */
import type { ErrorClass } from './errors';
import { withLease } from './state/lease';
import type { JsonValue, QueueItem, QueueStatus, StateStore } from './state/types';

export const ERROR_CLASSES: readonly ErrorClass[] = [
	'auth',
	'permission',
	'validation',
	'not_found',
	'conflict',
	'duplicate',
	'rate_limit',
	'transient',
	'unknown',
];

/** The store's queue name for a user-facing queue name (kept apart from other uses of store queues). */
const storeQueue = (name: string) => `exceptions:${name}`;

/** What the pack keeps about a failure besides the payload. */
export interface ExceptionMeta {
	errorClass: ErrorClass;
	message: string;
	description?: string;
	/** Where it failed: system (e.g. `netsuite`), entity (e.g. `salesOrder`), node and workflow. */
	system?: string;
	entity?: string;
	node?: string;
	workflowId?: string;
	workflowName?: string;
	executionId?: string;
	firstFailedAt: string;
	lastFailedAt: string;
	/** The most recent errors, newest last (at most HISTORY). */
	history: Array<{ at: string; message: string; errorClass: ErrorClass }>;
	replays: number;
	lastReplayedAt?: string;
	resolvedAt?: string;
	resolution?: string;
}

const HISTORY = 10;
/** How long a per-key lock of `add` may be held before others take it over (its holder died). */
const KEY_LOCK_TTL_MS = 30_000;

export interface NewException {
	payload: JsonValue;
	key?: string;
	errorClass?: ErrorClass;
	message: string;
	description?: string;
	system?: string;
	entity?: string;
	node?: string;
	workflowId?: string;
	workflowName?: string;
	executionId?: string;
}

export interface ExceptionFilter {
	status?: QueueStatus;
	key?: string;
	errorClass?: ErrorClass;
	system?: string;
	entity?: string;
	/** Only items whose last failure is at least this old. */
	olderThanMs?: number;
	limit?: number;
}

export type ExceptionItem = Omit<QueueItem<JsonValue>, 'meta'> & { meta: ExceptionMeta };

/** Classifies an error message when the failing node did not say (e.g. an error workflow's input). */
export function classifyMessage(message: string): ErrorClass {
	const text = message.toLowerCase();
	if (/\b(401|unauthori[sz]ed|authentication|invalid (api )?key|credentials?)\b/.test(text)) return 'auth';
	if (/\b(403|forbidden|permission)/.test(text)) return 'permission';
	if (/\b(429|rate limit|too many requests|throttl)/.test(text)) return 'rate_limit';
	if (/\b(duplicate|already exists)\b/.test(text)) return 'duplicate';
	if (/\b(409|412|conflict|changed since)\b/.test(text)) return 'conflict';
	if (/\b(404|not found)\b/.test(text)) return 'not_found';
	if (/\b(timeout|timed out|econnreset|econnrefused|etimedout|socket hang up|5\d\d|unavailable|bad gateway)\b/.test(text)) return 'transient';
	if (/\b(400|422|invalid|required|missing|must be|validation)\b/.test(text)) return 'validation';
	return 'unknown';
}

export function isErrorClass(value: unknown): value is ErrorClass {
	return typeof value === 'string' && (ERROR_CLASSES as readonly string[]).includes(value);
}

export class ExceptionQueue {
	constructor(
		private readonly store: StateStore,
		readonly name: string,
		private readonly now: () => Date = () => new Date(),
	) {}

	/**
	 * Adds a failure, or updates the unresolved item of the same key (one more attempt, the new payload
	 * and error). Returns the item and whether it was new.
	 */
	async add(entry: NewException): Promise<{ item: ExceptionItem; created: boolean }> {
		// Two executions failing on the same key at once (a duplicate delivery on two workers) would
		// both find no item and both add one: the look-up and the insert run under a per-key lock.
		if (entry.key) {
			const busyMessage = `The exception queue "${this.name}" stayed locked for key "${entry.key}"; try again`;
			return await withLease(this.store, `exceptions:locks:${this.name}`, entry.key, { ttlMs: KEY_LOCK_TTL_MS, busyMessage }, async () => await this.addUnlocked(entry));
		}
		return await this.addUnlocked(entry);
	}

	private async addUnlocked(entry: NewException): Promise<{ item: ExceptionItem; created: boolean }> {
		const at = this.now().toISOString();
		const errorClass = entry.errorClass ?? classifyMessage(entry.message);
		const failure = { at, message: entry.message, errorClass };
		if (entry.key) {
			for (const existing of await this.unresolvedByKey(entry.key)) {
				const meta: ExceptionMeta = {
					...existing.meta,
					...definedOnly({ ...entry, payload: undefined, key: undefined }),
					errorClass,
					lastFailedAt: at,
					history: [...existing.meta.history, failure].slice(-HISTORY),
				};
				const updated = await this.store.updateQueueItem(storeQueue(this.name), existing.id, {
					status: 'open',
					addAttempts: 1,
					payload: entry.payload,
					meta,
					ifVersion: existing.version,
				});
				// Someone else changed it meanwhile (a replay, a resolve): fall through and add a new item.
				if (updated) return { item: updated as unknown as ExceptionItem, created: false };
			}
		}
		const meta: ExceptionMeta = {
			...definedOnly({ ...entry, payload: undefined, key: undefined }),
			errorClass,
			message: entry.message,
			firstFailedAt: at,
			lastFailedAt: at,
			history: [failure],
			replays: 0,
		};
		const id = await this.store.enqueue(storeQueue(this.name), { payload: entry.payload, key: entry.key, meta, attempts: 1 });
		return { item: (await this.get(id))!, created: true };
	}

	async get(id: string): Promise<ExceptionItem | undefined> {
		return (await this.store.getQueueItem(storeQueue(this.name), id)) as unknown as ExceptionItem | undefined;
	}

	/** Items matching the filter, oldest first, reading the store page by page (never the whole queue at once). */
	async *scan(filter: ExceptionFilter = {}): AsyncGenerator<ExceptionItem> {
		const cutoff = filter.olderThanMs !== undefined ? this.now().getTime() - filter.olderThanMs : undefined;
		let after: string | undefined;
		for (;;) {
			const page = await this.store.listQueue(storeQueue(this.name), { status: filter.status, key: filter.key, after, limit: 500 });
			for (const raw of page.items) {
				const item = raw as unknown as ExceptionItem;
				if (filter.errorClass && item.meta.errorClass !== filter.errorClass) continue;
				if (filter.system && item.meta.system !== filter.system) continue;
				if (filter.entity && item.meta.entity !== filter.entity) continue;
				if (cutoff !== undefined && Date.parse(item.meta.lastFailedAt) > cutoff) continue;
				yield item;
			}
			if (!page.next) return;
			after = page.next;
		}
	}

	async list(filter: ExceptionFilter = {}): Promise<ExceptionItem[]> {
		const out: ExceptionItem[] = [];
		for await (const item of this.scan(filter)) {
			out.push(item);
			if (filter.limit !== undefined && out.length >= filter.limit) break;
		}
		return out;
	}

	/** Replaces the payload (a person fixed the data) and/or the key; the item stays where it is. */
	async edit(id: string, change: { payload?: JsonValue; note?: string }): Promise<ExceptionItem | undefined> {
		const item = await this.get(id);
		if (!item) return undefined;
		const meta = change.note ? { ...item.meta, resolution: change.note } : item.meta;
		return (await this.store.updateQueueItem(storeQueue(this.name), id, {
			...(change.payload !== undefined ? { payload: change.payload } : {}),
			meta,
			ifVersion: item.version,
		})) as unknown as ExceptionItem | undefined;
	}

	/**
	 * Claims an open item for reprocessing: only one caller gets it (the status changes from open to
	 * replayed atomically), so two replays running at once never send the same record twice.
	 */
	async claimForReplay(id: string, options: { includeReplayed?: boolean } = {}): Promise<ExceptionItem | undefined> {
		const item = await this.get(id);
		if (!item || item.status === 'resolved' || (item.status === 'replayed' && !options.includeReplayed)) return undefined;
		const at = this.now().toISOString();
		return (await this.store.updateQueueItem(storeQueue(this.name), id, {
			status: 'replayed',
			meta: { ...item.meta, replays: item.meta.replays + 1, lastReplayedAt: at },
			ifVersion: item.version,
		})) as unknown as ExceptionItem | undefined;
	}

	async resolve(id: string, resolution?: string): Promise<ExceptionItem | undefined> {
		const item = await this.get(id);
		if (!item) return undefined;
		if (item.status === 'resolved') return item;
		return (await this.store.updateQueueItem(storeQueue(this.name), id, {
			status: 'resolved',
			meta: { ...item.meta, resolvedAt: this.now().toISOString(), ...(resolution ? { resolution } : {}) },
			ifVersion: item.version,
		})) as unknown as ExceptionItem | undefined;
	}

	/** The record with this key went through: resolves its open and replayed items. Returns them. */
	async succeeded(key: string, resolution = 'succeeded later'): Promise<ExceptionItem[]> {
		const resolved: ExceptionItem[] = [];
		for (const item of await this.unresolvedByKey(key)) {
			const done = await this.resolve(item.id, resolution);
			if (done) resolved.push(done);
		}
		return resolved;
	}

	private async unresolvedByKey(key: string): Promise<ExceptionItem[]> {
		const items = await this.list({ key });
		return items.filter((item) => item.status !== 'resolved');
	}
}

function definedOnly<T extends object>(value: T): Partial<T> {
	return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}
