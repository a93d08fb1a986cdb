import { json } from '../core/http';
import { Router } from '../core/router';
import type { Handler, PluginContext, RateLimitRule, SandboxPlugin, SandboxRequest, SandboxResponse, VendorErrorKind } from '../core/types';
import { buildApiRouter, unmatched } from './api';
import { clientIdKey } from './auth';
import { DEFAULT_CALLBACK_OPTIONS, dispatchCallbacks, type CallbackOptions, type CallbackUrlMode } from './callbacks';
import { CW_API_ROOT, CW_CLIENT_ID, CW_CODEBASE, CW_COMPANY_ID, CW_PRIVATE_KEY, CW_PUBLIC_KEY } from './constants';
import { CwEngine, present, type ChangeAction, type IgnoredPatch } from './engine';
import { cwError, tooManyRequests } from './errors';
import { RESOURCES, type ResourceDef } from './resources';
import { CW_SEED_DEFAULTS, seedConnectWise, type CwSeedOptions } from './seed';
import { CwStore, type CwRecord } from './store';

export interface ConnectWiseOptions extends Partial<CwSeedOptions> {
	/** `append` (default, as ConnectWise does) adds `{id}` and `action=` to callback URLs; `verbatim` posts to the URL as registered. */
	callbackUrlMode?: CallbackUrlMode;
	/** Callback redelivery delays on 404/409/419/429 (default 2000, 4000 ms as documented). */
	callbackRetryDelaysMs?: number[];
	callbackTimeoutMs?: number;
	/** More clientIds to accept besides the sandbox one (e.g. to test per-clientId rate limits). */
	extraClientIds?: string[];
}

/** Time and expense approval statuses ConnectWise uses (time sheets and expense reports move entries through them). */
export const CW_APPROVAL_STATUSES = [
	'Open',
	'Rejected',
	'PendingApproval',
	'ErrorsCorrected',
	'PendingProjectApproval',
	'ApprovedByTierOne',
	'RejectBySecondTier',
	'ApprovedByTierTwo',
	'ReadyToBill',
	'Billed',
	'WrittenOff',
	'BilledAgreement',
];

/** Generous default: ConnectWise documents no number, but throttles integrations above ~1,000 requests/minute. */
export const CONNECTWISE_DEFAULT_RATE_LIMIT: RateLimitRule = { requests: 40, windowMs: 1000, maxConcurrent: 10 };

export interface ConnectWiseCredentials extends Record<string, string> {
	siteUrl: string;
	companyId: string;
	publicKey: string;
	privateKey: string;
	clientId: string;
	/** `siteUrl` plus the codebase and API root, for reference. */
	apiUrl: string;
}

/** ConnectWise PSA (Manage) REST API 3.0, written from the vendor's documentation. */
export class ConnectWisePlugin implements SandboxPlugin {
	readonly name = 'connectwise';
	readonly prefix = '/connectwise';
	readonly defaultRateLimit = CONNECTWISE_DEFAULT_RATE_LIMIT;
	private readonly store = new CwStore();
	private readonly engine: CwEngine;
	private readonly router: Router;
	private readonly seedOptions: CwSeedOptions;
	private readonly callbackOptions: CallbackOptions;
	private readonly clientIds: Set<string>;
	private ctx?: PluginContext;
	private key = '';

	constructor(options: ConnectWiseOptions = {}) {
		this.seedOptions = { ...CW_SEED_DEFAULTS };
		for (const k of Object.keys(CW_SEED_DEFAULTS) as Array<keyof CwSeedOptions>) {
			const v = options[k];
			if (v !== undefined) {
				if (!Number.isInteger(v) || v < 0) throw new Error(`connectwise.${k} must be a non-negative integer`);
				this.seedOptions[k] = v;
			}
		}
		this.callbackOptions = {
			urlMode: options.callbackUrlMode ?? DEFAULT_CALLBACK_OPTIONS.urlMode,
			retryDelaysMs: options.callbackRetryDelaysMs ?? DEFAULT_CALLBACK_OPTIONS.retryDelaysMs,
			timeoutMs: options.callbackTimeoutMs ?? DEFAULT_CALLBACK_OPTIONS.timeoutMs,
		};
		this.clientIds = new Set([CW_CLIENT_ID, ...(options.extraClientIds ?? [])].map((c) => c.toLowerCase()));
		this.engine = new CwEngine(this.store, () => this.context().now(), (def, action, record, member) =>
			this.onChange(def, action, record, member),
		);
		this.router = buildApiRouter({
			store: this.store,
			engine: this.engine,
			clientIds: this.clientIds,
			signingKey: () => this.key,
			apiMember: () => this.store.get('members', 1) as CwRecord,
			truncatePage: (items) => this.context().truncatePage(items),
		});
	}

