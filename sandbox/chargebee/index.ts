import { createHash } from 'node:crypto';

import { headerValue, json } from '../core/http';
import { Router } from '../core/router';
import type { Handler, PluginContext, RateLimitRule, SandboxPlugin, SandboxRequest, SandboxResponse, VendorErrorKind } from '../core/types';
import { CHARGEBEE_SEED_DEFAULTS, seedChargebee, type ChargebeeData, type ChargebeeSeedOptions, type Rec } from './seed';

export interface ChargebeeOptions extends Partial<ChargebeeSeedOptions> {
	/** Redelivery delays after a non-2xx webhook answer (Chargebee retries for days; shortened here). */
	webhookRetryDelaysMs?: number[];
	webhookTimeoutMs?: number;
}

export interface ChargebeeCredentials extends Record<string, string> {
	site: string;
	apiKey: string;
	/** The API root (`…/chargebee/api/v2`), the credential's base URL override. */
	baseUrl: string;
}

export const CHARGEBEE_SITE = 'erp-interop-test';
export const CHARGEBEE_API_KEY = 'test_cbSandboxKey7Hq2Lm9XvR4tN8';
/** Test sites allow 150 requests per minute. */
export const CHARGEBEE_DEFAULT_RATE_LIMIT: RateLimitRule = { requests: 150, windowMs: 60_000, maxConcurrent: 20 };

const API = '/api/v2';
const MAX_LIMIT = 100;
const IDEMPOTENCY_TTL_MS = 24 * 3600_000;

/** Chargebee's error body, with the deprecated duplicates it still sends. */
export function cbError(status: number, apiErrorCode: string, message: string, param?: string, type = 'invalid_request'): SandboxResponse {
	return {
		status,
		body: {
			message,
			type,
			api_error_code: apiErrorCode,
			...(param ? { param, error_param: param } : {}),
			error_code: apiErrorCode,
			error_msg: message,
			http_status_code: status,
		},
	};
}

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const FILTER = /^([a-z_.]+)\[(is|is_not|starts_with|in|not_in|is_present|after|before|on|between|lt|lte|gt|gte)\]$/;

/** A form body as Chargebee reads it: `a=1`, `b[c]=2`, `d[e][0]=3`. */
class Form {
	constructor(private readonly params: URLSearchParams) {}
	static of(req: SandboxRequest): Form {
		return new Form(new URLSearchParams(req.rawBody.toString('utf8')));
	}
	get(name: string): string | undefined {
		return this.params.get(name) ?? undefined;
	}
	/** `prefix[field]=v` → { field: v }. */
	object(prefix: string): Rec | undefined {
		const out: Rec = {};
		for (const [key, value] of this.params) {
			const m = new RegExp(`^${prefix}\\[([a-z_0-9]+)\\]$`).exec(key);
			if (m) out[m[1]] = value;
		}
		return Object.keys(out).length ? out : undefined;
	}
	/** `prefix[field][i]=v` → [{ field: v }, ...] ordered by i. */
	rows(prefix: string): Rec[] {
		const rows: Rec[] = [];
		for (const [key, value] of this.params) {
			const m = new RegExp(`^${prefix}\\[([a-z_]+)\\]\\[(\\d+)\\]$`).exec(key);
			if (m) (rows[Number(m[2])] ??= {})[m[1]] = value;
		}
		return rows.filter(Boolean);
	}
	/** `prefix[i]=v` → [v, ...]. */
	list(prefix: string): string[] {
		const out: string[] = [];
		for (const [key, value] of this.params) {
			const m = new RegExp(`^${prefix}\\[(\\d+)\\]$`).exec(key);
			if (m) out[Number(m[1])] = value;
		}
		return out.filter((v) => v !== undefined);
	}
	keys(): string[] {
		return [...this.params.keys()];
	}
}

