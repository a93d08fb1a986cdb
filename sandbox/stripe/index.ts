import { createHmac } from 'node:crypto';

import { headerValue, json, SandboxHttpError } from '../core/http';
import type { Router } from '../core/router';
import type { Handler, PluginContext, RateLimitRule, SandboxPlugin, SandboxRequest, SandboxResponse, VendorErrorKind } from '../core/types';
import { buildApiRouter, withoutSecret, type StripeHandler } from './api';
import {
	IDEMPOTENCY_RETENTION_MS,
	STRIPE_ACCOUNT_ID,
	STRIPE_DEFAULT_API_VERSION,
	STRIPE_RESTRICTED_READ_KEY,
	STRIPE_SECRET_KEY,
} from './constants';
import { StripeEngine, type RequestInfo } from './engine';
import { invalidRequest, lockTimeout, maskKey, missingParam, rateLimited, stripeError } from './errors';
import { FormError, parseForm, parseFormBody, type FormObject } from './form';
import { Params } from './params';
import { seedStripe, STRIPE_SEED_DEFAULTS, type StripeSeedOptions } from './seed';
import { clone, COLLECTIONS, StripeStore, type Collection, type StripeObject } from './store';

export interface StripeOptions extends Partial<StripeSeedOptions> {
	/** Redelivery delays (ms) after a failed webhook delivery; Stripe retries for up to three days. */
	webhookRetryDelaysMs?: number[];
	webhookTimeoutMs?: number;
}

/** Stripe's test-mode limit is about 25 requests per second per account. */
export const STRIPE_DEFAULT_RATE_LIMIT: RateLimitRule = { requests: 25, windowMs: 1000 };

export interface StripeCredentials extends Record<string, string> {
	secretKey: string;
	restrictedKey: string;
	baseUrl: string;
	apiVersion: string;
}

interface StoredResult {
	fingerprint: string;
	at: number;
	requestId: string;
	response: SandboxResponse;
}

const ID_PREFIXES: Record<string, Collection> = {
	cus: 'customers',
	prod: 'products',
	price: 'prices',
	sub: 'subscriptions',
	in: 'invoices',
	ii: 'invoiceitems',
	cn: 'credit_notes',
	mtr: 'billing_meters',
	pi: 'payment_intents',
	ch: 'charges',
	we: 'webhook_endpoints',
};

/** Every event type the sandbox emits; `*` subscribes to all. */
export const STRIPE_EVENT_TYPES = [
	'billing.meter.created',
	'charge.succeeded',
	'credit_note.created',
	'credit_note.voided',
	'customer.created',
	'customer.deleted',
	'customer.subscription.created',
	'customer.subscription.deleted',
	'customer.subscription.updated',
	'customer.updated',
	'invoice.created',
	'invoice.deleted',
	'invoice.finalized',
	'invoice.paid',
	'invoice.payment_failed',
	'invoice.payment_succeeded',
	'invoice.sent',
	'invoice.updated',
	'invoice.voided',
	'invoiceitem.created',
	'invoiceitem.deleted',
	'payment_intent.succeeded',
	'price.created',
	'price.updated',
	'product.created',
	'product.deleted',
	'product.updated',
];

