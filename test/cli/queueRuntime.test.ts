/**
 * The queue-mode runtime pieces without n8n: the environment of main and workers, the worker slot's
 * lifecycle (readiness, SIGKILL of its process group, restart as a new run, per-run logs) driven by a
 * stand-in process, and the Redis helpers (binary lookup, RESP over a fake server).
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { spawnTracked } from '../../cli/runtime';
import { N8nWorker, postgresEnv, queueEnv, type SpawnN8n } from '../../cli/runtime/queue';
import { findRedisServer, redisCommand } from '../../cli/runtime/redis';

/** Behaves like `n8n worker` as far as N8nWorker can see: JSON log lines, a readiness endpoint, a child. */
const FAKE_WORKER = `
const http = require('node:http');
const { spawn } = require('node:child_process');
const log = (message) => console.log(JSON.stringify({ level: 'info', message }));
spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' }); // the task runner
http.createServer((req, res) => res.end(req.url === '/healthz/readiness' ? 'ok' : 'no'))
	.listen(Number(process.env.QUEUE_HEALTH_CHECK_PORT), '127.0.0.1', () => {
		log('\\nn8n worker is now ready');
		log('Worker started execution ' + process.env.FAKE_FIRST + ' (job 1)');
		log('Worker finished execution ' + process.env.FAKE_FIRST + ' (job 1)');
		log('Worker started execution ' + (Number(process.env.FAKE_FIRST) + 1) + ' (job 2)');
	});
process.on('SIGTERM', () => process.exit(0));
`;

async function groupGone(pgid: number, timeoutMs = 3000): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			process.kill(-pgid, 0);
		} catch {
			return true;
		}
		if (Date.now() > deadline) return false;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

describe('queue-mode runtime', () => {
	it('builds the environment of a queue-mode process and of n8n on PostgreSQL', () => {
		expect(queueEnv({ redis: { host: '127.0.0.1', port: 6380, db: 2, prefix: 'run1' } })).toEqual({
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: '6380',
			QUEUE_BULL_REDIS_DB: '2',
			QUEUE_BULL_PREFIX: 'run1',
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'false',
		});
		expect(postgresEnv({ host: 'db', port: 5433, database: 'n8n', user: 'u' })).toEqual({
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: 'db',
			DB_POSTGRESDB_PORT: '5433',
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'u',
			DB_POSTGRESDB_PASSWORD: '',
			DB_POSTGRESDB_SCHEMA: 'public',
		});
	});

	it('starts a worker, kills its process group, restarts it as a new run and keeps each run’s log', async () => {
		const calls: Array<{ args: string[]; env: Record<string, string> }> = [];
		let first = 10;
		const spawn: SpawnN8n = (args, brokerPort, env, sink) => {
			calls.push({ args, env: { ...env, BROKER: String(brokerPort) } });
			const child = spawnTracked(process.execPath, ['-e', FAKE_WORKER], { env: { ...process.env, ...env, FAKE_FIRST: String(first) } });
			first += 10;
			child.stdout?.on('data', (chunk: Buffer) => sink(chunk.toString('utf8')));
			return child;
		};
		const worker = new N8nWorker(1, spawn, { concurrency: 7, env: { EXTRA: 'yes' } });
		try {
			await worker.start(20_000);
			expect(worker.running).toBe(true);
			expect(calls[0].args).toEqual(['worker', '--concurrency=7']);
			expect(calls[0].env).toMatchObject({ QUEUE_HEALTH_CHECK_ACTIVE: 'true', N8N_WORKER_SERVER_ADDRESS: '127.0.0.1', EXTRA: 'yes' });
			const pid = worker.pid as number;
			await worker.kill('SIGKILL');
			expect(worker.running).toBe(false);
			// The whole group is gone: the worker and its runner child (reaped within moments).
			expect(await groupGone(pid)).toBe(true);
			expect(worker.runs[0].exit).toBe('SIGKILL');

			await worker.start(20_000);
			expect(worker.pid).not.toBe(pid);
			expect(calls[1].env.QUEUE_HEALTH_CHECK_PORT).not.toBe(calls[0].env.QUEUE_HEALTH_CHECK_PORT);
			expect(worker.startedExecutions(0)).toEqual(['10', '11']);
			expect(worker.finishedExecutions(0)).toEqual(['10']);
			expect(worker.startedExecutions(1)).toEqual(['20', '21']);
			expect(worker.startedExecutions()).toEqual(['10', '11', '20', '21']);
			expect(worker.logs()).toMatch(/--- worker 1 run 0 \(pid \d+, exit SIGKILL\)[\s\S]*--- worker 1 run 1 \(pid \d+, exit running\)/);
			await expect(worker.start()).rejects.toThrow(/already running/);
		} finally {
			await worker.stop(5000);
		}
		expect(worker.running).toBe(false);
		expect(worker.runs[1].exit).toBe('0');
	});

	it('reports a worker that dies during start with its output', async () => {
		const spawn: SpawnN8n = (_args, _port, env, sink) => {
			const child = spawnTracked(process.execPath, ['-e', 'console.log("Error: Mismatching encryption keys"); process.exit(1)'], { env: { ...process.env, ...env } });
			child.stdout?.on('data', (chunk: Buffer) => sink(chunk.toString('utf8')));
			return child;
		};
		await expect(new N8nWorker(0, spawn, { concurrency: 5 }).start(10_000)).rejects.toThrow(/exited during start:[\s\S]*Mismatching encryption keys/);
	});
});

describe('redis helpers', () => {
	let server: Server | undefined;
	afterEach(async () => {
		await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
		server = undefined;
	});

	it('finds redis-server in ERP_INTEROP_REDIS_BIN or PATH, else nothing', () => {
		const dir = mkdtempSync(join(tmpdir(), 'redis-bin-'));
		try {
			writeFileSync(join(dir, 'redis-server'), '#!/bin/sh\n');
			chmodSync(join(dir, 'redis-server'), 0o755);
			expect(findRedisServer({ ERP_INTEROP_REDIS_BIN: dir })).toBe(join(dir, 'redis-server'));
			expect(findRedisServer({ PATH: dir })).toBe(join(dir, 'redis-server'));
			const empty = join(dir, 'none');
			expect(findRedisServer({ ERP_INTEROP_REDIS_BIN: empty })).toBeUndefined();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('speaks RESP: encodes the command, selects the database first, returns the reply line', async () => {
		const received: string[] = [];
		server = createServer((socket) => {
			socket.on('data', (chunk) => {
				received.push(chunk.toString('utf8'));
				const text = received.join('');
				if (text.includes('SELECT') && !text.includes('PING')) return;
				socket.write(text.includes('SELECT') ? '+OK\r\n+PONG\r\n' : ':3\r\n');
			});
		});
		await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
		const port = (server.address() as { port: number }).port;
		expect(await redisCommand('127.0.0.1', port, ['PING'], { db: 4 })).toBe('+PONG');
		expect(received.join('')).toBe('*2\r\n$6\r\nSELECT\r\n$1\r\n4\r\n*1\r\n$4\r\nPING\r\n');
		received.length = 0;
		expect(await redisCommand('127.0.0.1', port, ['EVAL', 'return 3', '0'])).toBe(':3');
		expect(received.join('')).toBe('*3\r\n$4\r\nEVAL\r\n$8\r\nreturn 3\r\n$1\r\n0\r\n');
	});
});
