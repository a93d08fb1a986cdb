/**
 * The state store: the one place where nodes keep durable state (delta-sync hashes, polling
 * watermarks, idempotency keys, X12 control numbers, cross-references, audit log, exception
 * queue). Two backends implement it: an embedded file store (one n8n process) and PostgreSQL
 * (queue mode, several workers). Nothing that another worker needs may live in process memory.
 *
 * Values are JSON: writes accept anything `JSON.stringify` accepts (Dates become strings,
 * `undefined` properties are dropped) and reads return the parsed JSON.
 */

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export type StateBackend = 'file' | 'postgres';

/** A stored value with its version. Versions are positive integers that grow with every write
 * of a key and are never reused for that key, not even after a delete (no ABA for CAS). */
export interface VersionedValue<T = JsonValue> {
	value: T;
	version: number;
	/** ISO timestamp of the last write (from the store's clock). */
	updatedAt: string;
	/** ISO timestamp after which the entry counts as absent, when written with a TTL. */
	expiresAt?: string;
}

export interface KeyEntry<T = JsonValue> extends VersionedValue<T> {
	key: string;
}

export interface WriteOptions {
	/** The entry expires (reads as absent, CAS with `null` may replace it) this long after the write. */
	ttlMs?: number;
}

export type CasResult =
	| { ok: true; version: number }
	/** `version` is the current version (null when the key is absent), a hint for the next attempt. */
	| { ok: false; version: number | null };

export interface DeleteOptions {
	/** Only delete when the current version is this one. */
	expectedVersion?: number;
}

export interface ListOptions {
	/** Only keys starting with this string. */
	prefix?: string;
	/** Page size; default 100, at most 10 000. */
	limit?: number;
	/** Start after this key (the `next` of the previous page). */
	after?: string;
}

/** One page of results; `next` is set when more may follow and is passed back as `after`. */
export interface Page<T, C = string> {
	items: T[];
	next?: C;
}

export interface LogEntry<T = JsonValue> {
	/** 1, 2, 3 ... per log, gap-free, in commit order: a reader that pages with `after` misses nothing. */
	seq: number;
	at: string;
	entry: T;
}

export interface AppendOptions {
	/** Event time; defaults to the store's clock. */
	at?: Date | string;
}

export interface ReadLogOptions {
	/** Return entries with a seq greater than this (default 0: from the start). */
	after?: number;
	/** Default 100, at most 10 000. */
	limit?: number;
}

export type QueueStatus = 'open' | 'replayed' | 'resolved';
export const QUEUE_STATUSES: readonly QueueStatus[] = ['open', 'replayed', 'resolved'];

export interface NewQueueItem {
	payload: unknown;
	/** Business key (e.g. `order:1234`), used to find and auto-resolve items when the same key later succeeds. */
	key?: string;
	/** Free-form details, e.g. `{ errorClass: 'validation', message: '...' }`. */
	meta?: unknown;
	/** Default `open`. */
	status?: QueueStatus;
	/** Default 0. */
	attempts?: number;
}

export interface QueueItem<T = JsonValue> {
	/** Decimal string; ids grow in insertion order. */
	id: string;
	queue: string;
	key?: string;
	status: QueueStatus;
	attempts: number;
	payload: T;
	meta?: JsonValue;
	/** Changes with every update (for `ifVersion`). */
	version: number;
	createdAt: string;
	updatedAt: string;
}

export interface ListQueueOptions {
	status?: QueueStatus;
	key?: string;
	/** Default 100, at most 10 000. */
	limit?: number;
	/** Start after this id (the `next` of the previous page). */
	after?: string;
}

export interface QueueItemPatch {
	status?: QueueStatus;
	/** Set the attempt count. */
	attempts?: number;
	/** Add to the attempt count atomically (applied after `attempts`). */
	addAttempts?: number;
	payload?: unknown;
	/** `null` removes the meta. */
	meta?: unknown;
	/** Only update when the item currently has this status (e.g. claim an `open` item for replay). */
	ifStatus?: QueueStatus;
	/** Only update when the item currently has this version. */
	ifVersion?: number;
}

export interface StateStore {
	readonly backend: StateBackend;

