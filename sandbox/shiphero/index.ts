import { createHmac, randomBytes, randomUUID } from 'node:crypto';

import { headerValue, json } from '../core/http';
import type { Handler, PluginContext, RateLimitRule, SandboxPlugin, SandboxRequest, SandboxResponse, VendorErrorKind } from '../core/types';
import { charged, estimate } from './graphql/complexity';
import { Executor, FieldError, ValidationFailure } from './graphql/executor';
import type { GraphqlErrorEntry } from './graphql/executor';
import { GraphqlSyntaxError, parseDocument } from './graphql/parser';
import type { OperationNode, Value } from './graphql/parser';
import { addShipment, buildSchema, CODES, inventoryPayload } from './schema';
import { ACCOUNT_ID, ACCOUNT_LEGACY_ID, legacyIdOf, seedShipHero, SH_SEED_DEFAULTS, ShipHeroStore } from './store';
import type { Row, ShipHeroSeedOptions } from './store';

/** Fixed sandbox credentials: what a user types into the ShipHero credential to reach the sandbox. */
export const SH_REFRESH_TOKEN = 'sbx-refresh-2b7c4f9e1d6a3e58';
export const SH_USERNAME = 'developer@harbor-distribution.example';
export const SH_PASSWORD = 'Sandbox-Pass-91';

/** ShipHero's documented limits ("Throttling & Quotas"). */
export const SH_CREDIT_MAX = 4004;
export const SH_CREDIT_REFILL_PER_SECOND = 60;
export const SH_TOKEN_TTL_SECONDS = 2_419_200;
/** Webhook timeout (10 s) and 5 retries per trigger, as documented. */
export const SH_WEBHOOK_TIMEOUT_MS = 10_000;
export const SH_WEBHOOK_RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 16000];

export interface ShipHeroOptions extends Partial<ShipHeroSeedOptions> {
	/** Bucket size and refill rate of API credits (default 4,004 and 60/s). */
	creditMax?: number;
	creditRefillPerSecond?: number;
	/** Lifetime of access tokens (default 28 days). */
	tokenTtlSeconds?: number;
	webhookRetryDelaysMs?: number[];
	webhookTimeoutMs?: number;
}

export interface ShipHeroCredentials extends Record<string, string> {
	baseUrl: string;
	refreshToken: string;
	username: string;
	password: string;
}

/** The hard cap of 7,000 requests in any 5 minutes, per user. */
export const SHIPHERO_DEFAULT_RATE_LIMIT: RateLimitRule = { requests: 7000, windowMs: 300_000 };

interface Bucket {
	credits: number;
	at: number;
}

/** ShipHero Public API (GraphQL), written from developer.shiphero.com. */
export class ShipHeroPlugin implements SandboxPlugin {
	readonly name = 'shiphero';
	readonly prefix = '/shiphero';
	readonly defaultRateLimit = SHIPHERO_DEFAULT_RATE_LIMIT;
	readonly store = new ShipHeroStore();
	private readonly executor: Executor;
	private readonly seedOptions: ShipHeroSeedOptions;
	private readonly tokens = new Map<string, number>();
	private readonly buckets = new Map<string, Bucket>();
	private creditMax: number;
	private refillPerSecond: number;
	private readonly tokenTtlMs: number;
	private ctx?: PluginContext;
	private requestSeq = 0;
	private secretSeq = 0;
	private seedValue = 0;
	private pendingCredits: number | undefined;
	/** GraphQL calls refused for lack of credits (code 30) since the last seed. */
	throttledCalls = 0;

	constructor(private readonly options: ShipHeroOptions = {}) {
		this.seedOptions = {
			products: options.products ?? SH_SEED_DEFAULTS.products,
			orders: options.orders ?? SH_SEED_DEFAULTS.orders,
			purchaseOrders: options.purchaseOrders ?? SH_SEED_DEFAULTS.purchaseOrders,
		};
		this.creditMax = options.creditMax ?? SH_CREDIT_MAX;
		this.refillPerSecond = options.creditRefillPerSecond ?? SH_CREDIT_REFILL_PER_SECOND;
		this.tokenTtlMs = (options.tokenTtlSeconds ?? SH_TOKEN_TTL_SECONDS) * 1000;
		this.executor = new Executor(
			buildSchema({
				store: this.store,
				now: () => this.context().now(),
				notify: (type, payload) => this.notify(type, payload),
				newSecret: () => this.newSecret(),
				account: { email: SH_USERNAME, username: SH_USERNAME },
			}),
		);
	}

