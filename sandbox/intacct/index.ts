import { randomBytes } from 'node:crypto';

import type { Handler, PluginContext, RateLimitRule, SandboxPlugin, SandboxRequest, SandboxResponse, VendorErrorKind } from '../core/types';
import {
	GW,
	IA_COMPANY_ID,
	IA_DEFAULT_SESSION_TIMEOUT_MS,
	IA_ENTITIES,
	IA_GATEWAY_PATH,
	IA_SENDER_ID,
	IA_SENDER_PASSWORD,
	IA_USER_ID,
	IA_USER_PASSWORD,
} from './constants';
import { FunctionError, IntacctEngine } from './engine';
import { INTACCT_SEED_DEFAULTS, OBJECT_NAMES, seedIntacct, type IntacctSeedOptions } from './seed';
import { child, childText, elements, esc, parse, plain, render, type Node } from './xml';

export interface IntacctOptions extends Partial<IntacctSeedOptions> {
	/** Idle timeout of API sessions in ms (default 30 minutes). */
	sessionTimeoutMs?: number;
}

export interface IntacctCredentials extends Record<string, string> {
	endpointUrl: string;
	senderId: string;
	senderPassword: string;
	companyId: string;
	entityId: string;
	userId: string;
	userPassword: string;
}

/** Sage Intacct allows 2 concurrent requests per company at the entry performance tier. */
export const INTACCT_DEFAULT_RATE_LIMIT: RateLimitRule = { maxConcurrent: 2 };

interface Session {
	id: string;
	companyId: string;
	userId: string;
	locationId: string;
	expiresAt: number;
}

interface ErrorEntry {
	errorNo: string;
	description?: string;
	description2?: string;
	correction?: string;
}

function errorXml(errors: ErrorEntry[]): string {
	return `<errormessage>${errors
		.map(
			(e) =>
				`<error><errorno>${esc(e.errorNo)}</errorno>${render('description', e.description ?? '')}${render('description2', e.description2 ?? '')}${render('correction', e.correction ?? '')}</error>`,
		)
		.join('')}</errormessage>`;
}

const xmlResponse = (status: number, body: string, headers: Record<string, string> = {}): SandboxResponse => ({
	status,
	text: `<?xml version="1.0" encoding="UTF-8"?>\n${body}`,
	headers: { 'Content-Type': 'text/xml; charset=UTF-8', ...headers },
});

/** A gateway-level failure: only <control> and the errors, no <operation>. */
function controlFailure(errors: ErrorEntry[], control: { senderid?: string; controlid?: string; uniqueid?: string } = {}, status = 200): SandboxResponse {
	const head = control.senderid !== undefined
		? `<senderid>${esc(control.senderid)}</senderid><controlid>${esc(control.controlid ?? '')}</controlid><uniqueid>${esc(control.uniqueid ?? 'false')}</uniqueid><dtdversion>3.0</dtdversion>`
		: '';
	return xmlResponse(status, `<response><control><status>failure</status>${head}</control>${errorXml(errors)}</response>`);
}

const FUNCTIONS = new Set(['getAPISession', 'readByQuery', 'readMore', 'read', 'create', 'update', 'delete', 'inspect']);

/** Sage Intacct's XML Web Services gateway, written from the developer documentation and the official XSD. */
export class IntacctPlugin implements SandboxPlugin {
	readonly name = 'intacct';
	readonly prefix = '/intacct';
	readonly defaultRateLimit = INTACCT_DEFAULT_RATE_LIMIT;
	private ctx?: PluginContext;
	private readonly engine: IntacctEngine;
	private readonly seedOptions: IntacctSeedOptions;
	private sessions = new Map<string, Session>();
	private processedControlIds = new Set<string>();
	private sessionTimeoutMs: number;
	/** Counters for tests: sign-ins and session refusals. */
	readonly counters = { logins: 0, sessionsOpened: 0, sessionRefusals: 0, functions: 0, requests: 0 };

