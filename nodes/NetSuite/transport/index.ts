import { NodeOperationError, sleep } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { percentEncode } from '../../common/auth/oauth1';
import { backoffMs, DEFAULT_RETRY_POLICY, getRateLimiter, sendRequest } from '../../common/transport';
import type { RateLimiter, RawResponse, RequestContext } from '../../common/transport';
import { CONCURRENCY_CODES, netSuiteErrorMapper } from './errorMapper';
import { accountRealm, restBaseUrl, restletBaseUrl } from './urls';

export { netSuiteErrorMapper, netSuiteErrorCode, CONCURRENCY_CODES } from './errorMapper';

export const TBA_CREDENTIAL = 'netSuiteTbaApi';
export const M2M_CREDENTIAL = 'netSuiteM2mApi';
export const REST_ROOT = '/services/rest';
/** NetSuite's maximum page size for record collections and SuiteQL. */
export const MAX_PAGE_SIZE = 1000;
/** Without SuiteAnalytics Connect, paging stops at 100,000 rows (offsets must stay below it). */
export const OFFSET_CAP = 100_000;

export interface NetSuiteSettings {
	credentialType: string;
	/** Origin (and path prefix) of REST web services, no trailing slash. */
	restBase: string;
	restletBase: string;
	maxConcurrent: number;
	limiter: RateLimiter;
}

/**
 * The credential chosen by the node's Authentication parameter (n8n may keep the other one attached
 * after a switch). n8n leaves a parameter at its default out of the saved node, so a missing value is
 * token-based auth unless only an M2M credential is attached.
 */
export function credentialTypeOf(ctx: RequestContext): string {
	const node = ctx.getNode();
	const chosen = node.parameters?.authentication;
	if (chosen === 'm2m') return M2M_CREDENTIAL;
	if (chosen === 'tba') return TBA_CREDENTIAL;
	const credentials = node.credentials ?? {};
	return credentials[M2M_CREDENTIAL] && !credentials[TBA_CREDENTIAL] ? M2M_CREDENTIAL : TBA_CREDENTIAL;
}

const settingsCache = new WeakMap<object, NetSuiteSettings>();

export async function netSuiteSettings(ctx: RequestContext): Promise<NetSuiteSettings> {
	const cached = settingsCache.get(ctx);
	if (cached) return cached;
	const credentialType = credentialTypeOf(ctx);
	const credentials = await ctx.getCredentials<ICredentialDataDecryptedObject>(credentialType);
	const restBase = restBaseUrl(credentials);
	const n = Number(credentials.maxConcurrent);
	const maxConcurrent = Number.isFinite(n) && n >= 1 ? Math.floor(n) : 5;
	// Concurrency is governed per account: every execution and both credential kinds share one limiter.
	const key = `netsuite|${accountRealm(String(credentials.accountId ?? ''))}|${restBase}`;
	const settings: NetSuiteSettings = {
		credentialType,
		restBase,
		restletBase: restletBaseUrl(credentials),
		maxConcurrent,
		limiter: getRateLimiter(key, { maxConcurrent }),
	};
	settingsCache.set(ctx, settings);
	return settings;
}

/**
 * Query strings are encoded here, RFC 3986 style, and sent as part of the URL: the OAuth 1.0a
 * signature covers the query exactly as it goes on the wire.
 */
export function withQuery(url: string, qs?: IDataObject): string {
	const parts: string[] = [];
	for (const [name, value] of Object.entries(qs ?? {})) {
		if (value === undefined || value === null || value === '') continue;
		const values = Array.isArray(value) ? value : [value];
		for (const v of values) parts.push(`${percentEncode(name)}=${percentEncode(String(v))}`);
	}
	if (parts.length === 0) return url;
	return `${url}${url.includes('?') ? '&' : '?'}${parts.join('&')}`;
}

export interface NetSuiteRequest {
	method?: IHttpRequestMethods;
	/** Path under /services/rest, e.g. "/record/v1/customer/12". */
	path?: string;
	/** An absolute URL on the account's own host (a `links` href, a Location header). */
	url?: string;
	/** Call a RESTlet on the RESTlet host: `/app/site/hosting/restlet.nl`. */
	restlet?: boolean;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[] | string;
	headers?: IDataObject;
	itemIndex?: number;
	idempotent?: boolean;
	acceptStatus?: number[];
}

