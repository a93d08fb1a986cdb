import { headerValue, json, queryParam } from '../core/http';
import { Prng } from '../core/prng';
import type { Handler, PluginContext, RateLimitRule, SandboxPlugin, SandboxRequest, SandboxResponse, VendorErrorKind } from '../core/types';
import {
	AT_API_ROOT,
	AT_CI,
	AT_HOURLY_THRESHOLD,
	AT_INTEGRATION_CODE,
	AT_PAGE_SIZE,
	AT_SECRET,
	AT_THREADS_PER_ENDPOINT,
	AT_USER_NAME,
	AT_ZONE_SEGMENT,
} from './constants';
import { ENTITY_SPECS, specByName, specByWebhookFieldsName, specByWebhookName, webhookFieldIds } from './entities';
import type { EntitySpec, FieldSpec } from './entities';
import { AtHttpError, atError } from './errors';
import { compileFilter, decodePaging, encodePaging, parseSearch, project, QueryError } from './query';
import type { Search } from './query';
import { AT_SEED_DEFAULTS, seedAutotask } from './seed';
import type { AtSeedOptions } from './seed';
import { AtStore } from './store';
import type { AtRecord } from './store';
import { dispatch, presentWebhook } from './webhooks';
import type { AtWebhook, WebhookAction } from './webhooks';

export interface AutotaskOptions extends Partial<AtSeedOptions> {
	/** Requests per rolling hour for the database (default 10,000). */
	hourlyThreshold?: number;
	/** Latency added at ≥ 50 % and ≥ 75 % of the threshold (default 500 and 1000 ms, as documented). */
	thresholdLatencyMs?: [number, number];
	/** More integration codes to accept (e.g. to show thread limits are per integration). */
	extraIntegrationCodes?: string[];
}

export interface AutotaskCredentials extends Record<string, string> {
	userName: string;
	secret: string;
	integrationCode: string;
	/** What the credential's Zone Discovery URL is set to. */
	discoveryUrl: string;
	/** The zone zoneInformation returns, for reference. */
	zoneUrl: string;
}

/** Thread limits apply per tracking identifier and object endpoint (Autotask "API thread limiting"). */
export const AUTOTASK_DEFAULT_RATE_LIMIT: RateLimitRule = { maxConcurrent: AT_THREADS_PER_ENDPOINT };

const HOUR_MS = 3_600_000;
const HOOK_SUFFIX = /webhooks$/i;

/** Autotask PSA REST API v1.0, written from the vendor's documentation. */
export class AutotaskPlugin implements SandboxPlugin {
	readonly name = 'autotask';
	readonly prefix = '/autotask';
	readonly defaultRateLimit = AUTOTASK_DEFAULT_RATE_LIMIT;
	private readonly store = new AtStore();
	private readonly seedOptions: AtSeedOptions;
	private readonly codes: Set<string>;
	private readonly hourlyThreshold: number;
	private readonly thresholdLatency: [number, number];
	private hooks: AtWebhook[] = [];
	private requestTimes: number[] = [];
	private hookRng = Prng.from(0, 'autotask-webhooks');
	private ctx?: PluginContext;

	constructor(options: AutotaskOptions = {}) {
		this.seedOptions = { ...AT_SEED_DEFAULTS };
		for (const k of Object.keys(AT_SEED_DEFAULTS) as Array<keyof AtSeedOptions>) {
			const v = options[k];
			if (v !== undefined) {
				if (!Number.isInteger(v) || v < 0) throw new Error(`autotask.${k} must be a non-negative integer`);
				this.seedOptions[k] = v;
			}
		}
		this.hourlyThreshold = options.hourlyThreshold ?? AT_HOURLY_THRESHOLD;
		this.thresholdLatency = options.thresholdLatencyMs ?? [500, 1000];
		this.codes = new Set([AT_INTEGRATION_CODE, ...(options.extraIntegrationCodes ?? [])].map((c) => c.toUpperCase()));
	}