function matches(value: unknown, op: string, raw: string): boolean {
	const list = (): string[] => {
		try {
			const parsed = JSON.parse(raw) as unknown;
			return Array.isArray(parsed) ? parsed.map(String) : [raw];
		} catch {
			return raw.split(',');
		}
	};
	const num = (v: unknown) => Number(v);
	switch (op) {
		case 'is':
			return String(value ?? '') === raw;
		case 'is_not':
			return String(value ?? '') !== raw;
		case 'starts_with':
			return String(value ?? '').startsWith(raw);
		case 'in':
			return list().includes(String(value ?? ''));
		case 'not_in':
			return !list().includes(String(value ?? ''));
		case 'is_present':
			return (value !== undefined && value !== null && value !== '') === (raw !== 'false');
		case 'after':
		case 'gt':
			return value !== undefined && num(value) > num(raw);
		case 'before':
		case 'lt':
			return value !== undefined && num(value) < num(raw);
		case 'gte':
			return value !== undefined && num(value) >= num(raw);
		case 'lte':
			return value !== undefined && num(value) <= num(raw);
		case 'on':
			return value !== undefined && Math.floor(num(value) / 86400) === Math.floor(num(raw) / 86400);
		default: {
			const [from, to] = list().map(Number);
			return value !== undefined && num(value) >= from && num(value) <= to;
		}
	}
}

/** Chargebee Billing API v2 (Product Catalog 2.0), written from apidocs.chargebee.com. */
export class ChargebeePlugin implements SandboxPlugin {
	readonly name = 'chargebee';
	readonly prefix = '/chargebee';
	readonly defaultRateLimit = CHARGEBEE_DEFAULT_RATE_LIMIT;
	private data!: ChargebeeData;
	private readonly router = new Router<Handler>();
	private readonly idempotency = new Map<string, { fingerprint: string; response: SandboxResponse; at: number }>();
	private readonly seedOptions: ChargebeeSeedOptions;
	private ctx?: PluginContext;
	private eventSeq = 0;

	constructor(private readonly options: ChargebeeOptions = {}) {
		this.seedOptions = { customers: options.customers ?? CHARGEBEE_SEED_DEFAULTS.customers };
		const r = this.router;
		const reads: Array<[string, keyof ChargebeeData, string]> = [
			['customers', 'customers', 'customer'],
			['subscriptions', 'subscriptions', 'subscription'],
			['invoices', 'invoices', 'invoice'],
			['credit_notes', 'credit_notes', 'credit_note'],
			['items', 'items', 'item'],
			['item_prices', 'item_prices', 'item_price'],
			['payment_sources', 'payment_sources', 'payment_source'],
			['transactions', 'transactions', 'transaction'],
			['usages', 'usages', 'usage'],
			['events', 'events', 'event'],
			['webhook_endpoints', 'webhook_endpoints', 'webhook_endpoint'],
		];
		for (const [path, collection, key] of reads) {
			r.add('GET', `${API}/${path}`, (req) => this.list(req, collection, key));
			if (path !== 'usages') r.add('GET', `${API}/${path}/:id`, (req) => this.retrieve(collection, key, req.params.id));
		}
		r.add('POST', `${API}/customers`, (req) => this.createCustomer(req));
		r.add('POST', `${API}/customers/:id`, (req) => this.updateCustomer(req));
		r.add('POST', `${API}/customers/:id/subscription_for_items`, (req) => this.createSubscription(req));
		r.add('POST', `${API}/subscriptions/:id/cancel_for_items`, (req) => this.cancelSubscription(req));
		r.add('POST', `${API}/subscriptions/:id/usages`, (req) => this.createUsage(req));
		r.add('POST', `${API}/webhook_endpoints`, (req) => this.createEndpoint(req));
		r.add('POST', `${API}/webhook_endpoints/:id`, (req) => this.updateEndpoint(req));
		r.add('POST', `${API}/webhook_endpoints/:id/delete`, (req) => this.deleteEndpoint(req));
	}

	attach(ctx: PluginContext): void {
		this.ctx = ctx;
	}

	seed(seed: number): void {
		this.data = seedChargebee(seed, this.seedOptions);
		this.idempotency.clear();
		this.eventSeq = 0;
	}

