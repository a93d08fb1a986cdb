import { randomBytes, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { PluginContext } from '../core/types';
import { BC_CLIENT_ID, BC_MAX_SUBSCRIPTIONS, BC_NOTIFICATION_RETRY_STATUSES } from './constants';
import type { EntityDef } from './entities';
import { entity } from './entities';
import { fail } from './errors';
import type { ChangeType } from './engine';
import type { Row } from './odata';
import type { BcStore, StoredRow } from './store';

export interface Subscription {
	subscriptionId: string;
	notificationUrl: string;
	resource: string;
	userId: string;
	lastModifiedDateTime: string;
	clientState: string;
	expirationDateTime: string;
	systemCreatedAt: string;
	_v: number;
	_companyId: string;
	_set: string;
}

export interface SubscriptionOptions {
	lifetimeMs: number;
	/** Business Central batches changes for about 30 seconds before it notifies. */
	notificationDelayMs: number;
	collectionThreshold: number;
	retryDelaysMs: number[];
	handshakeTimeoutMs: number;
}

interface Pending {
	changes: Array<{ row: StoredRow; change: ChangeType; at: string }>;
	timer?: NodeJS.Timeout;
}

const RESOURCE = /^\/?api\/v2\.0\/companies\(([0-9a-fA-F-]{36})\)\/([A-Za-z]+)$/;

/** `POST {notificationUrl}?validationToken=...`: the subscriber must answer 200 with the token as the body. */
function handshake(notificationUrl: string, timeoutMs: number): Promise<{ ok: boolean; detail: string }> {
	const token = randomBytes(18).toString('base64url');
	let url: URL;
	try {
		url = new URL(notificationUrl);
	} catch {
		return Promise.resolve({ ok: false, detail: 'the notification URL is not a valid absolute URL' });
	}
	url.searchParams.set('validationToken', token);
	const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
	return new Promise((resolve) => {
		const req = send(url, { method: 'POST', agent: false, timeout: timeoutMs, headers: { 'Content-Length': '0' } }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => {
				const body = Buffer.concat(chunks).toString('utf8');
				if (res.statusCode !== 200) resolve({ ok: false, detail: `the notification URL answered HTTP ${res.statusCode ?? 0}` });
				else if (body !== token) resolve({ ok: false, detail: 'the notification URL did not return the validation token' });
				else resolve({ ok: true, detail: '' });
			});
		});
		req.on('timeout', () => req.destroy(new Error('timed out')));
		req.on('error', (error) => resolve({ ok: false, detail: `the notification URL could not be reached (${error.message})` }));
		req.end();
	});
}

/** Webhook subscriptions (`/api/v2.0/subscriptions`): handshake, expiry, renewal and batched notifications. */
export class Subscriptions {
	private readonly subs = new Map<string, Subscription>();
	private readonly pending = new Map<string, Pending>();
	readonly handshakes: Array<{ url: string; ok: boolean; at: string }> = [];

	constructor(
		private readonly store: BcStore,
		private readonly options: () => SubscriptionOptions,
		private readonly ctx: () => PluginContext,
	) {}

	reset(): void {
		for (const p of this.pending.values()) clearTimeout(p.timer);
		this.pending.clear();
		this.subs.clear();
		this.handshakes.length = 0;
	}

	private now(): Date {
		return this.ctx().now();
	}

	/** Expired subscriptions are gone, as Business Central removes them. */
	private sweep(): void {
		const now = this.now().getTime();
		for (const [id, sub] of this.subs) if (Date.parse(sub.expirationDateTime) <= now) this.subs.delete(id);
	}

	all(): Subscription[] {
		this.sweep();
		return [...this.subs.values()];
	}

	get(id: string): Subscription {
		this.sweep();
		const sub = this.subs.get(id);
		if (!sub) throw fail(404, 'BadRequest_NotFound', `The subscription does not exist. Identification fields and values: Subscription Id='${id}'`);
		return sub;
	}

	etag(sub: Subscription): string {
		return `W/"${Buffer.from(`'${sub.subscriptionId}:${sub._v};'`).toString('base64')}"`;
	}

	present(sub: Subscription): Row {
		const out: Row = { '@odata.etag': this.etag(sub) };
		for (const [k, v] of Object.entries(sub)) if (!k.startsWith('_')) out[k] = v;
		return out;
	}