	attach(ctx: PluginContext): void {
		this.ctx = ctx;
	}

	seed(seed: number): void {
		seedAutotask(this.store, seed, this.seedOptions);
		this.hooks = [];
		this.requestTimes = [];
		this.hookRng = Prng.from(seed, 'autotask-webhooks');
	}

	credentials(baseUrl: string): AutotaskCredentials {
		return {
			userName: AT_USER_NAME,
			secret: AT_SECRET,
			integrationCode: AT_INTEGRATION_CODE,
			discoveryUrl: `${baseUrl}/atservicesrest`,
			zoneUrl: `${baseUrl}/${AT_ZONE_SEGMENT}/atservicesrest`,
		};
	}

	/** Thread limiting: per integration code and object endpoint; zoneInformation is not limited. */
	rateLimitKey(req: SandboxRequest): string | undefined {
		const parts = this.apiParts(req);
		if (!parts) return undefined;
		const code = headerValue(req.headers.apiintegrationcode)?.trim().toUpperCase() || '(none)';
		return `${code}|${endpointOf(parts)}`;
	}

	async handle(req: SandboxRequest): Promise<SandboxResponse> {
		const segments = req.path.split('/').filter(Boolean);
		if (segments.length === 3 && segments.slice(0, 2).join('/').toLowerCase() === 'atservicesrest/v1.0' && segments[2].toLowerCase() === 'zoneinformation') {
			return this.zoneInformation(req);
		}
		const parts = this.apiParts(req);
		if (!parts) {
			// The discovery host serves no database: Autotask answers as for an unknown user in that zone.
			return atError(segments[0]?.toLowerCase() === 'atservicesrest' ? 401 : 404, 'This zone does not serve your database; ask zoneInformation for the right one.');
		}
		const denied = this.authenticate(req);
		if (denied) return denied;
		const now = this.context().now().getTime();
		this.requestTimes = this.requestTimes.filter((t) => t > now - HOUR_MS);
		const used = this.requestTimes.length;
		if (used >= this.hourlyThreshold) {
			return atError(429, `The API request threshold of ${this.hourlyThreshold} requests per hour for this database has been exceeded. Try again later.`);
		}
		this.requestTimes.push(now);
		const latency = used >= this.hourlyThreshold * 0.75 ? this.thresholdLatency[1] : used >= this.hourlyThreshold * 0.5 ? this.thresholdLatency[0] : 0;
		if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
		try {
			return this.route(req, parts);
		} catch (error) {
			if (error instanceof AtHttpError) return atError(error.status, error.message);
			if (error instanceof QueryError) return atError(400, error.message);
			throw error;
		}
	}

	error(kind: VendorErrorKind, status: number, message: string): SandboxResponse {
		void kind;
		return atError(status, message);
	}

	rateLimited(retryAfterSec: number): SandboxResponse {
		void retryAfterSec;
		return atError(
			429,
			`Thread limit exceeded: this integration already has ${AT_THREADS_PER_ENDPOINT} requests in progress on this endpoint. Wait for one to finish and retry.`,
		);
	}

	collections(): string[] {
		return ENTITY_SPECS.map((s) => s.name);
	}

	records(collection: string): unknown[] | undefined {
		const spec = specByName(collection);
		if (!spec || spec.name !== collection) return undefined;
		return this.store.all(spec.name).map((r) => structuredClone(r));
	}

	/** Registered webhooks, as GET shows them plus their entity and watched field names. */
	webhooks(): Array<Record<string, unknown>> {
		return this.hooks.map((h) => {
			const spec = specByName(h.entity) as EntitySpec;
			const ids = webhookFieldIds(spec);
			return {
				...presentWebhook(h),
				entity: h.entity,
				fields: [...h.fields.values()].map((f) => ({ ...f, name: ids.find((i) => Number(i.value) === f.id)?.label })),
			};
		});
	}

