import { createHmac, randomUUID } from 'node:crypto';

import { headerValue, json } from '../core/http';
import { Router } from '../core/router';
import type { Handler, PluginContext, RateLimitRule, SandboxPlugin, SandboxRequest, SandboxResponse, VendorErrorKind } from '../core/types';
import { NsAuth, type NsPrincipal } from './auth';
import {
	certificateKeys,
	NS_ACCOUNTS,
	NS_CLIENT_ID,
	NS_CONSUMER_KEY,
	NS_CONSUMER_SECRET,
	NS_DEFAULT_ACCOUNT,
	NS_EC_CERTIFICATE_ID,
	NS_RSA_CERTIFICATE_ID,
	NS_TOKEN_ID,
	NS_TOKEN_SECRET,
} from './constants';
import { concurrencyExceeded, fail, invalidParameter, nsError } from './errors';
import { pageLinks, pageParams, RecordEngine, type ChangeKind } from './records';
import { NS_SEED_DEFAULTS, seedNetSuite, type NsSeedOptions } from './seed';
import { NsStore } from './store';
import { parseSuiteQl, runQuery, SuiteQlError } from './suiteql';
import { suiteQlTables } from './tables';
import { RECORD_TYPES, type NsRecord } from './types';

export interface NetSuiteOptions extends Partial<NsSeedOptions> {
	/** Where the account's user-event script posts record events (the n8n webhook), and its shared secret. */
	userEvents?: { url: string; secret: string; types?: string[] };
}

/** Concurrency governance: 5 requests in flight per account (a base account without SuiteCloud Plus). */
export const NETSUITE_DEFAULT_RATE_LIMIT: RateLimitRule = { maxConcurrent: 5 };

export interface NetSuiteCredentials extends Record<string, string> {
	accountId: string;
	baseUrl: string;
	consumerKey: string;
	consumerSecret: string;
	tokenId: string;
	tokenSecret: string;
	clientId: string;
	certificateId: string;
	privateKey: string;
	algorithm: string;
	ecCertificateId: string;
	ecPrivateKey: string;
}

const REST = '/services/rest';

/** Oracle NetSuite REST web services (record service, SuiteQL, RESTlets), written from Oracle's documentation. */
export class NetSuitePlugin implements SandboxPlugin {
	readonly name = 'netsuite';
	readonly prefix = '/netsuite';
	readonly defaultRateLimit = NETSUITE_DEFAULT_RATE_LIMIT;
	private readonly store = new NsStore();
	private readonly router = new Router<(req: SandboxRequest, who: NsPrincipal) => SandboxResponse | Promise<SandboxResponse>>({ caseInsensitive: false });
	private readonly engine: RecordEngine;
	private readonly seedOptions: NsSeedOptions;
	private userEvents?: NetSuiteOptions['userEvents'];
	private ctx?: PluginContext;
	readonly auth: NsAuth;
	/** RESTlet calls received, newest last, for tests. */
	readonly restletCalls: Array<{ method: string; script: string; deploy: string; body: unknown }> = [];

	constructor(options: NetSuiteOptions = {}) {
		this.seedOptions = { ...NS_SEED_DEFAULTS };
		for (const k of Object.keys(NS_SEED_DEFAULTS) as Array<keyof NsSeedOptions>) {
			const v = options[k];
			if (v !== undefined) {
				if (!Number.isInteger(v) || v < 0) throw new Error(`netsuite.${k} must be a non-negative integer`);
				this.seedOptions[k] = v;
			}
		}
		this.userEvents = options.userEvents;
		this.auth = new NsAuth(() => this.context().now());
		this.engine = new RecordEngine({
			store: this.store,
			now: () => this.context().now(),
			onChange: (kind, type, record) => this.emitUserEvent(kind, type, record),
		});
		const rec = `${REST}/record/v1`;
		this.router
			.add('GET', `${rec}/metadata-catalog`, (req) => this.catalog(req))
			.add('GET', `${rec}/:type`, (req) => this.engine.list(req, req.params.type))
			.add('POST', `${rec}/:type`, (req) => this.engine.create(req, req.params.type))
			.add('GET', `${rec}/:type/:id`, (req) => this.engine.get(req, req.params.type, req.params.id))
			.add('PATCH', `${rec}/:type/:id`, (req) => this.engine.update(req, req.params.type, req.params.id))
			.add('PUT', `${rec}/:type/:id`, (req) => this.engine.upsert(req, req.params.type, req.params.id))
			.add('DELETE', `${rec}/:type/:id`, (req) => this.engine.remove(req, req.params.type, req.params.id))
			.add('POST', `${rec}/:type/:id/!transform/:target`, (req) => this.engine.transform(req, req.params.type, req.params.id, req.params.target))
			.add('POST', `${REST}/query/v1/suiteql`, (req) => this.suiteQl(req))
			.add('GET', `${REST}/system/v1/governanceLimits`, () => json(200, { accountConcurrencyLimit: 5, integrationConcurrencyLimit: null }));
		for (const method of ['GET', 'POST', 'PUT', 'DELETE']) this.router.add(method, '/app/site/hosting/restlet.nl', (req) => this.restlet(req));
	}

