import { headerValue, queryParam } from '../core/http';
import type { SandboxRequest, SandboxResponse } from '../core/types';
import { BC_ENVIRONMENT, BC_MAX_PAGE_SIZE, BC_TENANT_ID } from './constants';
import { entity, type EntityDef } from './entities';
import { isGuid, present, type BcEngine } from './engine';
import { BcHttpError, bcError, fail } from './errors';
import { evaluate, nonNegativeInt, orderBy, parseFilter, parseSelect, type Row } from './odata';
import type { BcStore, StoredRow } from './store';
import type { Subscriptions } from './subscriptions';

export interface ApiDeps {
	store: BcStore;
	engine: BcEngine;
	subscriptions: Subscriptions;
	pageSize: () => number;
	truncatePage: <T>(items: T[]) => T[];
}

interface Segment {
	name: string;
	key?: string;
}

function parseSegments(parts: string[]): Segment[] {
	return parts.map((part) => {
		const match = /^([A-Za-z][A-Za-z0-9.]*)(?:\((.*)\))?$/.exec(part);
		if (!match) throw fail(400, 'BadRequest_InvalidRequestUrl', `The request URL is not valid: '${part}'.`);
		let key = match[2];
		if (key !== undefined) key = key.replace(/^id=/i, '').replace(/^'(.*)'$/, '$1');
		return { name: match[1], key };
	});
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): SandboxResponse => ({
	status,
	body,
	headers: { 'OData-Version': '4.0', ...headers },
});

function requireGuid(key: string | undefined, what: string): string {
	if (key === undefined || !isGuid(key)) throw fail(400, 'BadRequest', `Bad Request - Error in query syntax. '${key ?? ''}' is not a valid key for ${what}.`);
	return key.toLowerCase();
}

function bodyOf(req: SandboxRequest): Row {
	const body = req.json();
	if (typeof body !== 'object' || body === null || Array.isArray(body)) throw fail(400, 'BadRequest', 'The request body must be a JSON object.');
	return body as Row;
}

function pageSizeOf(req: SandboxRequest, serverDefault: number): number {
	const prefer = headerValue(req.headers.prefer) ?? '';
	const match = /odata\.maxpagesize\s*=\s*(\d+)/i.exec(prefer);
	const wanted = match ? Number(match[1]) : serverDefault;
	return Math.max(1, Math.min(wanted, serverDefault, BC_MAX_PAGE_SIZE));
}

/** `/v2.0/{tenant}/{environment}/api/v2.0/...`, answered from the store. */
export async function handleApi(req: SandboxRequest, rest: string[], apiRoot: string, deps: ApiDeps): Promise<SandboxResponse> {
	try {
		return await route(req, rest, apiRoot, deps);
	} catch (error) {
		if (error instanceof BcHttpError) return error.response;
		throw error;
	}
}

export function checkTenant(tenant: string, environment: string): SandboxResponse | undefined {
	if (tenant.toLowerCase() !== BC_TENANT_ID) return bcError(401, 'Authentication_InvalidCredentials', `The tenant '${tenant}' is not the tenant of the access token.`);
	if (environment !== BC_ENVIRONMENT && environment !== 'production') {
		return bcError(404, 'BadRequest_ResourceNotFound', `The environment '${environment}' does not exist in this tenant.`);
	}
	return undefined;
}

async function route(req: SandboxRequest, rest: string[], apiRoot: string, deps: ApiDeps): Promise<SandboxResponse> {
	const segments = parseSegments(rest);
	const [first, ...more] = segments;
	if (!first) return json(200, { '@odata.context': `${apiRoot}/$metadata`, value: [{ name: 'companies', kind: 'EntitySet', url: 'companies' }, { name: 'subscriptions', kind: 'EntitySet', url: 'subscriptions' }] });
	if (first.name === 'subscriptions') return await subscriptionsRoute(req, first, more, apiRoot, deps);
	if (first.name !== 'companies') throw fail(404, 'BadRequest_NotFound', `No HTTP resource was found that matches the request URI '${req.url.pathname}'.`);
	if (first.key === undefined) {
		if (more.length > 0) throw fail(400, 'BadRequest_InvalidRequestUrl', 'A company key is required.');
		if (req.method !== 'GET') throw methodNotAllowed(req.method, 'companies');
		return list(req, deps.store.companies.map((c) => ({ ...c })), companyDef, `${apiRoot}/$metadata#companies`, deps);
	}
	const companyId = requireGuid(first.key, 'companies');
	const company = deps.store.company(companyId);
	if (!company) throw fail(404, 'Internal_CompanyNotFound', `The company with id '${first.key}' does not exist or you do not have access to it.`);
	if (more.length === 0) {
		if (req.method !== 'GET') throw methodNotAllowed(req.method, 'companies');
		return json(200, { '@odata.context': `${apiRoot}/$metadata#companies/$entity`, ...company });
	}
	const context = `${apiRoot}/$metadata#companies(${companyId})`;
	return entityRoute(req, companyId, more, undefined, context, deps);
}

