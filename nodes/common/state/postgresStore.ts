/**
 * The PostgreSQL store, for n8n queue mode (several workers) and anyone who prefers a database;
 * it can live in n8n's own Postgres server. Every operation is one statement (autocommit), so
 * concurrency comes from Postgres row locks: CAS is `UPDATE ... WHERE version = $n` or
 * `INSERT ... ON CONFLICT`, counters are an upsert that adds and returns, and a log entry takes
 * its seq from a per-log head row in the same statement (so entries commit in seq order).
 * Tables are created on first use in the configured schema with the `erp_interop_` prefix.
 */
import { Pool, type PoolConfig, type QueryResultRow } from 'pg';

import type {
	AppendOptions,
	CasResult,
	Clock,
	DeleteOptions,
	JsonValue,
	KeyEntry,
	ListOptions,
	ListQueueOptions,
	LogEntry,
	NewQueueItem,
	Page,
	PostgresStoreConfig,
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
	encodeJson,
	hashConfig,
	parseQueueId,
	prepareBatch,
	systemClock,
	toIso,
} from './util';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,40}$/;

interface SharedPool {
	pool: Pool;
	refs: number;
	/** Schema set-up, once per schema and prefix. */
	schemas: Map<string, Promise<void>>;
}

const pools = new Map<string, SharedPool>();

function poolConfig(config: PostgresStoreConfig): PoolConfig {
	const ssl =
		config.ssl === 'require'
			? { rejectUnauthorized: true }
			: config.ssl === 'no-verify'
				? { rejectUnauthorized: false }
				: undefined;
	const base: PoolConfig = {
		max: config.poolSize ?? 5,
		idleTimeoutMillis: 30_000,
		connectionTimeoutMillis: 10_000,
		application_name: 'n8n-nodes-erp-interop',
		// Pooled idle connections must not keep the n8n process (or a CLI run) alive.
		allowExitOnIdle: true,
	};
	if (ssl) base.ssl = ssl;
	if (config.connectionString) return { ...base, connectionString: config.connectionString };
	return {
		...base,
		host: config.host ?? 'localhost',
		port: config.port ?? 5432,
		database: config.database ?? 'postgres',
		user: config.user ?? 'postgres',
		password: config.password ?? '',
	};
}

function acquirePool(config: PostgresStoreConfig): { shared: SharedPool; key?: string } {
	const options = poolConfig(config);
	if (config.sharePool === false) {
		return { shared: { pool: createPool(options), refs: 1, schemas: new Map() } };
	}
	const key = hashConfig(options);
	let shared = pools.get(key);
	if (!shared) {
		shared = { pool: createPool(options), refs: 0, schemas: new Map() };
		pools.set(key, shared);
	}
	shared.refs++;
	return { shared, key };
}

function createPool(options: PoolConfig): Pool {
	const pool = new Pool(options);
	// An idle client losing its connection (server restart) must not crash the n8n process;
	// the pool drops it and the next query opens a new one.
	pool.on('error', () => undefined);
	return pool;
}

const num = (value: unknown): number => {
	const n = Number(value);
	if (!Number.isSafeInteger(n)) {
		throw new StateStoreError(`Value ${String(value)} is outside the safe integer range`, 'COUNTER_OVERFLOW');
	}
	return n;
};

const iso = (value: unknown): string => (value instanceof Date ? value : new Date(String(value))).toISOString();

export class PostgresStateStore implements StateStore {
	readonly backend = 'postgres' as const;
	private readonly shared: SharedPool;
	private readonly poolKey?: string;
	private readonly clock: Clock;
	private readonly schemaName: string;
	private readonly t: {
		kv: string;
		counters: string;
		logHeads: string;
		logs: string;
		queue: string;
		versionSeq: string;
		queueSeq: string;
		meta: string;
	};
	private readonly prefix: string;
	private closed = false;

