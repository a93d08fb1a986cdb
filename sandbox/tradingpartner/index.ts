import { createHash } from 'node:crypto';

import { headerValue, json } from '../core/http';
import { Prng } from '../core/prng';
import { Router } from '../core/router';
import type { Handler, PluginContext, SandboxPlugin, SandboxRequest, SandboxResponse, VendorErrorKind } from '../core/types';
import { inspect, type OrderBook, type ReceivedSet } from './inspect';
import { DEFAULT_PARTNERS, type CatalogItem, type PartnerConfig } from './partners';
import { DEFAULT_TOLERANCE_SECONDS, drawOrder, MESSAGE_ID_HEADER, signBody, SIGNATURE_HEADER, verifySignature, write850, type OrderLine } from './wire';

export interface TradingPartnerOptions {
	/** The retailers (default: Harbor Hardware and Summit Outfitters). */
	partners?: PartnerConfig[];
	/** Where the partners POST their 850s (the n8n X12 EDI Trigger URL); settable later with `configure`. */
	webhookUrl?: string;
	/** Seconds a signature timestamp may be off (default 300). */
	toleranceSeconds?: number;
	/** Redelivery of an 850 after these delays (ms) when the receiver answers 408/429/5xx or times out. */
	retryDelaysMs?: number[];
}

export interface TradingPartnerCredentials extends Record<string, string> {
	partnerUrl: string;
	sharedSecret: string;
	signatureHeader: string;
	toleranceSeconds: string;
	ourIsaQualifier: string;
	ourIsaId: string;
	theirIsaQualifier: string;
	theirIsaId: string;
	ourGsId: string;
	theirGsId: string;
}

/** An 850 a partner sent (or queued): the PO, its envelope numbers and the exact bytes. */
export interface SentOrder {
	id: string;
	partner: string;
	poNumber: string;
	isa13: string;
	groupControlNumber: string;
	orderDate: string;
	requestedDate: string;
	lines: OrderLine[];
	total: string;
	sentAt: string;
	edi: string;
}

export interface ReceivedInterchange {
	id: string;
	partner: string;
	isa13: string;
	usage: string;
	groupControlNumbers: string[];
	types: string[];
	poNumbers: string[];
	receivedAt: string;
	sha256: string;
	edi: string;
}

export interface ReceivedDocument extends ReceivedSet {
	id: string;
	partner: string;
	isa13: string;
	receivedAt: string;
}

export interface RejectedDelivery {
	id: string;
	partner: string;
	status: number;
	reason: string;
	at: string;
	isa13?: string;
}

export interface DuplicateDelivery {
	id: string;
	partner: string;
	isa13: string;
	at: string;
}

/** Per PO: how many of each document the partner accepted. */
export type PoSummary = Record<string, number>;

const DEFAULT_RETRY_DELAYS_MS = [1000, 5000, 15000];
const RETRY_STATUSES = [408, 425, 429, 500, 502, 503, 504];

/**
 * Retailers that trade X12 with the distributor over HTTPS: they POST signed 850s to the distributor's
 * endpoint (n8n) and receive its 997/855/856/810/846 at their own inbox, where node-x12 (never the
 * project's X12 core) parses and checks every document before it is accepted and recorded.
 */
export class TradingPartnerPlugin implements SandboxPlugin {
	readonly name = 'tradingpartner';
	readonly prefix = '/tradingpartner';
	private readonly partners: PartnerConfig[];
	private readonly router = new Router();
	private ctx?: PluginContext;
	private seedValue = 0;
	private webhookUrl?: string;
	private toleranceSeconds: number;
	private readonly retryDelaysMs: number[];
	private sequence = new Map<string, number>();
	private readonly orders = new Map<string, SentOrder>();
	private readonly received = new Map<string, ReceivedInterchange>();
	private readonly usedGroups = new Map<string, Set<string>>();
	private documents: ReceivedDocument[] = [];
	private rejected: RejectedDelivery[] = [];
	private duplicates: DuplicateDelivery[] = [];

