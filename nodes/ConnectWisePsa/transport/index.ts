import { NodeOperationError } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { collect, fetchPagesConcurrently, linkHeaderNext, nextLinkPaginator, paginate } from '../../common/pagination';
import type { PageRequest } from '../../common/pagination';
import { evenRate, getRateLimiter, sendRequest } from '../../common/transport';
import type { RateLimiter, RawResponse, RequestContext } from '../../common/transport';
import { connectWiseErrorMapper } from './errorMapper';

export { connectWiseErrorMapper } from './errorMapper';

export const CREDENTIAL_TYPE = 'connectWisePsaApi';
/** ConnectWise's hard maximum page size. */
export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_CODEBASE = 'v4_6_release';

export interface ConnectWiseSettings {
	/** `{site}/{codebase}/apis/3.0`, no trailing slash. */
	baseUrl: string;
	accept: string;
	maxConcurrent: number;
	limiter: RateLimiter;
}

/** The API root from the credential: `{siteUrl}/{codebase}/apis/3.0` (a site URL that already ends in /apis/3.0 is kept). */
export function apiBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	let site = String(credentials.siteUrl ?? '').trim();
	if (!/^https?:\/\//i.test(site)) site = `https://${site}`;
	site = site.replace(/\/+$/, '');
	const existing = /^(.*?\/apis\/3\.0)(?:\/.*)?$/i.exec(site);
	if (existing) return existing[1];
	const codebase = String(credentials.codebase ?? '').trim().replace(/^\/+|\/+$/g, '') || DEFAULT_CODEBASE;
	return `${site}/${codebase}/apis/3.0`;
}

function positive(value: unknown, fallback: number): number {
	const n = Number(value);
	return Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback;
}

const settingsCache = new WeakMap<object, ConnectWiseSettings>();

/** Base URL, Accept header and the process-wide limiter of the node's credential. */
export async function connectWiseSettings(ctx: RequestContext): Promise<ConnectWiseSettings> {
	const cached = settingsCache.get(ctx);
	if (cached) return cached;
	const credentials = await ctx.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE);
	const baseUrl = apiBaseUrl(credentials);
	const version = String(credentials.apiVersion ?? '').trim();
	const maxConcurrent = positive(credentials.maxConcurrent, 4);
	const perMinute = positive(credentials.requestsPerMinute, 0);
	// One limiter per ConnectWise account and API member: every execution in the process shares it.
	const key = `connectWisePsa|${baseUrl}|${String(credentials.companyId ?? '')}|${String(credentials.publicKey ?? '')}`;
	const settings: ConnectWiseSettings = {
		baseUrl,
		accept: version ? `application/vnd.connectwise.com+json; version=${version}` : 'application/json',
		maxConcurrent,
		limiter: getRateLimiter(key, {
			maxConcurrent,
			...evenRate(perMinute),
		}),
	};
	settingsCache.set(ctx, settings);
	return settings;
}

export interface ConnectWiseRequest {
	method?: IHttpRequestMethods;
	/** Path under apis/3.0, e.g. "/service/tickets/12". */
	path?: string;
	/** An absolute URL given by ConnectWise (a `Link` next page); must be on the same API root. */
	url?: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	headers?: IDataObject;
	itemIndex?: number;
	/** Statuses returned instead of raised (e.g. 404 for an existence check). */
	acceptStatus?: number[];
	/** A write that is safe to resend after a network error. */
	idempotent?: boolean;
}

function resolveUrl(ctx: RequestContext, settings: ConnectWiseSettings, request: ConnectWiseRequest): string {
	if (request.url) {
		// Next links come from the response; never send the credential to another host or API.
		const url = new URL(request.url, `${settings.baseUrl}/`);
		const base = new URL(settings.baseUrl);
		if (url.origin !== base.origin || !url.pathname.toLowerCase().startsWith(base.pathname.toLowerCase())) {
			throw new NodeOperationError(
				ctx.getNode(),
				`ConnectWise PSA sent a page link outside its API (${url.origin}${url.pathname}); stopped without following it`,
				{ itemIndex: request.itemIndex },
			);
		}
		return url.toString();
	}
	const path = request.path ?? '';
	if (/^[a-z]+:\/\//i.test(path) || path.split('/').includes('..')) {
		throw new NodeOperationError(ctx.getNode(), `The path "${path}" must be relative to the ConnectWise API root`, {
			itemIndex: request.itemIndex,
		});
	}
	return `${settings.baseUrl}/${path.replace(/^\/+/, '')}`;
}

/**
 * The one request function of ConnectWise PSA: the credential's Basic auth and clientId (via
 * n8n), base URL, version Accept header, the account-wide limiter, bounded retries and the
 * ConnectWise error mapper.
 */
