import { NodeOperationError } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { collect, nextLinkPaginator, paginate } from '../../common/pagination';
import type { PageRequest } from '../../common/pagination';
import { getRateLimiter, sendRequest } from '../../common/transport';
import type { RateLimiter, RawResponse, RequestContext } from '../../common/transport';
import { businessCentralErrorMapper } from './errorMapper';

export { businessCentralErrorMapper } from './errorMapper';

export const CREDENTIAL_TYPE = 'businessCentralOAuth2Api';
export const DEFAULT_API_URL = 'https://api.businesscentral.dynamics.com';
/** Online servers cap a page at 20,000 entities; smaller pages keep memory and latency low. */
export const MAX_PAGE_SIZE = 20_000;
export const DEFAULT_PAGE_SIZE = 1000;
/**
 * Business Central online per user / service principal: 6,000 OData requests per 5-minute sliding
 * window and 5 requests processed at once (more are queued by the server, then refused).
 */
export const BC_LIMITS = { requests: 6000, windowMs: 5 * 60_000, maxConcurrent: 5 };

export interface BusinessCentralSettings {
	/** `{apiUrl}/v2.0/{tenant}/{environment}/api/v2.0`, no trailing slash. */
	apiRoot: string;
	limiter: RateLimiter;
}

function trimUrl(value: unknown, fallback: string): string {
	let url = String(value ?? '').trim() || fallback;
	if (!/^https?:\/\//i.test(url)) url = `https://${url}`;
	return url.replace(/\/+$/, '');
}

/** The API v2.0 root of the credential's environment. */
export function apiRoot(credentials: ICredentialDataDecryptedObject): string {
	const base = trimUrl(credentials.apiUrl, DEFAULT_API_URL);
	const tenant = encodeURIComponent(String(credentials.tenantId ?? '').trim());
	const environment = encodeURIComponent(String(credentials.environment ?? '').trim() || 'production');
	return `${base}/v2.0/${tenant}/${environment}/api/v2.0`;
}

const settingsCache = new WeakMap<object, BusinessCentralSettings>();

export async function businessCentralSettings(ctx: RequestContext): Promise<BusinessCentralSettings> {
	const cached = settingsCache.get(ctx);
	if (cached) return cached;
	const credentials = await ctx.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE);
	const root = apiRoot(credentials);
	// One limiter per environment and app registration: every execution in the process shares it.
	const key = `businessCentral|${root.toLowerCase()}|${String(credentials.clientId ?? '').toLowerCase()}`;
	const settings = { apiRoot: root, limiter: getRateLimiter(key, BC_LIMITS) };
	settingsCache.set(ctx, settings);
	return settings;
}

export interface BusinessCentralRequest {
	method?: IHttpRequestMethods;
	/** Path under the API root, e.g. "companies(…)/customers". */
	path?: string;
	/** An absolute URL given by Business Central (`@odata.nextLink`); must be under the API root. */
	url?: string;
	qs?: IDataObject;
	body?: IDataObject;
	headers?: IDataObject;
	itemIndex?: number;
	acceptStatus?: number[];
	idempotent?: boolean;
}

