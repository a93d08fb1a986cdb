import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { buildAdminRouter, type AdminHost } from './admin';
import { FaultController, type FaultsSnapshot } from './faults';
import {
	BodyParseError,
	DEFAULT_BODY_LIMIT,
	SandboxHttpError,
	json,
	parseJsonBody,
	readBody,
	writeResponse,
} from './http';
import { Prng } from './prng';
import { RateLimiter } from './rateLimiter';
import { Router } from './router';
import { StatsRecorder } from './stats';
import type {
	FaultConfig,
	PluginContext,
	RateLimitRule,
	SandboxPlugin,
	SandboxRequest,
	SandboxResponse,
	SandboxStats,
	WebhookDelivery,
} from './types';
import { WebhookEmitter } from './webhooks';

export const DEFAULT_SEED = 42;
export const ADMIN_PREFIX = '/__sandbox';

export interface SandboxServerOptions {
	plugins: SandboxPlugin[];
	seed?: number;
	host?: string;
	port?: number;
	/** URL clients use to reach the sandbox when it differs from the listening address (containers, proxies). */
	publicUrl?: string;
	/** Per-system rule overriding the plugin default; `null` disables limiting for that system. */
	rateLimits?: Record<string, RateLimitRule | null>;
	faults?: { global?: FaultConfig; systems?: Record<string, FaultConfig> };
	bodyLimitBytes?: number;
	now?: () => Date;
}

export interface SystemInfo {
	name: string;
	prefix: string;
	baseUrl: string;
	credentials: Record<string, string>;
}

/** One HTTP server hosting every plugin under its own prefix, plus the admin API under `/__sandbox/`. */
export class SandboxServer implements AdminHost {
	readonly faults = new FaultController();
	private readonly plugins = new Map<string, SandboxPlugin>();
	private readonly limiters = new Map<string, RateLimiter>();
	private readonly pluginAdmin = new Map<string, Router>();
	private readonly statsRecorder = new StatsRecorder();
	private readonly webhooks = new WebhookEmitter();
	private readonly sockets = new Set<Socket>();
	private readonly sleepers = new Set<() => void>();
	private readonly admin: Router;
	private readonly server: Server;
	private readonly now: () => Date;
	private faultRng: Prng;
	private currentSeed: number;
	private listenUrl = '';
	private closing?: Promise<void>;

	constructor(private readonly options: SandboxServerOptions) {
		this.now = options.now ?? (() => new Date());
		this.currentSeed = options.seed ?? DEFAULT_SEED;
		this.faultRng = Prng.from(this.currentSeed, 'faults');
		for (const plugin of options.plugins) {
			if (this.plugins.has(plugin.name)) throw new Error(`duplicate sandbox system "${plugin.name}"`);
			this.plugins.set(plugin.name, plugin);
			const override = options.rateLimits?.[plugin.name];
			this.limiters.set(plugin.name, new RateLimiter(override === undefined ? (plugin.defaultRateLimit ?? null) : override));
			plugin.attach(this.contextFor(plugin));
			if (plugin.adminRoutes) {
				const router = new Router();
				plugin.adminRoutes((method, pattern, handler) => router.add(method, pattern, handler));
				this.pluginAdmin.set(plugin.name, router);
			}
		}
		if (options.faults?.global) this.faults.set(options.faults.global);
		for (const [name, cfg] of Object.entries(options.faults?.systems ?? {})) this.faults.set(cfg, name);
		this.admin = buildAdminRouter(this);
		this.server = createServer((req, res) => void this.onRequest(req, res));
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
	}

	/** Seeds every plugin and starts listening; resolves with the sandbox URL. */
	async start(): Promise<string> {
		for (const plugin of this.plugins.values()) plugin.seed(this.currentSeed);
		const host = this.options.host ?? '127.0.0.1';
		await new Promise<void>((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(this.options.port ?? 0, host, () => {
				this.server.off('error', reject);
				resolve();
			});
		});
		const address = this.server.address();
		if (!address || typeof address === 'string') throw new Error('sandbox server has no TCP address');
		this.listenUrl = `http://${displayHost(host)}:${address.port}`;
		return this.url;
	}

	get url(): string {
		return (this.options.publicUrl ?? this.listenUrl).replace(/\/+$/, '');
	}

	get seed(): number {
		return this.currentSeed;
	}

	systemNames(): string[] {
		return [...this.plugins.keys()];
	}

	plugin(name: string): SandboxPlugin | undefined {
		return this.plugins.get(name);
	}

	system(name: string): SystemInfo {
		const plugin = this.plugins.get(name);
		if (!plugin) throw new Error(`unknown sandbox system "${name}"`);
		const baseUrl = `${this.url}${plugin.prefix}`;
		return { name, prefix: plugin.prefix, baseUrl, credentials: plugin.credentials(baseUrl) };
	}