function resolveUrl(ctx: RequestContext, settings: NetSuiteSettings, request: NetSuiteRequest): string {
	if (request.url) {
		const url = new URL(request.url);
		const allowed = [new URL(settings.restBase), new URL(settings.restletBase)];
		// A link from a response must stay on the account's hosts: the signature must not go elsewhere.
		if (!allowed.some((base) => base.origin === url.origin && url.pathname.startsWith(base.pathname.replace(/\/$/, '')))) {
			throw new NodeOperationError(ctx.getNode(), `NetSuite sent a link outside the account (${url.origin}); stopped without following it`, {
				itemIndex: request.itemIndex,
			});
		}
		return url.toString();
	}
	const path = request.path ?? '';
	if (/^[a-z]+:\/\//i.test(path) || path.split('/').includes('..')) {
		throw new NodeOperationError(ctx.getNode(), `The path "${path}" must be relative to ${request.restlet ? 'the RESTlet host' : '/services/rest'}`, {
			itemIndex: request.itemIndex,
		});
	}
	if (request.restlet) return `${settings.restletBase}/app/site/hosting/restlet.nl`;
	return `${settings.restBase}${REST_ROOT}/${path.replace(/^\/+/, '')}`;
}

/**
 * The one request function of NetSuite: the credential's signing or bearer token (via n8n), the
 * account-wide concurrency limiter, bounded retries with backoff on 429 / concurrency errors, and
 * the RFC 7807 error mapper.
 */
export async function netSuiteRequest<T = unknown>(ctx: RequestContext, request: NetSuiteRequest): Promise<RawResponse<T>> {
	// RESTlets report an exceeded concurrency limit as a 400 with SSS_REQUEST_LIMIT_EXCEEDED; the
	// request was not processed, so it is resent after a backoff like a 429.
	for (let attempt = 1; ; attempt++) {
		try {
			return await sendOnce<T>(ctx, request);
		} catch (error) {
			const context = (error as { context?: { vendorCode?: string } }).context;
			// Already a NodeApiError built by sendRequest: passed on unchanged.
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
			if (attempt >= CONCURRENCY_ATTEMPTS || (error as { httpCode?: string }).httpCode !== '400' || !context?.vendorCode || !CONCURRENCY_CODES.has(context.vendorCode)) throw error;
			await sleep(backoffMs(attempt, DEFAULT_RETRY_POLICY));
		}
	}
}

const CONCURRENCY_ATTEMPTS = 4;

async function sendOnce<T>(ctx: RequestContext, request: NetSuiteRequest): Promise<RawResponse<T>> {
	const settings = await netSuiteSettings(ctx);
	const method = request.method ?? 'GET';
	const hasBody = request.body !== undefined;
	return await sendRequest<T>(ctx, {
		credentialType: settings.credentialType,
		errorMapper: netSuiteErrorMapper,
		limiter: settings.limiter,
		itemIndex: request.itemIndex,
		acceptStatus: request.acceptStatus,
		idempotent: request.idempotent,
		renewOn401: settings.credentialType === M2M_CREDENTIAL,
		request: {
			method,
			url: withQuery(resolveUrl(ctx, settings, request), request.qs),
			body: request.body,
			json: true,
			headers: {
				Accept: 'application/json',
				...(hasBody ? { 'Content-Type': 'application/json' } : {}),
				...request.headers,
			},
			sendCredentialsOnCrossOriginRedirect: false,
		},
	});
}

export async function netSuiteApi<T = IDataObject>(ctx: RequestContext, request: NetSuiteRequest): Promise<T> {
	return (await netSuiteRequest<T>(ctx, request)).body;
}

/** The internal id at the end of a `Location` header of a 204 create/upsert/transform. */
export function idFromLocation(location: string | undefined): string | undefined {
	if (!location) return undefined;
	const match = /\/([^/?#]+)\/?(?:[?#].*)?$/.exec(location.trim());
	return match ? decodeURIComponent(match[1]) : undefined;
}
