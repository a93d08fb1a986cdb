/**
 * Delta sync against a committed snapshot in the state store.
 *
 * Layout of a scope's namespace `delta:<scope>`:
 * - `b:<bucket>`  fingerprints of every committed record, `{ [key]: hash }`, in BUCKETS buckets by key
 *                 hash. A diff reads them all once (one small read per bucket instead of one per record),
 *                 which also gives the keys needed to find deletions.
 * The committed values of the compared fields (when old values are kept) live apart, in
 * `delta:<scope>:values`, keyed by record key: they are read only for the records that changed, to report
 * old and new values, and a diff with no changes never loads them.
 * - `p:<key>`     pending: what a diff saw and downstream has not confirmed yet. Confirm moves it into the
 *                 snapshot; a record whose write failed stays uncommitted and is offered again next run.
 * - `lock`        held while a commit rewrites buckets, so two commits never lose each other's changes.
 */
import { hash as digest } from 'node:crypto';
import { sleep } from 'n8n-workflow';

import { canonicalJson } from '../../common/canonicalJson';
import type { JsonValue, StateStore } from '../../common/state/types';

export const BUCKETS = 1024;
const BATCH = 5_000;
const LOCK_TTL_MS = 120_000;
/** A change nobody confirmed within this long is forgotten (the next diff offers it again anyway). */
const PENDING_TTL_MS = 30 * 24 * 3600_000;

export type CompareMode = 'all' | 'only' | 'except';

export interface DeltaConfig {
	keyFields: string[];
	compareMode: CompareMode;
	/** For `only` / `except`. */
	compareFields: string[];
	/** Keep committed values so changes list old and new values (default true). */
	keepValues: boolean;
	/** Strings compared trimmed; null, '' and a missing field are equal. */
	looseEmpty: boolean;
}

export type DiffStatus = 'new' | 'changed' | 'unchanged';

export interface FieldChange {
	field: string;
	old: JsonValue | null;
	new: JsonValue | null;
}

export interface DiffResult {
	status: DiffStatus;
	key: string;
	hash: string;
	/** For `changed`: the fields that differ (with old/new values when old values are kept). */
	changes?: FieldChange[];
}

export interface DeletedRecord {
	key: string;
	/** The last committed values, when kept. */
	old?: Record<string, JsonValue>;
}

interface Pending {
	h: string | null;
	v?: Record<string, JsonValue>;
}

export class DeltaKeyError extends Error {
	constructor(
		message: string,
		readonly index: number,
	) {
		super(message);
	}
}

const ns = (scope: string) => `delta:${scope}`;
const valuesNs = (scope: string) => `delta:${scope}:values`;
const pendingKey = (key: string) => `p:${key}`;
const bucketKey = (bucket: number) => `b:${bucket.toString(16).padStart(3, '0')}`;

function keyPart(record: Record<string, unknown>, field: string, index: number): string {
	const value = getPath(record, field);
	if (value === undefined || value === null || value === '') throw new DeltaKeyError(`Item ${index} has no value in key field "${field}"`, index);
	return typeof value === 'object' ? canonicalJson(value) : String(value);
}

/** FNV-1a: cheap, stable across processes and versions (unlike a JS engine's string hash). */
export function bucketOf(key: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < key.length; i++) {
		h ^= key.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return (h >>> 0) % BUCKETS;
}

function getPath(record: Record<string, unknown>, path: string): unknown {
	const direct = record[path];
	if (direct !== undefined || path in record) return direct;
	let value: unknown = record;
	for (const part of path.split('.')) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<string, unknown>)[part];
	}
	return value;
}

export class DeltaSync {
	private buckets?: Map<number, Record<string, string>>;
	private readonly seen = new Set<string>();
	/** Fingerprint changes waiting for `flush`, per bucket: hash, or null for a deletion. */
	private readonly staged = new Map<number, Map<string, string | null>>();
	private readonly stagedPending: string[] = [];
	/** Compared field names (sorted) per record shape, so most records cost no sorting or filtering. */
	private readonly shapes = new Map<string, string[]>();
	/** `"field":` per field name, the fixed part of every fingerprint. */
	private readonly labels = new Map<string, string>();
	private lastShape?: { names: string[]; fields: string[] };