	/** Rebuilds every system's data from the seed (the current one unless given) and forgets webhook deliveries. */
	reset(seed?: number): void {
		if (seed !== undefined) this.currentSeed = seed;
		this.faultRng = Prng.from(this.currentSeed, 'faults');
		for (const plugin of this.plugins.values()) plugin.seed(this.currentSeed);
		this.webhooks.clear();
	}

	setFaults(config: FaultConfig, system?: string): void {
		if (system) this.requireSystem(system);
		this.faults.set(config, system);
	}

	clearFaults(system?: string): void {
		this.faults.clear(system);
	}

	getFaults(): FaultsSnapshot {
		return this.faults.snapshot();
	}

	setRateLimit(system: string, rule: RateLimitRule | null): void {
		this.requireSystem(system);
		this.limiters.get(system)?.setRule(rule);
	}

	rateLimits(): Record<string, RateLimitRule | null> {
		const out: Record<string, RateLimitRule | null> = {};
		for (const [name, limiter] of this.limiters) out[name] = limiter.getRule();
		return out;
	}

	stats(): SandboxStats {
		const systems: SandboxStats['systems'] = {};
		for (const name of this.plugins.keys()) {
			systems[name] = { ...this.statsRecorder.snapshot(name), credentials: this.limiters.get(name)?.stats() ?? {} };
		}
		const all = this.webhooks.deliveries();
		return {
			systems,
			webhooks: {
				deliveries: all.length,
				failed: all.filter((d) => d.status === undefined || d.status < 200 || d.status >= 300).length,
				pending: this.webhooks.pendingCount,
			},
		};
	}

	resetStats(): void {
		this.statsRecorder.reset();
		for (const limiter of this.limiters.values()) limiter.resetStats();
	}

	records(system: string, collection: string): unknown[] | undefined {
		return this.requireSystem(system).records(collection);
	}

	collections(system: string): string[] {
		return this.requireSystem(system).collections();
	}

	deliveries(system?: string): WebhookDelivery[] {
		return this.webhooks.deliveries(system);
	}

	clearDeliveries(): void {
		this.webhooks.clear();
	}

	/** Resolves once every queued webhook delivery (redeliveries included) has finished. */
	webhooksIdle(): Promise<void> {
		return this.webhooks.idle();
	}

	/** Stops listening, drops keep-alive sockets, cancels pending deliveries and delays. */
	close(): Promise<void> {
		if (this.closing) return this.closing;
		this.closing = new Promise<void>((resolve) => {
			this.webhooks.close();
			for (const wake of this.sleepers) wake();
			this.sleepers.clear();
			for (const plugin of this.plugins.values()) plugin.close?.();
			if (!this.server.listening) {
				resolve();
				return;
			}
			this.server.close(() => resolve());
			for (const socket of this.sockets) socket.destroy();
		});
		return this.closing;
	}

	private requireSystem(name: string): SandboxPlugin {
		const plugin = this.plugins.get(name);
		if (!plugin) throw new Error(`unknown sandbox system "${name}"`);
		return plugin;
	}

	private contextFor(plugin: SandboxPlugin): PluginContext {
		const system = plugin.name;
		return {
			system,
			publicUrl: () => `${this.url}${plugin.prefix}`,
			now: () => this.now(),
			truncatePage: <T>(items: T[]): T[] => {
				if (items.length === 0 || !this.faults.takeTruncate(system)) return items;
				this.statsRecorder.injected(system, 'truncatedPages');
				// Drop from the middle so first/last ids (and forward-only page ids) still look right.
				const drop = Math.floor(items.length / 2);
				return items.filter((_, i) => i !== drop);
			},
			sendWebhook: (hook) => this.webhooks.send(hook, this.faults.duplicates(system)),
		};
	}

