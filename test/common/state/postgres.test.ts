import { Client } from 'pg';

import { PostgresStateStore, stateStoreCredentialTest, StateStoreError } from '../../../nodes/common/state';
import { startTestPostgres, type TestPostgres } from '../../helpers/postgres';
import { stateStoreContract } from './contract';

let pg: TestPostgres;
beforeAll(async () => {
	pg = await startTestPostgres();
}, 60_000);
afterAll(async () => {
	await pg?.stop();
});

async function sql<T>(text: string, values: unknown[] = []): Promise<T[]> {
	const client = new Client(pg.connection);
	await client.connect();
	try {
		return (await client.query(text, values)).rows as T[];
	} finally {
		await client.end();
	}
}

describe('postgres state store: contract', () => {
	// Every open() has its own pool, like another worker process.
	stateStoreContract(() => ({
		open: async (clock) => new PostgresStateStore({ ...pg.connection, schema: pg.schema, clock, sharePool: false }),
	}));
});

describe('postgres state store: schema and pools', () => {
	it('creates its tables once, safely when several pools start on a fresh schema at the same time', async () => {
		const schema = `${pg.schema}_fresh`;
		const stores = [1, 2, 3, 4].map(
			() => new PostgresStateStore({ ...pg.connection, schema, sharePool: false }),
		);
		try {
			const values = await Promise.all(stores.map((store) => store.increment('boot')));
			expect([...values].sort()).toEqual([1, 2, 3, 4]);
			const tables = await sql<{ table_name: string }>(
				'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
				[schema],
			);
			expect(tables.map((t) => t.table_name)).toEqual([
				'erp_interop_counters',
				'erp_interop_kv',
				'erp_interop_log_heads',
				'erp_interop_logs',
				'erp_interop_meta',
				'erp_interop_queue',
			]);
			const [version] = await sql<{ value: string }>(
				`SELECT value FROM "${schema}".erp_interop_meta WHERE name = 'schema_version'`,
			);
			expect(version.value).toBe('1');
		} finally {
			await Promise.all(stores.map(async (store) => await store.close()));
			await sql(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
		}
	});

	it('works for a role that owns its schema but may not create schemas in the database', async () => {
		const role = `erp_interop_owner_${process.pid}`;
		const schema = `${pg.schema}_owned`;
		await sql(`CREATE ROLE ${role} LOGIN PASSWORD 'owner-pw'`);
		await sql(`CREATE SCHEMA "${schema}" AUTHORIZATION ${role}`);
		// A new role has no CREATE on the database (PostgreSQL grants PUBLIC only CONNECT and TEMP).
		const store = new PostgresStateStore({ ...pg.connection, user: role, password: 'owner-pw', schema, sharePool: false });
		try {
			await store.put('ns', 'k', { v: 1 });
			expect((await store.get('ns', 'k'))?.value).toEqual({ v: 1 });
		} finally {
			await store.close();
			await sql(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
			await sql(`DROP ROLE IF EXISTS ${role}`);
		}
	});

	it('shares one pool between stores with the same settings until the last one closes', async () => {
		const a = new PostgresStateStore({ ...pg.connection, schema: pg.schema });
		const b = new PostgresStateStore({ ...pg.connection, schema: pg.schema });
		await a.put('pool', 'k', 1);
		const before = await sql<{ n: string }>(
			"SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'n8n-nodes-erp-interop'",
		);
		await Promise.all([1, 2, 3, 4, 5, 6].map((i) => b.put('pool', `k${i}`, i)));
		await a.close();
		expect((await b.get('pool', 'k6'))?.value).toBe(6);
		await b.close();
		await expect(b.get('pool', 'k')).rejects.toMatchObject({ code: 'CLOSED' });
		// One pool (at most poolSize = 5 connections) served both stores.
		expect(Number(before[0].n)).toBeLessThanOrEqual(5);
		const after = await sql<{ n: string }>(
			"SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'n8n-nodes-erp-interop'",
		);
		expect(Number(after[0].n)).toBe(0);
	});

	it('rejects a schema name or table prefix that is not a plain identifier', () => {
		expect(() => new PostgresStateStore({ ...pg.connection, schema: 'x"; DROP TABLE y; --' })).toThrow(StateStoreError);
		expect(() => new PostgresStateStore({ ...pg.connection, tablePrefix: 'a-b' })).toThrow(/prefix/);
	});

	it('stores values as JSON text, keys in C collation, and versions as bigint', async () => {
		const store = new PostgresStateStore({ ...pg.connection, schema: pg.schema, sharePool: false });
		try {
			await store.put('raw', 'k', { b: 1, a: [true, null] });
			const [row] = await sql<{ value: string; version: string }>(
				`SELECT value::text AS value, version FROM "${pg.schema}".erp_interop_kv WHERE ns = 'raw' AND key = 'k'`,
			);
			expect(row.value).toBe('{"b":1,"a":[true,null]}');
			expect(Number(row.version)).toBeGreaterThan(0);
		} finally {
			await store.close();
		}
	});

	it('passes the credential test against a live server and fails cleanly against a closed port', async () => {
		const data = {
			backend: 'postgres',
			host: pg.connection.host,
			port: pg.connection.port,
			database: pg.connection.database,
			user: pg.connection.user,
			password: pg.connection.password,
			ssl: 'disable',
			schema: pg.schema,
		};
		const ok = await stateStoreCredentialTest.call(undefined, { id: '1', name: 'pg', type: 'interopStateStore', data });
		expect(ok).toEqual({ status: 'OK', message: expect.stringContaining('PostgreSQL') });

		const wrong = { ...data, port: 1, password: 'hunter2-secret' };
		const failed = await stateStoreCredentialTest.call(undefined, {
			id: '1',
			name: 'pg',
			type: 'interopStateStore',
			data: wrong,
		});
		expect(failed.status).toBe('Error');
		expect(failed.message).toMatch(/ECONNREFUSED|connect/);
		expect(failed.message).not.toContain('hunter2-secret');
	});
});
