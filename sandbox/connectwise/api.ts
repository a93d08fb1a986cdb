import { headerValue, queryParam } from '../core/http';
import { Router } from '../core/router';
import type { Handler, SandboxRequest, SandboxResponse } from '../core/types';
import { authenticate } from './auth';
import { CALLBACK_KEY_ID } from './callbacks';
import { CW_API_ROOT, CW_API_VERSION, CW_CODEBASE, CW_COMPANY_ID } from './constants';
import { presentJson, type CwEngine, type WriteResult } from './engine';
import { badRequest, cwError, cwHeaders, invalidObject, notFound } from './errors';
import {
	LIST_PARAM_NAMES,
	QueryError,
	filterRecords,
	linkHeader,
	parseFields,
	parseOrderBy,
	project,
	readPageId,
	readPaging,
	sortRecords,
	withParams,
	type ListParams,
} from './query';
import { RESOURCES, knownFields, type ResourceDef } from './resources';
import type { CwRecord, CwStore } from './store';

/** `v4_6_release` (on-premises router) or a dated cloud codebase such as `v2025_1`. */
const CODEBASE = /^(v4_6_release|v20\d\d_\d+)$/i;

export interface CwApiState {
	store: CwStore;
	engine: CwEngine;
	clientIds: ReadonlySet<string>;
	signingKey(): string;
	apiMember(): CwRecord;
	truncatePage<T>(items: T[]): T[];
}

const apiBaseOf = (req: SandboxRequest): string => `${req.baseUrl}/${req.params.codebase ?? CW_CODEBASE}/${CW_API_ROOT}`;

const ok = (body: unknown, status = 200, headers: Record<string, string> = {}): SandboxResponse => ({
	status,
	headers: cwHeaders(headers),
	body,
});

/** Records as served: absolute hrefs, already serialized. */
const records = (value: unknown, apiBase: string, status = 200, headers: Record<string, string> = {}): SandboxResponse => ({
	status,
	headers: cwHeaders({ 'Content-Type': 'application/json; charset=utf-8', ...headers }),
	text: presentJson(value, apiBase),
});

function writeFailure(result: Exclude<WriteResult, { ok: true }>, resource: string): SandboxResponse {
	return result.status === 404 ? notFound(result.message) : invalidObject(resource, result.errors);
}

function readListParams(req: SandboxRequest, body?: Record<string, unknown>): ListParams {
	const params: ListParams = {};
	for (const name of LIST_PARAM_NAMES) {
		const fromBody = body ? Object.entries(body).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1] : undefined;
		const value = fromBody !== undefined && fromBody !== null ? String(fromBody) : queryParam(req.query, name);
		if (value !== undefined) params[name] = value;
	}
	return params;
}

function parseId(text: string | undefined): number | undefined {
	return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
}