	constructor(
		private readonly store: StateStore,
		readonly scope: string,
		private readonly config: DeltaConfig,
	) {}

	/** The record's key: one field's value, or a JSON array of several. Missing key → error naming the field. */
	keyOf(record: Record<string, unknown>, index: number): string {
		const { keyFields } = this.config;
		if (keyFields.length === 0) throw new DeltaKeyError('Key Fields is empty: name the field(s) that identify a record, e.g. sku', index);
		if (keyFields.length === 1) return keyPart(record, keyFields[0], index);
		return JSON.stringify(keyFields.map((field) => keyPart(record, field, index)));
	}

	private fieldsOf(record: Record<string, unknown>): string[] {
		const { compareMode, compareFields, keyFields } = this.config;
		if (compareMode === 'only') {
			let fields = this.shapes.get('');
			if (!fields) this.shapes.set('', (fields = [...compareFields].sort()));
			return fields;
		}
		// Records of one input nearly always share their field names in the same order: compare with the
		// last shape without allocating, and only build a shape key when it differs.
		const last = this.lastShape;
		if (last) {
			let i = 0;
			let same = true;
			for (const name in record) {
				if (name !== last.names[i++]) {
					same = false;
					break;
				}
			}
			if (same && i === last.names.length) return last.fields;
		}
		const names = Object.keys(record);
		const shape = names.join('\u0001');
		let fields = this.shapes.get(shape);
		if (!fields) {
			fields = names.filter((f) => !keyFields.includes(f) && !f.startsWith('_delta') && (compareMode === 'all' || !compareFields.includes(f))).sort();
			if (this.shapes.size < 1000) this.shapes.set(shape, fields);
		}
		this.lastShape = { names, fields };
		return fields;
	}

	private valueOf(record: Record<string, unknown>, field: string): JsonValue | undefined {
		let value = getPath(record, field) as JsonValue | undefined;
		if (this.config.looseEmpty) {
			if (typeof value === 'string') value = value.trim();
			if (value === '' || value === null) value = undefined;
		}
		return value;
	}

	/** The compared fields of a record, normalised, in a stable (sorted) order. */
	compared(record: Record<string, unknown>): Record<string, JsonValue> {
		const out: Record<string, JsonValue> = {};
		for (const field of this.fieldsOf(record)) {
			const value = this.valueOf(record, field);
			if (value !== undefined) out[field] = value;
		}
		return out;
	}

	/** Fingerprint of the compared fields, built without an intermediate object (this runs once per record). */
	fingerprint(record: Record<string, unknown>): string {
		let text = '';
		for (const field of this.fieldsOf(record)) {
			const value = this.valueOf(record, field);
			if (value === undefined) continue;
			let label = this.labels.get(field);
			if (label === undefined) this.labels.set(field, (label = `${JSON.stringify(field)}:`));
			text += label;
			// Length-prefixed strings need no escaping and cannot be confused with another split of the text.
			if (typeof value === 'string') text += `s${value.length}:${value}`;
			else if (typeof value === 'object' && value !== null) text += `j${canonicalJson(value)}`;
			else text += `${typeof value === 'number' ? 'n' : 'v'}${String(value)}`;
			text += ',';
		}
		return digest('sha1', text, 'base64').slice(0, 16);
	}

	private async loadBuckets(): Promise<Map<number, Record<string, string>>> {
		if (this.buckets) return this.buckets;
		const buckets = new Map<number, Record<string, string>>();
		let after: string | undefined;
		for (;;) {
			const page = await this.store.list<Record<string, string>>(ns(this.scope), { prefix: 'b:', after, limit: 1000 });
			for (const entry of page.items) buckets.set(Number.parseInt(entry.key.slice(2), 16), entry.value);
			if (!page.next) break;
			after = page.next;
		}
		this.buckets = buckets;
		return buckets;
	}

