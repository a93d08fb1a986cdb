import { NodeOperationError } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { collect, paginate } from '../../common/pagination';
import type { PageRequest, Paginator } from '../../common/pagination';
import { getRateLimiter, sendRequest } from '../../common/transport';
import type { RateLimiter, RawResponse, RequestContext } from '../../common/transport';
import { autotaskErrorMapper } from './errorMapper';
import { zoneApiRoot } from './zone';

export { autotaskErrorMapper } from './errorMapper';
export { apiRoot, clearZoneCache, zoneApiRoot } from './zone';

export const CREDENTIAL_TYPE = 'autotaskPsaApi';
/** Autotask's largest page (MaxRecords). */
export const MAX_PAGE_SIZE = 500;
/** Threads per object endpoint and tracking identifier for integrations created since 2023.1. */
export const THREADS_PER_ENDPOINT = 3;
const HOUR_MS = 60 * 60_000;

/**
 * The object endpoint a path counts against for Autotask's thread limit: the entity
 * (`Tickets/123` → tickets) or, for a child collection, parent and child (`Tickets/123/Notes`).
 */
export function endpointOf(path: string): string {
	const parts = path.replace(/^\/+/, '').split(/[/?]/).filter(Boolean);
	const entity = (parts[0] ?? '').toLowerCase();
	if (parts.length >= 3 && /^\d+$/.test(parts[1])) return `${entity}/${parts[2].toLowerCase()}`;
	return entity;
}

export interface AutotaskSettings {
	/** The zone's `…/atservicesrest/v1.0`, no trailing slash. */
	root: string;
	limiterKey: string;
	hourly?: RateLimiter;
}

const settingsCache = new WeakMap<object, Promise<AutotaskSettings>>();

async function loadSettings(ctx: RequestContext): Promise<AutotaskSettings> {
	const credentials = await ctx.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE);
	const root = await zoneApiRoot(ctx, credentials);
	const code = String(credentials.integrationCode ?? '').trim();
	const user = String(credentials.userName ?? '').trim().toLowerCase();
	// Thread limits count per tracking identifier and endpoint in a database; the key is the zone and
	// integration code, so two API users of one integration never add up to more than the limit.
	const limiterKey = `autotaskPsa|${new URL(root).host}|${code}`;
	const perHour = Number(credentials.requestsPerHour ?? 10000);
	const hourly =
		Number.isFinite(perHour) && perHour > 0
			? getRateLimiter(`autotaskPsa|hour|${new URL(root).host}|${user}`, { requests: Math.floor(perHour), windowMs: HOUR_MS })
			: undefined;
	return { root, limiterKey, hourly };
}

/** Zone root and limiter keys of the node's credential (resolved once per execution context). */
export async function autotaskSettings(ctx: RequestContext): Promise<AutotaskSettings> {
	let settings = settingsCache.get(ctx);
	if (!settings) {
		settings = loadSettings(ctx);
		settingsCache.set(ctx, settings);
		settings.catch(() => settingsCache.delete(ctx));
	}
	return await settings;
}

/** The process-wide limiter of one object endpoint: at most 3 requests in flight. */
export function endpointLimiter(settings: AutotaskSettings, path: string): RateLimiter {
	return getRateLimiter(`${settings.limiterKey}|${endpointOf(path)}`, { maxConcurrent: THREADS_PER_ENDPOINT });
}

export interface AutotaskRequest {
	method?: IHttpRequestMethods;
	/** Path under v1.0, e.g. "Tickets/12" or "Tickets/12/Notes". */
	path?: string;
	/** An absolute URL given by Autotask (`pageDetails.nextPageUrl`); must be on the zone's API. */
	url?: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	itemIndex?: number;
	acceptStatus?: number[];
	idempotent?: boolean;
}

function resolveUrl(ctx: RequestContext, root: string, request: AutotaskRequest): { url: string; path: string } {
	if (request.url) {
		// Page links come from the response: the credential headers go only to the zone's own API.
		const url = new URL(request.url, `${root}/`);
		const base = new URL(root);
		const prefix = `${base.pathname.toLowerCase()}/`;
		if (url.origin !== base.origin || !url.pathname.toLowerCase().startsWith(prefix)) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Autotask PSA sent a page link outside the zone's API (${url.origin}${url.pathname}); stopped without following it`,
				{ itemIndex: request.itemIndex },
			);
		}
		return { url: url.toString(), path: url.pathname.slice(prefix.length) };
	}
	const path = (request.path ?? '').replace(/^\/+/, '');
	if (/^[a-z]+:\/\//i.test(path) || path.split('/').includes('..')) {
		throw new NodeOperationError(ctx.getNode(), `The path "${path}" must be relative to the Autotask API root (v1.0)`, {
			itemIndex: request.itemIndex,
		});
	}
	return { url: `${root}/${path}`, path };
}