	attach(ctx: PluginContext): void {
		this.ctx = ctx;
	}

	seed(seed: number): void {
		this.seedValue = seed;
		seedShipHero(this.store, seed, this.seedOptions);
		this.buckets.clear();
		this.secretSeq = 0;
		this.throttledCalls = 0;
	}

	credentials(baseUrl: string): ShipHeroCredentials {
		return { baseUrl, refreshToken: SH_REFRESH_TOKEN, username: SH_USERNAME, password: SH_PASSWORD };
	}

	rateLimitKey(req: SandboxRequest): string | undefined {
		return req.path.startsWith('/auth/') ? undefined : (this.bearer(req) ?? '(no token)');
	}

	async handle(req: SandboxRequest): Promise<SandboxResponse> {
		if (req.path === '/auth/token' || req.path === '/auth/refresh') {
			if (req.method !== 'POST') return json(405, { error: 'method_not_allowed' }, { Allow: 'POST' });
			return req.path === '/auth/token' ? this.token(req) : this.refresh(req);
		}
		if (req.path === '/graphql' || req.path === '/graphql/') {
			if (req.method !== 'POST') return this.error('methodNotAllowed', 405, 'Use POST with a JSON body { query, variables }');
			return await this.graphql(req);
		}
		return this.error('notFound', 404, `No route ${req.method} ${req.path}; the API is POST /graphql`);
	}

	error(_kind: VendorErrorKind, status: number, message: string): SandboxResponse {
		return json(status, { errors: [{ message, request_id: this.requestId() }], data: null });
	}

	rateLimited(retryAfterSec: number): SandboxResponse {
		return json(
			429,
			{ errors: [{ message: `Too many requests: the limit is 7000 requests per 5 minutes. Try again in ${retryAfterSec} seconds` }], data: null },
			{ 'Retry-After': String(retryAfterSec) },
		);
	}

	collections(): string[] {
		return ['warehouses', 'products', 'warehouse_products', 'orders', 'shipments', 'purchase_orders', 'webhooks'];
	}

	records(collection: string): unknown[] | undefined {
		const map: Record<string, Row[]> = {
			warehouses: this.store.warehouses,
			products: this.store.products,
			warehouse_products: this.store.warehouseProducts,
			orders: this.store.orders,
			shipments: this.store.shipments,
			purchase_orders: this.store.purchaseOrders,
			webhooks: this.store.webhooks,
		};
		return map[collection] ? (JSON.parse(JSON.stringify(map[collection])) as unknown[]) : undefined;
	}

	/** The credits the account has now. */
	credits(): number {
		return Math.floor(this.bucket(ACCOUNT_ID).credits);
	}

	setCredits(credits: number, rule?: { max?: number; refillPerSecond?: number }): void {
		if (rule?.max !== undefined) this.creditMax = rule.max;
		if (rule?.refillPerSecond !== undefined) this.refillPerSecond = rule.refillPerSecond;
		this.buckets.set(ACCOUNT_ID, { credits: Math.min(credits, this.creditMax), at: Date.now() });
		this.pendingCredits = undefined;
	}

	/**
	 * Leaves `credits` in the bucket when the next GraphQL call arrives, as if another integration on the
	 * account had just spent the rest (so a test does not depend on how long its client took to start).
	 */
	setCreditsAtNextCall(credits: number): void {
		this.pendingCredits = credits;
	}

	/** Makes every issued access token expire now (the next call gets 401 until the client refreshes). */
	expireTokens(): void {
		for (const token of this.tokens.keys()) this.tokens.set(token, 0);
	}

