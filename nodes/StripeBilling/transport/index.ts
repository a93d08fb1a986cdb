import { createHash } from 'node:crypto';
import { NodeOperationError } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { collect, cursorPaginator, paginate } from '../../common/pagination';
import type { PageRequest } from '../../common/pagination';
import { getRateLimiter, sendRequest } from '../../common/transport';
import type { RateLimiter, RawResponse, RequestContext } from '../../common/transport';
import { encodeForm, flatQuery } from './form';
import { stripeErrorMapper } from './errorMapper';

export { stripeErrorMapper } from './errorMapper';
export { deriveIdempotencyKey } from './idempotency';
export { encodeForm, flattenParams } from './form';

export const CREDENTIAL_TYPE = 'stripeBillingApi';
export const DEFAULT_BASE_URL = 'https://api.stripe.com';
/** Stripe's page size limit. */
export const MAX_PAGE_SIZE = 100;

export interface StripeSettings {
	/** `https://api.stripe.com` or the sandbox, without a trailing slash or /v1. */
	baseUrl: string;
	limiter: RateLimiter;
}

function positive(value: unknown, fallback: number): number {
	const n = Number(value);
	return Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback;
}

export function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	let url = String(credentials.baseUrl ?? '').trim() || DEFAULT_BASE_URL;
	if (!/^https?:\/\//i.test(url)) url = `https://${url}`;
	return url.replace(/\/+$/, '').replace(/\/v1$/i, '');
}

const settingsCache = new WeakMap<object, StripeSettings>();

/** Base URL and the process-wide limiter of the credential's Stripe account. */
export async function stripeSettings(ctx: RequestContext): Promise<StripeSettings> {
	const cached = settingsCache.get(ctx);
	if (cached) return cached;
	const credentials = await ctx.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE);
	const baseUrl = baseUrlOf(credentials);
	// Keyed by a hash of the key: the limiter map lives in memory, the key itself stays out of it.
	const account = createHash('sha256').update(String(credentials.secretKey ?? '')).digest('hex').slice(0, 16);
	const settings: StripeSettings = {
		baseUrl,
		limiter: getRateLimiter(`stripe|${baseUrl}|${account}|${String(credentials.stripeAccount ?? '')}`, {
			maxConcurrent: positive(credentials.maxConcurrent, 10),
			...(positive(credentials.requestsPerSecond, 0) > 0 ? { requests: positive(credentials.requestsPerSecond, 0), windowMs: 1000 } : {}),
		}),
	};
	settingsCache.set(ctx, settings);
	return settings;
}

export interface StripeRequest {
	method?: IHttpRequestMethods;
	/** Path under the base URL, e.g. `/v1/customers/cus_123`. */
	path: string;
	qs?: IDataObject;
	/** Sent form-encoded. */
	body?: IDataObject;
	/** Required on POST: the node never sends a write that could be applied twice. */
	idempotencyKey?: string;
	itemIndex?: number;
	acceptStatus?: number[];
}

function checkPath(ctx: RequestContext, path: string, itemIndex?: number): string {
	if (/^[a-z]+:\/\//i.test(path) || path.split('/').includes('..')) {
		throw new NodeOperationError(ctx.getNode(), `The path "${path}" must be relative to the Stripe API root (e.g. /v1/customers)`, { itemIndex });
	}
	return `/${path.replace(/^\/+/, '')}`;
}

/**
 * The one request function of Stripe Billing: the credential's Bearer key, pinned Stripe-Version
 * and optional Stripe-Account (via n8n), form-encoded bodies, an Idempotency-Key on every POST, the
 * account-wide limiter, and retries of 409/429 (lock_timeout, rate_limit) and 5xx with jittered
 * backoff. Resending a POST is safe because it carries the same key.
 */
