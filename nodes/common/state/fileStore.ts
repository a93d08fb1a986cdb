/**
 * The embedded file store: the default for a single n8n. Every namespace, queue and the counters
 * are a `Collection` (snapshot + journal), every log a `LogFile`, all in one folder.
 *
 * Guarantees: each operation is atomic and durable (fsynced) when it returns; operations are
 * serialised per file within the process (async mutex) and across processes on the same host
 * (lock file per file, taken over when its owner died), so counters stay unique and gap-free
 * even with an `n8n execute` next to `n8n start`. Not for several hosts or network file systems.
 */
import { promises as fs } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

import { Collection, type StoredRecord } from './collection';
import type { FileLockOptions } from './fileLock';
import { LogFile } from './logFile';
import { KeyedMutex } from './mutex';
import type {
	AppendOptions,
	CasResult,
	Clock,
	DeleteOptions,
	FileStoreConfig,
	JsonValue,
	KeyEntry,
	ListOptions,
	ListQueueOptions,
	LogEntry,
	NewQueueItem,
	Page,
	QueueItem,
	QueueItemPatch,
	QueueStatus,
	ReadLogOptions,
	StateStore,
	VersionedValue,
	WriteOptions,
} from './types';
import { StateStoreError } from './types';
import {
	checkKey,
	checkKeys,
	checkLimit,
	checkName,
	checkSafeInteger,
	checkStatus,
	checkTtl,
	compareKeys,
	encodeJson,
	fileSafeName,
	parseQueueId,
	prepareBatch,
	systemClock,
	toIso,
} from './util';

/** Where n8n keeps its own data: `$N8N_USER_FOLDER/.n8n`, else `~/.n8n` (as n8n resolves it). */
export function defaultStateFolder(env: NodeJS.ProcessEnv = process.env): string {
	const home = env.N8N_USER_FOLDER ?? (process.platform === 'win32' ? env.USERPROFILE : env.HOME) ?? homedir();
	return join(home, '.n8n', 'erp-interop-state');
}

/** A key/value record: JSON text, version, update time, expiry (epoch ms). */
interface KvRecord extends StoredRecord {
	v: string;
	n: number;
	at: string;
	x?: number;
}

interface QueueRecord extends StoredRecord {
	i: number;
	k?: string;
	s: QueueStatus;
	a: number;
	p: string;
	m?: string;
	n: number;
	c: string;
	u: string;
}

const COUNTERS = 'counters';

/** Stores of one process on the same folder queue on one mutex instead of polling each other's lock files. */
const mutexes = new Map<string, KeyedMutex>();

export class FileStateStore implements StateStore {
	readonly backend = 'file' as const;
	readonly folder: string;
	private readonly clock: Clock;
	private readonly lock: FileLockOptions;
	private readonly compactAfterBytes: number;
	private readonly fsync: boolean;
	private readonly mutex: KeyedMutex;
	private readonly collections = new Map<string, Collection>();
	private readonly logs = new Map<string, LogFile>();
	private ready: Promise<void> | undefined;
	private closed = false;

	constructor(config: Omit<FileStoreConfig, 'backend'> = {}) {
		this.folder = resolve(config.folder || defaultStateFolder());
		this.clock = config.clock ?? systemClock;
		this.lock = { timeoutMs: config.lockTimeoutMs ?? 10_000, staleMs: config.staleLockMs ?? 30_000 };
		this.compactAfterBytes = config.compactAfterBytes ?? 4 * 1024 * 1024;
		this.fsync = !config.unsafeNoFsync;
		let mutex = mutexes.get(this.folder);
		if (!mutex) {
			mutex = new KeyedMutex();
			mutexes.set(this.folder, mutex);
		}
		this.mutex = mutex;
	}

	private async prepare(): Promise<void> {
		if (this.closed) throw new StateStoreError('The state store is closed', 'CLOSED');
		this.ready ??= fs.mkdir(this.folder, { recursive: true, mode: 0o700 }).then(
			() => undefined,
			(error: unknown) => {
				// Not cached: the next operation tries again (e.g. after a permission fix).
				this.ready = undefined;
				throw error;
			},
		);
		await this.ready;
	}

	private async collection(base: string): Promise<Collection> {
		await this.prepare();
		let collection = this.collections.get(base);
		if (!collection) {
			collection = new Collection(
				this.folder,
				base,
				{ lock: this.lock, compactAfterBytes: this.compactAfterBytes, fsync: this.fsync },
				this.mutex,
			);
			this.collections.set(base, collection);
		}
		return collection;
	}