const companyDef: EntityDef = {
	set: 'companies',
	type: 'company',
	fields: Object.fromEntries(['id', 'systemVersion', 'timestamp', 'name', 'displayName', 'businessProfileId'].map((k) => [k, { kind: 'string' as const }])),
};

function methodNotAllowed(method: string, set: string) {
	return fail(405, 'BadRequest_MethodNotAllowed', `'${method}' requests for '${set}' of EdmType 'Entity' are not allowed within Dynamics 365 Business Central OData web services.`);
}

function entityRoute(req: SandboxRequest, companyId: string, segments: Segment[], parent: { def: EntityDef; row: StoredRow } | undefined, context: string, deps: ApiDeps): SandboxResponse {
	const [seg, ...more] = segments;
	const def = entity(seg.name);
	const allowed = parent ? (parent.def.lines === def?.set || def?.parent === parent.def.set) : def && !def.parent;
	if (!def || !allowed) throw fail(404, 'BadRequest_NotFound', `No HTTP resource was found that matches the request URI '${req.url.pathname}'.`);
	const setContext = `${context}/${def.set}`;
	if (seg.key === undefined) {
		if (more.length > 0) throw fail(400, 'BadRequest_InvalidRequestUrl', `A key is required after '${def.set}'.`);
		if (req.method === 'GET') {
			const rows = deps.store.all(companyId, def.set, parent?.row.id);
			return list(req, rows, def, setContext, deps, companyId);
		}
		if (req.method === 'POST') {
			const row = deps.engine.insert(companyId, def, bodyOf(req), parent?.row);
			const out = withExpand(req, companyId, def, row, deps);
			return json(201, { '@odata.context': `${setContext}/$entity`, ...out }, { Location: `${req.baseUrl}${req.url.pathname.slice(req.url.pathname.indexOf('/v2.0/'))}(${row.id})`, ETag: String(out['@odata.etag']) });
		}
		throw methodNotAllowed(req.method, def.set);
	}
	const id = requireGuid(seg.key, def.set);
	const row = deps.store.get(companyId, def.set, id);
	if (!row || (parent && row._parent !== parent.row.id)) {
		throw fail(404, 'BadRequest_NotFound', `The ${def.type} does not exist. Identification fields and values: Id='${id}'`);
	}
	if (more.length > 0) {
		const [next] = more;
		if (next.name.startsWith('Microsoft.NAV.')) {
			const action = next.name.slice('Microsoft.NAV.'.length);
			if (!def.actions?.includes(action) || more.length > 1) throw fail(404, 'BadRequest_NotFound', `The action '${next.name}' is not bound to '${def.type}'.`);
			if (req.method !== 'POST') throw methodNotAllowed(req.method, next.name);
			deps.engine.action(companyId, def, row, action);
			return { status: 204 };
		}
		return entityRoute(req, companyId, more, { def, row }, `${setContext}(${id})`, deps);
	}
	const ifMatch = headerValue(req.headers['if-match']);
	if (req.method === 'GET') {
		const select = parseSelect(queryParam(req.query, '$select'), fieldSet(def), def.type);
		const out = withExpand(req, companyId, def, row, deps, select);
		return json(200, { '@odata.context': `${setContext}/$entity`, ...out }, { ETag: String(out['@odata.etag']) });
	}
	if (req.method === 'PATCH') {
		const updated = deps.engine.patch(companyId, def, row, bodyOf(req), ifMatch);
		const out = withExpand(req, companyId, def, updated, deps);
		return json(200, { '@odata.context': `${setContext}/$entity`, ...out }, { ETag: String(out['@odata.etag']) });
	}
	if (req.method === 'DELETE') {
		deps.engine.remove(companyId, def, row, ifMatch);
		return { status: 204 };
	}
	throw methodNotAllowed(req.method, def.set);
}

const fieldSets = new WeakMap<EntityDef, Set<string>>();
function fieldSet(def: EntityDef): Set<string> {
	let set = fieldSets.get(def);
	if (!set) {
		set = new Set(Object.keys(def.fields));
		fieldSets.set(def, set);
	}
	return set;
}

