/**
 * n8n's scaling ("queue") mode for N8nInstance: n8n's database on PostgreSQL, Redis as the Bull
 * queue, and `n8n worker` processes that run the executions the main process enqueues.
 */
import type { ChildProcess } from 'node:child_process';

import { parseLogLines } from './execution';
import { freePort } from './ports';
import { killGroup } from './processes';

/** n8n's own database on PostgreSQL (what queue mode needs in production) instead of SQLite. */
export interface N8nPostgresOptions {
	host: string;
	port: number;
	database: string;
	user: string;
	password?: string;
	/** Default `public`; the schema must exist. */
	schema?: string;
}

export interface N8nQueueOptions {
	redis: { host: string; port: number; db?: number; password?: string; prefix?: string };
	/** Workers start() starts after the main process (default 1). */
	workers?: number;
	/** `n8n worker --concurrency` (default 10, n8n's own default). */
	concurrency?: number;
	/** Extra environment for the workers only. */
	workerEnv?: Record<string, string>;
}

export function postgresEnv(pg: N8nPostgresOptions): Record<string, string> {
	return {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: pg.host,
		DB_POSTGRESDB_PORT: String(pg.port),
		DB_POSTGRESDB_DATABASE: pg.database,
		DB_POSTGRESDB_USER: pg.user,
		DB_POSTGRESDB_PASSWORD: pg.password ?? '',
		DB_POSTGRESDB_SCHEMA: pg.schema ?? 'public',
	};
}

/** The environment every process of a queue-mode instance shares (main, workers, CLI commands). */
export function queueEnv(queue: N8nQueueOptions): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: queue.redis.host,
		QUEUE_BULL_REDIS_PORT: String(queue.redis.port),
		QUEUE_BULL_REDIS_DB: String(queue.redis.db ?? 0),
		...(queue.redis.password ? { QUEUE_BULL_REDIS_PASSWORD: queue.redis.password } : {}),
		...(queue.redis.prefix ? { QUEUE_BULL_PREFIX: queue.redis.prefix } : {}),
		// Without it 2.x warns at every start; editor runs stay on main (they are not under test here).
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'false',
	};
}

/** Starts one n8n process of the instance: args, its own task broker port, extra env, and a sink for its output. */
export type SpawnN8n = (args: string[], brokerPort: number, extraEnv: Record<string, string>, sink: (chunk: string) => void) => ChildProcess;

interface WorkerRun {
	pid: number | undefined;
	output: string;
	startedAt: number;
	exitedAt?: number;
	exit?: string;
}

const MAX_WORKER_LOG_CHARS = 4_000_000;