	credentials(baseUrl: string): ChargebeeCredentials {
		return { site: CHARGEBEE_SITE, apiKey: CHARGEBEE_API_KEY, baseUrl: `${baseUrl}${API}` };
	}

	rateLimitKey(req: SandboxRequest): string | undefined {
		return this.apiKeyOf(req) === CHARGEBEE_API_KEY ? `site:${CHARGEBEE_SITE}` : undefined;
	}

	handle(req: SandboxRequest): SandboxResponse {
		if (this.apiKeyOf(req) !== CHARGEBEE_API_KEY) {
			return { ...cbError(401, 'api_authentication_failed', 'Sorry, authentication failed. Invalid api key'), headers: { 'WWW-Authenticate': 'Basic realm="chargebee"' } };
		}
		const match = this.router.match(req.method, req.path);
		if (match.kind === 'notFound') return cbError(404, 'resource_not_found', `No such endpoint: ${req.path}`);
		if (match.kind === 'methodNotAllowed') return cbError(405, 'invalid_request', `${req.method} is not supported here`);
		req.params = match.params;
		if (req.method !== 'POST') return match.handler(req) as SandboxResponse;
		const type = headerValue(req.headers['content-type']) ?? '';
		if (req.rawBody.length > 0 && !/application\/x-www-form-urlencoded/i.test(type)) {
			return cbError(400, 'invalid_request', 'The request body must be application/x-www-form-urlencoded');
		}
		return this.withIdempotency(req, () => match.handler(req) as SandboxResponse);
	}

	error(kind: VendorErrorKind, status: number, message: string): SandboxResponse {
		const code: Record<VendorErrorKind, string> = {
			badRequest: 'invalid_request',
			unauthorized: 'api_authentication_failed',
			forbidden: 'api_authorization_failed',
			notFound: 'resource_not_found',
			methodNotAllowed: 'invalid_request',
			payloadTooLarge: 'invalid_request',
			serverError: 'internal_error',
		};
		return cbError(status, code[kind], message, undefined, status >= 500 ? 'operation_failed' : 'invalid_request');
	}

	rateLimited(retryAfterSec: number): SandboxResponse {
		return {
			...cbError(429, 'api_request_limit_exceeded', 'Sorry, access has been blocked temporarily due to request count exceeding acceptable limits. Please try after some time.'),
			headers: { 'Retry-After': String(retryAfterSec) },
		};
	}

	collections(): string[] {
		return Object.keys(this.data);
	}

	records(collection: string): unknown[] | undefined {
		return collection in this.data ? copy(this.data[collection as keyof ChargebeeData]) : undefined;
	}

	/** Emits an event as Chargebee would after a change (stored, then delivered to every enabled endpoint). */
	emit(eventType: string, content: Rec, source = 'admin_console'): Rec {
		const event: Rec = {
			id: `ev_sandbox_${String(++this.eventSeq).padStart(6, '0')}`,
			occurred_at: this.unixNow(),
			source,
			object: 'event',
			api_version: 'v2',
			event_type: eventType,
			webhook_status: this.data.webhook_endpoints.length ? 'scheduled' : 'not_configured',
			content,
		};
		this.data.events.push(event);
		const body = JSON.stringify(event);
		for (const endpoint of this.data.webhook_endpoints) {
			if (endpoint.disabled === true) continue;
			const enabled = endpoint.enabled_events as string[] | undefined;
			if (enabled?.length && !enabled.includes(eventType)) continue;
			const auth = endpoint._basic as { user: string; password: string } | undefined;
			this.ctx?.sendWebhook({
				system: this.name,
				url: String(endpoint.url),
				body,
				eventId: String(event.id),
				headers: {
					'Content-Type': 'application/json',
					...(auth ? { Authorization: `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}` } : {}),
				},
				retry: { statuses: [0, 401, 404, 408, 429, 500, 502, 503, 504], delaysMs: this.options.webhookRetryDelaysMs ?? [2000, 4000] },
				timeoutMs: this.options.webhookTimeoutMs,
			});
		}
		return copy(event);
	}

