import { randomBytes } from 'node:crypto';

import { headerValue, json, queryParam } from '../core/http';
import { Router } from '../core/router';
import type { Handler, PluginContext, RateLimitRule, SandboxPlugin, SandboxRequest, SandboxResponse, VendorErrorKind } from '../core/types';
import { RqlError, parseRql, sorter } from './rql';
import { EXTENSIV_SEED_DEFAULTS, seedExtensiv, wmsDate, type ExtensivData, type ExtensivSeedOptions, type Rec } from './seed';

export interface ExtensivOptions extends Partial<ExtensivSeedOptions> {
	/** Token lifetime in seconds (default 3600, as documented). */
	tokenLifetimeSec?: number;
}

export interface ExtensivCredentials extends Record<string, string> {
	baseUrl: string;
	clientId: string;
	clientSecret: string;
	userLoginId: string;
	userLogin: string;
}

export const EXTENSIV_CLIENT_ID = '3f0a6c2e-5d41-4b7e-9a55-0c1d2e3f4a5b';
export const EXTENSIV_CLIENT_SECRET = 'wms-sandbox-Secr3t-9d7e';
export const EXTENSIV_USER_LOGIN_ID = '1207';
export const EXTENSIV_USER_LOGIN = 'api.distributor';

/** No published number; a generous per-client rule so the 429 path exists. */
export const EXTENSIV_DEFAULT_RATE_LIMIT: RateLimitRule = { requests: 50, windowMs: 1000, maxConcurrent: 10 };

const MAX_PGSIZ = 1000;
const REL = {
	order: 'http://api.3plCentral.com/rels/orders/order',
	orderItem: 'http://api.3plCentral.com/rels/orders/item',
	receiver: 'http://api.3plCentral.com/rels/inventory/receiver',
	item: 'http://api.3plCentral.com/rels/customers/item',
	customer: 'http://api.3plCentral.com/rels/customers/customer',
};

/** The WmsException body of 3PL Warehouse Manager. */
export function wmsError(status: number, errorCode: string, message: string, properties: Record<string, unknown> = {}, hint?: string): SandboxResponse {
	return { status, body: { ErrorCode: errorCode, Message: message, Hint: hint ?? null, Properties: properties } };
}

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const readOnly = (record: Rec): Rec => record.readOnly as Rec;

/** 3PL Warehouse Manager (3PL Central) REST API, written from its per-rel documentation. */
export class ExtensivPlugin implements SandboxPlugin {
	readonly name = 'extensiv';
	readonly prefix = '/extensiv';
	readonly defaultRateLimit = EXTENSIV_DEFAULT_RATE_LIMIT;
	private data: ExtensivData = { customers: [], facilities: [], items: [], orders: [], receivers: [], stock: [] };
	private readonly versions = new Map<string, number>();
	private readonly tokens = new Map<string, { clientId: string; expiresAt: number }>();
	private readonly router = new Router<Handler>({ caseInsensitive: true });
	private readonly seedOptions: ExtensivSeedOptions;
	private readonly tokenLifetimeSec: number;
	private ctx?: PluginContext;
	/** Token requests served, for tests of token caching. */
	tokenRequests = 0;

	constructor(options: ExtensivOptions = {}) {
		this.seedOptions = { orders: options.orders ?? EXTENSIV_SEED_DEFAULTS.orders, receivers: options.receivers ?? EXTENSIV_SEED_DEFAULTS.receivers };
		this.tokenLifetimeSec = options.tokenLifetimeSec ?? 3600;
		const r = this.router;
		r.add('POST', '/AuthServer/api/Token', (req) => this.token(req));
		r.add('GET', '/customers', (req) => this.list(req, this.data.customers.map((c) => ({ ...c, readOnly: { customerId: c.customerId } })), REL.customer));
		r.add('GET', '/customers/:cid/items', (req) => this.withCustomer(req, (cid) => this.list(req, this.itemsOf(cid), REL.item)));
		r.add('POST', '/customers/:cid/items', (req) => this.withCustomer(req, (cid) => this.createItem(req, cid)));
		r.add('GET', '/customers/:cid/items/:id', (req) =>
			this.withCustomer(req, (cid) => {
				const item = this.itemsOf(cid).find((i) => String(i.itemId) === req.params.id);
				return item ? this.single(item, `item:${item.itemId}`) : wmsError(404, 'EntityNotFound', `Item ${req.params.id} not found for customer ${cid}`, { itemId: req.params.id });
			}),
		);
		r.add('GET', '/inventory/stocksummaries', (req) => this.list(req, this.data.stock, 'summaries', false));
		r.add('GET', '/orders', (req) => this.list(req, this.data.orders.map((o) => this.presentOrder(o, req)), REL.order));
		r.add('POST', '/orders', (req) => this.createOrder(req));
		r.add('GET', '/orders/:id', (req) => this.withOrder(req, (o) => this.single(this.presentOrder(o, req, true), this.key('order', o))));
		r.add('PUT', '/orders/:id', (req) => this.withOrder(req, (o) => this.updateOrder(req, o)));
		r.add('POST', '/orders/:id/canceler', (req) => this.withOrder(req, (o) => this.cancelOrder(req, o)));
		r.add('GET', '/inventory/receivers', (req) => this.list(req, this.data.receivers, REL.receiver));
		r.add('POST', '/inventory/receivers', (req) => this.createReceiver(req));
		r.add('GET', '/inventory/receivers/:id', (req) => {
			const found = this.data.receivers.find((x) => String(readOnly(x).receiverId) === req.params.id);
			return found ? this.single(found, this.key('receiver', found)) : wmsError(404, 'EntityNotFound', `Receiver ${req.params.id} not found`, { receiverId: req.params.id });
		});
	}