	attach(ctx: PluginContext): void {
		this.ctx = ctx;
	}

	seed(seed: number): void {
		seedNetSuite(this.store, seed, this.seedOptions);
		this.auth.reset();
		this.restletCalls.length = 0;
	}

	credentials(baseUrl: string): NetSuiteCredentials {
		const keys = certificateKeys();
		// One line with "\n" escapes, so the banner stays readable; the credential turns them back into lines.
		const oneLine = (pem: string) => pem.trim().replace(/\n/g, '\\n');
		return {
			accountId: NS_DEFAULT_ACCOUNT,
			baseUrl,
			consumerKey: NS_CONSUMER_KEY,
			consumerSecret: NS_CONSUMER_SECRET,
			tokenId: NS_TOKEN_ID,
			tokenSecret: NS_TOKEN_SECRET,
			clientId: NS_CLIENT_ID,
			certificateId: NS_RSA_CERTIFICATE_ID,
			privateKey: oneLine(keys.rsa.privatePem),
			algorithm: 'PS256',
			ecCertificateId: NS_EC_CERTIFICATE_ID,
			ecPrivateKey: oneLine(keys.ec.privatePem),
		};
	}

	/** Requests count against their account (the OAuth realm, or the account of the bearer token). */
	rateLimitKey(req: SandboxRequest): string | undefined {
		if (req.path.endsWith('/auth/oauth2/v1/token')) return undefined;
		return this.auth.accountOf(req) ?? '(unauthenticated)';
	}

	async handle(req: SandboxRequest): Promise<SandboxResponse> {
		if (req.method === 'POST' && req.path === `${REST}/auth/oauth2/v1/token`) return this.auth.token(req, NS_DEFAULT_ACCOUNT);
		const match = this.router.match(req.method, req.path);
		if (match.kind === 'notFound') return nsError(404, 'INVALID_URL', `The requested URL ${req.path} was not found on this server.`);
		const who = this.auth.authenticate(req);
		if ('status' in who) return who;
		if (match.kind === 'methodNotAllowed') {
			return nsError(405, 'METHOD_NOT_ALLOWED', `The ${req.method} method is not allowed for ${req.path}.`, {}, { Allow: match.allowed.join(', ') });
		}
		req.params = match.params;
		return await match.handler(req, who);
	}

	error(kind: VendorErrorKind, status: number, message: string): SandboxResponse {
		const code: Record<VendorErrorKind, string> = {
			badRequest: 'INVALID_CONTENT',
			unauthorized: 'INVALID_LOGIN',
			forbidden: 'INSUFFICIENT_PERMISSION',
			notFound: 'INVALID_URL',
			methodNotAllowed: 'METHOD_NOT_ALLOWED',
			payloadTooLarge: 'REQUEST_TOO_LARGE',
			serverError: 'UNEXPECTED_ERROR',
		};
		return nsError(status, code[kind], message);
	}

	/** NetSuite documents no Retry-After for concurrency rejections; the client backs off on its own. */
	rateLimited(): SandboxResponse {
		return concurrencyExceeded();
	}

	collections(): string[] {
		// inventoryBalance: quantities per item and location (SuiteQL inventoryitemlocations), moved by inventory adjustments.
		return [...Object.keys(RECORD_TYPES), 'inventoryBalance'];
	}

	records(collection: string): unknown[] | undefined {
		if (!this.collections().includes(collection)) return undefined;
		return this.store.all(collection).map((r) => structuredClone(r));
	}

	/** Record as stored (references as `{ id }`), for tests. */
	record(type: string, id: string): NsRecord | undefined {
		const r = this.store.get(type, id);
		return r ? structuredClone(r) : undefined;
	}