	private async validate(notificationUrl: string): Promise<void> {
		const result = await handshake(notificationUrl, this.options().handshakeTimeoutMs);
		this.handshakes.push({ url: notificationUrl, ok: result.ok, at: this.now().toISOString() });
		if (!result.ok) {
			throw fail(400, 'Application_DialogException', `The subscription could not be validated: ${result.detail}. The notification URL must answer the validation request with HTTP 200 and the validationToken as the body.`);
		}
	}

	private target(resource: string): { companyId: string; def: EntityDef } {
		const match = RESOURCE.exec(resource.trim());
		if (!match) throw fail(400, 'BadRequest', `The resource '${resource}' is not valid. Use /api/v2.0/companies({id})/{entitySet}.`);
		if (!this.store.company(match[1])) throw fail(404, 'Internal_CompanyNotFound', `The company with id '${match[1]}' does not exist.`);
		const def = entity(match[2]);
		if (!def?.webhooks) throw fail(400, 'BadRequest', `The entity set '${match[2]}' does not support webhook subscriptions.`);
		return { companyId: match[1].toLowerCase(), def };
	}

	async create(body: Row): Promise<Subscription> {
		for (const key of Object.keys(body)) {
			if (!['notificationUrl', 'resource', 'clientState'].includes(key)) {
				throw fail(400, 'BadRequest', `The property '${key}' does not exist on type 'Microsoft.NAV.subscriptions'. Make sure to only use property names that are defined by the type.`);
			}
		}
		const notificationUrl = typeof body.notificationUrl === 'string' ? body.notificationUrl : '';
		const resource = typeof body.resource === 'string' ? body.resource : '';
		if (!notificationUrl) throw fail(400, 'BadRequest', 'notificationUrl must have a value.');
		if (!resource) throw fail(400, 'BadRequest', 'resource must have a value.');
		const clientState = typeof body.clientState === 'string' ? body.clientState : '';
		if (clientState.length > 2048) throw fail(400, 'Application_StringExceededLength', `The length of the string is ${clientState.length}, but it must be less than or equal to 2048 characters.`);
		const { companyId, def } = this.target(resource);
		if (this.all().length >= BC_MAX_SUBSCRIPTIONS) throw fail(400, 'Application_DialogException', `You have reached the maximum of ${BC_MAX_SUBSCRIPTIONS} webhook subscriptions.`);
		if (this.all().some((s) => s.notificationUrl === notificationUrl && s.resource === resource)) {
			throw fail(400, 'Internal_EntityWithSameKeyExists', 'A subscription for this notification URL and resource already exists.');
		}
		await this.validate(notificationUrl);
		const now = this.now();
		const sub: Subscription = {
			subscriptionId: randomUUID().replace(/-/g, ''),
			notificationUrl,
			resource,
			userId: BC_CLIENT_ID,
			lastModifiedDateTime: now.toISOString(),
			clientState,
			expirationDateTime: new Date(now.getTime() + this.options().lifetimeMs).toISOString(),
			systemCreatedAt: now.toISOString(),
			_v: 1,
			_companyId: companyId,
			_set: def.set,
		};
		this.subs.set(sub.subscriptionId, sub);
		return sub;
	}

	/** Renewal: `PATCH subscriptions('{id}')` with If-Match; validated again, expiry moved three days out. */
	async renew(id: string, body: Row, ifMatch: string | undefined): Promise<Subscription> {
		const sub = this.get(id);
		if (!ifMatch) throw fail(400, 'BadRequest', 'Could not save the changes because the If-Match header is missing.');
		if (ifMatch !== '*' && ifMatch !== this.etag(sub)) throw fail(412, 'Request_EntityChanged', 'Another user has already changed the record.');
		for (const key of Object.keys(body)) {
			if (!['notificationUrl', 'resource', 'clientState'].includes(key)) {
				throw fail(400, 'BadRequest', `The property '${key}' does not exist on type 'Microsoft.NAV.subscriptions'.`);
			}
		}
		if (typeof body.resource === 'string' && body.resource !== sub.resource) throw fail(400, 'BadRequest', 'The resource of a subscription cannot be changed.');
		const notificationUrl = typeof body.notificationUrl === 'string' ? body.notificationUrl : sub.notificationUrl;
		await this.validate(notificationUrl);
		const now = this.now();
		sub.notificationUrl = notificationUrl;
		if (typeof body.clientState === 'string') sub.clientState = body.clientState;
		sub.expirationDateTime = new Date(now.getTime() + this.options().lifetimeMs).toISOString();
		sub.lastModifiedDateTime = now.toISOString();
		sub._v++;
		return sub;
	}