	/** Requests counted against the hourly threshold right now. */
	hourlyUsage(): number {
		const now = this.context().now().getTime();
		return this.requestTimes.filter((t) => t > now - HOUR_MS).length;
	}

	/** Pretends `count` requests were already made this hour (to exercise the threshold). */
	setHourlyUsage(count: number): void {
		const now = this.context().now().getTime();
		this.requestTimes = Array.from({ length: count }, () => now);
	}

	/** Creates a record as a technician in the UI would (fires webhooks). */
	createAs(entity: string, body: Record<string, unknown>): AtRecord {
		const spec = this.spec(entity);
		return this.create(spec, body, this.technician());
	}

	updateAs(entity: string, id: number, changes: Record<string, unknown>): AtRecord {
		const spec = this.spec(entity);
		return this.update(spec, { ...changes, id }, this.technician());
	}

	deleteAs(entity: string, id: number): void {
		const spec = this.spec(entity);
		this.remove(spec, id, this.technician());
	}

	adminRoutes(add: (method: string, pattern: string, handler: Handler) => void): void {
		const body = (req: SandboxRequest): Record<string, unknown> => {
			const parsed = req.rawBody.length > 0 ? req.json() : {};
			if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('body must be a JSON object');
			return parsed as Record<string, unknown>;
		};
		const wrap = (fn: () => SandboxResponse): SandboxResponse => {
			try {
				return fn();
			} catch (error) {
				if (error instanceof AtHttpError) return json(error.status, { error: error.message });
				throw error;
			}
		};
		add('POST', '/records/:entity', (req) => wrap(() => json(201, this.createAs(req.params.entity, body(req)))));
		add('PATCH', '/records/:entity/:id', (req) => wrap(() => json(200, this.updateAs(req.params.entity, Number(req.params.id), body(req)))));
		add('DELETE', '/records/:entity/:id', (req) =>
			wrap(() => {
				this.deleteAs(req.params.entity, Number(req.params.id));
				return json(200, { ok: true });
			}),
		);
		add('GET', '/webhooks', () => json(200, this.webhooks()));
		add('GET', '/threshold', () => json(200, { used: this.hourlyUsage(), threshold: this.hourlyThreshold }));
		add('POST', '/threshold', (req) => {
			const used = Number(body(req).used);
			if (!Number.isInteger(used) || used < 0) throw new Error('used must be a non-negative integer');
			this.setHourlyUsage(used);
			return json(200, { used });
		});
	}

	// ---- requests -------------------------------------------------------------------------------

	private context(): PluginContext {
		if (!this.ctx) throw new Error('autotask plugin is not attached to a sandbox server');
		return this.ctx;
	}

	private zoneRoot(): string {
		return `${this.context().publicUrl()}/${AT_ZONE_SEGMENT}/${AT_API_ROOT}`;
	}

	/** The segments after `/{zone}/atservicesrest/v1.0/`, or undefined for anything else. */
	private apiParts(req: SandboxRequest): string[] | undefined {
		const segments = req.path.split('/').filter(Boolean);
		if (segments.length < 4 || segments[0].toLowerCase() !== AT_ZONE_SEGMENT) return undefined;
		if (segments[1].toLowerCase() !== 'atservicesrest' || segments[2].toLowerCase() !== 'v1.0') return undefined;
		return segments.slice(3);
	}

	private zoneInformation(req: SandboxRequest): SandboxResponse {
		if (req.method !== 'GET') return atError(405, 'zoneInformation accepts GET only.');
		const user = queryParam(req.query, 'user')?.trim() ?? '';
		if (user.toLowerCase() !== AT_USER_NAME.toLowerCase()) {
			return atError(404, `Zone information could not be determined for user "${user}".`);
		}
		const base = this.context().publicUrl();
		return json(200, { zoneName: 'Sandbox (America East 3)', url: `${base}/${AT_ZONE_SEGMENT}/atservicesrest/`, webUrl: `${base}/ww3/`, ci: AT_CI });
	}