function resolveUrl(ctx: RequestContext, root: string, request: BusinessCentralRequest): string {
	if (request.url) {
		// Next links come from the response: the token is only ever sent to the configured API.
		const url = new URL(request.url);
		const base = new URL(root);
		if (url.origin !== base.origin || !url.pathname.toLowerCase().startsWith(base.pathname.toLowerCase())) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Business Central sent a page link outside the configured API (${url.origin}${url.pathname}); stopped without following it`,
				{ itemIndex: request.itemIndex },
			);
		}
		return url.toString();
	}
	const path = request.path ?? '';
	if (/^[a-z]+:\/\//i.test(path) || path.split('/').includes('..')) {
		throw new NodeOperationError(ctx.getNode(), `The path "${path}" must be relative to the Business Central API root`, {
			itemIndex: request.itemIndex,
		});
	}
	return `${root}/${path.replace(/^\/+/, '')}`;
}

/**
 * n8n fetches the client-credentials token on first use and again after a 401; when Entra ID refuses
 * it, the OAuth client throws an error with code EAUTH/ESTATUS instead of an HTTP response. This
 * marks that case so the error can be reported as a credential problem.
 */
function watchTokenErrors(ctx: RequestContext): { ctx: RequestContext; failed: () => boolean } {
	let tokenFailed = false;
	const original = ctx.helpers.httpRequestWithAuthentication;
	const helpers = new Proxy(ctx.helpers, {
		get(target, prop, receiver) {
			if (prop !== 'httpRequestWithAuthentication') return Reflect.get(target, prop, receiver) as unknown;
			return async (...args: Parameters<typeof original>) => {
				try {
					return (await original.apply(ctx, args)) as unknown;
				} catch (error) {
					const code = (error as { code?: unknown }).code;
					if ((code === 'EAUTH' || code === 'ESTATUS') && (error as { response?: unknown }).response === undefined) tokenFailed = true;
					// Only observed here; sendRequest turns it into the node error.
					// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
					throw error;
				}
			};
		},
	});
	const wrapped = new Proxy(ctx, {
		get(target, prop) {
			if (prop === 'helpers') return helpers;
			const value = Reflect.get(target, prop, target) as unknown;
			return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
		},
	});
	return { ctx: wrapped, failed: () => tokenFailed };
}

/**
 * The one request function of Business Central: n8n's OAuth2 client-credentials token (fetched,
 * stored and renewed by n8n), the API root, the per-user limiter, bounded retries with Retry-After,
 * a resend after a 401 so an expired token is replaced, and the OData error mapper.
 */
export async function businessCentralRequest<T = unknown>(ctx: RequestContext, request: BusinessCentralRequest): Promise<RawResponse<T>> {
	const settings = await businessCentralSettings(ctx);
	const method = request.method ?? 'GET';
	const watched = watchTokenErrors(ctx);
	try {
		return await sendRequest<T>(watched.ctx, {
			credentialType: CREDENTIAL_TYPE,
			errorMapper: businessCentralErrorMapper,
			limiter: settings.limiter,
			itemIndex: request.itemIndex,
			acceptStatus: request.acceptStatus,
			idempotent: request.idempotent,
			renewOn401: true,
			request: {
				method,
				url: resolveUrl(ctx, settings.apiRoot, request),
				qs: request.url ? undefined : request.qs,
				body: request.body,
				json: true,
				headers: {
					Accept: 'application/json',
					...(request.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
					...request.headers,
				},
				sendCredentialsOnCrossOriginRedirect: false,
			},
		});
	} catch (error) {
		if (watched.failed() && error instanceof Error && 'context' in error) {
			const context = (error as { context: IDataObject }).context;
			context.errorClass = 'auth';
			error.message = `Entra ID refused the token request: ${error.message}`;
			(error as { description?: string }).description =
				'Check the Tenant ID, Client ID and Client Secret (the secret value, not its ID) and that the secret has not expired. With the sandbox, use the Login URL it prints.';
		}
		// Already a NodeApiError / NodeOperationError built by sendRequest.
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
		throw error;
	}
}

export async function businessCentralApi<T = IDataObject>(ctx: RequestContext, request: BusinessCentralRequest): Promise<T> {
	return (await businessCentralRequest<T>(ctx, request)).body;
}

/** OData string literal: single quotes doubled. */
export function odataString(value: string): string {
	return `'${value.replace(/'/g, "''")}'`;
}

export interface ODataQuery {
	filter?: string;
	select?: string;
	expand?: string;
	orderBy?: string;
}

function odataQs(query: ODataQuery): IDataObject {
	const qs: IDataObject = {};
	const map: Array<[keyof ODataQuery, string]> = [
		['filter', '$filter'],
		['select', '$select'],
		['expand', '$expand'],
		['orderBy', '$orderby'],
	];
	for (const [key, param] of map) {
		const value = query[key];
		if (typeof value === 'string' && value.trim() !== '') qs[param] = value.trim();
	}
	return qs;
}

export interface ListOptions {
	path: string;
	query?: ODataQuery;
	returnAll: boolean;
	limit?: number;
	pageSize?: number;
	itemIndex?: number;
}

function records(response: RawResponse): IDataObject[] {
	const value = (response.body as IDataObject | undefined)?.value;
	return Array.isArray(value) ? (value as IDataObject[]) : [];
}

function nextLink(response: RawResponse): string | undefined {
	const link = (response.body as IDataObject | undefined)?.['@odata.nextLink'];
	return typeof link === 'string' && link ? link : undefined;
}

/** Pages of a collection: server-driven paging with `Prefer: odata.maxpagesize`, following `@odata.nextLink`. */
export function businessCentralPages(
	ctx: RequestContext,
	{ path, query = {}, pageSize = DEFAULT_PAGE_SIZE, top, itemIndex }: { path: string; query?: ODataQuery; pageSize?: number; top?: number; itemIndex?: number },
): AsyncGenerator<IDataObject[]> {
	const size = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(pageSize)));
	const headers: IDataObject = { Prefer: `odata.maxpagesize=${size}` };
	const first: PageRequest = { qs: { ...odataQs(query), ...(top !== undefined ? { $top: top } : {}) } };
	const fetchPage = async (page: PageRequest) => await businessCentralRequest(ctx, { path, url: page.url, qs: page.qs, headers, itemIndex });
	return paginate(fetchPage, nextLinkPaginator({ first, nextUrl: nextLink, items: records }), {
		itemKey: (record) => String(record.id ?? record['@odata.etag'] ?? JSON.stringify(record)),
	});
}

/** Records of a collection: all of them, or up to `limit` (sent as `$top`, so no extra rows are read). */
export async function businessCentralList(ctx: RequestContext, options: ListOptions): Promise<IDataObject[]> {
	const { path, query, returnAll, limit, itemIndex } = options;
	const max = returnAll ? undefined : Math.max(1, limit ?? 50);
	const pageSize = options.pageSize ?? (max !== undefined ? Math.min(max, DEFAULT_PAGE_SIZE) : DEFAULT_PAGE_SIZE);
	const pages = businessCentralPages(ctx, { path, query, pageSize, top: max, itemIndex });
	return await collect(pages, { returnAll, limit: max });
}
