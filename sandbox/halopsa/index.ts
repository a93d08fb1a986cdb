import { json } from '../core/http';
import type { Handler, PluginContext, RateLimitRule, SandboxPlugin, SandboxRequest, SandboxResponse, VendorErrorKind } from '../core/types';
import { handleApi } from './api';
import { HaloTokens } from './auth';
import { HALO_CLIENT_ID, HALO_CLIENT_SECRET, HALO_TENANT, HALO_TOKEN_LIFETIME_SEC } from './constants';
import { ENTITIES, entityByCollection, type HaloRecord } from './entities';
import { haloError, notFound, tooManyRequests } from './errors';
import { HALO_SEED_DEFAULTS, seedHalo, type HaloSeedOptions } from './seed';
import { HaloStore } from './store';
import { dispatchWebhooks, type WebhookChange } from './webhooks';

export interface HaloPsaOptions extends Partial<HaloSeedOptions> {
	/** Lifetime of issued access tokens in seconds (Halo: 3600); short ones exercise token renewal. */
	tokenLifetimeSec?: number;
}

/** Halo documents no number; a generous per-token rule keeps runaway loops visible. */
export const HALOPSA_DEFAULT_RATE_LIMIT: RateLimitRule = { requests: 50, windowMs: 1000, maxConcurrent: 10 };

export interface HaloPsaCredentials extends Record<string, string> {
	authServerUrl: string;
	resourceServerUrl: string;
	tenant: string;
	clientId: string;
	clientSecret: string;
	scope: string;
}

/** HaloPSA: OAuth2 client-credentials authorisation server plus the `/api` resource server. */
export class HaloPsaPlugin implements SandboxPlugin {
	readonly name = 'halopsa';
	readonly prefix = '/halopsa';
	readonly defaultRateLimit = HALOPSA_DEFAULT_RATE_LIMIT;
	readonly tokens: HaloTokens;
	private readonly store = new HaloStore();
	private readonly seedOptions: HaloSeedOptions;
	private ctx?: PluginContext;

	constructor(options: HaloPsaOptions = {}) {
		this.seedOptions = { ...HALO_SEED_DEFAULTS };
		for (const k of Object.keys(HALO_SEED_DEFAULTS) as Array<keyof HaloSeedOptions>) {
			const v = options[k];
			if (v !== undefined) {
				if (!Number.isInteger(v) || v < 1) throw new Error(`halopsa.${k} must be a positive integer`);
				this.seedOptions[k] = v;
			}
		}
		const lifetime = options.tokenLifetimeSec ?? HALO_TOKEN_LIFETIME_SEC;
		if (!(lifetime > 0)) throw new Error('halopsa.tokenLifetimeSec must be positive');
		this.tokens = new HaloTokens(lifetime, () => this.context().now().getTime());
	}

	attach(ctx: PluginContext): void {
		this.ctx = ctx;
	}

	seed(seed: number): void {
		seedHalo(this.store, seed, this.seedOptions);
		this.tokens.clear();
	}

	credentials(baseUrl: string): HaloPsaCredentials {
		return {
			authServerUrl: `${baseUrl}/auth`,
			resourceServerUrl: `${baseUrl}/api`,
			tenant: HALO_TENANT,
			clientId: HALO_CLIENT_ID,
			clientSecret: HALO_CLIENT_SECRET,
			scope: 'all',
		};
	}

	/** Requests count against their bearer token's application; token calls are not limited. */
	rateLimitKey(req: SandboxRequest): string | undefined {
		if (!req.path.toLowerCase().startsWith('/api/')) return undefined;
		return HALO_CLIENT_ID;
	}

	handle(req: SandboxRequest): SandboxResponse {
		const segments = req.path.split('/').filter(Boolean);
		const root = segments[0]?.toLowerCase();
		if (root === 'auth' && segments[1]?.toLowerCase() === 'token' && segments.length === 2) {
			if (req.method !== 'POST') return { status: 405, body: { error: 'invalid_request' }, headers: { Allow: 'POST' } };
			return this.tokens.issue(req);
		}
		if (root !== 'api') return notFound(`No resource at ${req.path}`);
		const auth = this.tokens.check(req);
		if ('denied' in auth) return auth.denied;
		return handleApi(req, segments.slice(1), auth.scopes, {
			store: this.store,
			tokens: this.tokens,
			now: () => this.context().now(),
			truncatePage: (items) => this.context().truncatePage(items),
			notify: (change) => this.notify(change),
		});
	}

	error(kind: VendorErrorKind, status: number, message: string): SandboxResponse {
		if (kind === 'unauthorized') return { status, body: { Message: 'Authorization has been denied for this request.' } };
		const names: Record<VendorErrorKind, string> = {
			badRequest: 'HaloValidationException',
			unauthorized: 'HaloAuthenticationException',
			forbidden: 'HaloPermissionException',
			notFound: 'HaloNotFoundException',
			methodNotAllowed: 'HaloException',
			payloadTooLarge: 'HaloValidationException',
			serverError: 'System.Exception',
		};
		return haloError(status, names[kind], message);
	}

	rateLimited(retryAfterSec: number): SandboxResponse {
		return tooManyRequests(retryAfterSec);
	}

	collections(): string[] {
		return [...ENTITIES.map((e) => e.collection), 'webhooks'];
	}

	records(collection: string): unknown[] | undefined {
		if (!this.collections().includes(collection)) return undefined;
		return structuredClone(this.store.all(collection));
	}

	/** Creates or updates a record as an agent in Halo's UI would, raising the same webhooks. */
	saveAs(collection: string, values: Record<string, unknown>): HaloRecord {
		const def = entityByCollection(collection);
		if (!def && collection !== 'webhooks') throw new Error(`unknown halopsa collection "${collection}"`);
		const existing = values.id !== undefined ? this.store.get(collection, values.id as number) : undefined;
		const id = existing?.id ?? (collection === 'webhooks' ? String(values.id ?? crypto.randomUUID()) : this.store.nextId(def?.idSequence ?? collection));
		const record = this.store.put(collection, { ...(existing ?? structuredClone(def?.defaults ?? {})), ...values, id });
		if (def?.event) {
			const verb = existing ? 'updated' : def.event === 'action' ? 'added' : 'created';
			const ticket = def.event === 'action' ? this.store.get('tickets', Number(record.ticket_id)) : undefined;
			this.notify({ event: `${def.event}_${verb}`, record, ticket });
		}
		return structuredClone(record);
	}

	adminRoutes(add: (method: string, pattern: string, handler: Handler) => void): void {
		add('POST', '/records/:collection', (req) => json(200, this.saveAs(req.params.collection, req.json() as Record<string, unknown>)));
		add('GET', '/tokens', () => json(200, { issued: this.tokens.issued, lifetimeSec: this.tokens.lifetime }));
		add('PUT', '/tokens/lifetime', (req) => {
			const seconds = Number((req.json() as { seconds?: unknown }).seconds);
			if (!(seconds > 0)) throw new Error('seconds must be positive');
			this.tokens.setLifetime(seconds);
			return json(200, { lifetimeSec: seconds });
		});
	}

	private notify(change: WebhookChange): void {
		if (this.ctx) dispatchWebhooks(this.ctx, this.store, change);
	}

	private context(): PluginContext {
		if (!this.ctx) throw new Error('halopsa plugin is not attached to a sandbox server');
		return this.ctx;
	}
}

export function createHaloPsaPlugin(options: HaloPsaOptions = {}): HaloPsaPlugin {
	return new HaloPsaPlugin(options);
}

export * from './constants';
