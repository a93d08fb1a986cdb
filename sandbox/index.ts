import type { FaultsSnapshot } from './core/faults';
import { DEFAULT_SEED, SandboxServer, type SystemInfo } from './core/server';
import type { FaultConfig, RateLimitRule, SandboxPlugin, SandboxStats, WebhookDelivery } from './core/types';
import { AutotaskPlugin, type AutotaskOptions } from './autotask';
import { BusinessCentralPlugin, type BusinessCentralOptions } from './businesscentral';
import { ChargebeePlugin, type ChargebeeOptions } from './chargebee';
import { ConnectWisePlugin, type ConnectWiseOptions } from './connectwise';
import { ExtensivPlugin, type ExtensivOptions } from './extensiv';
import { HaloPsaPlugin, type HaloPsaOptions } from './halopsa';
import { IntacctPlugin, type IntacctOptions } from './intacct';
import { NetSuitePlugin, type NetSuiteOptions } from './netsuite';
import { ShipHeroPlugin, type ShipHeroOptions } from './shiphero';
import { StripePlugin, type StripeOptions } from './stripe';
import { TradingPartnerPlugin, type TradingPartnerOptions } from './tradingpartner';

export interface SandboxOptions {
	/** Port to listen on; 0 (default) picks a free one. */
	port?: number;
	/** Address to listen on (default 127.0.0.1). */
	host?: string;
	/** Data seed; the same seed gives identical data (default 42). */
	seed?: number;
	/** Systems to start (default: all registered). */
	systems?: string[];
	/** URL clients should use when it differs from the listening address (containers, proxies). */
	publicUrl?: string;
	/** Per-system rate rule overriding the vendor default; `null` turns limiting off for that system. */
	rateLimits?: Record<string, RateLimitRule | null>;
	/** Faults active from the start. */
	faults?: { global?: FaultConfig; systems?: Record<string, FaultConfig> };
	/** Clock for records written at run time (seeded data never reads it). */
	now?: () => Date;
	/** Largest request body accepted, in bytes (default 1 MiB); larger ones get the vendor's 413. */
	bodyLimitBytes?: number;
	connectwise?: ConnectWiseOptions;
	autotask?: AutotaskOptions;
	intacct?: IntacctOptions;
	shiphero?: ShipHeroOptions;
	stripe?: StripeOptions;
	netsuite?: NetSuiteOptions;
	halopsa?: HaloPsaOptions;
	extensiv?: ExtensivOptions;
	chargebee?: ChargebeeOptions;
	businesscentral?: BusinessCentralOptions;
	tradingpartner?: TradingPartnerOptions;
}

/**
 * The registry of vendor fakes. A new system adds one line here; everything else
 * (server, admin API, rate limits, faults, webhooks) comes from the core.
 */
const REGISTRY: Record<string, (options: SandboxOptions) => SandboxPlugin> = {
	connectwise: (o) => new ConnectWisePlugin(o.connectwise),
	autotask: (o) => new AutotaskPlugin(o.autotask),
	intacct: (o) => new IntacctPlugin(o.intacct),
	shiphero: (o) => new ShipHeroPlugin(o.shiphero),
	stripe: (o) => new StripePlugin(o.stripe),
	netsuite: (o) => new NetSuitePlugin(o.netsuite),
	halopsa: (o) => new HaloPsaPlugin(o.halopsa),
	extensiv: (o) => new ExtensivPlugin(o.extensiv),
	chargebee: (o) => new ChargebeePlugin(o.chargebee),
	businesscentral: (o) => new BusinessCentralPlugin(o.businesscentral),
	tradingpartner: (o) => new TradingPartnerPlugin(o.tradingpartner),
};

export const SANDBOX_SYSTEMS = Object.keys(REGISTRY);