	private kv(ns: string) {
		return this.collection(`kv-${fileSafeName(checkName('namespace', ns))}`);
	}

	private now(): number {
		return this.clock().getTime();
	}

	private live(record: KvRecord | undefined, now: number): record is KvRecord {
		return record !== undefined && (record.x === undefined || record.x > now);
	}

	private kvRecord(value: unknown, version: number, options: WriteOptions | undefined, json?: string): KvRecord {
		const ttl = checkTtl(options?.ttlMs);
		const now = this.now();
		const record: KvRecord = { v: json ?? encodeJson(value), n: version, at: new Date(now).toISOString() };
		if (ttl !== undefined) record.x = now + ttl;
		return record;
	}

	private static versioned<T>(record: KvRecord): VersionedValue<T> {
		const result: VersionedValue<T> = { value: JSON.parse(record.v) as T, version: record.n, updatedAt: record.at };
		if (record.x !== undefined) result.expiresAt = new Date(record.x).toISOString();
		return result;
	}

	async get<T = JsonValue>(ns: string, key: string): Promise<VersionedValue<T> | undefined> {
		checkKey(key);
		const collection = await this.kv(ns);
		return await collection.read(({ records }) => {
			const record = records.get(key) as KvRecord | undefined;
			return this.live(record, this.now()) ? FileStateStore.versioned<T>(record) : undefined;
		});
	}

	async getMany<T = JsonValue>(ns: string, keys: string[]): Promise<Map<string, VersionedValue<T>>> {
		checkKeys(keys);
		const collection = await this.kv(ns);
		return await collection.read(({ records }) => {
			const now = this.now();
			const found = new Map<string, VersionedValue<T>>();
			for (const key of keys) {
				const record = records.get(key) as KvRecord | undefined;
				if (this.live(record, now)) found.set(key, FileStateStore.versioned<T>(record));
			}
			return found;
		});
	}

	async putMany(
		ns: string,
		entries: Array<{ key: string; value: unknown }>,
		options?: WriteOptions,
	): Promise<number[]> {
		const batch = prepareBatch(entries);
		checkTtl(options?.ttlMs);
		if (batch.size === 0) return [];
		const collection = await this.kv(ns);
		return await collection.mutate(({ seq }) => {
			const versions = new Map<string, number>();
			const writes: Array<[string, KvRecord]> = [];
			let version = seq;
			for (const [key, json] of batch) {
				const record = this.kvRecord(undefined, ++version, options, json);
				writes.push([key, record]);
				versions.set(key, version);
			}
			return { result: entries.map(({ key }) => versions.get(key) as number), seq: version, writes };
		});
	}

	async put(ns: string, key: string, value: unknown, options?: WriteOptions): Promise<number> {
		checkKey(key);
		const collection = await this.kv(ns);
		return await collection.mutate(({ seq }) => {
			const record = this.kvRecord(value, seq + 1, options);
			return { result: record.n, seq: record.n, writes: [[key, record]] };
		});
	}

	async compareAndSet(
		ns: string,
		key: string,
		expectedVersion: number | null,
		value: unknown,
		options?: WriteOptions,
	): Promise<CasResult> {
		checkKey(key);
		if (expectedVersion !== null) checkSafeInteger('expectedVersion', expectedVersion, 1);
		const collection = await this.kv(ns);
		return await collection.mutate<CasResult>(({ seq, records }) => {
			const current = records.get(key) as KvRecord | undefined;
			const live = this.live(current, this.now());
			const matches = expectedVersion === null ? !live : live && current.n === expectedVersion;
			if (!matches) return { result: { ok: false, version: live ? current.n : null } };
			const record = this.kvRecord(value, seq + 1, options);
			return { result: { ok: true, version: record.n }, seq: record.n, writes: [[key, record]] };
		});
	}

	async delete(ns: string, key: string, options?: DeleteOptions): Promise<boolean> {
		checkKey(key);
		const expected = options?.expectedVersion;
		if (expected !== undefined) checkSafeInteger('expectedVersion', expected, 1);
		const collection = await this.kv(ns);
		return await collection.mutate(({ records }) => {
			const current = records.get(key) as KvRecord | undefined;
			if (!current) return { result: false };
			const live = this.live(current, this.now());
			if (expected !== undefined && (!live || current.n !== expected)) return { result: false };
			return { result: live, writes: [[key, null]] };
		});
	}