	private authenticate(req: SandboxRequest): SandboxResponse | undefined {
		const user = headerValue(req.headers.username)?.trim() ?? '';
		const secret = headerValue(req.headers.secret) ?? '';
		const code = headerValue(req.headers.apiintegrationcode)?.trim() ?? '';
		// One message for every failure, as Autotask does: it never tells which header was wrong.
		if (user.toLowerCase() !== AT_USER_NAME.toLowerCase() || secret !== AT_SECRET || !this.codes.has(code.toUpperCase())) {
			return atError(401, 'Authentication failed: check the UserName, Secret and ApiIntegrationCode headers.');
		}
		return undefined;
	}

	private apiUser(): AtRecord {
		return this.store.all('Resources').find((r) => String(r.userName).toLowerCase() === AT_USER_NAME.toLowerCase()) as AtRecord;
	}

	private technician(): AtRecord {
		return this.store.all('Resources').find((r) => r.resourceType === 'Employee') as AtRecord;
	}

	private spec(name: string): EntitySpec {
		const spec = specByName(name);
		if (!spec) throw new AtHttpError(404, `Unknown entity "${name}".`);
		return spec;
	}

	private body(req: SandboxRequest): Record<string, unknown> {
		const parsed = req.json();
		if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new AtHttpError(400, 'The request body must be a JSON object.');
		return parsed as Record<string, unknown>;
	}