	get<T = JsonValue>(ns: string, key: string): Promise<VersionedValue<T> | undefined>;
	/** Several keys in one call (one round trip / one fsync); keys without a live entry are absent. */
	getMany<T = JsonValue>(ns: string, keys: string[]): Promise<Map<string, VersionedValue<T>>>;
	/** Unconditional write; returns the new version. */
	put(ns: string, key: string, value: unknown, options?: WriteOptions): Promise<number>;
	/**
	 * Writes up to 10 000 entries atomically (all or none) in one round trip / one fsync, e.g. a
	 * page of delta-sync hashes. For a key given twice the last value wins. Returns, per entry,
	 * the version its key ends up with.
	 */
	putMany(ns: string, entries: Array<{ key: string; value: unknown }>, options?: WriteOptions): Promise<number[]>;
	/** Write only if the key is at `expectedVersion`, or absent (or expired) when it is `null`. */
	compareAndSet(
		ns: string,
		key: string,
		expectedVersion: number | null,
		value: unknown,
		options?: WriteOptions,
	): Promise<CasResult>;
	/** True when a live entry was deleted. */
	delete(ns: string, key: string, options?: DeleteOptions): Promise<boolean>;
	/** Live entries ordered by key (Unicode code point order, identical in both backends). */
	list<T = JsonValue>(ns: string, options?: ListOptions): Promise<Page<KeyEntry<T>>>;
	/** Removes expired entries (of one namespace or all); returns how many. */
	purgeExpired(ns?: string): Promise<number>;

	/** Adds `by` (a positive integer, default 1) and returns the new value. Values handed out are
	 * unique and gap-free across concurrent callers, processes and workers. A new counter starts at 0. */
	increment(counter: string, by?: number): Promise<number>;
	/** Current value (0 for a counter never used). */
	getCounter(counter: string): Promise<number>;
	/** Sets a counter (e.g. start X12 control numbers at a partner's last value, or wrap around). */
	setCounter(counter: string, value: number): Promise<void>;

	/** Appends to an append-only log; returns the entry's seq. */
	append(log: string, entry: unknown, options?: AppendOptions): Promise<number>;
	readLog<T = JsonValue>(log: string, options?: ReadLogOptions): Promise<Page<LogEntry<T>, number>>;

	/** Returns the new item's id. */
	enqueue(queue: string, item: NewQueueItem): Promise<string>;
	getQueueItem<T = JsonValue>(queue: string, id: string): Promise<QueueItem<T> | undefined>;
	/** Items ordered by id. */
	listQueue<T = JsonValue>(queue: string, options?: ListQueueOptions): Promise<Page<QueueItem<T>>>;
	/** Returns the updated item, or undefined when there is no such item or an `if...` condition failed. */
	updateQueueItem<T = JsonValue>(
		queue: string,
		id: string,
		patch: QueueItemPatch,
	): Promise<QueueItem<T> | undefined>;

	/** Releases files/connections. Stores handed out by `getStateStore` are shared: do not close those. */
	close(): Promise<void>;
}

/** A clock; injectable so that tests are deterministic. */
export type Clock = () => Date;

export interface FileStoreConfig {
	backend: 'file';
	/** Default `<n8n user folder>/.n8n/erp-interop-state`. */
	folder?: string;
	clock?: Clock;
	/** Give up waiting for another process's lock after this long (default 10 s). */
	lockTimeoutMs?: number;
	/** A lock older than this is taken over even if its owner looks alive (default 30 s). */
	staleLockMs?: number;
	/** Rewrite a collection's snapshot once its journal exceeds max(this, snapshot size); default 4 MiB. */
	compactAfterBytes?: number;
	/** Skip fsync (benchmarks of the code path only; never in production). */
	unsafeNoFsync?: boolean;
}

export type PostgresSsl = 'disable' | 'require' | 'no-verify';

export interface PostgresStoreConfig {
	backend: 'postgres';
	/** Either a connection string or host/port/database/user/password. */
	connectionString?: string;
	host?: string;
	port?: number;
	database?: string;
	user?: string;
	password?: string;
	ssl?: PostgresSsl;
	/** Default `public`. */
	schema?: string;
	/** Default `erp_interop_`. */
	tablePrefix?: string;
	/** Connections per pool (default 5). */
	poolSize?: number;
	clock?: Clock;
	/** Default true: stores with the same connection settings share one pool in the process. */
	sharePool?: boolean;
}

export type StateStoreConfig = FileStoreConfig | PostgresStoreConfig;

/** Raised by the stores for invalid arguments, corrupt files, lock time-outs and the like. */
export class StateStoreError extends Error {
	constructor(
		message: string,
		readonly code: StateStoreErrorCode,
		options?: { cause?: unknown },
	) {
		super(message, options);
		this.name = 'StateStoreError';
	}
}

export type StateStoreErrorCode =
	| 'INVALID_ARGUMENT'
	| 'NOT_SERIALIZABLE'
	| 'CORRUPT'
	| 'LOCK_TIMEOUT'
	| 'CLOSED'
	| 'CONFIG'
	| 'COUNTER_OVERFLOW';