	constructor(options: IntacctOptions = {}) {
		this.seedOptions = { ...INTACCT_SEED_DEFAULTS };
		for (const key of Object.keys(INTACCT_SEED_DEFAULTS) as Array<keyof IntacctSeedOptions>) {
			const v = options[key];
			if (v !== undefined) {
				if (!Number.isInteger(v) || v < 0) throw new Error(`intacct.${key} must be a non-negative integer`);
				this.seedOptions[key] = v;
			}
		}
		this.sessionTimeoutMs = options.sessionTimeoutMs ?? IA_DEFAULT_SESSION_TIMEOUT_MS;
		this.engine = new IntacctEngine(() => this.now());
	}

	attach(ctx: PluginContext): void {
		this.ctx = ctx;
	}

	seed(seed: number): void {
		this.engine.load(seedIntacct(seed, this.seedOptions));
		this.sessions.clear();
		this.processedControlIds.clear();
		for (const key of Object.keys(this.counters) as Array<keyof typeof this.counters>) this.counters[key] = 0;
	}

	credentials(baseUrl: string): IntacctCredentials {
		return {
			endpointUrl: `${baseUrl}${IA_GATEWAY_PATH}`,
			senderId: IA_SENDER_ID,
			senderPassword: IA_SENDER_PASSWORD,
			companyId: IA_COMPANY_ID,
			entityId: '',
			userId: IA_USER_ID,
			userPassword: IA_USER_PASSWORD,
		};
	}

	/** Requests count against the company they sign in to (the vendor's per-company concurrency). */
	rateLimitKey(req: SandboxRequest): string | undefined {
		const body = req.rawBody.toString('utf8');
		const company = /<companyid>([^<]*)<\/companyid>/.exec(body)?.[1];
		if (company) return `company:${company}`;
		const session = /<sessionid>([^<]*)<\/sessionid>/.exec(body)?.[1];
		const known = session ? this.sessions.get(session) : undefined;
		return known ? `company:${known.companyId}` : 'anonymous';
	}

	handle(req: SandboxRequest): SandboxResponse {
		this.counters.requests++;
		if (req.path !== IA_GATEWAY_PATH) return this.error('notFound', 404, `No gateway at ${req.path}`);
		if (req.method !== 'POST') return controlFailure([{ errorNo: GW.invalidRequest, description: 'Invalid Request', description2: 'Use POST; GET requests are blocked' }], {}, 405);
		let doc: Node;
		try {
			doc = parse(req.rawBody.toString('utf8'));
		} catch (error) {
			return controlFailure([{ errorNo: GW.schema, description2: `XML Parse schema error: ${error instanceof Error ? error.message : 'not XML'}` }]);
		}
		const request = child(doc, 'request');
		const control = child(request, 'control');
		if (!request || !control) return controlFailure([{ errorNo: GW.schema, description2: 'XML Parse schema error: the root element must be <request> with <control>' }]);
		const head = { senderid: childText(control, 'senderid'), controlid: childText(control, 'controlid'), uniqueid: childText(control, 'uniqueid') || 'false' };
		if (childText(control, 'dtdversion') && childText(control, 'dtdversion') !== '3.0') {
			return controlFailure([{ errorNo: GW.schema, description2: 'XML Parse schema error: only dtdversion 3.0 is supported here' }], head);
		}
		if (head.senderid !== IA_SENDER_ID || childText(control, 'password') !== IA_SENDER_PASSWORD) {
			return controlFailure(
				[{ errorNo: GW.auth, description2: 'Incorrect Intacct XML Partner ID or password.', correction: 'Check the Web Services sender ID and password.' }],
				head,
			);
		}
		const replayKey = `${head.senderid}|${head.controlid}`;
		if (head.uniqueid === 'true' && this.processedControlIds.has(replayKey)) {
			return controlFailure(
				[{ errorNo: GW.replayed, description2: `A request with control ID ${head.controlid} was already processed`, correction: 'Read the records to see the first request’s result.' }],
				head,
			);
		}
		const operation = child(request, 'operation');
		if (!operation) return controlFailure([{ errorNo: GW.schema, description2: 'XML Parse schema error: <operation> is missing' }], head);
		const functions = elements(child(operation, 'content')).filter(([name]) => name === 'function');
		for (const [, fn] of functions) {
			const names = elements(fn).map(([n]) => n);
			if (names.length !== 1 || !FUNCTIONS.has(names[0])) {
				return controlFailure([{ errorNo: GW.schema, description2: `XML Parse schema error: Element '${names.join(',') || 'function'}' is not expected` }], head);
			}
		}
		const controlXml = `<control><status>success</status><senderid>${esc(head.senderid)}</senderid><controlid>${esc(head.controlid)}</controlid><uniqueid>${esc(head.uniqueid)}</uniqueid><dtdversion>3.0</dtdversion></control>`;

		const auth = this.authenticate(child(operation, 'authentication'));
		if ('failure' in auth) {
			return xmlResponse(
				200,
				`<response>${controlXml}<operation><authentication><status>failure</status><userid>${esc(auth.userId)}</userid><companyid>${esc(auth.companyId)}</companyid></authentication>${errorXml([auth.failure])}</operation></response>`,
			);
		}
		if (head.uniqueid === 'true') this.processedControlIds.add(replayKey);
		const session = auth.session;
		const transaction = (operation.$?.transaction ?? 'false') === 'true';
		const results = this.run(functions.map(([, fn]) => fn as Node), session, transaction, auth.viaLogin);
		const now = this.now();
		const authXml = `<authentication><status>success</status><userid>${esc(session.userId)}</userid><companyid>${esc(session.companyId)}</companyid><locationid>${esc(session.locationId)}</locationid><sessiontimestamp>${now.toISOString()}</sessiontimestamp><sessiontimeout>${new Date(session.expiresAt).toISOString()}</sessiontimeout></authentication>`;
		return xmlResponse(200, `<response>${controlXml}<operation>${authXml}${results.join('')}</operation></response>`);
	}