	attach(ctx: PluginContext): void {
		this.ctx = ctx;
	}

	seed(seed: number): void {
		this.key = seedConnectWise(this.store, seed, this.seedOptions).signingKey;
		this.engine.ignoredPatches.length = 0;
	}

	credentials(baseUrl: string): ConnectWiseCredentials {
		return {
			siteUrl: baseUrl,
			companyId: CW_COMPANY_ID,
			publicKey: CW_PUBLIC_KEY,
			privateKey: CW_PRIVATE_KEY,
			clientId: CW_CLIENT_ID,
			apiUrl: `${baseUrl}/${CW_CODEBASE}/${CW_API_ROOT}`,
		};
	}

	rateLimitKey(req: SandboxRequest): string | undefined {
		return req.path.toLowerCase().startsWith('/login/') ? undefined : clientIdKey(req);
	}

	handle(req: SandboxRequest): SandboxResponse | Promise<SandboxResponse> {
		const match = this.router.match(req.method, req.path);
		if (match.kind !== 'found') return unmatched(req, this.clientIds, match.kind === 'methodNotAllowed' ? match.allowed : undefined);
		req.params = match.params;
		return match.handler(req);
	}

	error(kind: VendorErrorKind, status: number, message: string): SandboxResponse {
		const code: Record<VendorErrorKind, string> = {
			badRequest: 'InvalidObject',
			unauthorized: 'Unauthorized',
			forbidden: 'Forbidden',
			notFound: 'NotFound',
			methodNotAllowed: 'MethodNotAllowed',
			payloadTooLarge: 'InvalidObject',
			serverError: 'ConnectWiseApi',
		};
		return cwError(status, code[kind], message);
	}

	rateLimited(retryAfterSec: number): SandboxResponse {
		return tooManyRequests(retryAfterSec);
	}

	collections(): string[] {
		return RESOURCES.map((d) => d.collection);
	}

	records(collection: string): unknown[] | undefined {
		if (!this.collections().includes(collection)) return undefined;
		return present(this.store.all(collection), this.apiBase()) as unknown[];
	}

	/** The key served at `system/callbackKeys/1` and used to sign callbacks. */
	signingKey(): string {
		return this.key;
	}

	/** PATCH operations the server accepted without applying them (sub-paths, computed fields). */
	ignoredPatches(): IgnoredPatch[] {
		return this.engine.ignoredPatches.map((p) => ({ ...p }));
	}

	/** Fires the callbacks a change of this record would fire; returns how many were sent. */
	fireCallback(collection: string, id: number, action: ChangeAction = 'updated', memberIdentifier?: string): number {
		const def = this.def(collection);
		const record = this.store.get(collection, id);
		if (!def.callbackType || !record) throw new Error(`no callbacks for ${collection} ${id}`);
		return this.notify(def, action, record, this.member(memberIdentifier));
	}

	/** Creates a record as a technician in the UI would (fires callbacks, sets `_info`). */
	createAs(collection: string, body: Record<string, unknown>, memberIdentifier?: string, parentId?: number): unknown {
		const def = this.def(collection);
		const parent = def.parent && parentId !== undefined ? this.store.get(def.parent.collection, parentId) : undefined;
		const result = this.engine.create(def, body, this.member(memberIdentifier), parent);
		if (!result.ok) throw new Error(`${result.message}: ${result.errors.map((e) => e.message).join('; ')}`);
		return present(result.record, this.apiBase());
	}

	/** Updates a record as a technician would: a JSON-Patch array, or an object of fields to replace. */
	updateAs(collection: string, id: number, change: unknown, memberIdentifier?: string): unknown {
		const def = this.def(collection);
		const current = this.store.get(collection, id);
		if (!current) throw new Error(`no ${collection} record ${id}`);
		const ops = Array.isArray(change)
			? change
			: Object.entries((change ?? {}) as Record<string, unknown>).map(([path, value]) => ({ op: 'replace', path, value }));
		const parent = def.parent ? this.store.all(def.parent.collection).find((p) => this.engine.parentMatches(def, current, p.id)) : undefined;
		const result = this.engine.patch(def, current, ops, this.member(memberIdentifier), parent);
		if (!result.ok) throw new Error(`${result.message}: ${result.errors.map((e) => e.message).join('; ')}`);
		return present(result.record, this.apiBase());
	}

