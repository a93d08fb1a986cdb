import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { n8nEnv, TEST_ENCRYPTION_KEY } from './env';
import { parseExecuteOutput, parseLogLines, type ExecutionResult } from './execution';
import { ensureN8n, type N8nRuntime } from './install';
import { installPackedTarball } from './pack';
import { defaultN8nVersion } from './paths';
import { freePort } from './ports';
import { killGroup, runProcess, spawnTracked, type RunResult } from './processes';
import { N8nWorker, postgresEnv, queueEnv, type N8nPostgresOptions, type N8nQueueOptions } from './queue';

/** A workflow as exported by n8n (an id is generated on import when it has none). */
export interface WorkflowJson {
	id?: string;
	name: string;
	active?: boolean;
	nodes: Array<{ type: string; parameters?: Record<string, unknown>; [key: string]: unknown }>;
	connections: Record<string, unknown>;
	[key: string]: unknown;
}

/** A credential for `n8n import:credentials`: plain `data`, encrypted by n8n on import. */
export interface CredentialJson {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
	[key: string]: unknown;
}

export interface WebhookProbe {
	path: string;
	method?: string;
}

export interface N8nOptions {
	/** n8n version (default N8N_VERSION or 2.8.4); installed into the cache on first use. */
	version?: string;
	/** An already ensured runtime (skips the install check). */
	runtime?: N8nRuntime;
	/** Default: a fresh temporary folder, removed by stop(). */
	userFolder?: string;
	/** Keep the user folder after stop() (default: when ERP_E2E_KEEP=1 or a userFolder was given). */
	keepUserFolder?: boolean;
	/** Packed community-node tarballs, installed the way n8n's installer does. */
	packages?: string[];
	credentials?: CredentialJson[];
	/** Imported before start; those with `active: true` are published so their triggers run. */
	workflows?: WorkflowJson[];
	/** Extra environment for every n8n process of this instance (overrides the defaults). */
	env?: Record<string, string>;
	port?: number;
	/** How long start() may take (default 120 s). */
	readyTimeoutMs?: number;
	/** Webhook paths to wait for besides the Webhook nodes of active workflows (e.g. trigger nodes' paths). */
	webhooks?: WebhookProbe[];
	/** n8n's database on PostgreSQL instead of a SQLite file in the user folder. */
	postgres?: N8nPostgresOptions;
	/** Queue mode: start() also starts `queue.workers` n8n workers fed through Redis (needs `postgres` in practice). */
	queue?: N8nQueueOptions;
	log?: (line: string) => void;
}

export interface WebhookRequest {
	method?: string;
	/** Sent as JSON. */
	body?: unknown;
	/** Sent byte for byte (for signature checks); wins over body. */
	rawBody?: string | Buffer;
	headers?: Record<string, string>;
	query?: Record<string, string>;
	timeoutMs?: number;
}

export interface HttpResponse<T = unknown> {
	status: number;
	headers: Record<string, string>;
	/** Parsed JSON when the response is JSON, else the text. */
	body: T;
	text: string;
}

/** The owner account setupOwner() creates on a fresh local instance (test/demo only, loopback only). */
export const DEFAULT_OWNER = {
	email: 'owner@erp-interop.test',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'Erp-Interop-0wner',
};
const MAX_LOG_CHARS = 4_000_000;
const CLI_TIMEOUT_MS = 180_000;

/** n8n's workflow id format: 16 alphanumeric characters. */
function workflowId(): string {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
	return Array.from(randomBytes(16), (byte) => alphabet[byte % alphabet.length]).join('');
}