	async list<T = JsonValue>(ns: string, options: ListOptions = {}): Promise<Page<KeyEntry<T>>> {
		const limit = checkLimit(options.limit);
		const prefix = options.prefix ?? '';
		const after = options.after;
		const collection = await this.kv(ns);
		return await collection.read(({ records }) => {
			const keys = collection.sortedKeys();
			const now = this.now();
			// First key that is > after and >= prefix (binary search).
			let low = 0;
			let high = keys.length;
			while (low < high) {
				const mid = (low + high) >>> 1;
				const key = keys[mid];
				const before = (after !== undefined && compareKeys(key, after) <= 0) || compareKeys(key, prefix) < 0;
				if (before) low = mid + 1;
				else high = mid;
			}
			const items: Array<KeyEntry<T>> = [];
			for (let i = low; i < keys.length; i++) {
				const key = keys[i];
				if (!key.startsWith(prefix)) break;
				const record = records.get(key) as KvRecord;
				if (!this.live(record, now)) continue;
				if (items.length === limit) return { items, next: items[items.length - 1].key };
				items.push({ key, ...FileStateStore.versioned<T>(record) });
			}
			return { items };
		});
	}

	async purgeExpired(ns?: string): Promise<number> {
		const bases =
			ns !== undefined
				? [`kv-${fileSafeName(checkName('namespace', ns))}`]
				: await this.existingBases('kv-');
		let purged = 0;
		for (const base of bases) {
			const collection = await this.collection(base);
			purged += await collection.mutate(({ records }) => {
				const now = this.now();
				const writes: Array<[string, null]> = [];
				for (const [key, record] of records) {
					if (!this.live(record as KvRecord, now)) writes.push([key, null]);
				}
				return { result: writes.length, writes };
			});
		}
		return purged;
	}

	private async existingBases(prefix: string): Promise<string[]> {
		await this.prepare();
		const bases = new Set<string>();
		for (const name of await fs.readdir(this.folder)) {
			const match = /^(.+?)\.(?:snapshot\.json|\d+\.journal)$/.exec(name);
			if (match && match[1].startsWith(prefix)) bases.add(match[1]);
		}
		return [...bases];
	}

	async increment(counter: string, by = 1): Promise<number> {
		checkName('counter', counter);
		checkSafeInteger('Increment', by, 1);
		const collection = await this.collection(COUNTERS);
		return await collection.mutate(({ seq, records }) => {
			const current = (records.get(counter)?.n as number | undefined) ?? 0;
			const value = current + by;
			if (!Number.isSafeInteger(value)) {
				throw new StateStoreError(`Counter ${counter} would exceed the safe integer range`, 'COUNTER_OVERFLOW');
			}
			return {
				result: value,
				seq: seq + 1,
				writes: [[counter, { n: value, at: new Date(this.now()).toISOString() }]],
			};
		});
	}

	async getCounter(counter: string): Promise<number> {
		checkName('counter', counter);
		const collection = await this.collection(COUNTERS);
		return await collection.read(({ records }) => (records.get(counter)?.n as number | undefined) ?? 0);
	}

	async setCounter(counter: string, value: number): Promise<void> {
		checkName('counter', counter);
		checkSafeInteger('Counter value', value, 0);
		const collection = await this.collection(COUNTERS);
		await collection.mutate(({ seq }) => ({
			result: undefined,
			seq: seq + 1,
			writes: [[counter, { n: value, at: new Date(this.now()).toISOString() }]],
		}));
	}

	private async logFile(log: string): Promise<LogFile> {
		const base = `log-${fileSafeName(checkName('log', log))}`;
		await this.prepare();
		let file = this.logs.get(base);
		if (!file) {
			file = new LogFile(this.folder, base, this.lock, this.fsync, this.mutex);
			this.logs.set(base, file);
		}
		return file;
	}

	async append(log: string, entry: unknown, options?: AppendOptions): Promise<number> {
		const json = encodeJson(entry);
		const at = toIso(options?.at, this.clock);
		return await (await this.logFile(log)).append(at, json);
	}

	async readLog<T = JsonValue>(log: string, options: ReadLogOptions = {}): Promise<Page<LogEntry<T>, number>> {
		const limit = checkLimit(options.limit);
		const after = checkSafeInteger('after', options.after ?? 0, 0);
		return await (await this.logFile(log)).read<T>(after, limit);
	}

	private queue(queue: string) {
		return this.collection(`queue-${fileSafeName(checkName('queue', queue))}`);
	}