	/** Changes a record as a user in the UI would: new lastModifiedDate, user event fired. */
	updateAs(type: string, id: string, fields: Record<string, unknown>): NsRecord {
		const current = this.store.get(type, id);
		if (!current) throw new Error(`no ${type} record ${id}`);
		const next = { ...structuredClone(current), ...fields } as NsRecord;
		next.lastModifiedDate = new Date(Math.floor(this.context().now().getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
		this.store.put(type, next);
		this.emitUserEvent('edit', type, next);
		return structuredClone(next);
	}

	setUserEvents(config: NetSuiteOptions['userEvents']): void {
		this.userEvents = config;
	}

	ledgerRows(): number {
		return this.seedOptions.ledgerRows;
	}

	adminRoutes(add: (method: string, pattern: string, handler: Handler) => void): void {
		add('PATCH', '/records/:type/:id', (req) => json(200, this.updateAs(req.params.type, req.params.id, req.json() as Record<string, unknown>)));
		add('POST', '/tokens/expire', () => {
			this.auth.expireTokens();
			return json(200, { ok: true });
		});
		add('GET', '/login-audit', () => json(200, this.auth.audit));
		add('POST', '/user-events', (req) => {
			const b = req.json() as { url?: string; secret?: string; types?: string[] };
			this.setUserEvents(b.url && b.secret ? { url: b.url, secret: b.secret, types: b.types } : undefined);
			return json(200, { ok: true });
		});
	}

	private context(): PluginContext {
		if (!this.ctx) throw new Error('netsuite plugin is not attached to a sandbox server');
		return this.ctx;
	}

	private catalog(req: SandboxRequest): SandboxResponse {
		return json(200, {
			links: [{ rel: 'self', href: req.url.toString() }],
			items: Object.keys(RECORD_TYPES).map((name) => ({
				name,
				links: [{ rel: 'canonical', href: `${req.baseUrl}${REST}/record/v1/metadata-catalog/${name}` }],
			})),
		});
	}

	private suiteQl(req: SandboxRequest): SandboxResponse {
		if ((headerValue(req.headers.prefer) ?? '').toLowerCase() !== 'transient') {
			return invalidParameter('SuiteQL requests need the header "Prefer: transient".');
		}
		const { limit, offset } = pageParams(req);
		const body = req.json() as { q?: unknown };
		if (typeof body?.q !== 'string' || body.q.trim() === '') return nsError(400, 'INVALID_CONTENT', 'The request body must be {"q": "<SuiteQL query>"}.', { 'o:errorPath': 'q' });
		const tables = suiteQlTables(this.store, () => this.seedOptions.ledgerRows);
		try {
			const query = parseSuiteQl(body.q);
			const table = tables[query.table];
			if (!table) fail(invalidParameter(`Invalid search query. Detailed unprocessed description follows. Search error occurred: Record '${query.table}' was not found.`));
			const result = runQuery(query, table, offset, limit);
			return json(
				200,
				{
					links: pageLinks(req, offset, limit, result.total).filter((l) => l.rel !== 'first' && l.rel !== 'last' ? true : result.total > limit),
					count: result.rows.length,
					hasMore: offset + result.rows.length < result.total,
					items: result.rows.map((row) => ({ links: [], ...row })),
					offset,
					totalResults: result.total,
				},
				{ 'Content-Type': 'application/vnd.oracle.resource+json; type=collection; charset=UTF-8' },
			);
		} catch (error) {
			if (error instanceof SuiteQlError) {
				return invalidParameter(`Invalid search query. Detailed unprocessed description follows. ${error.message}`);
			}
			throw error;
		}
	}

	/** A deployed sample RESTlet (customscript_n8n_echo, deploy 1) that echoes what it receives. */
	private restlet(req: SandboxRequest): SandboxResponse {
		const script = req.query.get('script') ?? '';
		const deploy = req.query.get('deploy') ?? '';
		if (!script || !deploy) return nsError(400, 'INVALID_SCRIPTLET_ID', 'The script and deploy parameters are required.');
		if (!['customscript_n8n_echo', '1201'].includes(script) || !['1', 'customdeploy1'].includes(deploy)) {
			return nsError(400, 'SSS_INVALID_SCRIPTLET_ID', `That Suitelet or RESTlet is invalid, disabled, or no longer exists (script ${script}, deploy ${deploy}).`);
		}
		let body: unknown;
		if (req.rawBody.length > 0) body = req.json();
		this.restletCalls.push({ method: req.method, script, deploy, body });
		const params = Object.fromEntries([...req.query].filter(([k]) => k !== 'script' && k !== 'deploy'));
		return json(200, { ok: true, method: req.method, params, received: body ?? null });
	}

	private emitUserEvent(kind: ChangeKind, type: string, record: NsRecord): void {
		const config = this.userEvents;
		if (!config || !this.ctx) return;
		if (config.types && !config.types.includes(type)) return;
		const eventId = randomUUID();
		const timestamp = Math.floor(this.context().now().getTime() / 1000);
		const body = JSON.stringify({
			eventId,
			eventType: kind,
			recordType: type,
			id: record.id,
			externalId: record.externalId ?? null,
			lastModifiedDate: record.lastModifiedDate,
			accountId: NS_ACCOUNTS[1],
		});
		const signature = createHmac('sha256', config.secret).update(`${timestamp}.${body}`).digest('hex');
		this.ctx.sendWebhook({
			system: this.name,
			url: config.url,
			body,
			eventId,
			headers: { 'Content-Type': 'application/json', 'X-NetSuite-Signature': `t=${timestamp},v1=${signature}` },
		});
	}
}

export function createNetSuitePlugin(options: NetSuiteOptions = {}): NetSuitePlugin {
	return new NetSuitePlugin(options);
}

export * from './constants';
export { parseSuiteQl, formatDate, parseDate } from './suiteql';
