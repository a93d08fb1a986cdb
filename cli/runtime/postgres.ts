/**
 * A throwaway PostgreSQL for tests and benchmarks: `ERP_INTEROP_TEST_PG_URL` when set (each run gets its own
 * schema, dropped afterwards), otherwise a private cluster made with initdb in a temp folder,
 * listening on 127.0.0.1 at a free port, stopped and removed by `stop()`. initdb refuses to run
 * as root, so as root the cluster runs as the `postgres` OS user. Missing server binaries are an
 * error, never a skipped test.
 */
import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { Client } from 'pg';

const run = promisify(execFile);

export interface ThrowawayPostgres {
	/** Connection settings for a store (`schema` is unique to this run). */
	connection: { host: string; port: number; database: string; user: string; password: string };
	schema: string;
	connectionString: string;
	stop(): Promise<void>;
}

function findBinDir(): string {
	const candidates: string[] = [];
	// An explicit folder is the only one tried.
	if (process.env.ERP_INTEROP_PG_BIN) candidates.push(process.env.ERP_INTEROP_PG_BIN);
	else if (existsSync('/usr/lib/postgresql')) {
		const versions = readdirSync('/usr/lib/postgresql')
			.filter((v) => /^\d+$/.test(v))
			.sort((a, b) => Number(b) - Number(a));
		candidates.push(...versions.map((v) => `/usr/lib/postgresql/${v}/bin`));
	}
	if (!process.env.ERP_INTEROP_PG_BIN) candidates.push('/usr/local/pgsql/bin', '/usr/bin');
	const found = candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
	if (!found) {
		throw new Error(
			'PostgreSQL server binaries (initdb, pg_ctl) were not found, so the PostgreSQL state store ' +
				'tests cannot run. Install them (Debian: apt-get install postgresql) or set ' +
				'ERP_INTEROP_PG_BIN to their folder, or point ERP_INTEROP_TEST_PG_URL at a server.',
		);
	}
	return found;
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a Postgres tool, as the postgres OS user when we are root. */
function asPostgres(bin: string, args: string[]): [string, string[]] {
	return isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
}

async function withExternal(url: string): Promise<ThrowawayPostgres> {
	const schema = `erp_interop_test_${randomBytes(4).toString('hex')}`;
	const parsed = new URL(url);
	return {
		connection: {
			host: decodeURIComponent(parsed.hostname),
			port: Number(parsed.port || 5432),
			database: decodeURIComponent(parsed.pathname.slice(1)) || 'postgres',
			user: decodeURIComponent(parsed.username) || 'postgres',
			password: decodeURIComponent(parsed.password),
		},
		schema,
		connectionString: url,
		async stop() {
			const client = new Client({ connectionString: url });
			await client.connect();
			try {
				await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
			} finally {
				await client.end();
			}
		},
	};
}

/** Starts a private server (or uses ERP_INTEROP_TEST_PG_URL) with a schema of its own; `stop()` removes both. */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
	const external = process.env.ERP_INTEROP_TEST_PG_URL;
	if (external) return await withExternal(external);

	const bin = findBinDir();
	const dir = mkdtempSync(join(tmpdir(), 'erp-interop-pg-'));
	const data = join(dir, 'data');
	const log = join(dir, 'server.log');
	if (isRoot()) {
		const uid = Number(spawnSync('id', ['-u', 'postgres']).stdout.toString().trim());
		const gid = Number(spawnSync('id', ['-g', 'postgres']).stdout.toString().trim());
		if (!Number.isInteger(uid) || uid <= 0) {
			rmSync(dir, { recursive: true, force: true });
			throw new Error('Running as root, but there is no "postgres" OS user to run initdb as');
		}
		chownSync(dir, uid, gid);
	}
	const pgCtl = join(bin, 'pg_ctl');
	const stopSync = () => {
		const [cmd, args] = asPostgres(pgCtl, ['-D', data, '-m', 'immediate', 'stop']);
		spawnSync(cmd, args, { stdio: 'ignore' });
		rmSync(dir, { recursive: true, force: true });
	};
	// If the test process dies without calling stop(), do not leave a server behind.
	process.once('exit', stopSync);

	try {
		const [initCmd, initArgs] = asPostgres(join(bin, 'initdb'), [
			'-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync',
		]);
		await run(initCmd, initArgs);
		let port = 0;
		for (let attempt = 0; ; attempt++) {
			port = await freePort();
			const options = [
				`-c listen_addresses=127.0.0.1 -c port=${port} -k ${dir}`,
				'-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100',
			].join(' ');
			const [cmd, args] = asPostgres(pgCtl, ['-D', data, '-l', log, '-o', options, '-w', '-t', '30', 'start']);
			const started = await run(cmd, args).then(
				() => true,
				() => false,
			);
			if (started) break;
			if (attempt >= 2) {
				const serverLog = existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : '';
				throw new Error(`The throwaway PostgreSQL server did not start:\n${serverLog}`);
			}
		}
		const schema = `erp_interop_test_${randomBytes(4).toString('hex')}`;
		const connection = { host: '127.0.0.1', port, database: 'postgres', user: 'postgres', password: '' };
		return {
			connection,
			schema,
			connectionString: `postgres://postgres@127.0.0.1:${port}/postgres`,
			async stop() {
				process.removeListener('exit', stopSync);
				const [cmd, args] = asPostgres(pgCtl, ['-D', data, '-m', 'fast', 'stop']);
				await run(cmd, args).catch(() => undefined);
				rmSync(dir, { recursive: true, force: true });
			},
		};
	} catch (error) {
		process.removeListener('exit', stopSync);
		stopSync();
		throw error;
	}
}
