import { json } from '../core/http';
import type { Handler, PluginContext, RateLimitRule, SandboxPlugin, SandboxRequest, SandboxResponse, VendorErrorKind } from '../core/types';
import { checkTenant, handleApi } from './api';
import { authenticate, principalKey, TokenIssuer, tokenEndpoint } from './auth';
import {
	BC_CLIENT_ID,
	BC_CLIENT_SECRET,
	BC_COLLECTION_THRESHOLD,
	BC_ENVIRONMENT,
	BC_MAX_PAGE_SIZE,
	BC_NOTIFICATION_RETRY_DELAYS_MS,
	BC_RATE_LIMIT,
	BC_SCOPE,
	BC_SUBSCRIPTION_LIFETIME_MS,
	BC_TENANT_ID,
	BC_TOKEN_LIFETIME_SEC,
} from './constants';
import { ENTITIES, entity, type EntityDef } from './entities';
import { BcEngine, present } from './engine';
import { bcError, BcHttpError, tooManyRequests } from './errors';
import type { Row } from './odata';
import { BC_SEED_DEFAULTS, seedBusinessCentral, type BcSeedOptions } from './seed';
import { BcStore } from './store';
import { Subscriptions, type SubscriptionOptions } from './subscriptions';

export interface BusinessCentralOptions extends Partial<BcSeedOptions> {
	/** Lifetime of issued access tokens in seconds (default 3599, as Entra ID). */
	tokenLifetimeSec?: number;
	/** Lifetime of webhook subscriptions in ms (default three days); lower it to make renewal due in tests. */
	subscriptionLifetimeMs?: number;
	/** How long changes are batched before a notification (Business Central: about 30 s; default 30000). */
	notificationDelayMs?: number;
	/** More changes than this in one batch become a `collection` notification (default 1000). */
	collectionThreshold?: number;
	/** Server page size when the client sends no `Prefer: odata.maxpagesize` (default 20000). */
	pageSize?: number;
	notificationRetryDelaysMs?: number[];
}

export interface BusinessCentralCredentials extends Record<string, string> {
	tenantId: string;
	environment: string;
	clientId: string;
	clientSecret: string;
	scope: string;
	/** Stands in for https://login.microsoftonline.com. */
	loginUrl: string;
	/** Stands in for https://api.businesscentral.dynamics.com. */
	apiUrl: string;
	/** The API v2.0 root of the sandbox environment, for reference. */
	apiRoot: string;
	companyId: string;
}

/** Microsoft Dynamics 365 Business Central API v2.0 with Entra ID client credentials, written from Microsoft's documentation. */
export class BusinessCentralPlugin implements SandboxPlugin {
	readonly name = 'businesscentral';
	readonly prefix = '/businesscentral';
	readonly defaultRateLimit: RateLimitRule = BC_RATE_LIMIT;
	private readonly store = new BcStore();
	private readonly issuer: TokenIssuer;
	private readonly engine: BcEngine;
	readonly subscriptions: Subscriptions;
	private readonly seedOptions: BcSeedOptions;
	private readonly settings: Required<Omit<BusinessCentralOptions, keyof BcSeedOptions>>;
	private ctx?: PluginContext;

	constructor(options: BusinessCentralOptions = {}) {
		this.seedOptions = { ...BC_SEED_DEFAULTS };
		for (const k of Object.keys(BC_SEED_DEFAULTS) as Array<keyof BcSeedOptions>) {
			const v = options[k];
			if (v !== undefined) {
				if (!Number.isInteger(v) || v < 0) throw new Error(`businesscentral.${k} must be a non-negative integer`);
				this.seedOptions[k] = v;
			}
		}
		this.settings = {
			tokenLifetimeSec: options.tokenLifetimeSec ?? BC_TOKEN_LIFETIME_SEC,
			subscriptionLifetimeMs: options.subscriptionLifetimeMs ?? BC_SUBSCRIPTION_LIFETIME_MS,
			notificationDelayMs: options.notificationDelayMs ?? 30_000,
			collectionThreshold: options.collectionThreshold ?? BC_COLLECTION_THRESHOLD,
			pageSize: options.pageSize ?? BC_MAX_PAGE_SIZE,
			notificationRetryDelaysMs: options.notificationRetryDelaysMs ?? BC_NOTIFICATION_RETRY_DELAYS_MS,
		};
		this.issuer = new TokenIssuer(() => this.context().now(), () => this.settings.tokenLifetimeSec);
		this.subscriptions = new Subscriptions(this.store, () => this.subscriptionOptions(), () => this.context());
		this.engine = new BcEngine(this.store, () => this.context().now(), (companyId, def, row, change) =>
			this.subscriptions.onChange(companyId, def, row, change),
		);
	}