	constructor(config: Omit<PostgresStoreConfig, 'backend'> & { backend?: 'postgres' }) {
		const schema = config.schema || 'public';
		const prefix = config.tablePrefix ?? 'erp_interop_';
		if (!IDENTIFIER.test(schema)) {
			throw new StateStoreError(`Invalid schema name "${schema}"`, 'CONFIG');
		}
		if (prefix !== '' && !IDENTIFIER.test(prefix)) {
			throw new StateStoreError(`Invalid table prefix "${prefix}"`, 'CONFIG');
		}
		this.schemaName = schema;
		this.prefix = prefix;
		const q = (name: string) => `"${schema}"."${prefix}${name}"`;
		this.t = {
			kv: q('kv'),
			counters: q('counters'),
			logHeads: q('log_heads'),
			logs: q('logs'),
			queue: q('queue'),
			versionSeq: q('version_seq'),
			queueSeq: q('queue_id_seq'),
			meta: q('meta'),
		};
		this.clock = config.clock ?? systemClock;
		const { shared, key } = acquirePool({ ...config, backend: 'postgres' });
		this.shared = shared;
		this.poolKey = key;
	}

	private ensureSchema(): Promise<void> {
		const id = `${this.schemaName}.${this.prefix}`;
		let ready = this.shared.schemas.get(id);
		if (!ready) {
			ready = this.createSchema();
			// A failed set-up (server down) is retried by the next operation.
			ready.catch(() => this.shared.schemas.delete(id));
			this.shared.schemas.set(id, ready);
		}
		return ready;
	}

