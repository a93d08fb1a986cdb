import { randomUUID } from 'node:crypto';

import { json, queryParam } from '../core/http';
import type { SandboxRequest, SandboxResponse } from '../core/types';
import { hasScope, type HaloTokens } from './auth';
import { HALO_MAX_PAGE_SIZE } from './constants';
import { ENTITIES, entityByPath, type EntityDef, type HaloRecord } from './entities';
import { badRequest, forbidden, notFound } from './errors';
import type { HaloStore } from './store';
import type { WebhookChange } from './webhooks';

export interface ApiDeps {
	store: HaloStore;
	tokens: HaloTokens;
	now: () => Date;
	truncatePage: <T>(items: T[]) => T[];
	notify: (change: WebhookChange) => void;
}

const truthy = (value: string | undefined) => value !== undefined && ['true', '1'].includes(value.toLowerCase());

function matchesFilter(record: HaloRecord, field: string, value: string): boolean {
	const actual = record[field];
	if (typeof actual === 'number') return actual === Number(value);
	return String(actual ?? '').toLowerCase() === value.toLowerCase();
}

function listRecords(def: EntityDef, req: SandboxRequest, deps: ApiDeps): SandboxResponse {
	let records = deps.store.all(def.collection);
	const q = (name: string) => queryParam(req.query, name);
	if (def.hasInactive && !truthy(q('includeinactive'))) records = records.filter((r) => r.inactive !== true);
	for (const field of def.filters) {
		const value = q(field);
		if (value !== undefined && value !== '') records = records.filter((r) => matchesFilter(r, field, value));
	}
	const search = q('search')?.trim().toLowerCase();
	if (search) records = records.filter((r) => def.search.some((f) => String(r[f] ?? '').toLowerCase().includes(search)));
	const order = q('order');
	if (order) {
		const desc = truthy(q('orderdesc'));
		records = [...records].sort((a, b) => {
			const x = a[order] as string | number;
			const y = b[order] as string | number;
			const cmp = x === y ? Number(a.id) - Number(b.id) : x === undefined ? 1 : y === undefined ? -1 : x < y ? -1 : 1;
			return desc ? -cmp : cmp;
		});
	}
	const total = records.length;
	if (def.bareList) return json(200, records);
	if (truthy(q('pageinate'))) {
		const size = Math.min(HALO_MAX_PAGE_SIZE, Math.max(1, Number(q('page_size') ?? 50) || 50));
		const page = Math.max(1, Number(q('page_no') ?? 1) || 1);
		const slice = deps.truncatePage(records.slice((page - 1) * size, page * size));
		return json(200, { page_no: page, page_size: size, record_count: total, [def.listKey]: slice });
	}
	const count = Number(q('count'));
	const capped = Number.isInteger(count) && count > 0 ? records.slice(0, count) : records;
	return json(200, { record_count: total, [def.listKey]: capped });
}

function parseId(value: string): number | string {
	return /^\d+$/.test(value) ? Number(value) : value;
}

function upsert(def: EntityDef, req: SandboxRequest, deps: ApiDeps): SandboxResponse {
	let body: unknown;
	try {
		body = req.json();
	} catch {
		return badRequest('The request body is not valid JSON');
	}
	// Halo takes an array of objects; a single object is accepted too.
	const entries = Array.isArray(body) ? body : [body];
	if (entries.length === 0 || entries.some((e) => typeof e !== 'object' || e === null || Array.isArray(e))) {
		return badRequest(`POST /api/${def.path} takes an array of ${def.path} objects`);
	}
	// Validate every entry before saving any, so a rejected batch changes nothing.
	const plans: Array<{ existing?: HaloRecord; values: Record<string, unknown> }> = [];
	for (const [index, entry] of (entries as Array<Record<string, unknown>>).entries()) {
		const { id, ...values } = entry;
		const numericId = Number(id);
		if (id !== undefined && id !== null && id !== 0 && id !== '' && id !== -1) {
			const existing = deps.store.get(def.collection, Number.isFinite(numericId) ? numericId : String(id));
			if (!existing) return notFound(`${def.path} with id ${String(id)} was not found (entry ${index})`);
			plans.push({ existing, values });
			continue;
		}
		const missing = def.required.filter((f) => values[f] === undefined || values[f] === null || values[f] === '');
		if (missing.length > 0) return badRequest(`${def.path}: ${missing.map((f) => `'${f}'`).join(', ')} is required (entry ${index})`);
		const ref = referenceError(values, deps);
		if (ref) return badRequest(`${def.path}: ${ref} (entry ${index})`);
		plans.push({ values });
	}
	const saved = plans.map(({ existing, values }) => {
		if (existing) {
			const record = deps.store.put(def.collection, { ...existing, ...values, id: existing.id });
			if (def.event) deps.notify(change(def, 'updated', record, deps));
			return record;
		}
		const id = def.collection === 'webhooks' ? randomUUID() : deps.store.nextId(def.idSequence ?? def.collection);
		const record = deps.store.put(def.collection, { ...structuredClone(def.defaults ?? {}), ...names(values, deps), ...values, id });
		if (def.event) deps.notify(change(def, def.event === 'action' ? 'added' : 'created', record, deps));
		return record;
	});
	return json(200, saved.length === 1 ? saved[0] : saved);
}