	private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
		try {
			const { body, tooLarge } = await readBody(req, this.options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT);
			const url = new URL(req.url ?? '/', `http://${req.headers.host ?? this.listenUrl.slice('http://'.length)}`);
			const pathname = url.pathname;
			if (pathname === ADMIN_PREFIX || pathname.startsWith(`${ADMIN_PREFIX}/`)) {
				writeResponse(res, await this.serveAdmin(req, url, body, tooLarge));
				return;
			}
			const plugin = [...this.plugins.values()].find(
				(p) => pathname === p.prefix || pathname.startsWith(`${p.prefix}/`),
			);
			if (!plugin) {
				writeResponse(res, json(404, { error: `no sandbox system serves ${pathname}`, systems: this.systemNames() }));
				return;
			}
			await this.serveVendor(plugin, req, res, url, body, tooLarge);
		} catch (error) {
			writeResponse(res, json(500, { error: error instanceof Error ? error.message : String(error) }));
		}
	}

	private async serveVendor(
		plugin: SandboxPlugin,
		req: IncomingMessage,
		res: ServerResponse,
		url: URL,
		body: Buffer,
		tooLarge: boolean,
	): Promise<void> {
		const system = plugin.name;
		const sreq = makeRequest(req, url, url.pathname.slice(plugin.prefix.length), `${url.origin}${plugin.prefix}`, body);
		const limiter = this.limiters.get(system) as RateLimiter;
		const key = plugin.rateLimitKey(sreq);
		this.statsRecorder.request(system);
		const respond = (response: SandboxResponse): void => {
			this.statsRecorder.response(system, response.status);
			writeResponse(res, response);
		};

		const burst = this.faults.takeBurst(system);
		if (burst !== undefined) {
			this.statsRecorder.injected(system, 'burst429');
			if (key !== undefined) limiter.refuse(key);
			const response = plugin.rateLimited(burst);
			respond({ ...response, headers: { ...response.headers, 'Retry-After': String(burst) } });
			return;
		}
		let release = (): void => {};
		if (key !== undefined) {
			const admission = limiter.admit(key);
			if (!admission.ok) {
				respond(plugin.rateLimited(admission.retryAfterSec));
				return;
			}
			release = admission.release;
			res.on('close', release);
		}
		try {
			const delay = this.faults.latency(system, this.faultRng);
			if (delay > 0) {
				this.statsRecorder.injected(system, 'delayed');
				await this.sleep(delay);
			}
			if (tooLarge) {
				respond(plugin.error('payloadTooLarge', 413, 'The request body is too large'));
				return;
			}
			const injected = this.faults.drawError(system, this.faultRng, sreq.path);
			if (injected !== undefined) {
				this.statsRecorder.injected(system, 'errors');
				respond(plugin.error('serverError', injected, 'An unexpected error occurred (injected by the sandbox)'));
				return;
			}
			respond(await this.runHandler(plugin, () => plugin.handle(sreq)));
		} finally {
			release();
		}
	}

	private async serveAdmin(req: IncomingMessage, url: URL, body: Buffer, tooLarge: boolean): Promise<SandboxResponse> {
		if (tooLarge) return json(413, { error: 'request body too large' });
		const path = url.pathname.slice(ADMIN_PREFIX.length) || '/';
		const first = path.split('/').filter(Boolean)[0];
		const pluginRouter = first ? this.pluginAdmin.get(first) : undefined;
		const plugin = first ? this.plugins.get(first) : undefined;
		if (pluginRouter && plugin) {
			const sub = path.slice(first.length + 1) || '/';
			const match = pluginRouter.match(req.method ?? 'GET', sub);
			if (match.kind === 'found') {
				const sreq = makeRequest(req, url, sub, `${url.origin}${plugin.prefix}`, body);
				sreq.params = match.params;
				return this.runAdmin(() => match.handler(sreq));
			}
		}
		const match = this.admin.match(req.method ?? 'GET', path);
		if (match.kind === 'notFound') return json(404, { error: `no admin route ${req.method} ${url.pathname}` });
		if (match.kind === 'methodNotAllowed') {
			return json(405, { error: `method not allowed; use ${match.allowed.join(', ')}` }, { Allow: match.allowed.join(', ') });
		}
		const sreq = makeRequest(req, url, path, url.origin, body);
		sreq.params = match.params;
		return this.runAdmin(() => match.handler(sreq));
	}

	private async runHandler(plugin: SandboxPlugin, fn: () => SandboxResponse | Promise<SandboxResponse>): Promise<SandboxResponse> {
		try {
			return await fn();
		} catch (error) {
			if (error instanceof SandboxHttpError) return error.response;
			if (error instanceof BodyParseError) return plugin.error('badRequest', 400, error.message);
			return plugin.error('serverError', 500, error instanceof Error ? error.message : 'internal sandbox error');
		}
	}

	private async runAdmin(fn: () => SandboxResponse | Promise<SandboxResponse>): Promise<SandboxResponse> {
		try {
			return await fn();
		} catch (error) {
			if (error instanceof SandboxHttpError) return error.response;
			return json(400, { error: error instanceof Error ? error.message : String(error) });
		}
	}

	private sleep(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const wake = (): void => {
				clearTimeout(timer);
				this.sleepers.delete(wake);
				resolve();
			};
			const timer = setTimeout(wake, ms);
			this.sleepers.add(wake);
		});
	}
}

function makeRequest(req: IncomingMessage, url: URL, path: string, baseUrl: string, body: Buffer): SandboxRequest {
	return {
		method: (req.method ?? 'GET').toUpperCase(),
		path: decodePath(path || '/'),
		query: url.searchParams,
		headers: req.headers,
		url,
		baseUrl,
		params: {},
		rawBody: body,
		json: () => parseJsonBody(body),
	};
}

function decodePath(path: string): string {
	return path
		.split('/')
		.map((segment) => {
			try {
				return decodeURIComponent(segment);
			} catch {
				return segment;
			}
		})
		.join('/');
}

function displayHost(host: string): string {
	if (host === '0.0.0.0' || host === '') return '127.0.0.1';
	if (host === '::') return '[::1]';
	return host.includes(':') ? `[${host}]` : host;
}