	attach(ctx: PluginContext): void {
		this.ctx = ctx;
	}

	seed(seed: number): void {
		this.data = seedExtensiv(seed, this.seedOptions);
		this.versions.clear();
		this.tokens.clear();
		this.tokenRequests = 0;
	}

	credentials(baseUrl: string): ExtensivCredentials {
		return { baseUrl, clientId: EXTENSIV_CLIENT_ID, clientSecret: EXTENSIV_CLIENT_SECRET, userLoginId: EXTENSIV_USER_LOGIN_ID, userLogin: EXTENSIV_USER_LOGIN };
	}

	rateLimitKey(req: SandboxRequest): string | undefined {
		if (req.path.toLowerCase().startsWith('/authserver/')) return undefined;
		const token = this.bearer(req);
		return token ? this.tokens.get(token)?.clientId : undefined;
	}

	handle(req: SandboxRequest): SandboxResponse | Promise<SandboxResponse> {
		const match = this.router.match(req.method, req.path);
		const isToken = req.path.toLowerCase() === '/authserver/api/token';
		if (!isToken) {
			const token = this.bearer(req);
			const session = token ? this.tokens.get(token) : undefined;
			if (!session || session.expiresAt <= this.now().getTime()) {
				return { ...wmsError(401, 'Unauthorized', 'Authorization has been denied for this request.'), headers: { 'WWW-Authenticate': 'Bearer' } };
			}
		}
		if (match.kind === 'notFound') return wmsError(404, 'NotFound', `No resource at ${req.path}`);
		if (match.kind === 'methodNotAllowed') return { ...wmsError(405, 'MethodNotAllowed', `${req.method} is not allowed here`), headers: { Allow: match.allowed.join(', ') } };
		req.params = match.params;
		try {
			return match.handler(req);
		} catch (error) {
			if (error instanceof RqlError) return wmsError(400, 'InvalidRql', `The rql filter is invalid: ${error.message}`, { rql: queryParam(req.query, 'rql') });
			throw error;
		}
	}

	error(kind: VendorErrorKind, status: number, message: string): SandboxResponse {
		const codes: Record<VendorErrorKind, string> = {
			badRequest: 'InvalidArgument',
			unauthorized: 'Unauthorized',
			forbidden: 'Forbidden',
			notFound: 'NotFound',
			methodNotAllowed: 'MethodNotAllowed',
			payloadTooLarge: 'InvalidArgument',
			serverError: 'InternalServerError',
		};
		return wmsError(status, codes[kind], message);
	}

	rateLimited(retryAfterSec: number): SandboxResponse {
		return { ...wmsError(429, 'TooManyRequests', 'Too many requests; slow down.'), headers: { 'Retry-After': String(retryAfterSec) } };
	}

	collections(): string[] {
		return ['customers', 'facilities', 'items', 'orders', 'receivers', 'stock'];
	}

	records(collection: string): unknown[] | undefined {
		if (!this.collections().includes(collection)) return undefined;
		return copy(this.data[collection as keyof ExtensivData]);
	}

	/** Forgets every issued token, as if they had all expired. */
	expireTokens(): void {
		for (const session of this.tokens.values()) session.expiresAt = 0;
	}