function expandOf(req: SandboxRequest, def: EntityDef): string | undefined {
	const text = queryParam(req.query, '$expand');
	if (!text) return undefined;
	const names = text.split(',').map((s) => s.trim()).filter(Boolean);
	for (const name of names) {
		if (name !== def.lines) throw fail(400, 'BadRequest', `Could not find a property named '${name}' on type 'Microsoft.NAV.${def.type}'.`);
	}
	return def.lines;
}

function withExpand(req: SandboxRequest, companyId: string, def: EntityDef, row: StoredRow, deps: ApiDeps, select?: string[]): Row {
	const out = present(row, select);
	const lines = expandOf(req, def);
	if (lines) out[lines] = deps.store.all(companyId, lines, row.id).sort((a, b) => Number(a.sequence) - Number(b.sequence)).map((l) => present(l));
	return out;
}

function list(req: SandboxRequest, rows: Row[], def: EntityDef, context: string, deps: ApiDeps, companyId?: string): SandboxResponse {
	const fields = fieldSet(def);
	const filterText = queryParam(req.query, '$filter');
	let result = rows;
	if (filterText) {
		const expr = parseFilter(filterText, fields, def.type);
		result = result.filter((row) => evaluate(expr, row));
	}
	result = orderBy(result, queryParam(req.query, '$orderby'), fields, def.type);
	const skip = nonNegativeInt(queryParam(req.query, '$skip'), '$skip') ?? 0;
	const top = nonNegativeInt(queryParam(req.query, '$top'), '$top');
	result = result.slice(skip, top === undefined ? undefined : skip + top);
	const select = parseSelect(queryParam(req.query, '$select'), fields, def.type);
	const lines = expandOf(req, def);
	const pageSize = pageSizeOf(req, deps.pageSize());
	const token = queryParam(req.query, '$skiptoken');
	const offset = token ? Number(Buffer.from(token, 'base64url').toString('utf8')) || 0 : 0;
	const page = result.slice(offset, offset + pageSize);
	const value = deps.truncatePage(page).map((row) => {
		if (def === companyDef) {
			if (!select) return row;
			return Object.fromEntries(Object.entries(row).filter(([k]) => select.includes(k)));
		}
		const out = present(row as StoredRow, select);
		if (lines && companyId) out[lines] = deps.store.all(companyId, lines, String(row.id)).map((l) => present(l));
		return out;
	});
	const body: Row = { '@odata.context': context, value };
	const headers: Record<string, string> = {};
	if (/odata\.maxpagesize/i.test(headerValue(req.headers.prefer) ?? '')) headers['Preference-Applied'] = `odata.maxpagesize=${pageSize}`;
	if (offset + pageSize < result.length) {
		const next = new URL(req.url.toString());
		next.searchParams.set('$skiptoken', Buffer.from(String(offset + pageSize)).toString('base64url'));
		body['@odata.nextLink'] = next.toString();
	}
	if (queryParam(req.query, '$count') === 'true') body['@odata.count'] = result.length;
	return json(200, body, headers);
}

async function subscriptionsRoute(req: SandboxRequest, first: Segment, more: Segment[], apiRoot: string, deps: ApiDeps): Promise<SandboxResponse> {
	if (more.length > 0) throw fail(404, 'BadRequest_NotFound', `No HTTP resource was found that matches the request URI '${req.url.pathname}'.`);
	const subs = deps.subscriptions;
	const context = `${apiRoot}/$metadata#subscriptions`;
	if (first.key === undefined) {
		if (req.method === 'GET') return json(200, { '@odata.context': context, value: subs.all().map((s) => subs.present(s)) });
		if (req.method === 'POST') {
			const sub = await subs.create(bodyOf(req));
			return json(201, { '@odata.context': `${context}/$entity`, ...subs.present(sub) });
		}
		throw methodNotAllowed(req.method, 'subscriptions');
	}
	const ifMatch = headerValue(req.headers['if-match']);
	if (req.method === 'GET') return json(200, { '@odata.context': `${context}/$entity`, ...subs.present(subs.get(first.key)) });
	if (req.method === 'PATCH') {
		const sub = await subs.renew(first.key, bodyOf(req), ifMatch);
		return json(200, { '@odata.context': `${context}/$entity`, ...subs.present(sub) });
	}
	if (req.method === 'DELETE') {
		subs.remove(first.key, ifMatch);
		return { status: 204 };
	}
	throw methodNotAllowed(req.method, 'subscriptions');
}