	constructor(options: TradingPartnerOptions = {}) {
		this.partners = (options.partners ?? DEFAULT_PARTNERS).map((p) => structuredClone(p));
		const ids = new Set(this.partners.map((p) => p.id));
		if (ids.size !== this.partners.length) throw new Error('tradingpartner: partner ids must be unique');
		this.webhookUrl = options.webhookUrl;
		this.toleranceSeconds = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
		this.retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
		this.router
			.add('POST', '/:partner/inbox', (req) => this.receive(req))
			.add('GET', '/:partner/inbox', (req) => this.ping(req));
	}

	attach(ctx: PluginContext): void {
		this.ctx = ctx;
	}

	seed(seed: number): void {
		this.seedValue = seed;
		this.sequence = new Map(this.partners.map((p) => [p.id, 0]));
		this.orders.clear();
		this.received.clear();
		this.usedGroups.clear();
		this.documents = [];
		this.rejected = [];
		this.duplicates = [];
	}

	/** The first partner's values, as a user types them into n8n (see `partnerCredentials` for the others). */
	credentials(baseUrl: string): TradingPartnerCredentials {
		return this.partnerCredentials(this.partners[0].id, baseUrl);
	}

	partnerCredentials(partnerId: string, baseUrl = this.context().publicUrl()): TradingPartnerCredentials {
		const p = this.partner(partnerId);
		return {
			partnerUrl: `${baseUrl}/${p.id}/inbox`,
			sharedSecret: p.secret,
			signatureHeader: 'X-EDI-Signature',
			toleranceSeconds: String(this.toleranceSeconds),
			ourIsaQualifier: p.distributor.qualifier,
			ourIsaId: p.distributor.id,
			theirIsaQualifier: p.partner.qualifier,
			theirIsaId: p.partner.id,
			ourGsId: p.distributor.gsId,
			theirGsId: p.partner.gsId,
		};
	}

	partnerIds(): string[] {
		return this.partners.map((p) => p.id);
	}

	catalog(partnerId = this.partners[0].id): CatalogItem[] {
		return structuredClone(this.partner(partnerId).catalog);
	}

	/** Where 850s go (the n8n X12 EDI Trigger's production URL), and the signature tolerance. */
	configure(settings: { webhookUrl?: string; toleranceSeconds?: number }): void {
		if (settings.webhookUrl !== undefined) {
			const url = new URL(settings.webhookUrl);
			if (!['http:', 'https:'].includes(url.protocol)) throw new Error('webhookUrl must be http(s)');
			this.webhookUrl = settings.webhookUrl;
		}
		if (settings.toleranceSeconds !== undefined) {
			if (!Number.isInteger(settings.toleranceSeconds) || settings.toleranceSeconds < 1) throw new Error('toleranceSeconds must be a positive integer');
			this.toleranceSeconds = settings.toleranceSeconds;
		}
	}

	/**
	 * Sends `count` purchase orders from a partner, each a signed 850 in its own interchange. The content
	 * is a function of the seed and the PO's sequence number, so a reseeded sandbox sends the same POs.
	 */
	sendOrders(count: number, options: { partner?: string } = {}): SentOrder[] {
		if (!Number.isInteger(count) || count < 1 || count > 10_000) throw new Error('count must be an integer from 1 to 10000');
		const url = this.webhookUrl;
		if (!url) throw new Error('No webhook URL configured: POST /__sandbox/tradingpartner/config {"webhookUrl": "..."} first');
		const partner = this.partner(options.partner ?? this.partners[0].id);
		const sent: SentOrder[] = [];
		for (let i = 0; i < count; i++) {
			const sequence = this.sequence.get(partner.id) ?? 0;
			this.sequence.set(partner.id, sequence + 1);
			const now = this.context().now();
			const rng = Prng.from(this.seedValue, `tradingpartner:${partner.id}:po:${sequence}`);
			const order = drawOrder(partner, sequence, rng, new Date(Date.UTC(2026, 0, 5) + sequence * 3_600_000));
			const isa13 = partner.firstInterchange + sequence;
			const edi = write850(partner, order, isa13, now);
			const record: SentOrder = {
				id: order.poNumber,
				partner: partner.id,
				poNumber: order.poNumber,
				isa13: String(isa13).padStart(9, '0'),
				groupControlNumber: String(isa13),
				orderDate: order.orderDate,
				requestedDate: order.requestedDate,
				lines: order.lines,
				total: order.total,
				sentAt: now.toISOString(),
				edi,
			};
			this.orders.set(this.orderKey(partner.id, order.poNumber), record);
			this.deliver(partner, edi, record.isa13, url);
			sent.push(structuredClone(record));
		}
		return sent;
	}