function change(def: EntityDef, verb: string, record: HaloRecord, deps: ApiDeps): WebhookChange {
	const ticket = def.event === 'action' ? (deps.store.get('tickets', Number(record.ticket_id)) ?? deps.store.get('projects', Number(record.ticket_id))) : undefined;
	return { event: `${def.event}_${verb}`, record, ticket };
}

/** Ids that must point at existing records. */
function referenceError(values: Record<string, unknown>, deps: ApiDeps): string | undefined {
	const refs: Array<[string, string[]]> = [
		['client_id', ['clients']],
		['site_id', ['sites']],
		['ticket_id', ['tickets', 'projects']],
	];
	for (const [field, collections] of refs) {
		const value = values[field];
		if (value === undefined || value === null || value === '') continue;
		if (!collections.some((c) => deps.store.get(c, Number(value)))) return `${field} ${String(value)} does not exist`;
	}
	return undefined;
}

/** The display names Halo fills in next to ids. */
function names(values: Record<string, unknown>, deps: ApiDeps): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	const client = values.client_id !== undefined ? deps.store.get('clients', Number(values.client_id)) : undefined;
	if (client) out.client_name = client.name;
	const site = values.site_id !== undefined ? deps.store.get('sites', Number(values.site_id)) : undefined;
	if (site) {
		out.site_name = site.name;
		if (values.client_id === undefined) {
			out.client_id = site.client_id;
			out.client_name = site.client_name;
		}
	}
	return out;
}

const WEBHOOK_DEF: EntityDef = {
	path: 'Webhook',
	collection: 'webhooks',
	listKey: 'webhooks',
	scope: 'all',
	required: ['name', 'url'],
	search: ['name'],
	filters: [],
	defaults: { type: 0, method: 0, content_type: 'application/json', authentication_type: 0, active: true, events: [] },
	bareList: true,
};

/** Routes `/api/{Entity}` and `/api/{Entity}/{id}` for every entity; the caller has checked the token. */
export function handleApi(req: SandboxRequest, segments: string[], scopes: string[], deps: ApiDeps): SandboxResponse {
	const [entityPath, rawId, ...rest] = segments;
	const def = entityPath?.toLowerCase() === 'webhook' ? WEBHOOK_DEF : entityByPath(entityPath ?? '');
	if (!def || rest.length > 0) return notFound(`No API resource at /api/${segments.join('/')}`);
	const write = req.method !== 'GET';
	const area = def === WEBHOOK_DEF ? 'admin' : def.scope;
	if (!hasScope(scopes, area, write) && !scopes.includes('all')) return forbidden(`${write ? 'edit' : 'read'}:${area}`);
	if (rawId === undefined) {
		if (req.method === 'GET') return listRecords(def, req, deps);
		if (req.method === 'POST' && !def.readOnly) return upsert(def, req, deps);
		return { status: 405, body: { Message: `The requested resource does not support http method '${req.method}'.` }, headers: { Allow: def.readOnly ? 'GET' : 'GET, POST' } };
	}
	const id = parseId(rawId);
	const record = deps.store.get(def.collection, id);
	if (req.method === 'GET') return record ? json(200, record) : notFound(`${def.path} with id ${rawId} was not found`);
	if (req.method === 'DELETE' && !def.readOnly) {
		if (!record) return notFound(`${def.path} with id ${rawId} was not found`);
		deps.store.delete(def.collection, id);
		if (def.event) deps.notify({ event: `${def.event}_deleted`, record });
		return { status: 200, text: '' };
	}
	return { status: 405, body: { Message: `The requested resource does not support http method '${req.method}'.` }, headers: { Allow: def.readOnly ? 'GET' : 'GET, DELETE' } };
}

export const API_ENTITIES = ENTITIES;