	private static item<T>(queue: string, record: QueueRecord): QueueItem<T> {
		const item: QueueItem<T> = {
			id: String(record.i),
			queue,
			status: record.s,
			attempts: record.a,
			payload: JSON.parse(record.p) as T,
			version: record.n,
			createdAt: record.c,
			updatedAt: record.u,
		};
		if (record.k !== undefined) item.key = record.k;
		if (record.m !== undefined) item.meta = JSON.parse(record.m) as JsonValue;
		return item;
	}

	async enqueue(queue: string, item: NewQueueItem): Promise<string> {
		const payload = encodeJson(item.payload);
		const meta = item.meta === undefined || item.meta === null ? undefined : encodeJson(item.meta);
		const status = checkStatus(item.status ?? 'open');
		const attempts = checkSafeInteger('attempts', item.attempts ?? 0, 0);
		if (item.key !== undefined) checkKey(item.key);
		const collection = await this.queue(queue);
		return await collection.mutate(({ seq }) => {
			const id = seq + 1;
			const at = new Date(this.now()).toISOString();
			const record: QueueRecord = { i: id, s: status, a: attempts, p: payload, n: id, c: at, u: at };
			if (item.key !== undefined) record.k = item.key;
			if (meta !== undefined) record.m = meta;
			return { result: String(id), seq: id, writes: [[String(id), record]] };
		});
	}

	async getQueueItem<T = JsonValue>(queue: string, id: string): Promise<QueueItem<T> | undefined> {
		const collection = await this.queue(queue);
		const n = parseQueueId(id);
		if (n === undefined) return undefined;
		return await collection.read(({ records }) => {
			const record = records.get(String(n)) as QueueRecord | undefined;
			return record ? FileStateStore.item<T>(queue, record) : undefined;
		});
	}

	async listQueue<T = JsonValue>(queue: string, options: ListQueueOptions = {}): Promise<Page<QueueItem<T>>> {
		const limit = checkLimit(options.limit);
		const status = options.status === undefined ? undefined : checkStatus(options.status);
		const after = options.after === undefined ? 0 : parseQueueId(options.after);
		if (after === undefined) throw new StateStoreError('after must be a queue item id', 'INVALID_ARGUMENT');
		const collection = await this.queue(queue);
		return await collection.read(({ records }) => {
			const items: Array<QueueItem<T>> = [];
			// Records are kept in insertion (= id) order.
			for (const value of records.values()) {
				const record = value as QueueRecord;
				if (record.i <= after) continue;
				if (status !== undefined && record.s !== status) continue;
				if (options.key !== undefined && record.k !== options.key) continue;
				if (items.length === limit) return { items, next: items[items.length - 1].id };
				items.push(FileStateStore.item<T>(queue, record));
			}
			return { items };
		});
	}

	async updateQueueItem<T = JsonValue>(
		queue: string,
		id: string,
		patch: QueueItemPatch,
	): Promise<QueueItem<T> | undefined> {
		const status = patch.status === undefined ? undefined : checkStatus(patch.status);
		const ifStatus = patch.ifStatus === undefined ? undefined : checkStatus(patch.ifStatus);
		if (patch.attempts !== undefined) checkSafeInteger('attempts', patch.attempts, 0);
		if (patch.addAttempts !== undefined) checkSafeInteger('addAttempts', patch.addAttempts, 0);
		const payload = patch.payload === undefined ? undefined : encodeJson(patch.payload);
		const meta = patch.meta === undefined || patch.meta === null ? undefined : encodeJson(patch.meta);
		const collection = await this.queue(queue);
		const n = parseQueueId(id);
		if (n === undefined) return undefined;
		return await collection.mutate(({ seq, records }) => {
			const current = records.get(String(n)) as QueueRecord | undefined;
			if (!current) return { result: undefined };
			if (ifStatus !== undefined && current.s !== ifStatus) return { result: undefined };
			if (patch.ifVersion !== undefined && current.n !== patch.ifVersion) return { result: undefined };
			const next: QueueRecord = {
				...current,
				s: status ?? current.s,
				a: (patch.attempts ?? current.a) + (patch.addAttempts ?? 0),
				p: payload ?? current.p,
				n: seq + 1,
				u: new Date(this.now()).toISOString(),
			};
			if (patch.meta === null) delete next.m;
			else if (meta !== undefined) next.m = meta;
			return { result: FileStateStore.item<T>(queue, next), seq: next.n, writes: [[String(n), next]] };
		});
	}

	async close(): Promise<void> {
		this.closed = true;
	}
}