	/** Changes on-hand stock as a warehouse worker would (fires Inventory Update). */
	adjustInventory(sku: string, warehouseId: string, onHand: number): Row {
		const warehouse = this.store.warehouses.find((w) => w.id === warehouseId || w.legacy_id === legacyIdOf('Warehouse', warehouseId));
		const wp = this.store.warehouseProducts.find((w) => w.sku === sku && w.warehouse_id === warehouse?.id);
		if (!warehouse || !wp) throw new Error(`no warehouse product ${sku} in ${warehouseId}`);
		wp.on_hand = onHand;
		wp.updated_at = this.context().now().toISOString();
		this.notify('Inventory Update', inventoryPayload(wp, warehouse));
		return wp;
	}

	/** Ships an order in full (creates the shipment, fires Shipment Update). */
	shipOrder(orderId: string): Row {
		const order = this.store.orders.find((o) => o.id === orderId || o.legacy_id === legacyIdOf('Order', orderId));
		if (!order) throw new Error(`no order ${orderId}`);
		const shipment = addShipment(this.store, order, this.store.warehouses[0], this.context().now().toISOString(), `1Z${randomBytes(8).toString('hex').toUpperCase()}`);
		order.fulfillment_status = 'fulfilled';
		this.notify('Shipment Update', {
			webhook_type: 'Shipment Update',
			test: '0',
			fulfillment: {
				shipment_uuid: shipment.id,
				shipment_id: shipment.legacy_id,
				order_uuid: order.id,
				order_id: order.legacy_id,
				order_number: order.order_number,
				partner_order_id: order.partner_order_id,
				warehouse_uuid: shipment.warehouse_id,
				tracking_number: (shipment.shipping_labels as Row[])[0].tracking_number,
				shipping_carrier: 'UPS',
				shipping_method: 'ground',
				line_items: (shipment.line_items as Row[]).map((l) => ({ line_item_id: l.line_item_id, quantity: l.quantity, sku: (l.line_item as Row).sku })),
			},
		});
		return shipment;
	}

	adminRoutes(add: (method: string, pattern: string, handler: Handler) => void): void {
		const body = (req: SandboxRequest): Row => {
			const parsed = req.rawBody.length > 0 ? req.json() : {};
			if (typeof parsed !== 'object' || parsed === null) throw new Error('body must be a JSON object');
			return parsed as Row;
		};
		add('GET', '/credits', () => json(200, { credits: this.credits(), max: this.creditMax, refillPerSecond: this.refillPerSecond }));
		add('PUT', '/credits', (req) => {
			const b = body(req);
			if (b.atNextCall === true) {
				this.setCreditsAtNextCall(Number(b.credits ?? 0));
				return json(200, { credits: this.credits(), atNextCall: Number(b.credits ?? 0) });
			}
			this.setCredits(Number(b.credits ?? this.creditMax), {
				max: b.max === undefined ? undefined : Number(b.max),
				refillPerSecond: b.refillPerSecond === undefined ? undefined : Number(b.refillPerSecond),
			});
			return json(200, { credits: this.credits() });
		});
		add('POST', '/tokens/expire', () => {
			this.expireTokens();
			return json(200, { ok: true });
		});
		add('POST', '/inventory', (req) => {
			const b = body(req);
			return json(200, this.adjustInventory(String(b.sku), String(b.warehouse_id), Number(b.on_hand)));
		});
		add('POST', '/orders/:id/ship', (req) => json(200, this.shipOrder(req.params.id)));
	}

	private context(): PluginContext {
		if (!this.ctx) throw new Error('shiphero plugin is not attached to a sandbox server');
		return this.ctx;
	}

	private requestId(): string {
		this.requestSeq++;
		return `${(0x5da7dc13 + this.requestSeq).toString(16)}${String(this.requestSeq).padStart(16, '0')}`.slice(0, 24);
	}

	private newSecret(): string {
		this.secretSeq++;
		return createHmac('sha256', `shiphero-sandbox:${this.seedValue}`).update(String(this.secretSeq)).digest('hex').slice(0, 32);
	}

	private bearer(req: SandboxRequest): string | undefined {
		const match = /^Bearer\s+(\S+)$/i.exec(headerValue(req.headers.authorization)?.trim() ?? '');
		return match?.[1];
	}