	/**
	 * Diffs one batch of records (call it once per batch; keys must be unique across the whole run).
	 * Records whose status is new or changed are written as pending unless `commit` is set, in which
	 * case they go straight into the snapshot.
	 */
	async diff(records: Array<Record<string, unknown>>, options: { commit?: boolean; firstIndex?: number } = {}): Promise<DiffResult[]> {
		const buckets = await this.loadBuckets();
		const firstIndex = options.firstIndex ?? 0;
		const results: DiffResult[] = [];
		const touched: Array<{ index: number; key: string; pending: Pending }> = [];
		for (let i = 0; i < records.length; i++) {
			const key = this.keyOf(records[i], firstIndex + i);
			if (this.seen.has(key)) throw new DeltaKeyError(`Item ${firstIndex + i} repeats key ${key}: each record must have its own key`, firstIndex + i);
			this.seen.add(key);
			const hash = this.fingerprint(records[i]);
			const committed = buckets.get(bucketOf(key))?.[key];
			const status: DiffStatus = committed === undefined ? 'new' : committed === hash ? 'unchanged' : 'changed';
			results.push({ status, key, hash });
			// Values are built only for the few records that are new or changed.
			if (status !== 'unchanged') touched.push({ index: i, key, pending: { h: hash, v: this.compared(records[i]) } });
		}
		const changed = touched.filter((t) => results[t.index].status === 'changed');
		const old = this.config.keepValues && changed.length > 0 ? await this.getValues(changed.map((t) => t.key)) : new Map<string, Record<string, JsonValue>>();
		for (const t of changed) results[t.index].changes = fieldChanges(old.get(t.key), t.pending.v ?? {});
		if (!this.config.keepValues) for (const t of touched) delete t.pending.v;
		if (options.commit) await this.stage(touched);
		else await this.writePending(touched);
		return results;
	}

	/** Committed keys not offered by any diff of this run (call after the last batch). Marked pending for deletion. */
	async *deleted(options: { commit?: boolean } = {}): AsyncGenerator<DeletedRecord[]> {
		const buckets = await this.loadBuckets();
		const batch: string[] = [];
		const flush = async (): Promise<DeletedRecord[]> => {
			const keys = batch.splice(0);
			const old = this.config.keepValues ? await this.getValues(keys) : new Map<string, Record<string, JsonValue>>();
			const pending = keys.map((key) => ({ key, pending: { h: null } as Pending }));
			if (options.commit) await this.stage(pending);
			else await this.writePending(pending);
			return keys.map((key) => ({ key, ...(old.has(key) ? { old: old.get(key) } : {}) }));
		};
		for (const bucket of [...buckets.keys()].sort((a, b) => a - b)) {
			for (const key of Object.keys(buckets.get(bucket) ?? {})) {
				if (this.seen.has(key)) continue;
				batch.push(key);
				if (batch.length >= BATCH) yield await flush();
			}
		}
		if (batch.length > 0) yield await flush();
	}

	/** Commits what diffs left pending for these keys. Keys without a pending entry are returned as missing. */
	async confirm(keys: string[]): Promise<{ confirmed: string[]; missing: string[] }> {
		const confirmed: string[] = [];
		const missing: string[] = [];
		for (let i = 0; i < keys.length; i += BATCH) {
			const chunk = [...new Set(keys.slice(i, i + BATCH))];
			const found = await this.store.getMany<Pending>(ns(this.scope), chunk.map(pendingKey));
			const pending: Array<{ key: string; pending: Pending }> = [];
			for (const key of chunk) {
				const entry = found.get(pendingKey(key));
				if (entry) pending.push({ key, pending: entry.value });
				else missing.push(key);
			}
			await this.stage(pending);
			this.stagedPending.push(...pending.map((p) => pendingKey(p.key)));
			confirmed.push(...pending.map((p) => p.key));
		}
		await this.flush();
		return { confirmed, missing };
	}

	private async getValues(keys: string[]): Promise<Map<string, Record<string, JsonValue>>> {
		const out = new Map<string, Record<string, JsonValue>>();
		for (let i = 0; i < keys.length; i += BATCH) {
			const chunk = keys.slice(i, i + BATCH);
			const found = await this.store.getMany<Record<string, JsonValue>>(valuesNs(this.scope), chunk);
			for (const key of chunk) {
				const entry = found.get(key);
				if (entry) out.set(key, entry.value);
			}
		}
		return out;
	}

