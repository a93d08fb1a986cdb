/**
 * A queue-mode n8n for scale scenarios: PostgreSQL (n8n's database and the pack's state store),
 * Redis, one main process and N workers, with the packed project installed. Everything listens on
 * 127.0.0.1 and is torn down by stop(), which also checks that no process or port is left behind.
 */
import { resolve } from 'node:path';

import { Client } from 'pg';

import {
	defaultN8nVersion,
	ensureN8n,
	N8nInstance,
	packProject,
	startThrowawayRedis,
	type CredentialJson,
	type N8nOptions,
	type ThrowawayRedis,
	type WebhookProbe,
	type WorkflowJson,
} from '../../cli/runtime';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../cli/runtime/postgres';
import { createStateStore, type StateStore } from '../../nodes/common/state';

export const PROJECT_ROOT = resolve(__dirname, '..', '..');

/**
 * Bull's stalled-job settings for the tests. n8n's defaults (lock 60 s, renewed every 10 s, checked
 * every 30 s) would leave a killed worker's executions hanging for up to 90 s; these keep the
 * renewal at a fifth of the lock, like n8n's defaults, so a busy worker keeps its locks.
 */
export const TEST_QUEUE_LOCKS = {
	QUEUE_WORKER_LOCK_DURATION: '10000',
	QUEUE_WORKER_LOCK_RENEW_TIME: '2000',
	QUEUE_WORKER_STALLED_INTERVAL: '5000',
};

export interface QueueClusterOptions {
	workers?: number;
	concurrency?: number;
	/** Given the state-store credential (PostgreSQL backend, this run's schema). */
	credentials: (stateStore: CredentialJson) => CredentialJson[];
	workflows: WorkflowJson[];
	webhooks?: WebhookProbe[];
	env?: Record<string, string>;
	log?: (line: string) => void;
}

export interface QueueCluster {
	n8n: N8nInstance;
	postgres: ThrowawayPostgres;
	redis: ThrowawayRedis;
	/** The Interop State Store credential (backend postgres) the workflows use. */
	stateStoreCredential: CredentialJson;
	/** A store on the same schema, for assertions from the test process. */
	stateStore: StateStore;
	/** Stops everything; throws when a process or listening port survived. */
	stop(): Promise<void>;
}

export const STATE_STORE_CREDENTIAL_ID = 'scaleStateStore1';

function pidAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** Whether a process group still has members after a few seconds (killed children need a moment to be reaped). */
async function groupAlive(pid: number, timeoutMs = 5000): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			process.kill(-pid, 0);
		} catch {
			return false;
		}
		if (Date.now() > deadline) return true;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

async function portOpen(port: number): Promise<boolean> {
	const { connect } = await import('node:net');
	return await new Promise((resolve) => {
		const socket = connect({ host: '127.0.0.1', port });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

/** The packed project, prepared by test/scale/run.js (ERP_E2E_PACKAGE_TGZ) or built and packed now. */
async function tarball(): Promise<string> {
	return process.env.ERP_E2E_PACKAGE_TGZ ?? (await packProject(PROJECT_ROOT));
}

export async function startQueueCluster(options: QueueClusterOptions): Promise<QueueCluster> {
	const log = options.log ?? (() => undefined);
	const runtime = await ensureN8n(defaultN8nVersion());
	const packageTgz = await tarball();
	const postgres = await startThrowawayPostgres();
	let redis: ThrowawayRedis | undefined;
	let n8n: N8nInstance | undefined;
	let stateStore: StateStore | undefined;
	const n8nSchema = `${postgres.schema}_n8n`;
	const dropN8nSchema = async () => {
		const client = new Client({ ...postgres.connection });
		await client.connect();
		try {
			await client.query(`DROP SCHEMA IF EXISTS "${n8nSchema}" CASCADE`);
		} finally {
			await client.end();
		}
	};
	const stopAll = async (): Promise<string[]> => {
		const problems: string[] = [];
		const pids = [n8n?.pid, ...(n8n?.workers.flatMap((worker) => worker.runs.map((run) => run.pid)) ?? [])].filter((pid): pid is number => pid !== undefined);
		await n8n?.stop().catch((error: Error) => problems.push(`n8n stop: ${error.message}`));
		await stateStore?.close().catch(() => undefined);
		const redisPort = redis && !process.env.ERP_INTEROP_TEST_REDIS_URL ? redis.port : undefined;
		await redis?.stop().catch((error: Error) => problems.push(`redis stop: ${error.message}`));
		await dropN8nSchema().catch((error: Error) => problems.push(`dropping ${n8nSchema}: ${error.message}`));
		const pgPort = process.env.ERP_INTEROP_TEST_PG_URL ? undefined : postgres.connection.port;
		await postgres.stop().catch((error: Error) => problems.push(`postgres stop: ${error.message}`));
		for (const pid of pids) if (pidAlive(pid) || (await groupAlive(pid))) problems.push(`n8n process (group) ${pid} is still alive`);
		if (n8n && (await portOpen(n8n.port))) problems.push(`n8n's port ${n8n.port} still accepts connections`);
		if (redisPort !== undefined && (await portOpen(redisPort))) problems.push(`redis port ${redisPort} still accepts connections`);
		if (pgPort !== undefined && (await portOpen(pgPort))) problems.push(`postgres port ${pgPort} still accepts connections`);
		return problems;
	};
	try {
		const client = new Client({ ...postgres.connection });
		await client.connect();
		try {
			await client.query(`CREATE SCHEMA "${n8nSchema}"`);
		} finally {
			await client.end();
		}
		redis = await startThrowawayRedis();
		log(`postgres 127.0.0.1:${postgres.connection.port} (n8n schema ${n8nSchema}, state store schema ${postgres.schema}), redis ${redis.url}`);
		const stateStoreCredential: CredentialJson = {
			id: STATE_STORE_CREDENTIAL_ID,
			name: 'Interop State Store (PostgreSQL)',
			type: 'interopStateStore',
			data: { backend: 'postgres', ...postgres.connection, ssl: 'disable', schema: postgres.schema },
		};
		const n8nOptions: N8nOptions = {
			runtime,
			packages: [packageTgz],
			postgres: { ...postgres.connection, schema: n8nSchema },
			queue: {
				redis: { host: redis.host, port: redis.port, db: redis.db, prefix: redis.prefix },
				workers: options.workers ?? 2,
				concurrency: options.concurrency ?? 10,
			},
			env: { ...TEST_QUEUE_LOCKS, ...options.env },
			credentials: options.credentials(stateStoreCredential),
			workflows: options.workflows,
			webhooks: options.webhooks,
			readyTimeoutMs: 180_000,
			log,
		};
		const createdFrom = Date.now();
		n8n = await N8nInstance.create(n8nOptions);
		log(`n8n user folder, package and imports ready in ${Date.now() - createdFrom} ms`);
		await n8n.start();
		stateStore = createStateStore({ backend: 'postgres', ...postgres.connection, ssl: 'disable', schema: postgres.schema });
		const cluster: QueueCluster = {
			n8n,
			postgres,
			redis,
			stateStoreCredential,
			stateStore,
			async stop() {
				const problems = await stopAll();
				if (problems.length > 0) throw new Error(`queue cluster teardown:\n${problems.join('\n')}`);
			},
		};
		return cluster;
	} catch (error) {
		await stopAll();
		throw error;
	}
}