	private authenticate(node: Node | undefined): { session: Session; viaLogin: boolean } | { failure: ErrorEntry; userId: string; companyId: string } {
		const login = child(node, 'login');
		const now = this.now().getTime();
		if (login) {
			this.counters.logins++;
			const userId = childText(login, 'userid');
			const companyId = childText(login, 'companyid');
			const locationId = childText(login, 'locationid');
			if (userId !== IA_USER_ID || companyId !== IA_COMPANY_ID || childText(login, 'password') !== IA_USER_PASSWORD) {
				return { failure: { errorNo: GW.auth, description: 'Sign-in information is incorrect', correction: 'Check the company ID, user ID and password.' }, userId, companyId };
			}
			if (locationId && !IA_ENTITIES.includes(locationId)) {
				return { failure: { errorNo: GW.auth, description: 'Sign-in information is incorrect', description2: `Entity ${locationId} does not exist`, correction: 'Check the entity ID.' }, userId, companyId };
			}
			return { session: { id: '', companyId, userId, locationId, expiresAt: now + this.sessionTimeoutMs }, viaLogin: true };
		}
		const id = childText(node, 'sessionid');
		const session = id ? this.sessions.get(id) : undefined;
		if (!session || session.expiresAt <= now) {
			if (session) this.sessions.delete(id);
			this.counters.sessionRefusals++;
			return { failure: { errorNo: GW.auth, description: 'Invalid session', description2: 'The session ID is invalid or has expired', correction: 'Sign in again with getAPISession.' }, userId: '', companyId: '' };
		}
		// Idle timeout: each use extends the session.
		session.expiresAt = now + this.sessionTimeoutMs;
		return { session, viaLogin: false };
	}

