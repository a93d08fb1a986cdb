import type { Prng } from './prng';
import type { FaultConfig } from './types';

export interface FaultsSnapshot {
	global: FaultConfig;
	systems: Record<string, FaultConfig>;
}

const KEYS: ReadonlyArray<keyof FaultConfig> = [
	'latencyMs',
	'latencyJitterMs',
	'errorRate',
	'errorStatus',
	'errorPathIncludes',
	'burst429',
	'truncatePages',
	'duplicateWebhooks',
];

/** Checks a fault config from outside (admin API, CLI) and returns a clean copy. */
export function validateFaults(input: unknown): FaultConfig {
	if (input === null || input === undefined) return {};
	if (typeof input !== 'object' || Array.isArray(input)) throw new Error('faults must be an object');
	const src = input as Record<string, unknown>;
	const out: FaultConfig = {};
	for (const key of Object.keys(src)) {
		if (!KEYS.includes(key as keyof FaultConfig)) throw new Error(`unknown fault "${key}"`);
	}
	const num = (key: keyof FaultConfig, min: number, max = Number.POSITIVE_INFINITY): number | undefined => {
		const v = src[key];
		if (v === undefined || v === null) return undefined;
		if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
			throw new Error(`fault "${key}" must be a number in [${min}, ${max}]`);
		}
		return v;
	};
	out.latencyMs = num('latencyMs', 0, 60_000);
	out.latencyJitterMs = num('latencyJitterMs', 0, 60_000);
	out.errorRate = num('errorRate', 0, 1);
	out.errorStatus = num('errorStatus', 500, 599);
	out.truncatePages = num('truncatePages', -1);
	if (src.errorPathIncludes !== undefined && src.errorPathIncludes !== null) {
		if (typeof src.errorPathIncludes !== 'string' || src.errorPathIncludes === '') throw new Error('fault "errorPathIncludes" must be a non-empty string');
		out.errorPathIncludes = src.errorPathIncludes;
	}
	out.duplicateWebhooks = num('duplicateWebhooks', 0, 10);
	if (src.burst429 !== undefined && src.burst429 !== null) {
		const b = src.burst429 as Record<string, unknown>;
		if (typeof b !== 'object' || typeof b.count !== 'number' || b.count < 0) {
			throw new Error('fault "burst429" must be { count: number, retryAfterSec?: number }');
		}
		if (b.retryAfterSec !== undefined && (typeof b.retryAfterSec !== 'number' || b.retryAfterSec < 0)) {
			throw new Error('fault "burst429.retryAfterSec" must be a number of seconds');
		}
		out.burst429 = { count: Math.floor(b.count), retryAfterSec: (b.retryAfterSec as number | undefined) ?? 1 };
	}
	for (const key of KEYS) if (out[key] === undefined) delete out[key];
	return out;
}

/**
 * Holds the global and per-system fault configs. A system's own config wins field by field over
 * the global one; the counting faults (429 burst, truncated pages) count down where they were set.
 */
export class FaultController {
	private global: FaultConfig = {};
	private readonly systems = new Map<string, FaultConfig>();

	set(config: FaultConfig, system?: string): void {
		const clean = validateFaults(config);
		if (system) this.systems.set(system, clean);
		else this.global = clean;
	}

	clear(system?: string): void {
		if (system) this.systems.delete(system);
		else {
			this.global = {};
			this.systems.clear();
		}
	}

	snapshot(): FaultsSnapshot {
		const systems: Record<string, FaultConfig> = {};
		for (const [name, cfg] of this.systems) systems[name] = structuredClone(cfg);
		return { global: structuredClone(this.global), systems };
	}

	/** Delay to add to this request, in ms (0 when off). */
	latency(system: string, rng: Prng): number {
		const fixed = this.pick(system, 'latencyMs') ?? 0;
		const jitter = this.pick(system, 'latencyJitterMs') ?? 0;
		return fixed + (jitter > 0 ? Math.floor(rng.float() * jitter) : 0);
	}

	/** Retry-After seconds when this request falls in an injected 429 burst. */
	takeBurst(system: string): number | undefined {
		for (const cfg of this.scopes(system)) {
			if (cfg.burst429 && cfg.burst429.count > 0) {
				cfg.burst429.count--;
				return cfg.burst429.retryAfterSec ?? 1;
			}
		}
		return undefined;
	}

	/** Status of an injected server error for this request, if one is drawn. */
	drawError(system: string, rng: Prng, path = ''): number | undefined {
		const rate = this.pick(system, 'errorRate') ?? 0;
		if (rate <= 0) return undefined;
		const only = this.pick(system, 'errorPathIncludes');
		if (only !== undefined && !path.includes(only)) return undefined;
		if (rng.float() >= rate) return undefined;
		return this.pick(system, 'errorStatus') ?? 500;
	}

	takeTruncate(system: string): boolean {
		for (const cfg of this.scopes(system)) {
			const n = cfg.truncatePages;
			if (n === undefined || n === 0) continue;
			if (n > 0) cfg.truncatePages = n - 1;
			return true;
		}
		return false;
	}

	duplicates(system: string): number {
		return this.pick(system, 'duplicateWebhooks') ?? 0;
	}

	private pick<K extends keyof FaultConfig>(system: string, key: K): FaultConfig[K] | undefined {
		const own = this.systems.get(system);
		if (own && own[key] !== undefined) return own[key];
		return this.global[key];
	}

	private scopes(system: string): FaultConfig[] {
		const own = this.systems.get(system);
		return own ? [own, this.global] : [this.global];
	}
}