/**
 * The one request function of Autotask PSA: the credential's headers (via n8n), the zone's base
 * URL, the per-endpoint thread limiter and hourly pacing, bounded retries and the error mapper.
 */
export async function autotaskRequest<T = unknown>(ctx: RequestContext, request: AutotaskRequest): Promise<RawResponse<T>> {
	const settings = await autotaskSettings(ctx);
	const { url, path } = resolveUrl(ctx, settings.root, request);
	const send = async () =>
		await sendRequest<T>(ctx, {
			credentialType: CREDENTIAL_TYPE,
			errorMapper: autotaskErrorMapper,
			limiter: endpointLimiter(settings, path),
			itemIndex: request.itemIndex,
			acceptStatus: request.acceptStatus,
			idempotent: request.idempotent,
			request: {
				method: request.method ?? 'GET',
				url,
				qs: request.url ? undefined : request.qs,
				body: request.body,
				json: true,
				headers: { Accept: 'application/json', ...(request.body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
				sendCredentialsOnCrossOriginRedirect: false,
			},
		});
	// The hourly allowance is taken before the thread slot, so a paced request does not hold a thread.
	return settings.hourly ? await settings.hourly.schedule(send) : await send();
}

/** Body-only shorthand of autotaskRequest. */
export async function autotaskApi<T = IDataObject>(ctx: RequestContext, request: AutotaskRequest): Promise<T> {
	return (await autotaskRequest<T>(ctx, request)).body;
}

/** A query: the `filter` array of Autotask's search JSON, plus optional IncludeFields. */
export interface QuerySpec {
	filter: IDataObject[];
	includeFields?: string[];
}

// Autotask requires at least one condition; "id ≥ 0" matches every record.
const MATCH_ALL: IDataObject = { op: 'gte', field: 'id', value: 0 };
/** Longer searches go in a POST body, so the URL stays within what proxies accept. */
const MAX_GET_SEARCH = 1800;

export function searchJson(spec: QuerySpec, maxRecords: number): IDataObject {
	const include = spec.includeFields?.filter(Boolean) ?? [];
	return {
		filter: spec.filter.length ? spec.filter : [MATCH_ALL],
		// Paging beyond one page needs the id among the included fields.
		...(include.length ? { IncludeFields: [...new Set(['id', ...include])] } : {}),
		MaxRecords: Math.max(1, Math.min(MAX_PAGE_SIZE, maxRecords)),
	};
}

function queryPaginator(search: IDataObject): Paginator {
	const text = JSON.stringify(search);
	return {
		first: () => (text.length <= MAX_GET_SEARCH ? { qs: { search: text } } : { body: search }),
		items: (response) => {
			const items = (response.body as IDataObject | undefined)?.items;
			return Array.isArray(items) ? (items as IDataObject[]) : [];
		},
		next: (response) => {
			const details = (response.body as IDataObject | undefined)?.pageDetails as IDataObject | undefined;
			const next = details?.nextPageUrl;
			return typeof next === 'string' && next ? { url: next } : undefined;
		},
	};
}

/** Pages of `{Entity}/query`, following `pageDetails.nextPageUrl` (on the zone's host only). */
export function autotaskPages(
	ctx: RequestContext,
	entity: string,
	spec: QuerySpec,
	{ pageSize = MAX_PAGE_SIZE, itemIndex }: { pageSize?: number; itemIndex?: number } = {},
): AsyncGenerator<IDataObject[]> {
	const search = searchJson(spec, pageSize);
	const fetchPage = async (page: PageRequest) => {
		if (page.url) return await autotaskRequest(ctx, { url: page.url, itemIndex });
		if (page.body) return await autotaskRequest(ctx, { method: 'POST', path: `${entity}/query`, body: page.body, itemIndex, idempotent: true });
		return await autotaskRequest(ctx, { path: `${entity}/query`, qs: page.qs, itemIndex });
	};
	return paginate(fetchPage, queryPaginator(search), {
		itemKey: (record) => (record.id !== undefined ? String(record.id) : JSON.stringify(record)),
	});
}

/** Records of a query: all of them, or up to `limit` without asking for further pages. */
export async function autotaskQuery(
	ctx: RequestContext,
	entity: string,
	spec: QuerySpec,
	{ returnAll, limit, itemIndex }: { returnAll: boolean; limit?: number; itemIndex?: number },
): Promise<IDataObject[]> {
	const max = returnAll ? Number.POSITIVE_INFINITY : Math.max(1, limit ?? 50);
	const pageSize = returnAll ? MAX_PAGE_SIZE : Math.min(MAX_PAGE_SIZE, max);
	return await collect(autotaskPages(ctx, entity, spec, { pageSize, itemIndex }), { returnAll, limit: max });
}