	adminRoutes(add: (method: string, pattern: string, handler: Handler) => void): void {
		add('POST', '/events', (req) => {
			const body = req.json() as { event_type?: string; content?: Rec; invoice_id?: string };
			if (!body.event_type) return json(400, { error: 'event_type is required' });
			let content = body.content;
			if (!content && body.invoice_id) {
				const invoice = this.data.invoices.find((i) => i.id === body.invoice_id);
				if (!invoice) return json(404, { error: `no invoice ${body.invoice_id}` });
				content = { invoice: copy(invoice) };
			}
			return json(200, this.emit(body.event_type, content ?? {}));
		});
	}

	private unixNow(): number {
		return Math.floor((this.ctx ? this.ctx.now() : new Date()).getTime() / 1000);
	}

	private apiKeyOf(req: SandboxRequest): string | undefined {
		const header = headerValue(req.headers.authorization) ?? '';
		const m = /^Basic\s+(.+)$/i.exec(header.trim());
		if (!m) return undefined;
		const decoded = Buffer.from(m[1], 'base64').toString('utf8');
		return decoded.includes(':') ? decoded.slice(0, decoded.indexOf(':')) : decoded;
	}

	/** `chargebee-idempotency-key`: the same key and request get the first response back, marked as replayed. */
	private withIdempotency(req: SandboxRequest, run: () => SandboxResponse): SandboxResponse {
		const key = headerValue(req.headers['chargebee-idempotency-key']);
		if (!key) return run();
		const now = Date.now();
		for (const [k, v] of this.idempotency) if (now - v.at > IDEMPOTENCY_TTL_MS) this.idempotency.delete(k);
		const fingerprint = createHash('sha256').update(`${req.method} ${req.path}\n${req.rawBody.toString('utf8')}`).digest('hex');
		const seen = this.idempotency.get(key);
		if (seen) {
			if (seen.fingerprint !== fingerprint) return cbError(400, 'invalid_request', 'The idempotency key was already used with a different request', 'chargebee-idempotency-key');
			return { ...seen.response, headers: { ...(seen.response.headers ?? {}), 'chargebee-idempotency-replayed': 'true' } };
		}
		const response = run();
		// Only completed requests are remembered; a failed one may be retried with the same key.
		if (response.status < 500 && response.status !== 429) this.idempotency.set(key, { fingerprint, response: copy(response), at: now });
		return response;
	}

	private retrieve(collection: keyof ChargebeeData, key: string, id: string): SandboxResponse {
		const record = this.data[collection].find((r) => String(r.id) === id);
		if (!record) return cbError(404, 'resource_not_found', `Sorry, we couldn't find that resource`, 'id');
		return json(200, { [key]: this.present(record) });
	}

	private present(record: Rec): Rec {
		const { _basic: _omit, ...rest } = copy(record);
		void _omit;
		return rest;
	}