/** Stripe's `Stripe-Signature`: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body" with the endpoint secret>`. */
export function signStripePayload(secret: string, body: string, timestamp: number): string {
	return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Stripe Billing API v1, written from Stripe's documentation. */
export class StripePlugin implements SandboxPlugin {
	readonly name = 'stripe';
	readonly prefix = '/stripe';
	readonly defaultRateLimit = STRIPE_DEFAULT_RATE_LIMIT;
	private readonly store = new StripeStore();
	private readonly engine: StripeEngine;
	private readonly router: Router<StripeHandler>;
	private readonly seedOptions: StripeSeedOptions;
	private readonly idempotency = new Map<string, StoredResult>();
	private ctx?: PluginContext;
	private seedClock: number | undefined;
	private requestCounter = 0;
	private secretCounter = 0;
	private pendingLockTimeouts = 0;
	private currentSeed = 0;

	constructor(private readonly options: StripeOptions = {}) {
		this.seedOptions = { ...STRIPE_SEED_DEFAULTS };
		for (const key of Object.keys(STRIPE_SEED_DEFAULTS) as Array<keyof StripeSeedOptions>) {
			const value = options[key];
			if (value !== undefined) {
				if (!Number.isInteger(value) || value < 0) throw new Error(`stripe.${key} must be a non-negative integer`);
				this.seedOptions[key] = value;
			}
		}
		this.engine = new StripeEngine(this.store, () => this.nowSeconds(), (type, object, request, previous) =>
			this.emitEvent(type, object, request, previous),
		);
		this.router = buildApiRouter({
			engine: this.engine,
			truncatePage: (items) => this.context().truncatePage(items),
			createWebhookEndpoint: (p) => this.createWebhookEndpoint(p),
		});
	}

	attach(ctx: PluginContext): void {
		this.ctx = ctx;
	}

	seed(seed: number): void {
		this.currentSeed = seed;
		this.store.reset(seed);
		this.idempotency.clear();
		this.requestCounter = 0;
		this.secretCounter = 0;
		this.pendingLockTimeouts = 0;
		seedStripe(this.engine, (seconds) => (this.seedClock = seconds), seed, this.seedOptions);
		this.seedClock = undefined;
	}

	credentials(baseUrl: string): StripeCredentials {
		return { secretKey: STRIPE_SECRET_KEY, restrictedKey: STRIPE_RESTRICTED_READ_KEY, baseUrl, apiVersion: STRIPE_DEFAULT_API_VERSION };
	}

	rateLimitKey(req: SandboxRequest): string | undefined {
		return apiKeyOf(req) ?? '(no key)';
	}

	handle(req: SandboxRequest): SandboxResponse {
		const requestId = `req_${String(++this.requestCounter).padStart(14, '0')}`;
		const version = headerValue(req.headers['stripe-version'])?.trim() || STRIPE_DEFAULT_API_VERSION;
		const response = this.serve(req, requestId, version);
		return { ...response, headers: { 'Request-Id': requestId, 'Stripe-Version': version, ...response.headers } };
	}

	private serve(req: SandboxRequest, requestId: string, version: string): SandboxResponse {
		const key = apiKeyOf(req);
		if (!key) {
			return stripeError(
				401,
				'invalid_request_error',
				"You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
				{ headers: { 'WWW-Authenticate': 'Bearer realm="Stripe"' } },
			);
		}
		if (key !== STRIPE_SECRET_KEY && key !== STRIPE_RESTRICTED_READ_KEY) {
			return stripeError(401, 'invalid_request_error', `Invalid API Key provided: ${maskKey(key)}`, { headers: { 'WWW-Authenticate': 'Bearer realm="Stripe"' } });
		}
		if (!/^\d{4}-\d{2}-\d{2}(\.[a-z]+)?$/.test(version)) {
			return invalidRequest(`Invalid Stripe API version: ${version}`, undefined, 'invalid_api_version');
		}
		const match = this.router.match(req.method, req.path);
		if (match.kind !== 'found') {
			return stripeError(404, 'invalid_request_error', `Unrecognized request URL (${req.method}: ${req.path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`);
		}
		const write = req.method !== 'GET';
		if (write && key === STRIPE_RESTRICTED_READ_KEY) {
			return stripeError(
				403,
				'invalid_request_error',
				`The provided key '${maskKey(key)}' does not have the required permissions for this endpoint on account '${STRIPE_ACCOUNT_ID}'. Having the 'rak_write' permission would allow this request to continue.`,
			);
		}
		let params: FormObject;
		try {
			params = req.method === 'POST' ? parseFormBody(req.rawBody) : parseForm(req.query);
		} catch (error) {
			return invalidRequest((error as Error).message, error instanceof FormError ? error.param : undefined);
		}
		const idempotencyKey = req.method === 'POST' ? headerValue(req.headers['idempotency-key'])?.trim() : undefined;
		const request: RequestInfo = { id: requestId, idempotency_key: idempotencyKey ?? null };
		const run = (): SandboxResponse => {
			if (write && this.pendingLockTimeouts > 0) {
				this.pendingLockTimeouts--;
				return lockTimeout(req.path.split('/')[2] ?? 'object', match.params.id ?? 'new');
			}
			try {
				const response = match.handler({ route: match.params, params, request, write });
				return this.expand(response, params);
			} catch (error) {
				if (error instanceof SandboxHttpError) return error.response;
				throw error;
			}
		};
		if (!idempotencyKey) return run();
		return this.idempotent(key, idempotencyKey, `${req.method} ${req.path} ${stableJson(params)}`, requestId, run);
	}

	/**
	 * Stripe's idempotency layer: a key is stored for 24 hours with the result of the first request.
	 * The same key with the same parameters replays that result (`Idempotent-Replayed: true`); with
	 * other parameters or another endpoint it is a 400 `idempotency_error`. Results are only saved
	 * once the endpoint ran: a request refused by validation, a lock or a rate limit is not saved.
	 */
	private idempotent(apiKey: string, key: string, fingerprint: string, requestId: string, run: () => SandboxResponse): SandboxResponse {
		if (key.length > 255) return invalidRequest('Idempotency keys can be at most 255 characters long.', undefined);
		const now = this.context().now().getTime();
		for (const [stored, result] of this.idempotency) if (now - result.at > IDEMPOTENCY_RETENTION_MS) this.idempotency.delete(stored);
		const slot = `${apiKey}\u0000${key}`;
		const previous = this.idempotency.get(slot);
		if (previous) {
			if (previous.fingerprint !== fingerprint) {
				return stripeError(
					400,
					'idempotency_error',
					`Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
					{ headers: { 'Idempotency-Key': key } },
				);
			}
			const replay = clone(previous.response);
			return { ...replay, headers: { ...replay.headers, 'Idempotency-Key': key, 'Idempotent-Replayed': 'true', 'Original-Request': previous.requestId } };
		}
		const response = run();
		const code = ((response.body as { error?: { code?: string } } | undefined)?.error?.code ?? '') as string;
		const saved = response.status < 500 && response.status !== 429 && !code.startsWith('parameter_');
		if (saved) this.idempotency.set(slot, { fingerprint, at: now, requestId, response: clone(response) });
		return { ...response, headers: { ...response.headers, 'Idempotency-Key': key, 'Original-Request': requestId } };
	}

	/** `expand[]=customer`, `expand[]=data.customer`: ids replaced by their objects. */
	private expand(response: SandboxResponse, params: FormObject): SandboxResponse {
		const raw = params.expand;
		const paths = raw === undefined ? [] : Array.isArray(raw) ? raw : typeof raw === 'object' ? Object.values(raw) : [raw];
		if (paths.length === 0 || response.status >= 300 || typeof response.body !== 'object') return response;
		const body = clone(response.body) as Record<string, unknown>;
		for (const path of paths) {
			if (typeof path !== 'string') continue;
			const parts = path.split('.');
			const targets = parts[0] === 'data' && Array.isArray(body.data) ? (body.data as Array<Record<string, unknown>>) : [body];
			const fieldPath = parts[0] === 'data' && Array.isArray(body.data) ? parts.slice(1) : parts;
			for (const target of targets) {
				if (!this.expandField(target, fieldPath)) {
					return invalidRequest(`This property cannot be expanded (${path}).`, 'expand');
				}
			}
		}
		return { ...response, body };
	}

	private expandField(target: Record<string, unknown>, path: string[]): boolean {
		if (path.length === 0) return false;
		if (path.length > 1) {
			const child = target[path[0]];
			return typeof child === 'object' && child !== null ? this.expandField(child as Record<string, unknown>, path.slice(1)) : child === null;
		}
		const value = target[path[0]];
		if (value === null || (typeof value === 'object' && value !== null)) return value !== undefined;
		if (typeof value !== 'string') return false;
		const collection = ID_PREFIXES[value.split('_')[0]];
		const found = collection ? this.store.get(collection, value) : undefined;
		if (!found) return false;
		target[path[0]] = collection === 'webhook_endpoints' ? withoutSecret(found) : clone(found);
		return true;
	}

	private createWebhookEndpoint(p: Params): StripeObject {
		p.only('url', 'enabled_events', 'api_version', 'description', 'metadata', 'connect');
		const url = p.requireStr('url');
		if (!/^https?:\/\/\S+$/i.test(url)) throw new SandboxHttpError(invalidRequest('Invalid URL: URL must be publicly accessible and use http or https.', 'url', 'url_invalid'));
		const events = p.strings('enabled_events');
		if (events.length === 0) throw new SandboxHttpError(missingParam('enabled_events'));
		const unknown = events.find((e) => e !== '*' && !STRIPE_EVENT_TYPES.includes(e) && !/^[a-z_.]+$/.test(e));
		if (unknown) throw new SandboxHttpError(invalidRequest(`Invalid enabled_events: ${unknown}`, 'enabled_events'));
		if (this.store.all('webhook_endpoints').length >= 16) {
			throw new SandboxHttpError(invalidRequest('You have reached the maximum of 16 test webhook endpoints.', 'url'));
		}
		const secret = `whsec_${createHmac('sha256', `stripe-sandbox-${this.currentSeed}`).update(String(++this.secretCounter)).digest('hex').slice(0, 32)}`;
		const endpoint: StripeObject = {
			id: this.store.newId('we'),
			object: 'webhook_endpoint',
			api_version: p.str('api_version') ?? null,
			application: null,
			created: this.nowSeconds(),
			description: p.str('description') ?? null,
			enabled_events: events,
			livemode: false,
			metadata: p.metadata() ?? {},
			secret,
			status: 'enabled',
			url,
		};
		this.store.put('webhook_endpoints', endpoint);
		return clone(endpoint);
	}

	/** Records the event and delivers it, signed, to every enabled endpoint subscribed to its type. */
	private emitEvent(type: string, object: StripeObject, request: RequestInfo, previous?: Record<string, unknown>): void {
		if (this.seedClock !== undefined) return;
		const endpoints = this.store.all('webhook_endpoints').filter((e) => e.status === 'enabled' && ((e.enabled_events as string[]).includes('*') || (e.enabled_events as string[]).includes(type)));
		const event: StripeObject = {
			id: this.store.newId('evt'),
			object: 'event',
			api_version: STRIPE_DEFAULT_API_VERSION,
			created: this.nowSeconds(),
			data: { object: clone(object), ...(previous && Object.keys(previous).length ? { previous_attributes: clone(previous) } : {}) },
			livemode: false,
			pending_webhooks: endpoints.length,
			request,
			type,
		};
		this.store.put('events', event);
		for (const endpoint of endpoints) this.deliver(endpoint, { ...event, api_version: (endpoint.api_version as string | null) ?? STRIPE_DEFAULT_API_VERSION });
	}

	private deliver(endpoint: StripeObject, event: StripeObject): void {
		const body = JSON.stringify(event, null, 2);
		const timestamp = Math.floor(this.context().now().getTime() / 1000);
		this.context().sendWebhook({
			system: this.name,
			url: String(endpoint.url),
			body,
			eventId: event.id,
			headers: {
				'Content-Type': 'application/json; charset=utf-8',
				'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
				'Stripe-Signature': signStripePayload(String(endpoint.secret), body, timestamp),
			},
			retry: {
				statuses: [0, 400, 401, 403, 404, 408, 409, 410, 429, 500, 502, 503, 504],
				delaysMs: this.options.webhookRetryDelaysMs ?? [2000, 5000],
			},
			timeoutMs: this.options.webhookTimeoutMs ?? 10_000,
		});
	}

	/** Emits `type` for an existing object (as the Dashboard or an automation would); returns the event. */
	triggerEvent(type: string, id: string): StripeObject {
		const collection = ID_PREFIXES[id.split('_')[0]];
		const object = collection ? this.store.get(collection, id) : undefined;
		if (!object) throw new Error(`no stripe object "${id}"`);
		this.emitEvent(type, object, { id: null, idempotency_key: null });
		return this.store.all('events').at(-1) as StripeObject;
	}

	/** Changes a customer as a Dashboard user would (fires `customer.updated`). */
	updateCustomerAs(id: string, fields: Record<string, string>): StripeObject {
		return clone(this.engine.updateCustomer(id, new Params(fields), { id: null, idempotency_key: null }));
	}

	/** The next `count` write requests fail with 429 `lock_timeout`. */
	injectLockTimeouts(count: number): void {
		this.pendingLockTimeouts = count;
	}

	/** The secret of a webhook endpoint (shown once by the API; kept by the sandbox for tests). */
	endpointSecret(id: string): string | undefined {
		return this.store.get('webhook_endpoints', id)?.secret as string | undefined;
	}

	idempotencyKeys(): Array<{ key: string; at: string; requestId: string }> {
		return [...this.idempotency.entries()].map(([slot, r]) => ({ key: slot.split('\u0000')[1], at: new Date(r.at).toISOString(), requestId: r.requestId }));
	}

	error(kind: VendorErrorKind, status: number, message: string): SandboxResponse {
		const type = kind === 'serverError' ? 'api_error' : 'invalid_request_error';
		return stripeError(status, type, message, kind === 'serverError' ? { headers: { 'Stripe-Should-Retry': 'true' } } : {});
	}

	rateLimited(): SandboxResponse {
		return rateLimited();
	}

	collections(): string[] {
		return [...COLLECTIONS];
	}

	records(collection: string): unknown[] | undefined {
		if (!(COLLECTIONS as readonly string[]).includes(collection)) return undefined;
		return this.store.all(collection as Collection).map((r) => clone(r));
	}

	adminRoutes(add: (method: string, pattern: string, handler: Handler) => void): void {
		const body = (req: SandboxRequest): Record<string, unknown> => {
			const parsed = req.rawBody.length > 0 ? req.json() : {};
			if (typeof parsed !== 'object' || parsed === null) throw new Error('body must be a JSON object');
			return parsed as Record<string, unknown>;
		};
		add('POST', '/events/trigger', (req) => {
			const b = body(req);
			return json(200, this.triggerEvent(String(b.type), String(b.id)));
		});
		add('POST', '/customers/:id', (req) => json(200, this.updateCustomerAs(req.params.id, body(req) as Record<string, string>)));
		add('POST', '/lock-timeouts', (req) => {
			this.injectLockTimeouts(Number(body(req).count ?? 1));
			return json(200, { pending: this.pendingLockTimeouts });
		});
		add('GET', '/idempotency-keys', () => json(200, this.idempotencyKeys()));
	}

	private nowSeconds(): number {
		return this.seedClock ?? Math.floor(this.context().now().getTime() / 1000);
	}

	private context(): PluginContext {
		if (!this.ctx) throw new Error('stripe plugin is not attached to a sandbox server');
		return this.ctx;
	}
}

/** The secret key from `Authorization: Bearer <key>` or Basic with the key as username. */
function apiKeyOf(req: SandboxRequest): string | undefined {
	const header = headerValue(req.headers.authorization)?.trim();
	if (!header) return undefined;
	const bearer = /^Bearer\s+(\S+)$/i.exec(header);
	if (bearer) return bearer[1];
	const basic = /^Basic\s+(\S+)$/i.exec(header);
	if (basic) return Buffer.from(basic[1], 'base64').toString('utf8').split(':')[0] || undefined;
	return undefined;
}

function stableJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
	if (value && typeof value === 'object') {
		return `{${Object.keys(value)
			.sort()
			.map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
			.join(',')}}`;
	}
	return JSON.stringify(value);
}

export function createStripePlugin(options: StripeOptions = {}): StripePlugin {
	return new StripePlugin(options);
}

export * from './constants';