function delay(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Webhook nodes of a workflow whose path can be probed (static paths only). */
function webhookProbes(workflow: WorkflowJson): WebhookProbe[] {
	return workflow.nodes
		.filter((node) => node.type === 'n8n-nodes-base.webhook' && node.disabled !== true)
		.map((node) => ({
			path: String(node.parameters?.path ?? ''),
			method: String(node.parameters?.httpMethod ?? 'GET'),
		}))
		.filter((probe) => probe.path !== '' && !probe.path.includes(':'));
}

/**
 * Migrated empty SQLite databases per n8n version: copying one into a new user folder saves the
 * migrations (several seconds) that the first command on a fresh database runs.
 */
async function databaseTemplate(runtime: N8nRuntime): Promise<string | undefined> {
	const dir = join(runtime.home, 'db-template');
	if (existsSync(join(dir, '.ready'))) return dir;
	const scratch = mkdtempSync(join(tmpdir(), 'erp-interop-db-'));
	try {
		const env = n8nEnv({ runtime, userFolder: scratch, port: await freePort(), brokerPort: await freePort() });
		const result = await runProcess(runtime.nodeBin, [runtime.n8nBin, 'list:workflow'], {
			cwd: scratch,
			env,
			timeoutMs: CLI_TIMEOUT_MS,
		});
		if (result.code !== 0 || !existsSync(join(scratch, '.n8n', 'database.sqlite'))) return undefined;
		const staged = mkdtempSync(`${dir}.tmp-`);
		for (const file of ['database.sqlite', 'database.sqlite-wal', 'database.sqlite-shm']) {
			if (existsSync(join(scratch, '.n8n', file))) cpSync(join(scratch, '.n8n', file), join(staged, file));
		}
		writeFileSync(join(staged, '.ready'), '');
		try {
			renameSync(staged, dir);
		} catch {
			rmSync(staged, { recursive: true, force: true }); // another process won the race
		}
		return existsSync(join(dir, '.ready')) ? dir : undefined;
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
}

/**
 * One real n8n: an isolated user folder with its own SQLite database, credentials and workflows imported
 * with the n8n CLI, the project's package installed as a community package, and (after start()) the
 * `n8n start` process serving REST and webhooks on a free loopback port.
 */
export class N8nInstance {
	readonly runtime: N8nRuntime;
	readonly userFolder: string;
	readonly port: number;
	readonly baseUrl: string;
	private readonly options: N8nOptions;
	private readonly keepUserFolder: boolean;
	private readonly brokerPort: number;
	private readonly workflows: WorkflowJson[] = [];
	private main?: ChildProcess;
	private mainExit?: Promise<void>;
	private output = '';
	private authCookie?: string;
	private apiKey?: string;
	private stopped = false;
	/** The worker slots of a queue-mode instance (empty otherwise). */
	readonly workers: N8nWorker[] = [];

	private constructor(runtime: N8nRuntime, options: N8nOptions, userFolder: string, ports: number[]) {
		this.runtime = runtime;
		this.options = options;
		this.userFolder = userFolder;
		[this.port, this.brokerPort] = ports;
		this.baseUrl = `http://127.0.0.1:${this.port}`;
		this.keepUserFolder = options.keepUserFolder ?? (options.userFolder !== undefined || process.env.ERP_E2E_KEEP === '1');
	}

	/** Prepares the user folder, installs the packages and imports everything; does not start n8n. */
	static async create(options: N8nOptions = {}): Promise<N8nInstance> {
		const runtime = options.runtime ?? (await ensureN8n(options.version ?? defaultN8nVersion(), options.log));
		const userFolder = options.userFolder ?? mkdtempSync(join(tmpdir(), 'erp-interop-n8n-'));
		const ports = [options.port ?? (await freePort()), await freePort()];
		const instance = new N8nInstance(runtime, options, userFolder, ports);
		try {
			await instance.prepare();
		} catch (error) {
			await instance.stop();
			throw error;
		}
		return instance;
	}

	private async prepare(): Promise<void> {
		const n8nDir = join(this.userFolder, '.n8n');
		mkdirSync(n8nDir, { recursive: true });
		// Written as n8n would, but owner-only from the start: with settings-file permissions enforced, n8n
		// otherwise reports a too-wide file as an error on a kept (non-temporary) user folder.
		const config = join(n8nDir, 'config');
		if (!existsSync(config)) {
			writeFileSync(config, JSON.stringify({ encryptionKey: this.options.env?.N8N_ENCRYPTION_KEY ?? TEST_ENCRYPTION_KEY }), { mode: 0o600 });
		}
		const template = this.options.postgres || existsSync(join(n8nDir, 'database.sqlite')) ? undefined : await databaseTemplate(this.runtime);
		if (template) {
			for (const file of ['database.sqlite', 'database.sqlite-wal', 'database.sqlite-shm']) {
				if (existsSync(join(template, file))) cpSync(join(template, file), join(n8nDir, file));
			}
		}
		for (const tarball of this.options.packages ?? []) await installPackedTarball(tarball, this.userFolder);
		if (this.options.credentials?.length) await this.importCredentials(this.options.credentials);
		if (this.options.workflows?.length) await this.importWorkflows(this.options.workflows);
	}

	/** The environment of this instance's processes; `brokerPort` differs per process. */
	env(brokerPort: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
		return n8nEnv({
			runtime: this.runtime,
			userFolder: this.userFolder,
			port: this.port,
			brokerPort,
			encryptionKey: TEST_ENCRYPTION_KEY,
			extra: {
				...(this.options.postgres ? postgresEnv(this.options.postgres) : {}),
				...(this.options.queue ? queueEnv(this.options.queue) : {}),
				...this.options.env,
				...extra,
			},
		});
	}

	/**
	 * Runs an n8n CLI command against this instance's database (works while `n8n start` runs). Each call
	 * gets its own task broker port: `n8n execute` starts a broker, which would clash with the server's.
	 */
	async cli(args: string[], timeoutMs = CLI_TIMEOUT_MS): Promise<RunResult> {
		return await runProcess(this.runtime.nodeBin, [this.runtime.n8nBin, ...args], {
			cwd: this.userFolder, // n8n loads a .env from its working directory
			env: this.env(await freePort()),
			timeoutMs,
		});
	}

	private async cliChecked(args: string[]): Promise<RunResult> {
		const result = await this.cli(args);
		const { entries, other } = parseLogLines(`${result.stdout}\n${result.stderr}`);
		const errors = entries.filter((entry) => entry.level === 'error').map((entry) => entry.message);
		if (result.code !== 0 || errors.length > 0) {
			const detail = errors.length > 0 ? errors.join('\n') : other.slice(-10).join('\n');
			throw new Error(`n8n ${args[0]} failed (exit ${result.code ?? result.signal}):\n${detail}`);
		}
		return result;
	}

	private writeImportFile(name: string, data: unknown): string {
		const dir = join(this.userFolder, 'import');
		mkdirSync(dir, { recursive: true });
		const file = join(dir, `${name}-${Date.now()}.json`);
		writeFileSync(file, JSON.stringify(data), { mode: 0o600 });
		return file;
	}

	async importCredentials(credentials: CredentialJson[]): Promise<void> {
		const file = this.writeImportFile('credentials', credentials);
		try {
			await this.cliChecked(['import:credentials', `--input=${file}`]);
		} finally {
			rmSync(file, { force: true }); // plain-text secrets do not outlive the import
		}
	}

	/**
	 * Imports workflows and publishes the active ones (takes effect at the next start()). Workflows
	 * without an id (template exports) get a generated one; returns the ids in order.
	 */
	async importWorkflows(workflows: WorkflowJson[]): Promise<string[]> {
		const withIds = workflows.map((workflow) => ({ ...workflow, id: workflow.id ?? workflowId() }));
		await this.cliChecked(['import:workflow', `--input=${this.writeImportFile('workflows', withIds)}`]);
		this.workflows.push(...withIds);
		for (const workflow of withIds) {
			if (workflow.active) await this.publishWorkflow(workflow.id);
		}
		return withIds.map((workflow) => workflow.id);
	}

	/** The id of an imported workflow, by name. */
	workflowId(name: string): string {
		const matches = this.workflows.filter((workflow) => workflow.name === name);
		if (matches.length !== 1) throw new Error(`${matches.length} imported workflows are named "${name}"`);
		return matches[0].id as string;
	}

	async publishWorkflow(id: string): Promise<void> {
		await this.cliChecked(['publish:workflow', `--id=${id}`]);
		const known = this.workflows.find((workflow) => workflow.id === id);
		if (known) known.active = true;
	}

	/** Runs a workflow with `n8n execute` (own process, own task broker port); never throws on a failed run. */
	async execute(workflowId: string, timeoutMs = CLI_TIMEOUT_MS): Promise<ExecutionResult> {
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], timeoutMs);
		if (result.timedOut) throw new Error(`n8n execute --id=${workflowId} timed out after ${timeoutMs} ms`);
		return parseExecuteOutput(result.stdout, result.stderr, result.code, result.durationMs);
	}

	/** The main process's pid (also its process group), once started. */
	get pid(): number | undefined {
		return this.main?.pid;
	}

	get running(): boolean {
		return this.main !== undefined && this.main.exitCode === null && this.main.signalCode === null;
	}

	/** `n8n start` in the background; resolves when REST, the active workflows and their webhooks are up. */
	async start(): Promise<void> {
		if (this.main) throw new Error('n8n is already started');
		if (this.stopped) throw new Error('this n8n instance was stopped');
		const started = Date.now();
		const child = this.spawnN8n(['start'], this.brokerPort);
		this.main = child;
		let exited = false;
		this.mainExit = new Promise((resolve) => {
			child.once('exit', () => {
				exited = true;
				resolve();
			});
		});
		const deadline = started + (this.options.readyTimeoutMs ?? 120_000);
		const waitFor = async (what: string, check: () => Promise<boolean> | boolean): Promise<void> => {
			for (;;) {
				if (exited) throw new Error(`n8n exited while waiting for ${what}:\n${this.logTail()}`);
				if (await check()) return;
				if (Date.now() > deadline) throw new Error(`n8n: timed out waiting for ${what}:\n${this.logTail()}`);
				await delay(150);
			}
		};
		try {
			await waitFor('/healthz/readiness', async () => (await this.status('GET', '/healthz/readiness')) === 200);
			// Logged after the server is configured and the active workflows are activated.
			await waitFor('"Editor is now accessible"', () => this.output.includes('Editor is now accessible via'));
			const probes = [
				...this.workflows.filter((workflow) => workflow.active).flatMap(webhookProbes),
				...(this.options.webhooks ?? []),
			];
			for (const probe of probes) {
				await waitFor(`webhook ${probe.method ?? 'POST'} ${probe.path}`, () => this.webhookRegistered(probe));
			}
			const queue = this.options.queue;
			for (let index = 0; queue && index < (queue.workers ?? 1); index++) {
				this.workers.push(
					new N8nWorker(index, (args, brokerPort, env, sink) => this.spawnN8n(args, brokerPort, env, sink), {
						concurrency: queue.concurrency ?? 10,
						env: queue.workerEnv,
					}),
				);
			}
			const workersFrom = Date.now();
			await Promise.all(this.workers.map(async (worker) => await worker.start(Math.max(10_000, deadline - Date.now()))));
			if (this.workers.length > 0) this.options.log?.(`${this.workers.length} n8n worker(s) ready in ${Date.now() - workersFrom} ms`);
		} catch (error) {
			await this.stop();
			throw error;
		}
		this.options.log?.(`n8n ${this.runtime.version} ready on ${this.baseUrl} in ${Date.now() - started} ms`);
	}

	/** Spawns an n8n process of this instance (the main process, or a queue-mode worker with its own log sink). */
	private spawnN8n(args: string[], brokerPort: number, extraEnv: Record<string, string> = {}, sink?: (chunk: string) => void): ChildProcess {
		const child = spawnTracked(this.runtime.nodeBin, [this.runtime.n8nBin, ...args], {
			cwd: this.userFolder,
			env: this.env(brokerPort, extraEnv),
		});
		const collect = (chunk: Buffer): void => {
			if (sink) return sink(chunk.toString('utf8'));
			this.output += chunk.toString('utf8');
			if (this.output.length > MAX_LOG_CHARS) this.output = this.output.slice(-MAX_LOG_CHARS / 2);
		};
		child.stdout?.on('data', collect);
		child.stderr?.on('data', collect);
		return child;
	}

	/**
	 * A CORS preflight answers 204 only once a production webhook is registered for the path, and it
	 * never starts an execution (calling the webhook itself would).
	 */
	private async webhookRegistered(probe: WebhookProbe): Promise<boolean> {
		const status = await this.status('OPTIONS', `/webhook/${probe.path.replace(/^\//, '')}`, {
			Origin: 'http://127.0.0.1',
			'Access-Control-Request-Method': (probe.method ?? 'POST').toUpperCase(),
		});
		return status === 204;
	}

	private async status(method: string, path: string, headers: Record<string, string> = {}): Promise<number> {
		try {
			const response = await fetch(`${this.baseUrl}${path}`, { method, headers, signal: AbortSignal.timeout(5000) });
			await response.arrayBuffer();
			return response.status;
		} catch {
			return 0;
		}
	}

	private async request<T>(method: string, path: string, init: { body?: string | Buffer; headers?: Record<string, string>; timeoutMs?: number }): Promise<HttpResponse<T>> {
		const url = /^https?:\/\//.test(path) ? path : `${this.baseUrl}${path}`;
		const response = await fetch(url, {
			method,
			headers: init.headers,
			body: init.body,
			signal: AbortSignal.timeout(init.timeoutMs ?? 60_000),
		});
		const text = await response.text();
		const headers = Object.fromEntries(response.headers.entries());
		let body: unknown = text;
		if ((headers['content-type'] ?? '').includes('json') && text !== '') {
			try {
				body = JSON.parse(text);
			} catch {
				body = text;
			}
		}
		return { status: response.status, headers, body: body as T, text };
	}

	/**
	 * Calls a webhook: `path` is relative to /webhook/ unless it starts with '/' (e.g. '/webhook-test/x')
	 * or is a full URL. JSON `body` or byte-exact `rawBody`.
	 */
	async callWebhook<T = unknown>(path: string, request: WebhookRequest = {}): Promise<HttpResponse<T>> {
		let url = /^(https?:\/\/|\/)/.test(path) ? path : `/webhook/${path}`;
		if (request.query) url += `?${new URLSearchParams(request.query).toString()}`;
		const headers: Record<string, string> = { ...request.headers };
		let body: string | Buffer | undefined;
		if (request.rawBody !== undefined) {
			body = request.rawBody;
		} else if (request.body !== undefined) {
			body = JSON.stringify(request.body);
			if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
				headers['content-type'] = 'application/json';
			}
		}
		return await this.request<T>(request.method ?? 'POST', url, { body, headers, timeoutMs: request.timeoutMs });
	}

	/** Creates the owner account on first use (fresh instances have none) and returns the login cookie. */
	async setupOwner(owner: typeof DEFAULT_OWNER = DEFAULT_OWNER): Promise<string> {
		if (this.authCookie) return this.authCookie;
		const json = { 'content-type': 'application/json' };
		let response = await this.request('POST', '/rest/owner/setup', { body: JSON.stringify(owner), headers: json });
		if (response.status === 400) {
			// A kept user folder already has its owner: log in instead.
			response = await this.request('POST', '/rest/login', {
				body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
				headers: json,
			});
		}
		if (response.status !== 200) throw new Error(`owner setup failed: HTTP ${response.status} ${response.text.slice(0, 300)}`);
		const cookie = (response.headers['set-cookie'] ?? '').match(/n8n-auth=[^;]+/)?.[0];
		if (!cookie) throw new Error('owner setup returned no n8n-auth cookie');
		this.authCookie = cookie;
		return cookie;
	}

	/** An internal REST call (/rest/..., /types/...) as the owner. */
	async rest<T = unknown>(method: string, path: string, body?: unknown): Promise<HttpResponse<T>> {
		const cookie = await this.setupOwner();
		const headers: Record<string, string> = { cookie };
		if (body !== undefined) headers['content-type'] = 'application/json';
		return await this.request<T>(method, path, { body: body === undefined ? undefined : JSON.stringify(body), headers });
	}

	/** Owner plus an API key with every scope, for the public API (/api/v1). */
	async setupOwnerAndApiKey(): Promise<string> {
		if (this.apiKey) return this.apiKey;
		const scopes = await this.rest<{ data: string[] }>('GET', '/rest/api-keys/scopes');
		if (scopes.status !== 200) throw new Error(`listing API key scopes failed: HTTP ${scopes.status}`);
		const created = await this.rest<{ data: { rawApiKey?: string } }>('POST', '/rest/api-keys', {
			label: 'erp-interop',
			scopes: scopes.body.data,
			expiresAt: null,
		});
		const key = created.body?.data?.rawApiKey;
		if (created.status !== 200 || !key) throw new Error(`creating an API key failed: HTTP ${created.status}`);
		this.apiKey = key;
		return key;
	}

	/** A public API call (/api/v1/...) with the instance's API key. */
	async publicApi<T = unknown>(method: string, path: string, body?: unknown): Promise<HttpResponse<T>> {
		const key = await this.setupOwnerAndApiKey();
		const headers: Record<string, string> = { 'X-N8N-API-KEY': key };
		if (body !== undefined) headers['content-type'] = 'application/json';
		const url = path.startsWith('/api/') ? path : `/api/v1/${path.replace(/^\//, '')}`;
		return await this.request<T>(method, url, { body: body === undefined ? undefined : JSON.stringify(body), headers });
	}

	/** Names of every node type the running n8n has loaded (e.g. 'n8n-nodes-erp-interop.connectWisePsa'). */
	async nodeTypes(): Promise<string[]> {
		const response = await this.rest<Array<{ name: string }>>('GET', '/types/nodes.json');
		if (response.status !== 200 || !Array.isArray(response.body)) {
			throw new Error(`GET /types/nodes.json failed: HTTP ${response.status}`);
		}
		return [...new Set(response.body.map((type) => type.name))];
	}

	/** The main process's log, one line per entry ('level message'), for diagnostics. */
	logs(): string {
		return this.output
			.split('\n')
			.filter((line) => line.trim() !== '')
			.map((line) => {
				const parsed = parseLogLines(line).entries[0];
				return parsed ? `${parsed.level} ${parsed.message}` : line;
			})
			.join('\n');
	}

	private logTail(lines = 40): string {
		return this.logs().split('\n').slice(-lines).join('\n');
	}

	/** SIGTERM to the process group, SIGKILL after timeoutMs; removes a temporary user folder. Idempotent. */
	async stop(timeoutMs = 10_000): Promise<void> {
		this.stopped = true;
		// Workers first: the main process would otherwise wait for their executions on shutdown.
		await Promise.all(this.workers.map(async (worker) => await worker.stop(timeoutMs)));
		const child = this.main;
		if (child?.pid !== undefined && this.mainExit) {
			if (this.running) killGroup(child.pid, 'SIGTERM');
			let timer: NodeJS.Timeout | undefined;
			const exited = await Promise.race([
				this.mainExit.then(() => true),
				new Promise<boolean>((resolve) => {
					timer = setTimeout(() => resolve(false), timeoutMs);
				}),
			]);
			clearTimeout(timer);
			if (!exited) {
				killGroup(child.pid, 'SIGKILL');
				await this.mainExit;
			}
		}
		if (!this.keepUserFolder) rmSync(this.userFolder, { recursive: true, force: true });
	}
}

/** Prepares an instance and starts `n8n start`; stop() it when done. */
export async function startN8n(options: N8nOptions = {}): Promise<N8nInstance> {
	const instance = await N8nInstance.create(options);
	await instance.start();
	return instance;
}

/** Imports the workflows and runs one with `n8n execute`, without starting the server. */
export async function executeOnce(options: N8nOptions & { workflowId: string; timeoutMs?: number }): Promise<ExecutionResult> {
	const instance = await N8nInstance.create(options);
	try {
		return await instance.execute(options.workflowId, options.timeoutMs);
	} finally {
		await instance.stop();
	}
}