	private route(req: SandboxRequest, parts: string[]): SandboxResponse {
		const m = req.method;
		const [first, second, third, fourth] = parts;
		const lower = parts.map((p) => p.toLowerCase());
		if (lower[0] === 'thresholdinformation' && parts.length === 1 && m === 'GET') {
			return json(200, {
				externalRequestThreshold: this.hourlyThreshold,
				requestThresholdTimeframe: 60,
				currentTimeframeRequestCount: this.hourlyUsage(),
			});
		}
		const hookSpec = HOOK_SUFFIX.test(first) ? specByWebhookName(first) : undefined;
		if (hookSpec) return this.webhookRoute(req, hookSpec, parts.slice(1));
		const hookFields = specByWebhookFieldsName(first);
		if (hookFields && lower[1] === 'entityinformation' && lower[2] === 'fields' && parts.length === 3 && m === 'GET') {
			return json(200, {
				fields: [
					{ name: 'id', dataType: 'long', isReadOnly: true, isPickList: false, isQueryable: true },
					{ name: 'webhookID', dataType: 'integer', isRequired: true, isReference: true, referenceEntityType: `${hookFields.singular}Webhook` },
					{ name: 'fieldID', dataType: 'integer', isRequired: true, isPickList: true, picklistValues: webhookFieldIds(hookFields) },
					{ name: 'isSubscribedField', dataType: 'boolean', isRequired: true },
					{ name: 'isDisplayAlwaysField', dataType: 'boolean', isRequired: true },
				],
			});
		}
		const spec = this.spec(first);

		if (lower[1] === 'entityinformation') {
			if (m !== 'GET') throw new AtHttpError(405, 'entityInformation accepts GET only.');
			if (parts.length === 2) {
				return json(200, {
					info: { name: spec.singular, canCreate: spec.canCreate, canUpdate: spec.canUpdate, canDelete: spec.canDelete, canQuery: true, hasUserDefinedFields: true },
				});
			}
			if (lower[2] === 'fields' && parts.length === 3) return json(200, { fields: spec.fields.map(presentField) });
			if (lower[2] === 'userdefinedfields' && parts.length === 3) return json(200, { fields: [] });
		}
		if (lower[1] === 'query') {
			if (parts.length === 2 && (m === 'GET' || m === 'POST')) return this.query(spec, this.searchOf(req));
			if (lower[2] === 'count' && parts.length === 3 && (m === 'GET' || m === 'POST')) {
				const search = this.searchOf(req);
				const match = compileFilter(spec, search.filter);
				return json(200, { queryCount: this.store.all(spec.name).filter(match).length });
			}
			if (lower[2] === 'next' && parts.length === 3 && m === 'GET') {
				const { search, afterId } = decodePaging(queryParam(req.query, 'paging') ?? '');
				return this.query(spec, search, afterId);
			}
		}
		if (parts.length === 1) {
			if (m === 'POST') {
				if (spec.parent) throw new AtHttpError(405, `Create ${spec.name} through its parent: POST /${spec.parent.name}/{parentId}/${spec.parent.child}.`);
				return json(200, { itemId: this.create(spec, this.body(req), this.apiUser()).id });
			}
			if (m === 'PATCH' || m === 'PUT') {
				if (spec.parent) throw new AtHttpError(405, `Update ${spec.name} through its parent: ${m} /${spec.parent.name}/{parentId}/${spec.parent.child}.`);
				return json(200, { itemId: this.update(spec, this.body(req), this.apiUser(), m === 'PUT').id });
			}
		}
		if (parts.length === 2 && /^\d+$/.test(second)) {
			const id = Number(second);
			if (m === 'GET') {
				const record = this.store.get(spec.name, id);
				// Autotask answers an unknown id with 200 and a null item.
				return json(200, { item: record ? structuredClone(record) : null });
			}
			if (m === 'DELETE') {
				if (spec.parent) throw new AtHttpError(405, `Delete ${spec.name} through its parent: DELETE /${spec.parent.name}/{parentId}/${spec.parent.child}/{id}.`);
				this.remove(spec, id, this.apiUser());
				return json(200, { itemId: id });
			}
		}
		// Child collections: /{Parent}/{parentId}/{Child}[/{id}]
		if (parts.length >= 3 && /^\d+$/.test(second)) {
			const child = ENTITY_SPECS.find((s) => s.parent && s.parent.name === spec.name && s.parent.child.toLowerCase() === third.toLowerCase());
			if (child) {
				const parentId = Number(second);
				if (!this.store.get(spec.name, parentId)) throw new AtHttpError(404, `${spec.singular} ${parentId} does not exist.`);
				if (parts.length === 3 && m === 'POST') {
					const body = { ...this.body(req), [child.parent!.field]: parentId };
					return json(200, { itemId: this.create(child, body, this.apiUser()).id });
				}
				if (parts.length === 3 && (m === 'PATCH' || m === 'PUT')) {
					const body = this.body(req);
					const current = this.store.get(child.name, Number(body.id));
					if (current && current[child.parent!.field] !== parentId) throw new AtHttpError(404, `${child.singular} ${String(body.id)} does not belong to ${spec.singular} ${parentId}.`);
					return json(200, { itemId: this.update(child, body, this.apiUser(), m === 'PUT').id });
				}
				if (parts.length === 4 && /^\d+$/.test(fourth)) {
					const record = this.store.get(child.name, Number(fourth));
					const belongs = record && record[child.parent!.field] === parentId;
					if (m === 'GET') return json(200, { item: belongs ? structuredClone(record) : null });
					if (m === 'DELETE') {
						if (!belongs) throw new AtHttpError(404, `${child.singular} ${fourth} does not belong to ${spec.singular} ${parentId}.`);
						this.remove(child, Number(fourth), this.apiUser());
						return json(200, { itemId: Number(fourth) });
					}
				}
			}
		}
		throw new AtHttpError(404, `No such resource: ${req.method} /${parts.join('/')}`);
	}

	private searchOf(req: SandboxRequest): Search {
		if (req.method === 'POST') return parseSearch(this.body(req), AT_PAGE_SIZE);
		const text = queryParam(req.query, 'search');
		if (!text) throw new QueryError('The search parameter is required.');
		let parsed: unknown;
		try {
			parsed = JSON.parse(text);
		} catch {
			throw new QueryError('The search parameter is not valid JSON.');
		}
		return parseSearch(parsed, AT_PAGE_SIZE);
	}