	remove(id: string, ifMatch: string | undefined): void {
		const sub = this.get(id);
		if (!ifMatch) throw fail(400, 'BadRequest', 'Could not delete the record because the If-Match header is missing.');
		if (ifMatch !== '*' && ifMatch !== this.etag(sub)) throw fail(412, 'Request_EntityChanged', 'Another user has already changed the record.');
		this.subs.delete(id);
		const p = this.pending.get(id);
		clearTimeout(p?.timer);
		this.pending.delete(id);
	}

	/** Sets the expiry of a subscription (admin), e.g. to make renewal due. */
	expireIn(id: string, ms: number): Subscription {
		const sub = this.get(id);
		sub.expirationDateTime = new Date(this.now().getTime() + ms).toISOString();
		return sub;
	}

	onChange(companyId: string, def: EntityDef, row: StoredRow, change: ChangeType): void {
		if (!def.webhooks) return;
		for (const sub of this.all()) {
			if (sub._companyId !== companyId.toLowerCase() || sub._set !== def.set) continue;
			let p = this.pending.get(sub.subscriptionId);
			if (!p) {
				p = { changes: [] };
				this.pending.set(sub.subscriptionId, p);
			}
			p.changes.push({ row: { ...row }, change, at: String(row.lastModifiedDateTime ?? this.now().toISOString()) });
			if (!p.timer) {
				const id = sub.subscriptionId;
				p.timer = setTimeout(() => this.flush(id), this.options().notificationDelayMs);
			}
		}
	}

	/** Sends what is pending now (all subscriptions, or one). Returns the number of notification posts. */
	flush(only?: string): number {
		let sent = 0;
		for (const [id, p] of [...this.pending]) {
			if (only && id !== only) continue;
			clearTimeout(p.timer);
			this.pending.delete(id);
			const sub = this.subs.get(id);
			if (!sub || Date.parse(sub.expirationDateTime) <= this.now().getTime() || p.changes.length === 0) continue;
			const base = `api/v2.0/companies(${sub._companyId})/${sub._set}`;
			let value: Row[];
			if (p.changes.length > this.options().collectionThreshold) {
				const earliest = p.changes.map((c) => Date.parse(c.at)).reduce((a, b) => Math.min(a, b));
				const since = new Date(earliest - 1).toISOString();
				value = [{ ...this.envelope(sub), resource: `${base}?$filter=lastModifiedDateTime%20gt%20${since}`, changeType: 'collection', lastModifiedDateTime: new Date(this.now()).toISOString() }];
			} else {
				value = p.changes.map((c) => ({ ...this.envelope(sub), resource: `${base}(${c.row.id})`, changeType: c.change, lastModifiedDateTime: c.at }));
			}
			this.send(sub, value);
			sent++;
		}
		return sent;
	}

	/** A notification as Business Central would send it, for tests (e.g. with a forged clientState). */
	send(sub: Pick<Subscription, 'notificationUrl' | 'subscriptionId'>, value: Row[]): void {
		const body = JSON.stringify({ value });
		this.ctx().sendWebhook({
			system: this.ctx().system,
			url: sub.notificationUrl,
			body,
			headers: { 'Content-Type': 'application/json' },
			eventId: `${sub.subscriptionId}:${randomUUID()}`,
			retry: { statuses: BC_NOTIFICATION_RETRY_STATUSES, delaysMs: this.options().retryDelaysMs },
			timeoutMs: 10_000,
		});
	}

	private envelope(sub: Subscription): Row {
		return { subscriptionId: sub.subscriptionId, clientState: sub.clientState, expirationDateTime: sub.expirationDateTime };
	}

	close(): void {
		for (const p of this.pending.values()) clearTimeout(p.timer);
		this.pending.clear();
	}
}