	private list(req: SandboxRequest, collection: keyof ChargebeeData, key: string): SandboxResponse {
		const limitRaw = req.query.get('limit');
		const limit = limitRaw === null ? 10 : Number(limitRaw);
		if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return cbError(400, 'param_wrong_value', `limit : should be between 1 and ${MAX_LIMIT}`, 'limit');
		let records = this.data[collection].filter((r) => req.query.get('include_deleted') === 'true' || r.deleted !== true);
		for (const [name, value] of req.query) {
			const m = FILTER.exec(name);
			if (m) records = records.filter((r) => matches(r[m[1]], m[2], value));
			else if (!['limit', 'offset', 'include_deleted'].includes(name) && !name.startsWith('sort_by[')) {
				return cbError(400, 'param_wrong_value', `${name} : is not a supported filter`, name);
			}
		}
		const sortAsc = req.query.get('sort_by[asc]');
		const sortDesc = req.query.get('sort_by[desc]');
		const field = sortAsc ?? sortDesc;
		if (field) records = [...records].sort((a, b) => (Number(a[field] ?? 0) - Number(b[field] ?? 0)) * (sortAsc ? 1 : -1) || String(a.id).localeCompare(String(b.id)));
		let start = 0;
		const offset = req.query.get('offset');
		if (offset) {
			try {
				const [position, id] = JSON.parse(offset) as [string, string];
				start = Number(position);
				if (!Number.isInteger(start) || records[start - 1]?.id !== id) throw new Error('stale');
			} catch {
				return cbError(400, 'param_wrong_value', 'offset : invalid value', 'offset');
			}
		}
		const page = this.ctx ? this.ctx.truncatePage(records.slice(start, start + limit)) : records.slice(start, start + limit);
		const end = start + limit;
		const body: Rec = {
			list: page.map((record) => {
				const entry: Rec = { [key]: this.present(record) };
				if (key === 'subscription') entry.customer = this.present(this.data.customers.find((c) => c.id === record.customer_id) ?? {});
				return entry;
			}),
		};
		if (end < records.length) body.next_offset = JSON.stringify([String(end), String(records[end - 1].id)]);
		return json(200, body);
	}

	private createCustomer(req: SandboxRequest): SandboxResponse {
		const form = Form.of(req);
		const id = form.get('id') ?? `cust_${createHash('sha1').update(`${this.unixNow()}-${this.data.customers.length}`).digest('hex').slice(0, 12)}`;
		if (this.data.customers.some((c) => c.id === id)) return cbError(400, 'duplicate_entry', `The value ${id} is already present.`, 'id');
		const email = form.get('email');
		if (email !== undefined && !/^[^@\s]+@[^@\s]+$/.test(email)) return cbError(400, 'param_wrong_value', 'email : invalid email', 'email');
		const now = this.unixNow();
		const customer: Rec = {
			id,
			first_name: form.get('first_name'),
			last_name: form.get('last_name'),
			email,
			company: form.get('company'),
			phone: form.get('phone'),
			auto_collection: form.get('auto_collection') ?? 'on',
			net_term_days: Number(form.get('net_term_days') ?? 0),
			preferred_currency_code: form.get('preferred_currency_code') ?? 'USD',
			vat_number: form.get('vat_number'),
			billing_address: form.object('billing_address'),
			created_at: now,
			updated_at: now,
			deleted: false,
			object: 'customer',
		};
		this.data.customers.push(customer);
		this.emit('customer_created', { customer: this.present(customer) }, 'api');
		return json(200, { customer: this.present(customer) });
	}

	private updateCustomer(req: SandboxRequest): SandboxResponse {
		const customer = this.data.customers.find((c) => c.id === req.params.id);
		if (!customer) return cbError(404, 'resource_not_found', `Sorry, we couldn't find that resource`, 'id');
		const form = Form.of(req);
		for (const field of ['first_name', 'last_name', 'email', 'company', 'phone', 'auto_collection', 'preferred_currency_code', 'vat_number']) {
			const value = form.get(field);
			if (value !== undefined) customer[field] = value;
		}
		if (form.get('net_term_days') !== undefined) customer.net_term_days = Number(form.get('net_term_days'));
		customer.updated_at = this.unixNow();
		this.emit('customer_changed', { customer: this.present(customer) }, 'api');
		return json(200, { customer: this.present(customer) });
	}