	private subscriptionOptions(): SubscriptionOptions {
		return {
			lifetimeMs: this.settings.subscriptionLifetimeMs,
			notificationDelayMs: this.settings.notificationDelayMs,
			collectionThreshold: this.settings.collectionThreshold,
			retryDelaysMs: this.settings.notificationRetryDelaysMs,
			handshakeTimeoutMs: 10_000,
		};
	}

	/** Changes a timing setting at run time (e.g. a short subscription lifetime for a renewal test). */
	configure(changes: Partial<Pick<BusinessCentralOptions, 'tokenLifetimeSec' | 'subscriptionLifetimeMs' | 'notificationDelayMs' | 'collectionThreshold' | 'pageSize'>>): void {
		for (const [key, value] of Object.entries(changes)) {
			if (value !== undefined) (this.settings as Record<string, unknown>)[key] = value;
		}
	}

	attach(ctx: PluginContext): void {
		this.ctx = ctx;
	}

	seed(seed: number): void {
		this.subscriptions.reset();
		this.issuer.reseed(seed);
		seedBusinessCentral(this.store, seed, this.seedOptions);
	}

	credentials(baseUrl: string): BusinessCentralCredentials {
		return {
			tenantId: BC_TENANT_ID,
			environment: BC_ENVIRONMENT,
			clientId: BC_CLIENT_ID,
			clientSecret: BC_CLIENT_SECRET,
			scope: BC_SCOPE,
			loginUrl: baseUrl,
			apiUrl: baseUrl,
			apiRoot: `${baseUrl}/v2.0/${BC_TENANT_ID}/${BC_ENVIRONMENT}/api/v2.0`,
			companyId: String(this.store.companies[0]?.id ?? ''),
		};
	}

	rateLimitKey(req: SandboxRequest): string | undefined {
		return req.path.includes('/oauth2/') ? undefined : principalKey(req);
	}

	async handle(req: SandboxRequest): Promise<SandboxResponse> {
		const parts = req.path.split('/').filter(Boolean);
		// {tenant}/oauth2/v2.0/token stands in for login.microsoftonline.com.
		if (parts.length === 4 && parts[1] === 'oauth2' && parts[2] === 'v2.0' && parts[3] === 'token') {
			if (req.method !== 'POST') return bcError(405, 'BadRequest_MethodNotAllowed', 'Use POST for the token endpoint.');
			return tokenEndpoint(req, parts[0], this.issuer);
		}
		if (parts[0] !== 'v2.0' || parts.length < 5 || parts[3] !== 'api' || parts[4] !== 'v2.0') {
			return bcError(404, 'BadRequest_NotFound', `No HTTP resource was found that matches the request URI '${req.url.pathname}'.`);
		}
		const refused = authenticate(req, this.issuer);
		if (refused) return refused;
		const wrongPlace = checkTenant(parts[1], parts[2]);
		if (wrongPlace) return wrongPlace;
		const apiRoot = `${req.baseUrl}/v2.0/${parts[1]}/${parts[2]}/api/v2.0`;
		return await handleApi(req, parts.slice(5), apiRoot, {
			store: this.store,
			engine: this.engine,
			subscriptions: this.subscriptions,
			pageSize: () => this.settings.pageSize,
			truncatePage: (items) => this.context().truncatePage(items),
		});
	}