	private issue(): Row {
		const token = `sbx.${randomBytes(24).toString('base64url')}`;
		this.tokens.set(token, Date.now() + this.tokenTtlMs);
		return { access_token: token, expires_in: Math.round(this.tokenTtlMs / 1000), scope: 'openid profile offline_access', token_type: 'Bearer' };
	}

	private token(req: SandboxRequest): SandboxResponse {
		const b = req.json() as Row;
		if (b?.username !== SH_USERNAME || b?.password !== SH_PASSWORD) {
			return json(403, { error: 'invalid_grant', error_description: 'Wrong email or password.' });
		}
		return json(200, { ...this.issue(), refresh_token: SH_REFRESH_TOKEN });
	}

	private refresh(req: SandboxRequest): SandboxResponse {
		const b = req.json() as Row;
		if (typeof b?.refresh_token !== 'string' || b.refresh_token === '') {
			return json(400, { error: 'invalid_request', error_description: 'Missing required parameter: refresh_token' });
		}
		if (b.refresh_token !== SH_REFRESH_TOKEN) return json(403, { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' });
		return json(200, this.issue());
	}

	private unauthorized(message: string): SandboxResponse {
		return json(401, { errors: [{ message, code: 16 }], data: null });
	}

	private bucket(account: string): Bucket {
		const now = Date.now();
		let bucket = this.buckets.get(account);
		if (!bucket) {
			bucket = { credits: this.creditMax, at: now };
			this.buckets.set(account, bucket);
		}
		bucket.credits = Math.min(this.creditMax, bucket.credits + ((now - bucket.at) / 1000) * this.refillPerSecond);
		bucket.at = now;
		return bucket;
	}

	private async graphql(req: SandboxRequest): Promise<SandboxResponse> {
		const token = this.bearer(req);
		if (!token) return this.unauthorized('Authorization header with a Bearer access token is required');
		const expires = this.tokens.get(token);
		if (expires === undefined) return this.unauthorized('Invalid access token');
		if (expires <= Date.now()) return this.unauthorized('The access token has expired; get a new one from /auth/refresh');

		const body = req.json() as Row;
		if (typeof body !== 'object' || body === null || typeof body.query !== 'string') {
			return json(400, { errors: [{ message: 'Must provide query string.' }], data: null });
		}
		const variables = (body.variables ?? {}) as Record<string, unknown>;
		if (typeof variables !== 'object' || Array.isArray(variables)) return json(400, { errors: [{ message: 'Variables are invalid JSON.' }], data: null });

		let operation: OperationNode;
		let coerced: Record<string, unknown>;
		try {
			const operations = parseDocument(body.query);
			const name = typeof body.operationName === 'string' ? body.operationName : undefined;
			const chosen = name ? operations.find((o) => o.name === name) : operations.length === 1 ? operations[0] : undefined;
			if (!chosen) {
				return json(400, {
					errors: [{ message: name ? `Unknown operation named "${name}".` : 'Must provide operation name if query contains multiple operations.' }],
					data: null,
				});
			}
			operation = chosen;
			coerced = this.executor.validate(operation, variables);
		} catch (error) {
			if (error instanceof GraphqlSyntaxError) return json(400, { errors: [{ message: error.message, locations: [error.loc] }], data: null });
			if (error instanceof ValidationFailure) return json(400, { errors: error.errors, data: null });
			throw error;
		}

		const rootType = operation.type === 'query' ? 'Query' : 'Mutation';
		// Cost per root field: one credit plus what its selection may return (analyze: only that, nothing runs).
		const costs = operation.selections.map((field) => 1 + estimate(this.executor, field.selections ?? [], this.executor.fieldType(rootType, field.name) as string, coerced));
		const analyzed = operation.selections.map((field) => field.args.analyze !== undefined && Boolean(literalOf(field.args.analyze, coerced)));
		const required = costs.reduce((sum, cost, i) => sum + (analyzed[i] ? 0 : cost), 0);
		const requestId = this.requestId();
		if (required > this.creditMax) {
			return json(200, {
				errors: [
					{
						code: CODES.throttled,
						message: `The requested operation requires ${required} credits, more than the max allowed for your account (${this.creditMax} credits per operation). Try making a smaller query`,
						operation: operation.selections[0].name,
						request_id: requestId,
						required_credits: required,
						remaining_credits: Math.floor(this.bucket(ACCOUNT_ID).credits),
						time_remaining: '0 seconds',
					},
				],
				data: null,
			});
		}
		const bucket = this.bucket(ACCOUNT_ID);
		if (this.pendingCredits !== undefined) {
			bucket.credits = Math.min(this.pendingCredits, this.creditMax);
			this.pendingCredits = undefined;
		}
		if (bucket.credits < required) {
			this.throttledCalls++;
			const seconds = Math.max(1, Math.ceil((required - bucket.credits) / this.refillPerSecond));
			return json(200, {
				errors: [
					{
						code: CODES.throttled,
						message: `There are not enough credits to perform the requested operation, which requires ${required} credits. The max allowed for your account is ${this.creditMax} credits per operation. Try again in ${seconds} seconds`,
						operation: operation.selections[0].name,
						request_id: requestId,
						required_credits: required,
						remaining_credits: Math.floor(bucket.credits),
						time_remaining: `${seconds} seconds`,
					},
				],
				data: null,
			});
		}

		const { data, errors } = await this.executor.execute(operation, coerced, {}, {}, (error: FieldError, field) => errorEntry(error, field.name, requestId));
		let spent = 0;
		operation.selections.forEach((field, i) => {
			const key = field.alias ?? field.name;
			const value = data[key] as Row | null;
			const cost = analyzed[i] ? costs[i] : 1 + charged(this.executor, field.selections ?? [], this.executor.fieldType(rootType, field.name) as string, value);
			if (!analyzed[i]) spent += cost;
			if (value && typeof value === 'object') {
				for (const child of field.selections ?? []) {
					if (child.name === 'request_id') value[child.alias ?? child.name] = requestId;
					if (child.name === 'complexity') value[child.alias ?? child.name] = cost;
				}
			}
		});
		bucket.credits -= spent;
		return json(200, errors.length > 0 ? { errors, data } : { data });
	}

	private notify(type: string, payload: Record<string, unknown>): void {
		const ctx = this.context();
		for (const webhook of this.store.webhooks.filter((w) => w.name === type)) {
			const body = JSON.stringify(payload);
			const messageId = randomUUID();
			ctx.sendWebhook({
				system: ctx.system,
				url: String(webhook.url),
				body,
				headers: {
					'Content-Type': 'application/json',
					'x-shiphero-hmac-sha256': signWebhook(String(webhook.shared_signature_secret), body),
					'x-shiphero-message-id': messageId,
				},
				eventId: messageId,
				retry: { statuses: [...range(400, 600)], delaysMs: this.options.webhookRetryDelaysMs ?? SH_WEBHOOK_RETRY_DELAYS_MS },
				timeoutMs: this.options.webhookTimeoutMs ?? SH_WEBHOOK_TIMEOUT_MS,
			});
		}
	}
}

function* range(from: number, to: number): Generator<number> {
	for (let i = from; i < to; i++) yield i;
}

function literalOf(value: Value, variables: Record<string, unknown>): unknown {
	if (value.kind === 'Variable') return variables[value.name];
	return 'value' in value ? value.value : null;
}

function errorEntry(error: FieldError, operation: string, requestId: string): GraphqlErrorEntry {
	return { message: error.message, operation, field: operation, request_id: requestId, code: error.code, ...error.extra };
}

/** `x-shiphero-hmac-sha256`: base64(HMAC-SHA256(key = shared_signature_secret, message = raw body)). */
export function signWebhook(secret: string, body: string): string {
	return createHmac('sha256', secret).update(body, 'utf8').digest('base64');
}

export function createShipHeroPlugin(options: ShipHeroOptions = {}): ShipHeroPlugin {
	return new ShipHeroPlugin(options);
}

export { ACCOUNT_ID as SH_ACCOUNT_ID, ACCOUNT_LEGACY_ID as SH_ACCOUNT_LEGACY_ID };