	private createSubscription(req: SandboxRequest): SandboxResponse {
		const customer = this.data.customers.find((c) => c.id === req.params.id);
		if (!customer) return cbError(404, 'resource_not_found', `Sorry, we couldn't find that resource`, 'customer_id');
		const form = Form.of(req);
		const rows = form.rows('subscription_items');
		if (!rows.length) return cbError(400, 'param_required', 'subscription_items[item_price_id][0] : cannot be blank', 'subscription_items[item_price_id][0]');
		const lines: Rec[] = [];
		for (const [index, row] of rows.entries()) {
			const price = this.data.item_prices.find((p) => p.id === row.item_price_id);
			if (!price) return cbError(400, 'param_wrong_value', `subscription_items[item_price_id][${index}] : ${String(row.item_price_id)} not found`, `subscription_items[item_price_id][${index}]`);
			const quantity = row.quantity === undefined ? 1 : Number(row.quantity);
			lines.push({ item_price_id: price.id, item_type: price.item_type, quantity, unit_price: price.price, amount: Number(price.price) * quantity, object: 'subscription_item' });
		}
		if (!lines.some((l) => l.item_type === 'plan')) return cbError(400, 'param_wrong_value', 'subscription_items : a plan item price is required', 'subscription_items[item_price_id][0]');
		const id = form.get('id') ?? `sub_${createHash('sha1').update(`${this.unixNow()}-${this.data.subscriptions.length}`).digest('hex').slice(0, 12)}`;
		if (this.data.subscriptions.some((s) => s.id === id)) return cbError(400, 'duplicate_entry', `The value ${id} is already present.`, 'id');
		const now = this.unixNow();
		const subscription: Rec = {
			id,
			customer_id: customer.id,
			status: 'active',
			billing_period: 1,
			billing_period_unit: 'month',
			currency_code: 'USD',
			po_number: form.get('po_number'),
			started_at: now,
			activated_at: now,
			current_term_start: now,
			current_term_end: now + 30 * 86400,
			next_billing_at: now + 30 * 86400,
			mrr: lines.reduce((sum, l) => sum + Number(l.amount ?? 0), 0),
			subscription_items: lines,
			created_at: now,
			updated_at: now,
			deleted: false,
			object: 'subscription',
		};
		this.data.subscriptions.push(subscription);
		this.emit('subscription_created', { subscription: this.present(subscription), customer: this.present(customer) }, 'api');
		return json(200, { subscription: this.present(subscription), customer: this.present(customer) });
	}

	private cancelSubscription(req: SandboxRequest): SandboxResponse {
		const subscription = this.data.subscriptions.find((s) => s.id === req.params.id);
		if (!subscription) return cbError(404, 'resource_not_found', `Sorry, we couldn't find that resource`, 'id');
		if (subscription.status === 'cancelled') return cbError(400, 'invalid_state_for_request', 'The subscription is already cancelled.', undefined, 'invalid_request');
		const endOfTerm = Form.of(req).get('end_of_term') === 'true';
		const now = this.unixNow();
		if (endOfTerm) {
			subscription.status = 'non_renewing';
			subscription.cancelled_at = subscription.current_term_end;
		} else {
			subscription.status = 'cancelled';
			subscription.cancelled_at = now;
		}
		subscription.updated_at = now;
		this.emit(endOfTerm ? 'subscription_cancellation_scheduled' : 'subscription_cancelled', { subscription: this.present(subscription) }, 'api');
		return json(200, { subscription: this.present(subscription) });
	}