	/** One page in id order; `nextPageUrl` carries the search and the last id served. */
	private query(spec: EntitySpec, search: Search, afterId?: number): SandboxResponse {
		const match = compileFilter(spec, search.filter);
		const all = this.store.all(spec.name).filter((r) => (afterId === undefined || r.id > afterId) && match(r));
		const page = all.slice(0, search.maxRecords);
		const more = all.length > page.length;
		const served = this.context().truncatePage(page);
		const last = page[page.length - 1];
		const root = this.zoneRoot();
		return json(200, {
			items: served.map((r) => project(r, search.includeFields)),
			pageDetails: {
				count: served.length,
				requestCount: search.maxRecords,
				prevPageUrl: null,
				nextPageUrl: more && last ? `${root}/${spec.name}/query/next?paging=${encodePaging(search, last.id)}` : null,
			},
		});
	}

	// ---- writes ---------------------------------------------------------------------------------

	private checkValues(spec: EntitySpec, body: Record<string, unknown>): Record<string, unknown> {
		const out: Record<string, unknown> = {};
		for (const [name, value] of Object.entries(body)) {
			if (name.toLowerCase() === 'id' || name === 'userDefinedFields') continue;
			const field = spec.fields.find((f) => f.name.toLowerCase() === name.toLowerCase());
			if (!field) throw new AtHttpError(400, `Unable to find ${name} in the ${spec.name} entity.`);
			if (field.isReadOnly) continue;
			out[field.name] = coerce(field, value);
		}
		return out;
	}

	private create(spec: EntitySpec, body: Record<string, unknown>, actor: AtRecord): AtRecord {
		if (!spec.canCreate) throw new AtHttpError(405, `${spec.name} cannot be created through the API.`);
		const values = this.checkValues(spec, body);
		const missing = spec.fields.filter((f) => f.isRequired && (values[f.name] === undefined || values[f.name] === null || values[f.name] === ''));
		if (missing.length) throw new AtHttpError(400, `${missing[0].name} is required.`);
		if (spec.parent && !this.store.get(spec.parent.name, Number(values[spec.parent.field]))) {
			throw new AtHttpError(404, `${spec.parent.field} ${String(values[spec.parent.field])} does not exist.`);
		}
		const now = this.context().now().toISOString();
		const record: AtRecord = { id: this.store.nextId(spec.name, 1), ...Object.fromEntries(spec.fields.filter((f) => f.name !== 'id').map((f) => [f.name, null])), ...values };
		for (const f of spec.fields) if (f.dataType === 'datetime' && f.isReadOnly && /^(create|lastActivity|lastModified|lastTracked)/.test(f.name)) record[f.name] = now;
		if (spec.name === 'Tickets') record.ticketNumber = `T${now.slice(0, 10).replace(/-/g, '')}.${String(record.id % 10000).padStart(4, '0')}`;
		if (spec.name === 'Projects') record.projectNumber = `P${now.slice(0, 4)}${String(record.id % 10000).padStart(4, '0')}`;
		this.store.insert(spec.name, record);
		this.notify(spec, 'Create', record, spec.fields.map((f) => f.name), actor);
		return structuredClone(record);
	}

	private update(spec: EntitySpec, body: Record<string, unknown>, actor: AtRecord, replace = false): AtRecord {
		if (!spec.canUpdate) throw new AtHttpError(405, `${spec.name} cannot be updated through the API.`);
		const id = Number(body.id);
		if (!Number.isInteger(id) || id <= 0) throw new AtHttpError(400, 'The id of the record to update is required in the body.');
		const current = this.store.get(spec.name, id);
		if (!current) throw new AtHttpError(404, `${spec.singular} ${id} does not exist.`);
		const values = this.checkValues(spec, body);
		if (replace) {
			const missing = spec.fields.filter((f) => f.isRequired && !f.isReadOnly && (values[f.name] === undefined || values[f.name] === null));
			if (missing.length) throw new AtHttpError(400, `${missing[0].name} is required.`);
		}
		const changed = Object.keys(values).filter((k) => JSON.stringify(current[k]) !== JSON.stringify(values[k]));
		Object.assign(current, values);
		const now = this.context().now().toISOString();
		for (const f of spec.fields) if (f.dataType === 'datetime' && f.isReadOnly && /^(lastActivity|lastModified|lastTracked)/.test(f.name)) current[f.name] = now;
		if (spec.name === 'Tickets' && changed.includes('status') && current.status === 5) current.completedDate = now;
		if (changed.length) this.notify(spec, 'Update', current, changed, actor);
		return structuredClone(current);
	}