	/** Changes an order as a warehouse user would (new ETag and lastModifiedDate). */
	updateOrderAs(orderId: number, change: Rec): Rec {
		const order = this.data.orders.find((o) => readOnly(o).orderId === orderId);
		if (!order) throw new Error(`no order ${orderId}`);
		const { status, ...rest } = change;
		Object.assign(order, rest);
		if (status !== undefined) {
			readOnly(order).status = Number(status);
			readOnly(order).isClosed = Number(status) !== 0;
			if (Number(status) === 1) readOnly(order).processDate = wmsDate(this.now().getTime());
		}
		this.touch('order', order);
		return copy(order);
	}

	adminRoutes(add: (method: string, pattern: string, handler: Handler) => void): void {
		add('POST', '/tokens/expire', () => {
			this.expireTokens();
			return json(200, { expired: this.tokens.size });
		});
		add('GET', '/tokens/requests', () => json(200, { count: this.tokenRequests }));
		add('PATCH', '/orders/:id', (req) => json(200, this.updateOrderAs(Number(req.params.id), req.json() as Rec)));
	}

	private now(): Date {
		return this.ctx ? this.ctx.now() : new Date();
	}

	private bearer(req: SandboxRequest): string | undefined {
		const header = headerValue(req.headers.authorization) ?? '';
		const match = /^Bearer\s+(.+)$/i.exec(header.trim());
		return match?.[1];
	}

	private token(req: SandboxRequest): SandboxResponse {
		this.tokenRequests++;
		const header = headerValue(req.headers.authorization) ?? '';
		const basic = /^Basic\s+(.+)$/i.exec(header.trim());
		const [id, secret] = basic ? Buffer.from(basic[1], 'base64').toString('utf8').split(':') : [];
		if (id !== EXTENSIV_CLIENT_ID || secret !== EXTENSIV_CLIENT_SECRET) return json(401, { error: 'invalid_client' });
		if (!/application\/json/i.test(headerValue(req.headers['content-type']) ?? '')) {
			return json(400, { error: 'invalid_request', error_description: 'The token request must be JSON' });
		}
		let body: Rec;
		try {
			body = req.json() as Rec;
		} catch {
			return json(400, { error: 'invalid_request', error_description: 'The token request must be JSON' });
		}
		if (body.grant_type !== 'client_credentials') return json(400, { error: 'unsupported_grant_type' });
		const userOk = String(body.user_login_id ?? '') === EXTENSIV_USER_LOGIN_ID || String(body.user_login ?? '') === EXTENSIV_USER_LOGIN;
		if (!userOk) return json(400, { error: 'invalid_grant', error_description: 'Unknown user_login_id / user_login' });
		const token = randomBytes(24).toString('base64url');
		this.tokens.set(token, { clientId: id, expiresAt: this.now().getTime() + this.tokenLifetimeSec * 1000 });
		return json(200, { access_token: token, token_type: 'Bearer', expires_in: this.tokenLifetimeSec, refresh_token: null, scope: null });
	}

	private key(kind: string, record: Rec): string {
		const ro = readOnly(record);
		return `${kind}:${String(ro.orderId ?? ro.receiverId)}`;
	}

	private etag(key: string): string {
		return `"${key.replace(/\D/g, '')}-${this.versions.get(key) ?? 1}"`;
	}

	private touch(kind: string, record: Rec): void {
		const key = this.key(kind, record);
		this.versions.set(key, (this.versions.get(key) ?? 1) + 1);
		readOnly(record).lastModifiedDate = wmsDate(this.now().getTime());
	}

	private single(record: Rec, key: string): SandboxResponse {
		return { status: 200, headers: { ETag: this.etag(key), 'Content-Type': 'application/hal+json; charset=utf-8' }, body: record };
	}

	private withCustomer(req: SandboxRequest, fn: (cid: number) => SandboxResponse): SandboxResponse {
		const cid = Number(req.params.cid);
		if (!this.data.customers.some((c) => c.customerId === cid)) return wmsError(404, 'EntityNotFound', `Customer ${req.params.cid} not found`, { customerId: req.params.cid });
		return fn(cid);
	}

	private withOrder(req: SandboxRequest, fn: (order: Rec) => SandboxResponse): SandboxResponse {
		const order = this.data.orders.find((o) => String(readOnly(o).orderId) === req.params.id);
		return order ? fn(order) : wmsError(404, 'EntityNotFound', `Order ${req.params.id} not found`, { orderId: req.params.id });
	}