function delay(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * One `n8n worker` slot. It can be killed (SIGKILL of its process group, as a crashed container) and
 * started again; every start is a new run with its own pid and log, so tests can tell which run
 * executed what.
 */
export class N8nWorker {
	readonly index: number;
	private readonly spawn: SpawnN8n;
	private readonly concurrency: number;
	private readonly env: Record<string, string>;
	private child?: ChildProcess;
	private exited?: Promise<void>;
	private readonly runHistory: WorkerRun[] = [];
	private healthPort = 0;

	constructor(index: number, spawn: SpawnN8n, options: { concurrency: number; env?: Record<string, string> }) {
		this.index = index;
		this.spawn = spawn;
		this.concurrency = options.concurrency;
		this.env = options.env ?? {};
	}

	get running(): boolean {
		return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
	}

	get pid(): number | undefined {
		return this.running ? this.child?.pid : undefined;
	}

	/** Every run of this slot, oldest first. */
	get runs(): ReadonlyArray<Readonly<WorkerRun>> {
		return this.runHistory;
	}

	/** Spawns `n8n worker` and resolves when its readiness endpoint answers and it has joined the queue. */
	async start(timeoutMs = 120_000): Promise<void> {
		if (this.running) throw new Error(`worker ${this.index} is already running`);
		this.healthPort = await freePort();
		const run: WorkerRun = { pid: undefined, output: '', startedAt: Date.now() };
		this.runHistory.push(run);
		const child = this.spawn(
			['worker', `--concurrency=${this.concurrency}`],
			await freePort(),
			{
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(this.healthPort),
				N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
				...this.env,
			},
			(chunk) => {
				run.output += chunk;
				if (run.output.length > MAX_WORKER_LOG_CHARS) run.output = run.output.slice(-MAX_WORKER_LOG_CHARS / 2);
			},
		);
		run.pid = child.pid;
		this.child = child;
		this.exited = new Promise((resolve) => {
			child.once('exit', (code, signal) => {
				run.exitedAt = Date.now();
				run.exit = signal ?? String(code);
				resolve();
			});
		});
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			if (!this.running) throw new Error(`n8n worker ${this.index} exited during start:\n${this.logTail(run)}`);
			// "ready" is logged once the queue processor is registered; readiness checks DB and Redis.
			if (run.output.includes('n8n worker is now ready') && (await this.readiness())) return;
			if (Date.now() > deadline) {
				await this.stop();
				throw new Error(`n8n worker ${this.index}: not ready after ${timeoutMs} ms:\n${this.logTail(run)}`);
			}
			await delay(150);
		}
	}

	private async readiness(): Promise<boolean> {
		try {
			const response = await fetch(`http://127.0.0.1:${this.healthPort}/healthz/readiness`, { signal: AbortSignal.timeout(2000) });
			await response.arrayBuffer();
			return response.status === 200;
		} catch {
			return false;
		}
	}

	/** Sends a signal to the worker's process group (its task runner too) and waits until it has exited. */
	async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
		const child = this.child;
		if (!child?.pid || !this.running) return;
		killGroup(child.pid, signal);
		await this.exited;
	}

	/** SIGTERM (n8n waits for running executions), SIGKILL after timeoutMs. Idempotent. */
	async stop(timeoutMs = 15_000): Promise<void> {
		const child = this.child;
		if (!child?.pid || !this.running) return;
		killGroup(child.pid, 'SIGTERM');
		let timer: NodeJS.Timeout | undefined;
		const done = await Promise.race([
			(this.exited as Promise<void>).then(() => true),
			new Promise<boolean>((resolve) => {
				timer = setTimeout(() => resolve(false), timeoutMs);
			}),
		]);
		clearTimeout(timer);
		if (!done) {
			killGroup(child.pid, 'SIGKILL');
			await this.exited;
		}
	}

	/** Ids of the executions a run of this worker started ("Worker started execution N"), all runs by default. */
	startedExecutions(run?: number): string[] {
		return this.executionsLogged('started', run);
	}

	/** Ids of the executions a run finished ("Worker finished execution N"). */
	finishedExecutions(run?: number): string[] {
		return this.executionsLogged('finished', run);
	}

	private executionsLogged(what: 'started' | 'finished', run?: number): string[] {
		const runs = run === undefined ? this.runHistory : [this.runHistory[run]].filter(Boolean);
		const pattern = new RegExp(`^Worker ${what} execution (\\d+)`);
		return runs.flatMap((r) =>
			parseLogLines(r.output)
				.entries.map((entry) => pattern.exec(entry.message)?.[1])
				.filter((id): id is string => id !== undefined),
		);
	}

	/** The log of every run ('level message' per entry), runs separated by a marker line. */
	logs(): string {
		return this.runHistory
			.map((run, i) => {
				const lines = run.output
					.split('\n')
					.filter((line) => line.trim() !== '')
					.map((line) => {
						const parsed = parseLogLines(line).entries[0];
						return parsed ? `${parsed.level} ${parsed.message}` : line;
					});
				return [`--- worker ${this.index} run ${i} (pid ${run.pid}, exit ${run.exit ?? 'running'})`, ...lines].join('\n');
			})
			.join('\n');
	}

	private logTail(run: WorkerRun, lines = 40): string {
		return run.output.split('\n').slice(-lines).join('\n');
	}
}