	private async writePending(pending: Array<{ key: string; pending: Pending }>): Promise<void> {
		if (pending.length === 0) return;
		for (let i = 0; i < pending.length; i += BATCH) {
			await this.store.putMany(
				ns(this.scope),
				pending.slice(i, i + BATCH).map((p) => ({ key: pendingKey(p.key), value: p.pending })),
				{ ttlMs: PENDING_TTL_MS },
			);
		}
	}

	/**
	 * Takes entries into the snapshot: values are written now (a value without its fingerprint is never
	 * read), fingerprints are collected and written by `flush` in one pass over the buckets.
	 */
	private async stage(entries: Array<{ key: string; pending: Pending }>): Promise<void> {
		if (entries.length === 0) return;
		for (const { key, pending } of entries) {
			const bucket = bucketOf(key);
			let changes = this.staged.get(bucket);
			if (!changes) this.staged.set(bucket, (changes = new Map()));
			changes.set(key, pending.h);
		}
		if (this.config.keepValues) {
			const puts = entries.filter((e) => e.pending.h !== null && e.pending.v).map((e) => ({ key: e.key, value: e.pending.v }));
			for (let i = 0; i < puts.length; i += BATCH) await this.store.putMany(valuesNs(this.scope), puts.slice(i, i + BATCH));
			await this.expire(valuesNs(this.scope), entries.filter((e) => e.pending.h === null).map((e) => e.key));
		}
	}

	/** Writes the staged fingerprints (each changed bucket once, under the scope's lock) and drops confirmed pending entries. */
	async flush(): Promise<void> {
		if (this.staged.size > 0) {
			await this.withLock(async () => {
				const bucketIds = [...this.staged.keys()];
				const current = await this.store.getMany<Record<string, string>>(ns(this.scope), bucketIds.map(bucketKey));
				const writes = bucketIds.map((bucket) => {
					// The stored bucket, not the one read at the start: another commit may have changed it since.
					const fingerprints = { ...(current.get(bucketKey(bucket))?.value ?? {}) };
					for (const [key, hash] of this.staged.get(bucket) ?? []) {
						if (hash === null) delete fingerprints[key];
						else fingerprints[key] = hash;
					}
					this.buckets?.set(bucket, fingerprints);
					return { key: bucketKey(bucket), value: fingerprints };
				});
				await this.store.putMany(ns(this.scope), writes);
			});
			this.staged.clear();
		}
		await this.expire(ns(this.scope), this.stagedPending.splice(0));
	}

	/** Deletes many keys in few writes: the store has no batch delete, but entries past their expiry read as absent. */
	private async expire(namespace: string, keys: string[]): Promise<void> {
		for (let i = 0; i < keys.length; i += BATCH) {
			await this.store.putMany(
				namespace,
				keys.slice(i, i + BATCH).map((key) => ({ key, value: null })),
				{ ttlMs: 1 },
			);
		}
	}

	private async withLock<T>(fn: () => Promise<T>): Promise<T> {
		const owner = `${process.pid}:${Math.random().toString(36).slice(2)}`;
		const deadline = Date.now() + LOCK_TTL_MS;
		for (;;) {
			const taken = await this.store.compareAndSet(ns(this.scope), 'lock', null, { owner }, { ttlMs: LOCK_TTL_MS });
			if (taken.ok) break;
			if (Date.now() > deadline) throw new Error(`Delta Sync scope "${this.scope}" is locked by another commit for too long`);
			await sleep(50);
		}
		try {
			return await fn();
		} finally {
			const lock = await this.store.get<{ owner: string }>(ns(this.scope), 'lock');
			if (lock?.value.owner === owner) await this.store.delete(ns(this.scope), 'lock', { expectedVersion: lock.version });
		}
	}
}

function fieldChanges(old: Record<string, JsonValue> | undefined, current: Record<string, JsonValue>): FieldChange[] {
	if (!old) return Object.keys(current).map((field) => ({ field, old: null, new: current[field] }));
	const fields = [...new Set([...Object.keys(old), ...Object.keys(current)])];
	const out: FieldChange[] = [];
	for (const field of fields) {
		if (canonicalJson(old[field]) !== canonicalJson(current[field])) out.push({ field, old: old[field] ?? null, new: current[field] ?? null });
	}
	return out;
}