	private remove(spec: EntitySpec, id: number, actor: AtRecord): void {
		if (!spec.canDelete) throw new AtHttpError(405, `${spec.name} cannot be deleted through the API.`);
		const current = this.store.get(spec.name, id);
		if (!current) throw new AtHttpError(404, `${spec.singular} ${id} does not exist.`);
		this.store.delete(spec.name, id);
		this.notify(spec, 'Delete', current, [], actor);
	}

	private notify(spec: EntitySpec, action: WebhookAction, record: AtRecord, changed: string[], actor: AtRecord): void {
		if (spec.hasWebhooks) dispatch(this.context(), this.hooks, spec, action, record, changed, actor.id);
	}

	// ---- webhooks -------------------------------------------------------------------------------

	private webhookRoute(req: SandboxRequest, spec: EntitySpec, rest: string[]): SandboxResponse {
		const m = req.method;
		const lower = rest.map((p) => p.toLowerCase());
		const hooks = () => this.hooks.filter((h) => h.entity === spec.name);
		if (rest.length === 0 && m === 'POST') return json(200, { itemId: this.createWebhook(spec, this.body(req)).id });
		if (lower[0] === 'query' && rest.length === 1 && (m === 'GET' || m === 'POST')) {
			return json(200, { items: hooks().map(presentWebhook), pageDetails: { count: hooks().length, requestCount: AT_PAGE_SIZE, prevPageUrl: null, nextPageUrl: null } });
		}
		if (rest.length >= 1 && /^\d+$/.test(rest[0])) {
			const hook = hooks().find((h) => h.id === Number(rest[0]));
			if (rest.length === 1 && m === 'GET') return json(200, { item: hook ? presentWebhook(hook) : null });
			if (!hook) throw new AtHttpError(404, `${spec.singular}Webhook ${rest[0]} does not exist.`);
			if (rest.length === 1 && m === 'DELETE') {
				this.hooks = this.hooks.filter((h) => h !== hook);
				return json(200, { itemId: hook.id });
			}
			if (rest.length === 2 && lower[1] === 'fields' && m === 'POST') {
				const body = this.body(req);
				const fieldId = Number(body.FieldID ?? body.fieldID);
				if (!webhookFieldIds(spec).some((f) => Number(f.value) === fieldId)) throw new AtHttpError(400, `FieldID ${String(body.FieldID ?? body.fieldID)} is not a field of ${spec.name}.`);
				const subscribed = (body.IsSubscribedField ?? body.isSubscribedField) === true;
				const displayAlways = (body.IsDisplayAlwaysField ?? body.isDisplayAlwaysField) === true;
				if (!subscribed && !displayAlways) throw new AtHttpError(400, 'A webhook field must be subscribed or always displayed.');
				hook.fields.set(fieldId, { id: fieldId, subscribed, displayAlways });
				return json(200, { itemId: hook.id * 1000 + hook.fields.size });
			}
		}
		if (rest.length === 0 && m === 'PATCH') {
			const body = this.body(req);
			const hook = hooks().find((h) => h.id === Number(body.id));
			if (!hook) throw new AtHttpError(404, `${spec.singular}Webhook ${String(body.id)} does not exist.`);
			if (typeof (body.IsActive ?? body.isActive) === 'boolean') hook.isActive = (body.IsActive ?? body.isActive) as boolean;
			return json(200, { itemId: hook.id });
		}
		throw new AtHttpError(404, `No such resource: ${req.method} /${spec.singular}Webhooks/${rest.join('/')}`);
	}