	private run(functions: Node[], session: Session, transaction: boolean, viaLogin: boolean): string[] {
		const before = transaction ? this.engine.snapshot() : undefined;
		const out: Array<{ name: string; controlId: string; xml?: string; error?: ErrorEntry[] }> = [];
		let failed = false;
		for (const fn of functions) {
			const [[name, body]] = elements(fn);
			const controlId = fn.$?.controlid ?? '';
			if (failed && transaction) {
				out.push({ name, controlId });
				continue;
			}
			this.counters.functions++;
			try {
				out.push({ name, controlId, xml: this.call(name, body as Node, session, viaLogin) });
			} catch (error) {
				const e = error instanceof FunctionError ? error : new FunctionError(GW.serverError, error instanceof Error ? error.message : 'internal error');
				out.push({ name, controlId, error: [{ errorNo: e.errorNo, description: e.description, description2: e.description2, correction: e.correction }] });
				failed = true;
			}
		}
		if (failed && transaction && before) this.engine.restore(before);
		const rolledBack: ErrorEntry = { errorNo: GW.rolledBack, description2: 'The entire transaction in this operation has been rolled back due to an error.' };
		return out.map((r) => {
			const head = `<function>${esc(r.name)}</function><controlid>${esc(r.controlId)}</controlid>`;
			if (r.error) return `<result><status>failure</status>${head}${errorXml(transaction ? [...r.error, rolledBack] : r.error)}</result>`;
			if (failed && transaction) return `<result><status>aborted</status>${head}${errorXml([rolledBack])}</result>`;
			return `<result><status>success</status>${head}${r.xml ?? ''}</result>`;
		});
	}

	private call(name: string, body: Node, session: Session, viaLogin: boolean): string {
		const t = (field: string) => childText(body, field);
		const data = (listtype: string, records: unknown[], element: string, attrs: Record<string, string | number> = {}) => {
			const extra = Object.entries(attrs)
				.map(([k, v]) => ` ${k}="${esc(String(v))}"`)
				.join('');
			return `<data listtype="${esc(listtype)}" count="${records.length}"${extra}>${records.map((r) => render(element, r)).join('')}</data>`;
		};
		switch (name) {
			case 'getAPISession': {
				const locationId = t('locationid') || session.locationId;
				if (locationId && !IA_ENTITIES.includes(locationId)) throw new FunctionError(GW.auth, `Entity ${locationId} does not exist`);
				const id = viaLogin || !session.id ? this.openSession({ ...session, locationId }) : session.id;
				this.counters.sessionsOpened += viaLogin || !session.id ? 1 : 0;
				return `<data><api><sessionid>${esc(id)}</sessionid><endpoint>${esc(`${this.context().publicUrl()}${IA_GATEWAY_PATH}`)}</endpoint><locationid>${esc(locationId)}</locationid></api></data>`;
			}
			case 'readByQuery': {
				const object = t('object');
				const page = this.engine.readByQuery(object, t('query'), t('fields') || '*', Number(t('pagesize') || '100'), t('docparid') || undefined);
				return this.pageXml(page, data);
			}
			case 'readMore': {
				if (!t('resultId')) throw new FunctionError('DL02000025', 'readMore needs a resultId here');
				return this.pageXml(this.engine.readMore(t('resultId')), data);
			}
			case 'read': {
				const object = t('object').toUpperCase();
				const records = this.engine.read(object, t('keys'), t('fields') || '*', t('docparid') || undefined);
				return data(object, records, object);
			}
			case 'create':
			case 'update': {
				const records = elements(body).map(([object, value]) => {
					const fields = plain(value) as Record<string, unknown>;
					const input = typeof fields === 'object' && fields ? fields : {};
					const saved = name === 'create' ? this.engine.create(object, input) : this.engine.update(object, input);
					const idField = this.engine.idField(object);
					return { object, out: { RECORDNO: saved.RECORDNO, ...(idField ? { [idField]: saved[idField] } : {}) } };
				});
				return `<data listtype="objects" count="${records.length}">${records.map((r) => render(r.object.toLowerCase(), r.out)).join('')}</data>`;
			}
			case 'delete':
				this.engine.delete(t('object'), t('keys'));
				return '';
			case 'inspect': {
				const object = t('object');
				const rows = this.engine.table(object);
				const fields = new Set<string>(['RECORDNO']);
				for (const row of rows.slice(0, 20)) for (const key of Object.keys(row)) fields.add(key);
				return `<data listtype="All" count="1"><Type Name="${esc(object.toUpperCase())}"><Fields>${[...fields].map((f) => `<Field>${esc(f)}</Field>`).join('')}</Fields></Type></data>`;
			}
			default:
				throw new FunctionError(GW.schema, `Unknown function ${name}`);
		}
	}