	/**
	 * Sets the approval status of time or expense entries, as approving a time sheet or an expense report
	 * in the PSA does (the API serves `status` read-only). Returns the entries as the API shows them.
	 */
	approveEntries(collection: 'timeEntries' | 'expenseEntries', ids: number[], status = 'ApprovedByTierTwo', memberIdentifier?: string): unknown[] {
		if (!CW_APPROVAL_STATUSES.includes(status)) throw new Error(`status must be one of ${CW_APPROVAL_STATUSES.join(', ')}`);
		const def = this.def(collection);
		const member = this.member(memberIdentifier);
		const now = new Date(Math.floor(this.context().now().getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
		return ids.map((id) => {
			const current = this.store.get(collection, id);
			if (!current) throw new Error(`no ${collection} record ${id}`);
			const stored = this.store.put(collection, { ...current, status, _info: { ...current._info, lastUpdated: now, updatedBy: member.identifier } });
			this.onChange(def, 'updated', stored, member);
			return present(stored, this.apiBase());
		});
	}

	deleteAs(collection: string, id: number, memberIdentifier?: string): void {
		const def = this.def(collection);
		const current = this.store.get(collection, id);
		if (!current) throw new Error(`no ${collection} record ${id}`);
		this.engine.remove(def, current, this.member(memberIdentifier));
	}

	adminRoutes(add: (method: string, pattern: string, handler: Handler) => void): void {
		const body = (req: SandboxRequest): Record<string, unknown> => {
			const parsed = req.rawBody.length > 0 ? req.json() : {};
			if (typeof parsed !== 'object' || parsed === null) throw new Error('body must be JSON');
			return parsed as Record<string, unknown>;
		};
		const member = (req: SandboxRequest) => (typeof req.query.get('member') === 'string' ? (req.query.get('member') as string) : undefined);
		add('POST', '/records/:collection', (req) => {
			const b = body(req);
			const parentId = req.query.get('parentId');
			return json(201, this.createAs(req.params.collection, b, member(req), parentId ? Number(parentId) : undefined));
		});
		add('PATCH', '/records/:collection/:id', (req) =>
			json(200, this.updateAs(req.params.collection, Number(req.params.id), req.json(), member(req))),
		);
		add('DELETE', '/records/:collection/:id', (req) => {
			this.deleteAs(req.params.collection, Number(req.params.id), member(req));
			return json(200, { ok: true });
		});
		add('POST', '/callbacks/fire', (req) => {
			const b = body(req);
			const action = (b.action ?? 'updated') as ChangeAction;
			if (!['added', 'updated', 'deleted'].includes(action)) throw new Error('action must be added, updated or deleted');
			const sent = this.fireCallback(String(b.collection), Number(b.id), action, b.member as string | undefined);
			return json(200, { sent });
		});
		add('GET', '/ignored-patches', () => json(200, this.ignoredPatches()));
		add('POST', '/approvals/:collection', (req) => {
			const b = body(req);
			const collection = req.params.collection;
			if (collection !== 'timeEntries' && collection !== 'expenseEntries') throw new Error('approvals exist for timeEntries and expenseEntries');
			if (!Array.isArray(b.ids) || !b.ids.every((id) => Number.isInteger(id))) throw new Error('ids must be a list of record ids');
			return json(200, this.approveEntries(collection, b.ids as number[], b.status === undefined ? undefined : String(b.status), member(req)));
		});
	}

	private context(): PluginContext {
		if (!this.ctx) throw new Error('connectwise plugin is not attached to a sandbox server');
		return this.ctx;
	}

	private apiBase(): string {
		return `${this.context().publicUrl()}/${CW_CODEBASE}/${CW_API_ROOT}`;
	}

	private def(collection: string): ResourceDef {
		const def = RESOURCES.find((d) => d.collection === collection);
		if (!def) throw new Error(`unknown connectwise collection "${collection}"`);
		return def;
	}

	/** The acting member for admin writes: the named one, or the first technician. */
	private member(identifier?: string): CwRecord {
		const members = this.store.all('members');
		const found = identifier ? members.find((m) => String(m.identifier).toLowerCase() === identifier.toLowerCase()) : members.find((m) => m.id !== 1);
		if (!found) throw new Error(`no member "${identifier ?? ''}"`);
		return found;
	}

	private onChange(def: ResourceDef, action: ChangeAction, record: CwRecord, member: CwRecord): void {
		if (def.callbackType) this.notify(def, action, record, member);
	}

	private notify(def: ResourceDef, action: ChangeAction, record: CwRecord, member: CwRecord): number {
		return dispatchCallbacks(this.context(), this.store, this.callbackOptions, {
			type: def.callbackType as string,
			action,
			record,
			member,
			signingKey: this.key,
		});
	}
}

export function createConnectWisePlugin(options: ConnectWiseOptions = {}): ConnectWisePlugin {
	return new ConnectWisePlugin(options);
}

export { signCallback, callbackTarget } from './callbacks';
export { parseConditions, ConditionSyntaxError } from './conditions';
export * from './constants';