	private createUsage(req: SandboxRequest): SandboxResponse {
		const subscription = this.data.subscriptions.find((s) => s.id === req.params.id);
		if (!subscription) return cbError(404, 'resource_not_found', `Sorry, we couldn't find that resource`, 'subscription_id');
		const form = Form.of(req);
		const itemPriceId = form.get('item_price_id');
		const quantity = form.get('quantity');
		const usageDate = form.get('usage_date');
		if (!itemPriceId) return cbError(400, 'param_required', 'item_price_id : cannot be blank', 'item_price_id');
		if (!quantity || !/^\d+(\.\d+)?$/.test(quantity)) return cbError(400, 'param_wrong_value', 'quantity : invalid decimal value', 'quantity');
		if (!usageDate || !/^\d+$/.test(usageDate)) return cbError(400, 'param_wrong_value', 'usage_date : invalid timestamp', 'usage_date');
		const line = (subscription.subscription_items as Rec[]).find((i) => i.item_price_id === itemPriceId);
		const item = this.data.items.find((i) => i.id === this.data.item_prices.find((p) => p.id === itemPriceId)?.item_id);
		if (!line || item?.metered !== true) return cbError(400, 'param_wrong_value', `item_price_id : ${itemPriceId} is not a metered item price of subscription ${String(subscription.id)}`, 'item_price_id');
		const id = form.get('id') ?? `usage_${createHash('sha1').update(`${String(subscription.id)}|${itemPriceId}|${usageDate}|${this.data.usages.length}`).digest('hex').slice(0, 16)}`;
		if (this.data.usages.some((u) => u.id === id)) return cbError(400, 'duplicate_entry', `The value ${id} is already present.`, 'id');
		if (this.data.usages.some((u) => u.subscription_id === subscription.id && u.item_price_id === itemPriceId && String(u.usage_date) === usageDate)) {
			return cbError(400, 'duplicate_entry', 'A usage already exists for this item price and usage_date.', 'usage_date');
		}
		const now = this.unixNow();
		const usage: Rec = { id, usage_date: Number(usageDate), subscription_id: subscription.id, item_price_id: itemPriceId, quantity, source: 'api', note: form.get('note'), resource_version: now * 1000, updated_at: now, created_at: now, object: 'usage' };
		this.data.usages.push(usage);
		return json(200, { usage: this.present(usage) });
	}

	private createEndpoint(req: SandboxRequest): SandboxResponse {
		const form = Form.of(req);
		const url = form.get('url');
		const name = form.get('name');
		if (!name) return cbError(400, 'param_required', 'name : cannot be blank', 'name');
		if (!url || !/^https?:\/\//.test(url)) return cbError(400, 'param_wrong_value', 'url : invalid url', 'url');
		if (this.data.webhook_endpoints.length >= 5) return cbError(400, 'resource_limit_exhausted', 'A site can have at most 5 webhook endpoints.');
		const user = form.get('basic_auth_username');
		const endpoint: Rec = {
			id: `whe_${createHash('sha1').update(`${url}|${this.data.webhook_endpoints.length}|${this.unixNow()}`).digest('hex').slice(0, 14)}`,
			name,
			url,
			api_version: form.get('api_version') ?? 'v2',
			disabled: false,
			primary_url: this.data.webhook_endpoints.length === 0,
			send_card_resource: form.get('send_card_resource') === 'true',
			enabled_events: form.list('enabled_events'),
			object: 'webhook_endpoint',
			...(user ? { _basic: { user, password: form.get('basic_auth_password') ?? '' } } : {}),
		};
		this.data.webhook_endpoints.push(endpoint);
		return json(200, { webhook_endpoint: this.present(endpoint) });
	}

	private updateEndpoint(req: SandboxRequest): SandboxResponse {
		const endpoint = this.data.webhook_endpoints.find((e) => e.id === req.params.id);
		if (!endpoint) return cbError(404, 'resource_not_found', `Sorry, we couldn't find that resource`, 'id');
		const form = Form.of(req);
		if (form.get('url')) endpoint.url = form.get('url');
		if (form.get('disabled') !== undefined) endpoint.disabled = form.get('disabled') === 'true';
		if (form.keys().some((k) => k.startsWith('enabled_events['))) endpoint.enabled_events = form.list('enabled_events');
		if (form.get('basic_auth_username')) endpoint._basic = { user: form.get('basic_auth_username'), password: form.get('basic_auth_password') ?? '' };
		return json(200, { webhook_endpoint: this.present(endpoint) });
	}

	private deleteEndpoint(req: SandboxRequest): SandboxResponse {
		const index = this.data.webhook_endpoints.findIndex((e) => e.id === req.params.id);
		if (index < 0) return cbError(404, 'resource_not_found', `Sorry, we couldn't find that resource`, 'id');
		const [removed] = this.data.webhook_endpoints.splice(index, 1);
		return json(200, { webhook_endpoint: this.present(removed) });
	}
}

export function createChargebeePlugin(options?: ChargebeeOptions): ChargebeePlugin {
	return new ChargebeePlugin(options);
}