export interface RunningSandbox {
	/** Root URL, e.g. `http://127.0.0.1:4010`; the admin API is under `${url}/__sandbox/`. */
	readonly url: string;
	/** Per system: the base URL and the credential values a user would type into n8n. */
	readonly systems: Record<string, SystemInfo>;
	readonly seed: number;
	/** Rebuilds all data from the seed (the current one unless given) and forgets webhook deliveries. */
	reset(seed?: number): void;
	/** Replaces the fault config of one system, or the global one. */
	setFaults(faults: FaultConfig, system?: string): void;
	clearFaults(system?: string): void;
	faults(): FaultsSnapshot;
	setRateLimit(system: string, rule: RateLimitRule | null): void;
	rateLimits(): Record<string, RateLimitRule | null>;
	stats(): SandboxStats;
	resetStats(): void;
	/** Current records of a collection, as the API would show them. */
	records<T = Record<string, unknown>>(system: string, collection: string): T[];
	collections(system: string): string[];
	deliveries(system?: string): WebhookDelivery[];
	clearDeliveries(): void;
	/** Resolves once every queued webhook delivery (redeliveries included) has finished. */
	webhooksIdle(): Promise<void>;
	/** The plugin object, for system-specific controls (e.g. `connectwise` → `ConnectWisePlugin`). */
	plugin<T extends SandboxPlugin = SandboxPlugin>(system: string): T;
	close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
	const names = options.systems ?? SANDBOX_SYSTEMS;
	const unknown = names.filter((n) => !REGISTRY[n]);
	if (unknown.length > 0) throw new Error(`unknown sandbox system(s): ${unknown.join(', ')} (known: ${SANDBOX_SYSTEMS.join(', ')})`);
	const server = new SandboxServer({
		plugins: names.map((n) => REGISTRY[n](options)),
		seed: options.seed ?? DEFAULT_SEED,
		host: options.host,
		port: options.port,
		publicUrl: options.publicUrl,
		rateLimits: options.rateLimits,
		faults: options.faults,
		now: options.now,
		bodyLimitBytes: options.bodyLimitBytes,
	});
	await server.start();
	const systems = Object.fromEntries(server.systemNames().map((n) => [n, server.system(n)]));
	return {
		url: server.url,
		systems,
		get seed() {
			return server.seed;
		},
		reset: (seed) => server.reset(seed),
		setFaults: (faults, system) => server.setFaults(faults, system),
		clearFaults: (system) => server.clearFaults(system),
		faults: () => server.getFaults(),
		setRateLimit: (system, rule) => server.setRateLimit(system, rule),
		rateLimits: () => server.rateLimits(),
		stats: () => server.stats(),
		resetStats: () => server.resetStats(),
		records: <T>(system: string, collection: string): T[] => {
			const records = server.records(system, collection);
			if (!records) throw new Error(`unknown collection "${collection}" in ${system}`);
			return records as T[];
		},
		collections: (system) => server.collections(system),
		deliveries: (system) => server.deliveries(system),
		clearDeliveries: () => server.clearDeliveries(),
		webhooksIdle: () => server.webhooksIdle(),
		plugin: <T extends SandboxPlugin>(system: string): T => {
			const plugin = server.plugin(system);
			if (!plugin) throw new Error(`sandbox system "${system}" is not running`);
			return plugin as T;
		},
		close: () => server.close(),
	};
}

export { formatSandboxInfo } from './banner';
export { SandboxServer } from './core/server';
export type { SystemInfo } from './core/server';
export type * from './core/types';
export type { FaultsSnapshot } from './core/faults';
export { ConnectWisePlugin, createConnectWisePlugin } from './connectwise';
export type { ConnectWiseOptions, ConnectWiseCredentials } from './connectwise';
export { AutotaskPlugin, createAutotaskPlugin, signAutotaskPayload } from './autotask';
export type { AutotaskOptions, AutotaskCredentials } from './autotask';
export { IntacctPlugin, createIntacctPlugin } from './intacct';
export type { IntacctOptions, IntacctCredentials } from './intacct';
export { ShipHeroPlugin, createShipHeroPlugin, signWebhook as signShipHeroWebhook } from './shiphero';
export type { ShipHeroOptions, ShipHeroCredentials } from './shiphero';
export { StripePlugin, createStripePlugin, signStripePayload } from './stripe';
export type { StripeOptions, StripeCredentials } from './stripe';
export { NetSuitePlugin, createNetSuitePlugin } from './netsuite';
export type { NetSuiteOptions, NetSuiteCredentials } from './netsuite';
export { HaloPsaPlugin, createHaloPsaPlugin } from './halopsa';
export type { HaloPsaOptions, HaloPsaCredentials } from './halopsa';
export { ExtensivPlugin, createExtensivPlugin } from './extensiv';
export type { ExtensivOptions, ExtensivCredentials } from './extensiv';
export { ChargebeePlugin, createChargebeePlugin } from './chargebee';
export type { ChargebeeOptions, ChargebeeCredentials } from './chargebee';
export { BusinessCentralPlugin, createBusinessCentralPlugin } from './businesscentral';
export type { BusinessCentralOptions, BusinessCentralCredentials } from './businesscentral';
export { TradingPartnerPlugin, createTradingPartnerPlugin, signEdiPayload, verifyEdiSignature, EDI_SIGNATURE_HEADER, HARBOR, SUMMIT } from './tradingpartner';
export type { TradingPartnerOptions, TradingPartnerCredentials, SentOrder, ReceivedDocument, PartnerConfig } from './tradingpartner';