	/** Sends an 850 again, byte for byte (a partner that did not get an answer); freshly signed. */
	resendOrder(poNumber: string, partnerId = this.partners[0].id): SentOrder {
		const order = this.orders.get(this.orderKey(partnerId, poNumber));
		if (!order) throw new Error(`${partnerId} never sent ${poNumber}`);
		if (!this.webhookUrl) throw new Error('No webhook URL configured');
		this.deliver(this.partner(partnerId), order.edi, order.isa13, this.webhookUrl);
		return structuredClone(order);
	}

	/** Sends any text as a partner would, signed (or not, or wrongly) - for tests of the receiving side. */
	sendRaw(edi: string, options: { partner?: string; signature?: 'valid' | 'wrong' | 'none' | 'stale'; eventId?: string } = {}): void {
		if (!this.webhookUrl) throw new Error('No webhook URL configured');
		const partner = this.partner(options.partner ?? this.partners[0].id);
		const now = Math.floor(this.context().now().getTime() / 1000);
		const headers: Record<string, string> = { 'Content-Type': 'application/edi-x12', [MESSAGE_ID_HEADER]: options.eventId ?? createHash('sha256').update(edi).digest('hex').slice(0, 24) };
		const mode = options.signature ?? 'valid';
		if (mode !== 'none') {
			const secret = mode === 'wrong' ? `${partner.secret}-not` : partner.secret;
			headers[SIGNATURE_HEADER] = signBody(secret, edi, mode === 'stale' ? now - this.toleranceSeconds - 60 : now);
		}
		this.context().sendWebhook({ system: this.name, url: this.webhookUrl, body: edi, headers, eventId: headers[MESSAGE_ID_HEADER] });
	}

	/** Per partner, per PO: how many 997/855/856/810 were accepted. */
	summary(partnerId = this.partners[0].id): Record<string, PoSummary> {
		const out: Record<string, PoSummary> = {};
		for (const order of this.orders.values()) if (order.partner === partnerId) out[order.poNumber] = {};
		for (const doc of this.documents) {
			if (doc.partner !== partnerId) continue;
			for (const po of doc.poNumbers) {
				const entry = (out[po] ??= {});
				entry[doc.type] = (entry[doc.type] ?? 0) + 1;
			}
		}
		return out;
	}

	rateLimitKey(req: SandboxRequest): string | undefined {
		return req.path.split('/')[1] || undefined;
	}

	async handle(req: SandboxRequest): Promise<SandboxResponse> {
		const match = this.router.match(req.method, req.path);
		if (match.kind === 'notFound') return this.error('notFound', 404, `No route ${req.method} ${req.path}; documents go to POST /tradingpartner/<partner>/inbox`);
		if (match.kind === 'methodNotAllowed') return json(405, { error: `Use ${match.allowed.join(', ')}` }, { Allow: match.allowed.join(', ') });
		req.params = match.params;
		return await match.handler(req);
	}

	error(_kind: VendorErrorKind, status: number, message: string): SandboxResponse {
		return json(status, { error: message });
	}

	rateLimited(retryAfterSec: number): SandboxResponse {
		return json(429, { error: `Too many requests; retry in ${retryAfterSec} s` }, { 'Retry-After': String(retryAfterSec) });
	}

	collections(): string[] {
		return ['partners', 'orders', 'received', 'documents', 'rejected', 'duplicates'];
	}

