import type { FaultsSnapshot } from './faults';
import { validateFaults } from './faults';
import { json, queryParam } from './http';
import { Router } from './router';
import type { FaultConfig, RateLimitRule, SandboxRequest, SandboxStats, WebhookDelivery } from './types';

/** What the admin API needs from the server; `SandboxServer` implements it. */
export interface AdminHost {
	readonly url: string;
	readonly seed: number;
	systemNames(): string[];
	system(name: string): { name: string; prefix: string; baseUrl: string; credentials: Record<string, string> };
	reset(seed?: number): void;
	setFaults(config: FaultConfig, system?: string): void;
	clearFaults(system?: string): void;
	getFaults(): FaultsSnapshot;
	setRateLimit(system: string, rule: RateLimitRule | null): void;
	rateLimits(): Record<string, RateLimitRule | null>;
	stats(): SandboxStats;
	resetStats(): void;
	records(system: string, collection: string): unknown[] | undefined;
	collections(system: string): string[];
	deliveries(system?: string): WebhookDelivery[];
	clearDeliveries(): void;
	webhooksIdle(): Promise<void>;
}

const started = Date.now();

/** The `/__sandbox/` JSON API: the same controls as the in-process API, for tests and tools outside the process. */
export function buildAdminRouter(host: AdminHost): Router {
	const router = new Router();
	const body = (req: SandboxRequest): Record<string, unknown> => {
		if (req.rawBody.length === 0) return {};
		const parsed = req.json();
		if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('body must be a JSON object');
		return parsed as Record<string, unknown>;
	};
	const systemOf = (value: unknown): string | undefined => {
		if (value === undefined || value === null) return undefined;
		if (typeof value !== 'string' || !host.systemNames().includes(value)) throw new Error(`unknown system "${String(value)}"`);
		return value;
	};

	router.add('GET', '/health', () =>
		json(200, { ok: true, url: host.url, seed: host.seed, systems: host.systemNames(), uptimeMs: Date.now() - started }),
	);
	router.add('GET', '/systems', () => json(200, Object.fromEntries(host.systemNames().map((n) => [n, host.system(n)]))));

	router.add('POST', '/reset', (req) => {
		const b = body(req);
		if (b.seed !== undefined && (typeof b.seed !== 'number' || !Number.isInteger(b.seed))) throw new Error('seed must be an integer');
		host.reset(b.seed as number | undefined);
		if (b.clearFaults === true) host.clearFaults();
		if (b.resetStats === true) host.resetStats();
		return json(200, { ok: true, seed: host.seed });
	});

	router.add('GET', '/faults', () => json(200, host.getFaults()));
	router.add('POST', '/faults', (req) => {
		const b = body(req);
		const system = systemOf(b.system);
		if (b.clear === true || b.faults === null) host.clearFaults(system);
		else host.setFaults(validateFaults(b.faults), system);
		return json(200, host.getFaults());
	});
	router.add('DELETE', '/faults', (req) => {
		host.clearFaults(systemOf(queryParam(req.query, 'system')));
		return json(200, host.getFaults());
	});

	router.add('GET', '/stats', () => json(200, host.stats()));
	router.add('POST', '/stats/reset', () => {
		host.resetStats();
		return json(200, host.stats());
	});

	router.add('GET', '/ratelimits', () => json(200, host.rateLimits()));
	router.add('POST', '/ratelimits', (req) => {
		const b = body(req);
		const system = systemOf(b.system);
		if (!system) throw new Error('system is required');
		host.setRateLimit(system, validateRule(b.rule));
		return json(200, host.rateLimits());
	});

	router.add('GET', '/webhooks/deliveries', async (req) => {
		if (queryParam(req.query, 'wait') === 'true') await host.webhooksIdle();
		return json(200, host.deliveries(systemOf(queryParam(req.query, 'system'))));
	});
	router.add('DELETE', '/webhooks/deliveries', () => {
		host.clearDeliveries();
		return json(200, { ok: true });
	});

	router.add('GET', '/:system/collections', (req) => json(200, host.collections(systemOf(req.params.system) as string)));
	router.add('GET', '/:system/records/:collection', (req) => {
		const records = host.records(systemOf(req.params.system) as string, req.params.collection);
		if (!records) return json(404, { error: `unknown collection "${req.params.collection}"` });
		return json(200, records);
	});
	router.add('GET', '/:system/records/:collection/:id', (req) => {
		const records = host.records(systemOf(req.params.system) as string, req.params.collection);
		if (!records) return json(404, { error: `unknown collection "${req.params.collection}"` });
		const found = records.find((r) => String((r as { id?: unknown }).id) === req.params.id);
		return found ? json(200, found) : json(404, { error: `no record ${req.params.id} in ${req.params.collection}` });
	});
	return router;
}

export function validateRule(input: unknown): RateLimitRule | null {
	if (input === null || input === undefined) return null;
	if (typeof input !== 'object' || Array.isArray(input)) throw new Error('rule must be an object or null');
	const src = input as Record<string, unknown>;
	const rule: RateLimitRule = {};
	for (const key of ['requests', 'windowMs', 'maxConcurrent'] as const) {
		const v = src[key];
		if (v === undefined) continue;
		if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new Error(`rule.${key} must be a positive integer`);
		rule[key] = v;
	}
	for (const key of Object.keys(src)) {
		if (!['requests', 'windowMs', 'maxConcurrent'].includes(key)) throw new Error(`unknown rule field "${key}"`);
	}
	return rule;
}