export async function connectWiseRequest<T = unknown>(
	ctx: RequestContext,
	request: ConnectWiseRequest,
): Promise<RawResponse<T>> {
	const settings = await connectWiseSettings(ctx);
	const method = request.method ?? 'GET';
	return await sendRequest<T>(ctx, {
		credentialType: CREDENTIAL_TYPE,
		errorMapper: connectWiseErrorMapper,
		limiter: settings.limiter,
		itemIndex: request.itemIndex,
		acceptStatus: request.acceptStatus,
		idempotent: request.idempotent,
		request: {
			method,
			url: resolveUrl(ctx, settings, request),
			qs: request.url ? undefined : request.qs,
			body: request.body,
			json: true,
			headers: {
				Accept: settings.accept,
				...(request.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
				...request.headers,
			},
			sendCredentialsOnCrossOriginRedirect: false,
		},
	});
}

/** Body-only shorthand of connectWiseRequest. */
export async function connectWiseApi<T = IDataObject>(ctx: RequestContext, request: ConnectWiseRequest): Promise<T> {
	return (await connectWiseRequest<T>(ctx, request)).body;
}

/** The query parameters of a list: conditions, childConditions, customFieldConditions, orderBy, fields. */
export interface ListQuery {
	conditions?: string;
	childConditions?: string;
	customFieldConditions?: string;
	orderBy?: string;
	fields?: string;
}

function listQs(query: ListQuery): IDataObject {
	const qs: IDataObject = {};
	for (const [key, value] of Object.entries(query)) {
		if (typeof value === 'string' && value.trim() !== '') qs[key] = value.trim();
	}
	return qs;
}

function asRecords(body: unknown): IDataObject[] {
	return Array.isArray(body) ? (body as IDataObject[]) : [];
}

export interface ListOptions {
	path: string;
	query?: ListQuery;
	returnAll: boolean;
	limit?: number;
	/** Read `/count`, then fetch numbered pages concurrently (ordered by id unless orderBy is given). */
	parallel?: boolean;
	itemIndex?: number;
	pageSize?: number;
}

/**
 * Pages of a list, following the `Link: rel="next"` header. Without an orderBy the
 * `pagination-type: forward-only` header is sent: ConnectWise then pages by id (`pageId`), which
 * neither skips nor repeats records while others write. With an orderBy, numbered pages are used.
 */
export function connectWisePages(
	ctx: RequestContext,
	{ path, query = {}, pageSize = MAX_PAGE_SIZE, itemIndex }: Omit<ListOptions, 'returnAll' | 'limit' | 'parallel'>,
): AsyncGenerator<IDataObject[]> {
	const qs = listQs(query);
	const headers: IDataObject = qs.orderBy ? {} : { 'pagination-type': 'forward-only' };
	const first: PageRequest = { qs: { ...qs, pageSize: Math.min(MAX_PAGE_SIZE, Math.max(1, pageSize)) } };
	const fetchPage = async (page: PageRequest) =>
		await connectWiseRequest(ctx, { path, url: page.url, qs: page.qs, headers, itemIndex });
	return paginate(fetchPage, nextLinkPaginator({ first, nextUrl: linkHeaderNext, items: (r) => asRecords(r.body) }), {
		itemKey: (record) => (record.id !== undefined ? String(record.id) : JSON.stringify(record)),
	});
}

/** `GET {path}/count` with the same conditions as the list. */
export async function connectWiseCount(
	ctx: RequestContext,
	path: string,
	query: ListQuery = {},
	itemIndex?: number,
): Promise<number> {
	const { conditions, childConditions, customFieldConditions } = query;
	const body = await connectWiseApi<IDataObject>(ctx, {
		path: `${path.replace(/\/+$/, '')}/count`,
		qs: listQs({ conditions, childConditions, customFieldConditions }),
		itemIndex,
	});
	const count = Number(body?.count);
	return Number.isFinite(count) && count > 0 ? count : 0;
}

/** Records of a list: all of them, or up to `limit` without fetching further pages. */
export async function connectWiseList(ctx: RequestContext, options: ListOptions): Promise<IDataObject[]> {
	const { path, query = {}, returnAll, limit, itemIndex } = options;
	const max = returnAll ? Number.POSITIVE_INFINITY : Math.max(1, limit ?? 50);
	const pageSize = Math.min(MAX_PAGE_SIZE, options.pageSize ?? (returnAll ? MAX_PAGE_SIZE : max));
	if (!options.parallel) {
		return await collect(connectWisePages(ctx, { path, query, pageSize, itemIndex }), { returnAll, limit: max });
	}
	const total = Math.min(await connectWiseCount(ctx, path, query, itemIndex), max);
	if (total === 0) return [];
	const { maxConcurrent } = await connectWiseSettings(ctx);
	const qs = { ...listQs(query), orderBy: query.orderBy?.trim() || 'id asc', pageSize };
	const pages = fetchPagesConcurrently(Math.ceil(total / pageSize), maxConcurrent, async (page) =>
		asRecords((await connectWiseRequest(ctx, { path, qs: { ...qs, page }, itemIndex })).body),
	);
	return await collect(pages, { returnAll: false, limit: total });
}
