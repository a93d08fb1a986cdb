/**
 * A throwaway Redis for queue-mode tests (n8n's Bull queue): `ERP_INTEROP_TEST_REDIS_URL` when set
 * (each run gets its own key prefix, whose keys are deleted afterwards), otherwise a private
 * `redis-server` on 127.0.0.1 at a free port, without persistence, stopped and removed by `stop()`.
 * A missing redis-server is an error, never a skipped test.
 */
import { type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

import { freePort } from './ports';
import { killGroup, spawnTracked } from './processes';

export interface ThrowawayRedis {
	host: string;
	port: number;
	/** Redis database number. */
	db: number;
	/** A key prefix unique to this run (n8n's `QUEUE_BULL_PREFIX`). */
	prefix: string;
	url: string;
	stop(): Promise<void>;
}

/** `redis-server` from ERP_INTEROP_REDIS_BIN (a folder), PATH or /usr/bin, else undefined. */
export function findRedisServer(env: NodeJS.ProcessEnv = process.env): string | undefined {
	const dirs = env.ERP_INTEROP_REDIS_BIN ? [env.ERP_INTEROP_REDIS_BIN] : [...(env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/local/bin'];
	return dirs.filter(Boolean).map((dir) => join(dir, 'redis-server')).find((path) => existsSync(path));
}

const encode = (args: string[]): string => `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;

/**
 * Sends one command in RESP and returns the first reply line (`+PONG`, `:3`, `-ERR ...`). Enough for
 * PING, SELECT-free EVAL and SHUTDOWN; no client library needed.
 */
export function redisCommand(host: string, port: number, args: string[], options: { db?: number; timeoutMs?: number } = {}): Promise<string> {
	return new Promise((resolve, reject) => {
		const socket = connect({ host, port });
		let buffer = '';
		let expected = options.db ? 2 : 1;
		const timer = setTimeout(() => {
			socket.destroy();
			reject(new Error(`redis ${args[0]}: no answer from ${host}:${port}`));
		}, options.timeoutMs ?? 2000);
		socket.setEncoding('utf8');
		socket.once('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		socket.on('data', (chunk: string) => {
			buffer += chunk;
			let newline: number;
			while ((newline = buffer.indexOf('\r\n')) >= 0) {
				const line = buffer.slice(0, newline);
				buffer = buffer.slice(newline + 2);
				if (--expected > 0) continue; // the SELECT's +OK
				clearTimeout(timer);
				socket.end();
				resolve(line);
				return;
			}
		});
		socket.once('close', () => {
			clearTimeout(timer);
			if (expected > 0) resolve(''); // SHUTDOWN closes without a reply
		});
		socket.write((options.db ? encode(['SELECT', String(options.db)]) : '') + encode(args));
	});
}

async function waitForPong(host: string, port: number, child: ChildProcess | undefined, timeoutMs: number, output: () => string): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (child && (child.exitCode !== null || child.signalCode !== null)) {
			throw new Error(`redis-server exited (${child.exitCode ?? child.signalCode}):\n${output().slice(-2000)}`);
		}
		const reply = await redisCommand(host, port, ['PING'], { timeoutMs: 1000 }).catch(() => '');
		if (reply === '+PONG') return;
		if (Date.now() > deadline) throw new Error(`redis-server on ${host}:${port} did not answer PING:\n${output().slice(-2000)}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

/** Deletes the keys under a prefix (an external server is left as it was found). */
const DELETE_PREFIX = "local n = 0 for _, k in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', k) n = n + 1 end return n";

function withExternal(url: string): ThrowawayRedis {
	const parsed = new URL(url);
	if (parsed.protocol !== 'redis:') throw new Error(`ERP_INTEROP_TEST_REDIS_URL must be redis://host:port[/db], not ${parsed.protocol}`);
	const host = parsed.hostname || '127.0.0.1';
	const port = Number(parsed.port || 6379);
	const db = Number(parsed.pathname.slice(1) || 0);
	const prefix = `erp-interop-test-${randomBytes(4).toString('hex')}`;
	return {
		host,
		port,
		db,
		prefix,
		url,
		async stop() {
			await redisCommand(host, port, ['EVAL', DELETE_PREFIX, '0', `${prefix}*`], { db }).catch(() => undefined);
		},
	};
}

/** Starts a private redis-server (or uses ERP_INTEROP_TEST_REDIS_URL); `stop()` removes it. */
export async function startThrowawayRedis(options: { timeoutMs?: number } = {}): Promise<ThrowawayRedis> {
	const external = process.env.ERP_INTEROP_TEST_REDIS_URL;
	if (external) {
		const redis = withExternal(external);
		await waitForPong(redis.host, redis.port, undefined, options.timeoutMs ?? 10_000, () => '');
		return redis;
	}
	const bin = findRedisServer();
	if (!bin) {
		throw new Error(
			'redis-server was not found, so n8n queue mode cannot run. Install it (Debian: apt-get install -y ' +
				'redis-server; `npm run test:scale` does this when run as root) or set ERP_INTEROP_REDIS_BIN to its ' +
				'folder, or point ERP_INTEROP_TEST_REDIS_URL at a server.',
		);
	}
	const dir = mkdtempSync(join(tmpdir(), 'erp-interop-redis-'));
	const host = '127.0.0.1';
	const port = await freePort();
	// No persistence, loopback only; the data folder is private and removed on stop.
	const child = spawnTracked(
		bin,
		['--bind', host, '--port', String(port), '--save', '', '--appendonly', 'no', '--dir', dir, '--protected-mode', 'yes', '--daemonize', 'no'],
		{ cwd: dir },
	);
	let output = '';
	const collect = (chunk: Buffer): void => {
		output = (output + chunk.toString('utf8')).slice(-20_000);
	};
	child.stdout?.on('data', collect);
	child.stderr?.on('data', collect);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const stop = async (): Promise<void> => {
		if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
			killGroup(child.pid, 'SIGTERM');
			const timer = setTimeout(() => child.pid !== undefined && killGroup(child.pid, 'SIGKILL'), 5000);
			await exited;
			clearTimeout(timer);
		}
		rmSync(dir, { recursive: true, force: true });
	};
	try {
		await waitForPong(host, port, child, options.timeoutMs ?? 10_000, () => output);
	} catch (error) {
		await stop();
		throw error;
	}
	return { host, port, db: 0, prefix: `erp-interop-test-${randomBytes(4).toString('hex')}`, url: `redis://${host}:${port}/0`, stop };
}