export function buildApiRouter(state: CwApiState): Router {
	const router = new Router({ caseInsensitive: true });
	const base = `/:codebase/${CW_API_ROOT}`;

	/** Codebase check and authentication in front of every API route. */
	const api =
		(handler: Handler): Handler =>
		(req) => {
			if (!CODEBASE.test(req.params.codebase ?? '')) return notFound(`Unknown codebase '${req.params.codebase}'`);
			const denied = authenticate(req, state.clientIds);
			return denied ?? handler(req);
		};

	const parentOf = (def: ResourceDef, req: SandboxRequest): { parent?: CwRecord; missing?: SandboxResponse } => {
		if (!def.parent) return {};
		const id = parseId(req.params.parentId);
		const parent = id === undefined ? undefined : state.store.get(def.parent.collection, id);
		return parent ? { parent } : { missing: notFound(`${def.parent.resource} with id ${req.params.parentId} was not found`) };
	};

	const list = (def: ResourceDef, mode: 'list' | 'count' | 'search'): Handler =>
		api((req) => {
			const { parent, missing } = parentOf(def, req);
			if (missing) return missing;
			let body: Record<string, unknown> | undefined;
			if (mode === 'search' && req.rawBody.length > 0) {
				const parsed = req.json();
				if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return badRequest('The search body must be a JSON object');
				body = parsed as Record<string, unknown>;
			}
			const params = readListParams(req, body);
			try {
				const known = knownFields(def, state.store);
				const scoped = state.store.all(def.collection).filter((r) => state.engine.parentMatches(def, r, parent?.id));
				const matched = filterRecords(scoped, params, known);
				if (mode === 'count') return ok({ count: matched.length });
				const fields = parseFields(params.fields, known);
				const apiBase = apiBaseOf(req);
				const output = (items: CwRecord[]): SandboxResponse['body'] =>
					state.truncatePage(fields ? items.map((r) => project(r, fields)) : items);

				const forwardOnly = headerValue(req.headers['pagination-type'])?.trim().toLowerCase() === 'forward-only';
				if (forwardOnly) {
					if (params.orderBy) throw new QueryError('orderBy cannot be used with forward-only pagination (results are ordered by id)', 'orderBy');
					const { pageSize } = readPaging({ ...params, page: undefined });
					const after = readPageId(params);
					const page = matched.filter((r) => r.id > after).slice(0, pageSize);
					const headers: Record<string, string> = {};
					if (page.length > 0) {
						const next = withParams(req.url, { pageSize: String(pageSize), pageId: String(page[page.length - 1].id) }, ['page']);
						headers.Link = linkHeader([['next', next]]);
					}
					return records(output(page), apiBase, 200, headers);
				}

				const { page, pageSize } = readPaging(params);
				const sorted = sortRecords(matched, parseOrderBy(params.orderBy, known));
				const lastPage = Math.max(1, Math.ceil(sorted.length / pageSize));
				const items = sorted.slice((page - 1) * pageSize, page * pageSize);
				const at = (p: number) => withParams(req.url, { pageSize: String(pageSize), page: String(p) }, ['pageId']);
				const links: Array<[string, string]> = [];
				if (page > 1) links.push(['first', at(1)], ['prev', at(Math.min(page - 1, lastPage))]);
				if (page < lastPage) links.push(['next', at(page + 1)]);
				links.push(['last', at(lastPage)]);
				return records(output(items), apiBase, 200, { Link: linkHeader(links) });
			} catch (error) {
				if (error instanceof QueryError) return badRequest(error.message, error.parameter);
				throw error;
			}
		});

	const one = (def: ResourceDef, method: 'GET' | 'PUT' | 'PATCH' | 'DELETE'): Handler =>
		api((req) => {
			const { parent, missing } = parentOf(def, req);
			if (missing) return missing;
			const id = parseId(req.params.id);
			const current = id === undefined ? undefined : state.engine.find(def, id, parent?.id);
			if (!current) return notFound(`${def.resource} with id ${req.params.id} was not found`);
			const apiBase = apiBaseOf(req);
			if (method === 'GET') {
				try {
					const fields = parseFields(queryParam(req.query, 'fields'), knownFields(def, state.store));
					return records(fields ? project(current, fields) : current, apiBase);
				} catch (error) {
					if (error instanceof QueryError) return badRequest(error.message, error.parameter);
					throw error;
				}
			}
			if (method === 'DELETE') {
				state.engine.remove(def, current, state.apiMember());
				return { status: 204, headers: cwHeaders() };
			}
			const body = req.json();
			const result =
				method === 'PUT'
					? state.engine.replace(def, current, body, state.apiMember(), parent)
					: state.engine.patch(def, current, body, state.apiMember(), parent);
			return result.ok ? records(result.record, apiBase) : writeFailure(result, def.resource);
		});

	const create = (def: ResourceDef): Handler =>
		api((req) => {
			const { parent, missing } = parentOf(def, req);
			if (missing) return missing;
			const result = state.engine.create(def, req.json(), state.apiMember(), parent);
			if (!result.ok) return writeFailure(result, def.resource);
			const apiBase = apiBaseOf(req);
			const path = def.path.replace(':parentId', String(parent?.id ?? ''));
			return records(result.record, apiBase, 201, { Location: `${apiBase}/${path}/${result.record.id}` });
		});

	for (const def of RESOURCES) {
		const path = `${base}/${def.path}`;
		router.add('GET', path, list(def, 'list'));
		router.add('GET', `${path}/count`, list(def, 'count'));
		router.add('POST', `${path}/search`, list(def, 'search'));
		router.add('GET', `${path}/:id`, one(def, 'GET'));
		if (def.readOnlyApi) continue;
		router.add('POST', path, create(def));
		router.add('PUT', `${path}/:id`, one(def, 'PUT'));
		router.add('PATCH', `${path}/:id`, one(def, 'PATCH'));
		router.add('DELETE', `${path}/:id`, one(def, 'DELETE'));
	}

	router.add(
		'GET',
		`${base}/system/info`,
		api(() =>
			ok({
				version: `v${CW_API_VERSION}.100000`,
				isCloud: false,
				serverTimeZone: 'Eastern Standard Time',
				licenseBits: [],
				cloudRegion: null,
			}),
		),
	);
	router.add(
		'GET',
		`${base}/system/callbackKeys/:id`,
		api((req) =>
			parseId(req.params.id) === CALLBACK_KEY_ID
				? ok({ signing_key: state.signingKey() })
				: notFound(`callbackKey with id ${req.params.id} was not found`),
		),
	);
	// Codebase discovery; no authentication (Developer Guide, "Calling Company Info").
	router.add('GET', '/login/companyinfo/:companyId', (req) => {
		if (req.params.companyId.toLowerCase() !== CW_COMPANY_ID.toLowerCase()) return notFound('Company not found');
		return ok({
			CompanyName: 'Sandbox MSP',
			Codebase: `${CW_CODEBASE}/`,
			VersionCode: `v${CW_API_VERSION}`,
			VersionNumber: 'v4.6.100000',
			CompanyID: CW_COMPANY_ID,
			IsCloud: false,
			SiteUrl: new URL(req.baseUrl).host + new URL(req.baseUrl).pathname,
		});
	});
	return router;
}

/** Answers a request that matched no route: unauthenticated callers learn nothing about which paths exist. */
export function unmatched(req: SandboxRequest, clientIds: ReadonlySet<string>, allowed?: string[]): SandboxResponse {
	const segments = req.path.split('/').filter(Boolean);
	if (segments[1]?.toLowerCase() === 'apis') {
		const denied = authenticate(req, clientIds);
		if (denied) return denied;
	}
	if (allowed) {
		return cwError(405, 'MethodNotAllowed', `The requested resource does not support http method '${req.method}'`, null, {
			Allow: allowed.join(', '),
		});
	}
	return notFound(`No resource was found at ${req.path}`);
}