	private itemsOf(customerId: number): Rec[] {
		return this.data.items.filter((i) => i.customerId === customerId).map(({ customerId: _c, ...rest }) => rest);
	}

	/** `detail` decides whether order items are embedded. */
	private presentOrder(order: Rec, req: SandboxRequest, single = false): Rec {
		const detail = (queryParam(req.query, 'detail') ?? '').toLowerCase();
		const { orderItems, ...rest } = copy(order);
		const out: Rec = { ...rest, _links: { self: { href: `${req.baseUrl}/orders/${String(readOnly(order).orderId)}` } } };
		if (detail.includes('orderitems') || detail === 'all' || (single && detail === '')) out._embedded = { [REL.orderItem]: orderItems };
		return out;
	}

	private list(req: SandboxRequest, all: Rec[], rel: string, hal = true): SandboxResponse {
		const pgsizRaw = queryParam(req.query, 'pgsiz');
		const pgnumRaw = queryParam(req.query, 'pgnum');
		const pgsiz = pgsizRaw === undefined ? 100 : Number(pgsizRaw);
		const pgnum = pgnumRaw === undefined ? 1 : Number(pgnumRaw);
		if (!Number.isInteger(pgsiz) || pgsiz < 1 || pgsiz > MAX_PGSIZ) {
			return wmsError(400, 'ArgumentOutOfRange', `pgsiz must be between 1 and ${MAX_PGSIZ}`, { pgsiz: pgsizRaw });
		}
		if (!Number.isInteger(pgnum) || pgnum < 0) return wmsError(400, 'ArgumentOutOfRange', 'pgnum must be 0 or more', { pgnum: pgnumRaw });
		const filter = parseRql(queryParam(req.query, 'rql'));
		const matched = all.filter((r) => filter(r));
		const sort = sorter(queryParam(req.query, 'sort'));
		const ordered = sort ? [...matched].sort(sort) : matched;
		const total = ordered.length;
		if (pgnum === 0) return json(200, { totalResults: total });
		const pageItems = this.ctx ? this.ctx.truncatePage(ordered.slice((pgnum - 1) * pgsiz, pgnum * pgsiz)) : ordered.slice((pgnum - 1) * pgsiz, pgnum * pgsiz);
		const link = (n: number) => {
			const qs = new URLSearchParams(req.query);
			for (const key of [...qs.keys()]) if (/^pg(siz|num)$/i.test(key)) qs.delete(key);
			qs.set('pgsiz', String(pgsiz));
			qs.set('pgnum', String(n));
			return { href: `${req.baseUrl}${req.path}?${qs.toString()}` };
		};
		const links: Rec = { self: link(pgnum) };
		if (pgnum * pgsiz < total) links.next = link(pgnum + 1);
		if (pgnum > 1) links.prev = link(pgnum - 1);
		if (!hal) return { status: 200, headers: { 'Content-Type': 'application/hal+json; charset=utf-8' }, body: { totalResults: total, summaries: pageItems, _links: links } };
		return { status: 200, headers: { 'Content-Type': 'application/hal+json; charset=utf-8' }, body: { totalResults: total, _links: links, _embedded: { [rel]: pageItems } } };
	}

	private bodyOf(req: SandboxRequest): { body: Rec; error?: undefined } | { body?: undefined; error: SandboxResponse } {
		try {
			const body = req.json();
			if (typeof body !== 'object' || body === null || Array.isArray(body)) return { error: wmsError(400, 'InvalidArgument', 'The body must be a JSON object') };
			return { body: body as Rec };
		} catch {
			return { error: wmsError(400, 'InvalidArgument', 'The body is not valid JSON') };
		}
	}