	records(collection: string): unknown[] | undefined {
		switch (collection) {
			case 'partners':
				return this.partners.map((p) => ({ id: p.id, name: p.name, isaId: p.partner.id, distributorIsaId: p.distributor.id, wants846: p.wants846, catalog: p.catalog }));
			case 'orders':
				return structuredClone([...this.orders.values()]);
			case 'received':
				return structuredClone([...this.received.values()]);
			case 'documents':
				return structuredClone(this.documents);
			case 'rejected':
				return structuredClone(this.rejected);
			case 'duplicates':
				return structuredClone(this.duplicates);
			default:
				return undefined;
		}
	}

	adminRoutes(add: (method: string, pattern: string, handler: Handler) => void): void {
		const body = (req: SandboxRequest): Record<string, unknown> => {
			const parsed = req.rawBody.length > 0 ? req.json() : {};
			if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('body must be a JSON object');
			return parsed as Record<string, unknown>;
		};
		add('GET', '/config', () => json(200, { webhookUrl: this.webhookUrl ?? null, toleranceSeconds: this.toleranceSeconds, partners: this.partnerIds() }));
		add('POST', '/config', (req) => {
			const b = body(req);
			this.configure({
				webhookUrl: typeof b.webhookUrl === 'string' ? b.webhookUrl : undefined,
				toleranceSeconds: typeof b.toleranceSeconds === 'number' ? b.toleranceSeconds : undefined,
			});
			return json(200, { webhookUrl: this.webhookUrl ?? null, toleranceSeconds: this.toleranceSeconds });
		});
		add('POST', '/orders', (req) => {
			const b = body(req);
			const sent = this.sendOrders(b.count === undefined ? 1 : Number(b.count), { partner: typeof b.partner === 'string' ? b.partner : undefined });
			return json(200, { orders: sent.map((order) => withoutText(order)) });
		});
		add('POST', '/orders/:po/resend', (req) => {
			const b = body(req);
			return json(200, withoutText(this.resendOrder(req.params.po, typeof b.partner === 'string' ? b.partner : undefined)));
		});
		add('GET', '/summary', (req) => json(200, this.summary(req.query.get('partner') ?? undefined)));
	}

	private context(): PluginContext {
		if (!this.ctx) throw new Error('tradingpartner plugin is not attached to a sandbox server');
		return this.ctx;
	}

	private partner(id: string): PartnerConfig {
		const found = this.partners.find((p) => p.id === id);
		if (!found) throw new Error(`unknown trading partner "${id}" (known: ${this.partnerIds().join(', ')})`);
		return found;
	}

	private orderKey(partner: string, poNumber: string): string {
		return `${partner}\u0000${poNumber}`;
	}

	private deliver(partner: PartnerConfig, edi: string, isa13: string, url: string): void {
		const now = Math.floor(this.context().now().getTime() / 1000);
		const messageId = `${partner.partner.id}-${isa13}`;
		this.context().sendWebhook({
			system: this.name,
			url,
			body: edi,
			headers: { 'Content-Type': 'application/edi-x12', [SIGNATURE_HEADER]: signBody(partner.secret, edi, now), [MESSAGE_ID_HEADER]: messageId },
			eventId: messageId,
			retry: { statuses: RETRY_STATUSES, delaysMs: this.retryDelaysMs },
			timeoutMs: 10_000,
		});
	}

	private book(partnerId: string): OrderBook {
		return {
			order: (poNumber) => this.orders.get(this.orderKey(partnerId, poNumber)),
			group: (controlNumber) => {
				const pos = [...this.orders.values()].filter((o) => o.partner === partnerId && Number(o.groupControlNumber) === Number(controlNumber)).map((o) => o.poNumber);
				return pos.length > 0 ? pos : undefined;
			},
		};
	}