export async function stripeRequest<T = unknown>(ctx: RequestContext, request: StripeRequest): Promise<RawResponse<T>> {
	const settings = await stripeSettings(ctx);
	const method = request.method ?? 'GET';
	if (method === 'POST' && !request.idempotencyKey) {
		throw new NodeOperationError(ctx.getNode(), 'Internal error: a Stripe POST without an Idempotency-Key', { itemIndex: request.itemIndex });
	}
	const headers: IDataObject = { Accept: 'application/json' };
	let body: string | undefined;
	if (method === 'POST') {
		headers['Idempotency-Key'] = request.idempotencyKey;
		headers['Content-Type'] = 'application/x-www-form-urlencoded';
		body = encodeForm(request.body ?? {});
	}
	return await sendRequest<T>(ctx, {
		credentialType: CREDENTIAL_TYPE,
		errorMapper: stripeErrorMapper,
		limiter: settings.limiter,
		itemIndex: request.itemIndex,
		acceptStatus: request.acceptStatus,
		idempotent: method === 'POST' ? true : undefined,
		retry: { retryOnStatus: [409, 429, 500, 502, 503, 504] },
		request: {
			method,
			url: `${settings.baseUrl}${checkPath(ctx, request.path, request.itemIndex)}`,
			qs: flatQuery(request.qs),
			body,
			json: true,
			headers,
			sendCredentialsOnCrossOriginRedirect: false,
		},
	});
}

/** Body-only shorthand of stripeRequest. */
export async function stripeApi<T = IDataObject>(ctx: RequestContext, request: StripeRequest): Promise<T> {
	const response = await stripeRequest<T | string>(ctx, request);
	return (typeof response.body === 'string' && response.body ? JSON.parse(response.body) : response.body) as T;
}

function records(response: RawResponse): IDataObject[] {
	const body = (typeof response.body === 'string' ? JSON.parse(response.body) : response.body) as IDataObject | undefined;
	return Array.isArray(body?.data) ? (body.data as IDataObject[]) : [];
}

function bodyOf(response: RawResponse): IDataObject {
	return ((typeof response.body === 'string' ? JSON.parse(response.body) : response.body) ?? {}) as IDataObject;
}

export interface ListOptions {
	path: string;
	qs?: IDataObject;
	returnAll: boolean;
	limit?: number;
	itemIndex?: number;
}

/**
 * A cursor list: pages of up to 100, the next one `starting_after` the last id while `has_more`.
 * With a limit, the page size is the limit (up to 100) and no further page is fetched once reached.
 */
export async function stripeList(ctx: RequestContext, { path, qs = {}, returnAll, limit, itemIndex }: ListOptions): Promise<IDataObject[]> {
	const max = returnAll ? Number.POSITIVE_INFINITY : Math.max(1, limit ?? 50);
	const pageSize = Math.min(MAX_PAGE_SIZE, max);
	const fetchPage = async (page: PageRequest) => await stripeRequest(ctx, { path, qs: page.qs, itemIndex });
	const pages = paginate(
		fetchPage,
		cursorPaginator({
			qs,
			pageSize,
			sizeParam: 'limit',
			cursorParam: 'starting_after',
			items: records,
			nextCursor: (response, items) => (bodyOf(response).has_more === true && items.length > 0 ? String(items[items.length - 1].id) : undefined),
		}),
		{ itemKey: (record) => String(record.id) },
	);
	return await collect(pages, { returnAll, limit: max });
}

/** A search in Stripe's query language: pages follow `next_page` tokens passed as `page`. */
export async function stripeSearch(ctx: RequestContext, { path, qs = {}, returnAll, limit, itemIndex }: ListOptions): Promise<IDataObject[]> {
	const max = returnAll ? Number.POSITIVE_INFINITY : Math.max(1, limit ?? 50);
	const fetchPage = async (page: PageRequest) => await stripeRequest(ctx, { path, qs: page.qs, itemIndex });
	const pages = paginate(
		fetchPage,
		cursorPaginator({
			qs,
			pageSize: Math.min(MAX_PAGE_SIZE, max),
			sizeParam: 'limit',
			cursorParam: 'page',
			items: records,
			nextCursor: (response) => {
				const body = bodyOf(response);
				return body.has_more === true && typeof body.next_page === 'string' ? body.next_page : undefined;
			},
		}),
		{ itemKey: (record) => String(record.id) },
	);
	return await collect(pages, { returnAll, limit: max });
}