	/** Order or receiver lines, validated against the customer's SKUs. */
	private lines(body: Rec, key: string, customerId: number, idKey: string, base: number): Rec[] | SandboxResponse {
		const embedded = (body._embedded ?? {}) as Rec;
		const raw = (body[key] ?? body[key.charAt(0).toUpperCase() + key.slice(1)] ?? Object.values(embedded).find(Array.isArray)) as Rec[] | undefined;
		if (!Array.isArray(raw) || raw.length === 0) return wmsError(400, 'InvalidArgument', `At least one line is required in ${key}`, { [key]: null });
		const out: Rec[] = [];
		for (const [index, line] of raw.entries()) {
			const ident = (line.itemIdentifier ?? {}) as Rec;
			const item = this.data.items.find((i) => i.customerId === customerId && (i.sku === ident.sku || (ident.id !== undefined && i.itemId === ident.id)));
			if (!item) return wmsError(400, 'InvalidArgument', `Line ${index + 1}: SKU ${String(ident.sku ?? ident.id)} is not an item of customer ${customerId}`, { [`${key}[${index}].itemIdentifier.sku`]: ident.sku ?? null });
			const qty = Number(line.qty);
			if (!(qty > 0)) return wmsError(400, 'InvalidArgument', `Line ${index + 1}: qty must be greater than 0`, { [`${key}[${index}].qty`]: line.qty ?? null });
			out.push({ readOnly: { [idKey]: base + index }, itemIdentifier: { id: item.itemId, sku: item.sku }, qty, ...(line.notes ? { notes: line.notes } : {}) });
		}
		return out;
	}

	private header(body: Rec): { customer?: Rec; facility?: Rec; error?: SandboxResponse } {
		const cid = Number((body.customerIdentifier as Rec | undefined)?.id);
		const fid = Number((body.facilityIdentifier as Rec | undefined)?.id);
		const customer = this.data.customers.find((c) => c.customerId === cid);
		if (!customer) return { error: wmsError(400, 'InvalidArgument', 'customerIdentifier does not name a customer', { 'customerIdentifier.id': cid || null }) };
		const facility = this.data.facilities.find((f) => f.id === fid);
		if (!facility) return { error: wmsError(400, 'InvalidArgument', 'facilityIdentifier does not name a facility', { 'facilityIdentifier.id': fid || null }) };
		return { customer, facility };
	}

	private createOrder(req: SandboxRequest): SandboxResponse {
		const parsed = this.bodyOf(req);
		if (parsed.error) return parsed.error;
		const b = parsed.body;
		const { customer, facility, error } = this.header(b);
		if (error) return error;
		const referenceNum = String(b.referenceNum ?? '').trim();
		if (!referenceNum) return wmsError(400, 'InvalidArgument', 'referenceNum is required', { referenceNum: null });
		const duplicate = this.data.orders.find((o) => (o.customerIdentifier as Rec).id === customer!.customerId && o.referenceNum === referenceNum && readOnly(o).status !== 2);
		if (duplicate) return wmsError(409, 'DuplicateReferenceNum', `Reference number ${referenceNum} is already used by order ${String(readOnly(duplicate).orderId)}`, { referenceNum });
		const orderId = Math.max(5000, ...this.data.orders.map((o) => Number(readOnly(o).orderId))) + 1;
		const lines = this.lines(b, 'orderItems', customer!.customerId as number, 'orderItemId', orderId * 10);
		if (!Array.isArray(lines)) return lines;
		const now = wmsDate(this.now().getTime());
		const order: Rec = {
			readOnly: { orderId, status: 0, isClosed: false, fullyAllocated: false, creationDate: now, lastModifiedDate: now, processDate: null, packages: [] },
			customerIdentifier: { id: customer!.customerId, name: (customer!.companyInfo as Rec).companyName, externalId: customer!.externalId },
			facilityIdentifier: { id: facility!.id, name: facility!.name },
			referenceNum,
			poNum: b.poNum ?? null,
			notes: b.notes ?? '',
			shippingNotes: b.shippingNotes ?? null,
			earliestShipDate: b.earliestShipDate ?? null,
			routingInfo: b.routingInfo ?? {},
			shipTo: b.shipTo ?? {},
			orderItems: lines,
		};
		this.data.orders.push(order);
		const response = this.single(this.presentOrder(order, req, true), this.key('order', order));
		return { ...response, status: 201, headers: { ...response.headers, Location: `${req.baseUrl}/orders/${orderId}` } };
	}

	private ifMatch(req: SandboxRequest, key: string): SandboxResponse | undefined {
		const given = headerValue(req.headers['if-match']);
		if (!given) return wmsError(428, 'PreconditionRequired', 'The If-Match header with the ETag of the record is required', { 'If-Match': null });
		if (given.trim() !== this.etag(key)) {
			return wmsError(412, 'ConcurrencyConflict', 'The record has been modified since it was read', { 'If-Match': given.trim() }, 'Get the record again for its current ETag');
		}
		return undefined;
	}