	private authenticate(req: SandboxRequest): { partner: PartnerConfig } | { response: SandboxResponse } {
		const partner = this.partners.find((p) => p.id === req.params.partner);
		if (!partner) return { response: this.error('notFound', 404, `No trading partner "${req.params.partner}"`) };
		const nowSeconds = Math.floor(this.context().now().getTime() / 1000);
		const check = verifySignature(partner.secret, req.rawBody, headerValue(req.headers[SIGNATURE_HEADER]), nowSeconds, this.toleranceSeconds);
		if (!check.ok) {
			this.reject(partner.id, 401, check.reason);
			return { response: json(401, { error: `Unauthorized: ${check.reason}` }) };
		}
		return { partner };
	}

	private ping(req: SandboxRequest): SandboxResponse {
		const auth = this.authenticate(req);
		if ('response' in auth) return auth.response;
		return json(200, { ok: true, partner: auth.partner.name });
	}

	private receive(req: SandboxRequest): SandboxResponse {
		const auth = this.authenticate(req);
		if ('response' in auth) return auth.response;
		const { partner } = auth;
		const text = req.rawBody.toString('utf8');
		if (text.trim() === '') return this.reject(partner.id, 400, 'The body is empty');
		const result = inspect(text, partner, this.book(partner.id));
		if (!result.ok) return this.reject(partner.id, 400, result.reason);
		const at = this.context().now().toISOString();
		const key = `${partner.id}:${result.isa13}`;
		const sha256 = createHash('sha256').update(req.rawBody).digest('hex');
		const earlier = this.received.get(key);
		if (earlier) {
			// The same interchange again (a retry): acknowledged, not recorded twice. Another one reusing its number is refused.
			if (earlier.sha256 === sha256) {
				this.duplicates.push({ id: String(this.duplicates.length + 1), partner: partner.id, isa13: result.isa13, at });
				return json(200, { accepted: true, duplicate: true, interchange: result.isa13 });
			}
			return this.reject(partner.id, 409, `Interchange control number ${result.isa13} was already received with different content`, result.isa13);
		}
		const groups = this.usedGroups.get(partner.id) ?? new Set<string>();
		const reused = result.groupControlNumbers.find((gs06) => groups.has(String(Number(gs06))));
		if (reused) return this.reject(partner.id, 409, `Group control number ${reused} was already used in another interchange`, result.isa13);
		for (const gs06 of result.groupControlNumbers) groups.add(String(Number(gs06)));
		this.usedGroups.set(partner.id, groups);
		this.received.set(key, {
			id: key,
			partner: partner.id,
			isa13: result.isa13,
			usage: result.usage,
			groupControlNumbers: result.groupControlNumbers,
			types: result.sets.map((set) => set.type),
			poNumbers: [...new Set(result.sets.flatMap((set) => set.poNumbers))],
			receivedAt: at,
			sha256,
			edi: text,
		});
		for (const set of result.sets) {
			this.documents.push({ ...set, id: String(this.documents.length + 1), partner: partner.id, isa13: result.isa13, receivedAt: at });
		}
		return json(200, { accepted: true, interchange: result.isa13, documents: result.sets.map((set) => ({ type: set.type, controlNumber: set.controlNumber, poNumbers: set.poNumbers })) });
	}

	private reject(partner: string, status: number, reason: string, isa13?: string): SandboxResponse {
		this.rejected.push({ id: String(this.rejected.length + 1), partner, status, reason, at: this.context().now().toISOString(), ...(isa13 ? { isa13 } : {}) });
		return json(status, { error: reason });
	}
}

/** An order as the admin API lists it: without the 850 text. */
function withoutText(order: SentOrder): Omit<SentOrder, 'edi'> {
	const copy: Partial<SentOrder> = { ...order };
	delete copy.edi;
	return copy as Omit<SentOrder, 'edi'>;
}

export function createTradingPartnerPlugin(options: TradingPartnerOptions = {}): TradingPartnerPlugin {
	return new TradingPartnerPlugin(options);
}

export { DEFAULT_PARTNERS, HARBOR, SUMMIT } from './partners';
export type { CatalogItem, PartnerConfig } from './partners';
export { signBody as signEdiPayload, verifySignature as verifyEdiSignature, SIGNATURE_HEADER as EDI_SIGNATURE_HEADER } from './wire';