	private pageXml(
		page: { object: string; records: unknown[]; totalCount: number; numRemaining: number; resultId: string },
		data: (listtype: string, records: unknown[], element: string, attrs?: Record<string, string | number>) => string,
	): string {
		const element = page.object.toLowerCase();
		return data(element, page.records, element, { totalcount: page.totalCount, numremaining: page.numRemaining, resultId: page.resultId });
	}

	private openSession(session: Session): string {
		const id = `${randomBytes(18).toString('base64url')}..`;
		this.sessions.set(id, { ...session, id, expiresAt: this.now().getTime() + this.sessionTimeoutMs });
		return id;
	}

	error(kind: VendorErrorKind, status: number, message: string): SandboxResponse {
		const code = kind === 'serverError' ? GW.serverError : kind === 'unauthorized' || kind === 'forbidden' ? GW.auth : GW.invalidRequest;
		return controlFailure([{ errorNo: code, description: kind === 'serverError' ? 'Internal error' : 'Invalid Request', description2: message }], {}, status);
	}

	rateLimited(_retryAfterSec: number): SandboxResponse {
		return controlFailure(
			[{ errorNo: GW.rateLimited, description: 'Rate limit exceeded', description2: 'Too many concurrent requests for this company', correction: 'Retry later with fewer concurrent requests.' }],
			{},
			429,
		);
	}

	collections(): string[] {
		return [...OBJECT_NAMES];
	}

	records(collection: string): unknown[] | undefined {
		const name = collection.toUpperCase();
		if (!(OBJECT_NAMES as readonly string[]).includes(name)) return undefined;
		return structuredClone(this.engine.table(name));
	}

	/** Ends every open session, as a timeout would. */
	expireSessions(): number {
		const count = this.sessions.size;
		this.sessions.clear();
		return count;
	}

	setSessionTimeout(ms: number): void {
		if (!Number.isFinite(ms) || ms <= 0) throw new Error('session timeout must be a positive number of ms');
		this.sessionTimeoutMs = ms;
	}

	openSessions(): number {
		return this.sessions.size;
	}

	/** Creates or changes a record as a user in the Sage Intacct UI would (WHENMODIFIED set to now). */
	createAs(object: string, fields: Record<string, unknown>): unknown {
		return structuredClone(this.engine.create(object, fields));
	}

	updateAs(object: string, fields: Record<string, unknown>): unknown {
		return structuredClone(this.engine.update(object, fields));
	}

	adminRoutes(add: (method: string, pattern: string, handler: Handler) => void): void {
		const body = (req: SandboxRequest): Record<string, unknown> => {
			const parsed = req.rawBody.length > 0 ? req.json() : {};
			if (typeof parsed !== 'object' || parsed === null) throw new Error('body must be a JSON object');
			return parsed as Record<string, unknown>;
		};
		const json = (status: number, value: unknown): SandboxResponse => ({ status, body: value });
		add('POST', '/sessions/expire', () => json(200, { expired: this.expireSessions() }));
		add('PUT', '/sessions/timeout', (req) => {
			this.setSessionTimeout(Number(body(req).ms));
			return json(200, { ms: this.sessionTimeoutMs });
		});
		add('GET', '/counters', () => json(200, { ...this.counters, openSessions: this.sessions.size }));
		add('POST', '/records/:object', (req) => json(201, this.createAs(req.params.object, body(req))));
		add('PATCH', '/records/:object/:recordno', (req) => json(200, this.updateAs(req.params.object, { ...body(req), RECORDNO: req.params.recordno })));
	}

	private now(): Date {
		return this.ctx ? this.ctx.now() : new Date();
	}

	private context(): PluginContext {
		if (!this.ctx) throw new Error('intacct plugin is not attached to a sandbox server');
		return this.ctx;
	}
}

export function createIntacctPlugin(options: IntacctOptions = {}): IntacctPlugin {
	return new IntacctPlugin(options);
}

export * from './constants';
export { parseQuery, QuerySyntaxError } from './query';