	error(kind: VendorErrorKind, status: number, message: string): SandboxResponse {
		const code: Record<VendorErrorKind, string> = {
			badRequest: 'BadRequest',
			unauthorized: 'Authentication_InvalidCredentials',
			forbidden: 'Authorization_InsufficientPermissions',
			notFound: 'BadRequest_NotFound',
			methodNotAllowed: 'BadRequest_MethodNotAllowed',
			payloadTooLarge: 'BadRequest_RequestTooLarge',
			serverError: 'Internal_ServerError',
		};
		return bcError(status, code[kind], message);
	}

	rateLimited(retryAfterSec: number): SandboxResponse {
		return tooManyRequests(retryAfterSec);
	}

	collections(): string[] {
		return ['companies', ...ENTITIES.map((d) => d.set), 'subscriptions'];
	}

	/** Records of the first company (or the companies, or the subscriptions with their clientState). */
	records(collection: string): unknown[] | undefined {
		if (collection === 'companies') return this.store.companies.map((c) => ({ ...c }));
		if (collection === 'subscriptions') return this.subscriptions.all().map((s) => this.subscriptions.present(s));
		const def = entity(collection);
		if (!def || def.set !== collection) return undefined;
		return this.companyRecords(String(this.store.companies[0]?.id ?? ''), def);
	}

	companyRecords(companyId: string, def: EntityDef): Row[] {
		return this.store.all(companyId, def.set).map((row) => ({ ...present(row), ...(row._sent ? { _sent: true } : {}) }));
	}

	/** Number of access tokens issued since the last seed. */
	tokensIssued(): number {
		return this.issuer.count;
	}

	/** Creates, changes or deletes a record as a user in the client would (fires notifications). */
	userWrite(method: 'POST' | 'PATCH' | 'DELETE', set: string, body: Row, id?: string, companyId?: string): unknown {
		const company = companyId ?? String(this.store.companies[0]?.id ?? '');
		const def = entity(set);
		if (!def) throw new Error(`unknown entity set "${set}"`);
		try {
			if (method === 'POST') return present(this.engine.insert(company, def, body));
			const row = this.store.get(company, def.set, id ?? '');
			if (!row) throw new Error(`no ${set} record ${id ?? ''}`);
			if (method === 'PATCH') return present(this.engine.touch(company, def, row, body));
			this.engine.remove(company, def, row, '*');
			return { ok: true };
		} catch (error) {
			if (error instanceof BcHttpError) throw new Error(JSON.stringify(error.response.body));
			throw error;
		}
	}

	adminRoutes(add: (method: string, pattern: string, handler: Handler) => void): void {
		const body = (req: SandboxRequest): Row => {
			const parsed = req.rawBody.length > 0 ? req.json() : {};
			if (typeof parsed !== 'object' || parsed === null) throw new Error('body must be JSON');
			return parsed as Row;
		};
		const company = (req: SandboxRequest) => req.query.get('company') ?? undefined;
		add('POST', '/records/:set', (req) => json(201, this.userWrite('POST', req.params.set, body(req), undefined, company(req))));
		add('PATCH', '/records/:set/:id', (req) => json(200, this.userWrite('PATCH', req.params.set, body(req), req.params.id, company(req))));
		add('DELETE', '/records/:set/:id', (req) => json(200, this.userWrite('DELETE', req.params.set, {}, req.params.id, company(req))));
		add('GET', '/subscriptions', () => json(200, this.records('subscriptions')));
		add('POST', '/subscriptions/:id/expire', (req) => {
			const ms = Number(body(req).inMs ?? 0);
			return json(200, this.subscriptions.present(this.subscriptions.expireIn(req.params.id, ms)));
		});
		add('POST', '/notifications/flush', () => json(200, { sent: this.subscriptions.flush() }));
		add('POST', '/configure', (req) => {
			this.configure(body(req) as Parameters<BusinessCentralPlugin['configure']>[0]);
			return json(200, { ...this.settings });
		});
	}

	close(): void {
		this.subscriptions.close();
	}

	private context(): PluginContext {
		if (!this.ctx) throw new Error('businesscentral plugin is not attached to a sandbox server');
		return this.ctx;
	}
}

export function createBusinessCentralPlugin(options: BusinessCentralOptions = {}): BusinessCentralPlugin {
	return new BusinessCentralPlugin(options);
}

export * from './constants';