	private updateOrder(req: SandboxRequest, order: Rec): SandboxResponse {
		const key = this.key('order', order);
		const failed = this.ifMatch(req, key);
		if (failed) return failed;
		if (readOnly(order).status !== 0) return wmsError(409, 'InvalidState', `Order ${String(readOnly(order).orderId)} is closed and cannot be changed`, { 'readOnly.status': readOnly(order).status });
		const parsed = this.bodyOf(req);
		if (parsed.error) return parsed.error;
		const b = parsed.body;
		for (const field of ['referenceNum', 'poNum', 'notes', 'shippingNotes', 'earliestShipDate', 'routingInfo', 'shipTo']) {
			if (b[field] !== undefined) order[field] = copy(b[field]);
		}
		if (String(order.referenceNum ?? '').trim() === '') return wmsError(400, 'InvalidArgument', 'referenceNum is required', { referenceNum: null });
		this.touch('order', order);
		return this.single(this.presentOrder(order, req, true), key);
	}

	private cancelOrder(req: SandboxRequest, order: Rec): SandboxResponse {
		const key = this.key('order', order);
		const failed = this.ifMatch(req, key);
		if (failed) return failed;
		const parsed = this.bodyOf(req);
		if (parsed.error) return parsed.error;
		if (!String(parsed.body.reason ?? '').trim()) return wmsError(400, 'InvalidArgument', 'reason is required', { reason: null });
		if (readOnly(order).status !== 0) return wmsError(409, 'InvalidState', `Order ${String(readOnly(order).orderId)} is not open`, { 'readOnly.status': readOnly(order).status });
		readOnly(order).status = 2;
		readOnly(order).isClosed = true;
		this.touch('order', order);
		return { status: 204 };
	}

	private createItem(req: SandboxRequest, customerId: number): SandboxResponse {
		const parsed = this.bodyOf(req);
		if (parsed.error) return parsed.error;
		const b = parsed.body;
		const sku = String(b.sku ?? '').trim();
		if (!sku) return wmsError(400, 'InvalidArgument', 'sku is required', { sku: null });
		if (this.data.items.some((i) => i.customerId === customerId && String(i.sku).toLowerCase() === sku.toLowerCase())) {
			return wmsError(409, 'DuplicateSku', `SKU ${sku} already exists for customer ${customerId}`, { sku });
		}
		const now = wmsDate(this.now().getTime());
		const item: Rec = {
			itemId: Math.max(0, ...this.data.items.map((i) => Number(i.itemId))) + 1,
			customerId,
			sku,
			description: b.description ?? '',
			...(b.description2 ? { description2: b.description2 } : {}),
			upc: b.upc ?? null,
			cost: b.cost ?? null,
			price: b.price ?? null,
			readOnly: { creationDate: now, lastModifiedDate: now, deactivated: false },
		};
		this.data.items.push(item);
		const { customerId: _owner, ...out } = item;
		void _owner;
		return { status: 201, body: out, headers: { Location: `${req.baseUrl}/customers/${customerId}/items/${String(item.itemId)}` } };
	}

	private createReceiver(req: SandboxRequest): SandboxResponse {
		const parsed = this.bodyOf(req);
		if (parsed.error) return parsed.error;
		const b = parsed.body;
		const { customer, facility, error } = this.header(b);
		if (error) return error;
		const referenceNum = String(b.referenceNum ?? '').trim();
		if (!referenceNum) return wmsError(400, 'InvalidArgument', 'referenceNum is required', { referenceNum: null });
		const receiverId = Math.max(700, ...this.data.receivers.map((x) => Number(readOnly(x).receiverId))) + 1;
		const lines = this.lines(b, 'receiveItems', customer!.customerId as number, 'receiveItemId', receiverId * 10);
		if (!Array.isArray(lines)) return lines;
		const now = wmsDate(this.now().getTime());
		const receiver: Rec = {
			readOnly: { receiverId, status: 0, creationDate: now, lastModifiedDate: now, arrivalDate: null },
			customerIdentifier: { id: customer!.customerId, name: (customer!.companyInfo as Rec).companyName, externalId: customer!.externalId },
			facilityIdentifier: { id: facility!.id, name: facility!.name },
			referenceNum,
			poNum: b.poNum ?? null,
			expectedDate: b.expectedDate ?? null,
			notes: b.notes ?? '',
			supplierIdentifier: b.supplierIdentifier ?? null,
			receiveItems: lines,
		};
		this.data.receivers.push(receiver);
		return { ...this.single(receiver, this.key('receiver', receiver)), status: 201 };
	}
}

export function createExtensivPlugin(options?: ExtensivOptions): ExtensivPlugin {
	return new ExtensivPlugin(options);
}