	private createWebhook(spec: EntitySpec, body: Record<string, unknown>): AtWebhook {
		const get = (name: string) => body[name] ?? body[name[0].toLowerCase() + name.slice(1)];
		const url = String(get('WebhookUrl') ?? '');
		const secret = String(get('SecretKey') ?? '');
		if (!/^https?:\/\//i.test(url)) throw new AtHttpError(400, 'WebhookUrl must be an absolute http(s) URL.');
		if (!secret || secret.length > 64) throw new AtHttpError(400, 'SecretKey is required and may have at most 64 characters.');
		const name = String(get('Name') ?? '');
		if (!name) throw new AtHttpError(400, 'Name is required.');
		const hook: AtWebhook = {
			id: 1 + Math.max(0, ...this.hooks.map((h) => h.id)),
			entity: spec.name,
			name,
			webhookUrl: url,
			deactivationUrl: String(get('DeactivationUrl') ?? ''),
			secretKey: secret,
			isActive: get('IsActive') !== false,
			isSubscribedToCreateEvents: get('IsSubscribedToCreateEvents') === true,
			isSubscribedToUpdateEvents: get('IsSubscribedToUpdateEvents') === true,
			isSubscribedToDeleteEvents: get('IsSubscribedToDeleteEvents') === true,
			sendThresholdExceededNotification: get('SendThresholdExceededNotification') === true,
			notificationEmailAddress: String(get('NotificationEmailAddress') ?? ''),
			webhookGUID: this.hookRng.uuid(),
			fields: new Map(),
			sequence: 0,
		};
		this.hooks.push(hook);
		return hook;
	}
}

function presentField(field: FieldSpec): Record<string, unknown> {
	return {
		name: field.name,
		dataType: field.dataType,
		length: field.dataType === 'string' ? 255 : 0,
		isPickList: field.isPickList === true,
		picklistValues: field.isPickList ? field.picklistValues : null,
		isReadOnly: field.isReadOnly === true,
		isRequired: field.isRequired === true,
		isQueryable: true,
		isReference: field.isReference === true,
		referenceEntityType: field.referenceEntityType ?? '',
		isSupportedWebhookField: true,
	};
}

/** JSON values as Autotask's model binder accepts them; anything else is a 400. */
function coerce(field: FieldSpec, value: unknown): unknown {
	if (value === null || value === undefined) return null;
	const bad = () => new AtHttpError(400, `The value "${String(value)}" is not valid for ${field.name} (${field.dataType}).`);
	switch (field.dataType) {
		case 'integer':
		case 'long':
		case 'decimal':
		case 'double': {
			if (value === '') return null;
			const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
			if (!Number.isFinite(n) || ((field.dataType === 'integer' || field.dataType === 'long') && !Number.isInteger(n))) throw bad();
			if (field.isPickList && !field.picklistValues?.some((p) => Number(p.value) === n)) {
				throw new AtHttpError(400, `${n} is not a valid value for the picklist ${field.name}.`);
			}
			return n;
		}
		case 'boolean':
			if (typeof value === 'boolean') return value;
			if (value === 'true' || value === 'false') return value === 'true';
			throw bad();
		case 'datetime': {
			if (value === '') return null;
			if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw bad();
			return value;
		}
		default:
			if (typeof value === 'object') throw bad();
			return String(value);
	}
}

/** The object endpoint of a request for thread limiting: the entity, or parent/child for a child collection. */
export function endpointOf(parts: string[]): string {
	const entity = (parts[0] ?? '').toLowerCase();
	if (parts.length >= 3 && /^\d+$/.test(parts[1])) return `${entity}/${parts[2].toLowerCase()}`;
	return entity;
}

export function createAutotaskPlugin(options: AutotaskOptions = {}): AutotaskPlugin {
	return new AutotaskPlugin(options);
}

export { signAutotaskPayload } from './webhooks';
export * from './constants';