	private async createSchema(): Promise<void> {
		const { t } = this;
		const index = (name: string) => `"${this.prefix}${name}"`;
		const client = await this.shared.pool.connect();
		let failure: unknown;
		try {
			await client.query('BEGIN');
			// Concurrent CREATE ... IF NOT EXISTS from several workers can still collide in the catalog.
			await client.query("SELECT pg_advisory_xact_lock(hashtext('n8n-nodes-erp-interop:schema'))");
			// CREATE SCHEMA IF NOT EXISTS needs CREATE on the database even when the schema exists, so a
			// role that only owns its schema must not be asked for it.
			const schema = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [this.schemaName]);
			if (schema.rowCount === 0) await client.query(`CREATE SCHEMA IF NOT EXISTS "${this.schemaName}"`);
			await client.query(`CREATE SEQUENCE IF NOT EXISTS ${t.versionSeq}`);
			await client.query(`CREATE SEQUENCE IF NOT EXISTS ${t.queueSeq}`);
			await client.query(`CREATE TABLE IF NOT EXISTS ${t.meta} (name text PRIMARY KEY, value text NOT NULL)`);
			await client.query(
				`CREATE TABLE IF NOT EXISTS ${t.kv} (
					ns text COLLATE "C" NOT NULL,
					key text COLLATE "C" NOT NULL,
					value json NOT NULL,
					version bigint NOT NULL,
					updated_at timestamptz NOT NULL,
					expires_at timestamptz,
					PRIMARY KEY (ns, key))`,
			);
			await client.query(
				`CREATE INDEX IF NOT EXISTS ${index('kv_expires')} ON ${t.kv} (expires_at) WHERE expires_at IS NOT NULL`,
			);
			await client.query(
				`CREATE TABLE IF NOT EXISTS ${t.counters} (
					name text COLLATE "C" PRIMARY KEY,
					value bigint NOT NULL,
					updated_at timestamptz NOT NULL)`,
			);
			await client.query(
				`CREATE TABLE IF NOT EXISTS ${t.logHeads} (log text COLLATE "C" PRIMARY KEY, seq bigint NOT NULL)`,
			);
			await client.query(
				`CREATE TABLE IF NOT EXISTS ${t.logs} (
					log text COLLATE "C" NOT NULL,
					seq bigint NOT NULL,
					at timestamptz NOT NULL,
					entry json NOT NULL,
					PRIMARY KEY (log, seq))`,
			);
			await client.query(
				`CREATE TABLE IF NOT EXISTS ${t.queue} (
					queue text COLLATE "C" NOT NULL,
					id bigint NOT NULL,
					key text COLLATE "C",
					status text NOT NULL CHECK (status IN ('open', 'replayed', 'resolved')),
					attempts integer NOT NULL,
					payload json NOT NULL,
					meta json,
					version bigint NOT NULL,
					created_at timestamptz NOT NULL,
					updated_at timestamptz NOT NULL,
					PRIMARY KEY (queue, id))`,
			);
			await client.query(`CREATE INDEX IF NOT EXISTS ${index('queue_status')} ON ${t.queue} (queue, status, id)`);
			await client.query(
				`CREATE INDEX IF NOT EXISTS ${index('queue_key')} ON ${t.queue} (queue, key, id) WHERE key IS NOT NULL`,
			);
			await client.query(
				`INSERT INTO ${t.meta} (name, value) VALUES ('schema_version', '1') ON CONFLICT (name) DO NOTHING`,
			);
			await client.query('COMMIT');
		} catch (error) {
			failure = error;
			await client.query('ROLLBACK').catch(() => undefined);
		} finally {
			client.release(failure !== undefined);
		}
		if (failure !== undefined) throw failure;
	}

	private async query<R extends QueryResultRow>(text: string, values: unknown[]): Promise<R[]> {
		if (this.closed) throw new StateStoreError('The state store is closed', 'CLOSED');
		await this.ensureSchema();
		const result = await this.shared.pool.query<R>(text, values);
		return result.rows;
	}

	private now(): Date {
		return this.clock();
	}

	private expiry(options: WriteOptions | undefined, now: Date): Date | null {
		const ttl = checkTtl(options?.ttlMs);
		return ttl === undefined ? null : new Date(now.getTime() + ttl);
	}

	private static versioned<T>(row: KvRow): VersionedValue<T> {
		const result: VersionedValue<T> = { value: row.value as T, version: num(row.version), updatedAt: iso(row.updated_at) };
		if (row.expires_at !== null) result.expiresAt = iso(row.expires_at);
		return result;
	}

	async get<T = JsonValue>(ns: string, key: string): Promise<VersionedValue<T> | undefined> {
		checkName('namespace', ns);
		checkKey(key);
		const rows = await this.query<KvRow>(
			`SELECT value, version, updated_at, expires_at FROM ${this.t.kv}
			 WHERE ns = $1 AND key = $2 AND (expires_at IS NULL OR expires_at > $3)`,
			[ns, key, this.now()],
		);
		return rows[0] ? PostgresStateStore.versioned<T>(rows[0]) : undefined;
	}

	async getMany<T = JsonValue>(ns: string, keys: string[]): Promise<Map<string, VersionedValue<T>>> {
		checkName('namespace', ns);
		checkKeys(keys);
		const found = new Map<string, VersionedValue<T>>();
		if (keys.length === 0) return found;
		const rows = await this.query<KvRow & { key: string }>(
			`SELECT key, value, version, updated_at, expires_at FROM ${this.t.kv}
			 WHERE ns = $1 AND key = ANY($2::text[]) AND (expires_at IS NULL OR expires_at > $3)`,
			[ns, keys, this.now()],
		);
		for (const row of rows) found.set(row.key, PostgresStateStore.versioned<T>(row));
		return found;
	}

	async putMany(
		ns: string,
		entries: Array<{ key: string; value: unknown }>,
		options?: WriteOptions,
	): Promise<number[]> {
		checkName('namespace', ns);
		const batch = prepareBatch(entries);
		const now = this.now();
		const expires = this.expiry(options, now);
		if (batch.size === 0) return [];
		// One statement: atomic, and duplicates were folded (ON CONFLICT may touch a row only once).
		const rows = await this.query<{ key: string; version: string }>(
			`INSERT INTO ${this.t.kv} (ns, key, value, version, updated_at, expires_at)
			 SELECT $1, b.key, b.value::json, nextval('${this.t.versionSeq}'), $4, $5
			 FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS b(key, value, i) ORDER BY b.i
			 ON CONFLICT (ns, key) DO UPDATE SET value = EXCLUDED.value, version = EXCLUDED.version,
			   updated_at = EXCLUDED.updated_at, expires_at = EXCLUDED.expires_at
			 RETURNING key, version`,
			[ns, [...batch.keys()], [...batch.values()], now, expires],
		);
		const versions = new Map(rows.map((row) => [row.key, num(row.version)]));
		return entries.map(({ key }) => versions.get(key) as number);
	}

	async put(ns: string, key: string, value: unknown, options?: WriteOptions): Promise<number> {
		checkName('namespace', ns);
		checkKey(key);
		const json = encodeJson(value);
		const now = this.now();
		const rows = await this.query<{ version: string }>(
			`INSERT INTO ${this.t.kv} (ns, key, value, version, updated_at, expires_at)
			 VALUES ($1, $2, $3, nextval('${this.t.versionSeq}'), $4, $5)
			 ON CONFLICT (ns, key) DO UPDATE SET value = EXCLUDED.value, version = EXCLUDED.version,
			   updated_at = EXCLUDED.updated_at, expires_at = EXCLUDED.expires_at
			 RETURNING version`,
			[ns, key, json, now, this.expiry(options, now)],
		);
		return num(rows[0].version);
	}

	async compareAndSet(
		ns: string,
		key: string,
		expectedVersion: number | null,
		value: unknown,
		options?: WriteOptions,
	): Promise<CasResult> {
		checkName('namespace', ns);
		checkKey(key);
		if (expectedVersion !== null) checkSafeInteger('expectedVersion', expectedVersion, 1);
		const json = encodeJson(value);
		const now = this.now();
		const expires = this.expiry(options, now);
		const rows =
			expectedVersion === null
				? await this.query<{ version: string }>(
						// Inserts, or replaces an expired entry; a live one makes the WHERE false: no row.
						`INSERT INTO ${this.t.kv} AS t (ns, key, value, version, updated_at, expires_at)
						 VALUES ($1, $2, $3, nextval('${this.t.versionSeq}'), $4, $5)
						 ON CONFLICT (ns, key) DO UPDATE SET value = EXCLUDED.value, version = EXCLUDED.version,
						   updated_at = EXCLUDED.updated_at, expires_at = EXCLUDED.expires_at
						 WHERE t.expires_at IS NOT NULL AND t.expires_at <= $4
						 RETURNING version`,
						[ns, key, json, now, expires],
					)
				: await this.query<{ version: string }>(
						`UPDATE ${this.t.kv} SET value = $3, version = nextval('${this.t.versionSeq}'),
						   updated_at = $4, expires_at = $5
						 WHERE ns = $1 AND key = $2 AND version = $6 AND (expires_at IS NULL OR expires_at > $4)
						 RETURNING version`,
						[ns, key, json, now, expires, expectedVersion],
					);
		if (rows[0]) return { ok: true, version: num(rows[0].version) };
		const current = await this.get(ns, key);
		return { ok: false, version: current ? current.version : null };
	}

	async delete(ns: string, key: string, options?: DeleteOptions): Promise<boolean> {
		checkName('namespace', ns);
		checkKey(key);
		const expected = options?.expectedVersion;
		if (expected !== undefined) checkSafeInteger('expectedVersion', expected, 1);
		const now = this.now();
		const rows =
			expected === undefined
				? await this.query<{ live: boolean }>(
						`DELETE FROM ${this.t.kv} WHERE ns = $1 AND key = $2
						 RETURNING (expires_at IS NULL OR expires_at > $3) AS live`,
						[ns, key, now],
					)
				: await this.query<{ live: boolean }>(
						`DELETE FROM ${this.t.kv}
						 WHERE ns = $1 AND key = $2 AND version = $4 AND (expires_at IS NULL OR expires_at > $3)
						 RETURNING true AS live`,
						[ns, key, now, expected],
					);
		return rows[0]?.live === true;
	}

	async list<T = JsonValue>(ns: string, options: ListOptions = {}): Promise<Page<KeyEntry<T>>> {
		checkName('namespace', ns);
		const limit = checkLimit(options.limit);
		const prefix = options.prefix ?? '';
		const rows = await this.query<KvRow & { key: string }>(
			`SELECT key, value, version, updated_at, expires_at FROM ${this.t.kv}
			 WHERE ns = $1 AND key >= $2 AND starts_with(key, $2) AND ($3::text IS NULL OR key > $3)
			   AND (expires_at IS NULL OR expires_at > $4)
			 ORDER BY key LIMIT $5`,
			[ns, prefix, options.after ?? null, this.now(), limit + 1],
		);
		const items = rows.slice(0, limit).map((row) => ({ key: row.key, ...PostgresStateStore.versioned<T>(row) }));
		return rows.length > limit ? { items, next: items[items.length - 1].key } : { items };
	}

	async purgeExpired(ns?: string): Promise<number> {
		if (ns !== undefined) checkName('namespace', ns);
		const rows = await this.query<{ n: string }>(
			`WITH gone AS (DELETE FROM ${this.t.kv}
			   WHERE expires_at IS NOT NULL AND expires_at <= $1 AND ($2::text IS NULL OR ns = $2) RETURNING 1)
			 SELECT count(*) AS n FROM gone`,
			[this.now(), ns ?? null],
		);
		return num(rows[0].n);
	}

	async increment(counter: string, by = 1): Promise<number> {
		checkName('counter', counter);
		checkSafeInteger('Increment', by, 1);
		const rows = await this.query<{ value: string }>(
			`INSERT INTO ${this.t.counters} AS c (name, value, updated_at) VALUES ($1, $2, $3)
			 ON CONFLICT (name) DO UPDATE SET value = c.value + EXCLUDED.value, updated_at = EXCLUDED.updated_at
			 RETURNING value`,
			[counter, by, this.now()],
		);
		return num(rows[0].value);
	}

	async getCounter(counter: string): Promise<number> {
		checkName('counter', counter);
		const rows = await this.query<{ value: string }>(`SELECT value FROM ${this.t.counters} WHERE name = $1`, [
			counter,
		]);
		return rows[0] ? num(rows[0].value) : 0;
	}

	async setCounter(counter: string, value: number): Promise<void> {
		checkName('counter', counter);
		checkSafeInteger('Counter value', value, 0);
		await this.query(
			`INSERT INTO ${this.t.counters} (name, value, updated_at) VALUES ($1, $2, $3)
			 ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at`,
			[counter, value, this.now()],
		);
	}

	async append(log: string, entry: unknown, options?: AppendOptions): Promise<number> {
		checkName('log', log);
		const json = encodeJson(entry);
		const at = toIso(options?.at, this.clock);
		// The head row stays locked until the statement commits, so seqs commit in order and a
		// reader paging with `after` never skips an entry that commits later.
		const rows = await this.query<{ seq: string }>(
			`WITH head AS (
			   INSERT INTO ${this.t.logHeads} AS h (log, seq) VALUES ($1, 1)
			   ON CONFLICT (log) DO UPDATE SET seq = h.seq + 1 RETURNING seq)
			 INSERT INTO ${this.t.logs} (log, seq, at, entry) SELECT $1, seq, $2, $3 FROM head RETURNING seq`,
			[log, at, json],
		);
		return num(rows[0].seq);
	}

	async readLog<T = JsonValue>(log: string, options: ReadLogOptions = {}): Promise<Page<LogEntry<T>, number>> {
		checkName('log', log);
		const limit = checkLimit(options.limit);
		const after = checkSafeInteger('after', options.after ?? 0, 0);
		const rows = await this.query<{ seq: string; at: Date; entry: T }>(
			`SELECT seq, at, entry FROM ${this.t.logs} WHERE log = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
			[log, after, limit + 1],
		);
		const items = rows.slice(0, limit).map((row) => ({ seq: num(row.seq), at: iso(row.at), entry: row.entry }));
		return rows.length > limit ? { items, next: items[items.length - 1].seq } : { items };
	}

	private static item<T>(row: QueueRow): QueueItem<T> {
		const item: QueueItem<T> = {
			id: String(row.id),
			queue: row.queue,
			status: row.status,
			attempts: row.attempts,
			payload: row.payload as T,
			version: num(row.version),
			createdAt: iso(row.created_at),
			updatedAt: iso(row.updated_at),
		};
		if (row.key !== null) item.key = row.key;
		if (row.meta !== null) item.meta = row.meta;
		return item;
	}

	async enqueue(queue: string, item: NewQueueItem): Promise<string> {
		checkName('queue', queue);
		const payload = encodeJson(item.payload);
		const meta = item.meta === undefined || item.meta === null ? null : encodeJson(item.meta);
		const status = checkStatus(item.status ?? 'open');
		const attempts = checkSafeInteger('attempts', item.attempts ?? 0, 0);
		if (item.key !== undefined) checkKey(item.key);
		const now = this.now();
		const rows = await this.query<{ id: string }>(
			`INSERT INTO ${this.t.queue} (queue, id, key, status, attempts, payload, meta, version, created_at, updated_at)
			 SELECT $1, id, $2, $3, $4, $5, $6, nextval('${this.t.versionSeq}'), $7, $7
			 FROM (SELECT nextval('${this.t.queueSeq}') AS id) AS s
			 RETURNING id`,
			[queue, item.key ?? null, status, attempts, payload, meta, now],
		);
		return String(rows[0].id);
	}

	async getQueueItem<T = JsonValue>(queue: string, id: string): Promise<QueueItem<T> | undefined> {
		checkName('queue', queue);
		const n = parseQueueId(id);
		if (n === undefined) return undefined;
		const rows = await this.query<QueueRow>(`SELECT * FROM ${this.t.queue} WHERE queue = $1 AND id = $2`, [
			queue,
			n,
		]);
		return rows[0] ? PostgresStateStore.item<T>(rows[0]) : undefined;
	}

	async listQueue<T = JsonValue>(queue: string, options: ListQueueOptions = {}): Promise<Page<QueueItem<T>>> {
		checkName('queue', queue);
		const limit = checkLimit(options.limit);
		const status = options.status === undefined ? null : checkStatus(options.status);
		const after = options.after === undefined ? 0 : parseQueueId(options.after);
		if (after === undefined) throw new StateStoreError('after must be a queue item id', 'INVALID_ARGUMENT');
		const rows = await this.query<QueueRow>(
			`SELECT * FROM ${this.t.queue}
			 WHERE queue = $1 AND id > $2 AND ($3::text IS NULL OR status = $3) AND ($4::text IS NULL OR key = $4)
			 ORDER BY id LIMIT $5`,
			[queue, after, status, options.key ?? null, limit + 1],
		);
		const items = rows.slice(0, limit).map((row) => PostgresStateStore.item<T>(row));
		return rows.length > limit ? { items, next: items[items.length - 1].id } : { items };
	}

	async updateQueueItem<T = JsonValue>(
		queue: string,
		id: string,
		patch: QueueItemPatch,
	): Promise<QueueItem<T> | undefined> {
		checkName('queue', queue);
		const status = patch.status === undefined ? null : checkStatus(patch.status);
		const ifStatus = patch.ifStatus === undefined ? null : checkStatus(patch.ifStatus);
		if (patch.attempts !== undefined) checkSafeInteger('attempts', patch.attempts, 0);
		if (patch.addAttempts !== undefined) checkSafeInteger('addAttempts', patch.addAttempts, 0);
		if (patch.ifVersion !== undefined) checkSafeInteger('ifVersion', patch.ifVersion, 1);
		const payload = patch.payload === undefined ? null : encodeJson(patch.payload);
		const meta = patch.meta === undefined || patch.meta === null ? null : encodeJson(patch.meta);
		const n = parseQueueId(id);
		if (n === undefined) return undefined;
		const rows = await this.query<QueueRow>(
			`UPDATE ${this.t.queue} SET
			   status = COALESCE($3::text, status),
			   attempts = COALESCE($4::integer, attempts) + $5::integer,
			   payload = COALESCE($6::json, payload),
			   meta = CASE WHEN $7::boolean THEN $8::json ELSE meta END,
			   version = nextval('${this.t.versionSeq}'),
			   updated_at = $9
			 WHERE queue = $1 AND id = $2 AND ($10::text IS NULL OR status = $10) AND ($11::bigint IS NULL OR version = $11)
			 RETURNING *`,
			[
				queue,
				n,
				status,
				patch.attempts ?? null,
				patch.addAttempts ?? 0,
				payload,
				patch.meta !== undefined,
				meta,
				this.now(),
				ifStatus,
				patch.ifVersion ?? null,
			],
		);
		return rows[0] ? PostgresStateStore.item<T>(rows[0]) : undefined;
	}

	async close(): Promise<void> {
		if (this.closed) return;
		this.closed = true;
		this.shared.refs--;
		if (this.shared.refs > 0) return;
		if (this.poolKey !== undefined && pools.get(this.poolKey) === this.shared) pools.delete(this.poolKey);
		await this.shared.pool.end();
	}
}

interface KvRow extends QueryResultRow {
	value: JsonValue;
	version: string;
	updated_at: Date;
	expires_at: Date | null;
}

interface QueueRow extends QueryResultRow {
	queue: string;
	id: string;
	key: string | null;
	status: QueueStatus;
	attempts: number;
	payload: JsonValue;
	meta: JsonValue | null;
	version: string;
	created_at: Date;
	updated_at: Date;
}
