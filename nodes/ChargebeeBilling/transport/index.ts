import { NodeOperationError } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { chargebeeBaseUrl } from '../../../credentials/ChargebeeBillingApi.credentials';
import { collect, cursorPaginator, paginate } from '../../common/pagination';
import { getRateLimiter, sendRequest } from '../../common/transport';
import type { RateLimiter, RawResponse, RequestContext } from '../../common/transport';
import { chargebeeErrorMapper } from './errorMapper';
import { chargebeeForm } from './form';

export { chargebeeErrorMapper } from './errorMapper';
export { chargebeeForm } from './form';

export const CREDENTIAL_TYPE = 'chargebeeBillingApi';
/** Chargebee's largest `limit`. */
export const MAX_PAGE_SIZE = 100;

interface Settings {
	baseUrl: string;
	limiter: RateLimiter;
}

const settingsCache = new WeakMap<object, Settings>();

async function settings(ctx: RequestContext): Promise<Settings> {
	const cached = settingsCache.get(ctx);
	if (cached) return cached;
	const credentials = await ctx.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE);
	const baseUrl = chargebeeBaseUrl(credentials);
	// Chargebee also limits concurrent requests per site; a few in flight per site and key is safe.
	const value = { baseUrl, limiter: getRateLimiter(`chargebee|${baseUrl}`, { maxConcurrent: 4 }) };
	settingsCache.set(ctx, value);
	return value;
}

export interface ChargebeeRequest {
	method?: IHttpRequestMethods;
	/** Path under /api/v2, e.g. "/customers/cust_1". */
	path: string;
	qs?: IDataObject;
	/** Sent form-encoded with Chargebee's bracket notation. */
	body?: IDataObject;
	/** Sent as `chargebee-idempotency-key`; makes a POST safe to resend. */
	idempotencyKey?: string;
	itemIndex?: number;
	acceptStatus?: number[];
}

/**
 * The one request function of Chargebee Billing: Basic auth with the API key (via n8n), the site's
 * base URL, form-encoded bodies, idempotency keys, the site limiter, retries (429 and 5xx, Retry-After
 * when sent) and the Chargebee error mapper.
 */
export async function chargebeeRequest<T = IDataObject>(ctx: RequestContext, request: ChargebeeRequest): Promise<RawResponse<T>> {
	const { baseUrl, limiter } = await settings(ctx);
	const path = request.path;
	if (/^[a-z]+:\/\//i.test(path) || path.split('/').includes('..')) {
		throw new NodeOperationError(ctx.getNode(), `The path "${path}" must be relative to the Chargebee API root`, { itemIndex: request.itemIndex });
	}
	const method = request.method ?? (request.body ? 'POST' : 'GET');
	return await sendRequest<T>(ctx, {
		credentialType: CREDENTIAL_TYPE,
		errorMapper: chargebeeErrorMapper,
		limiter,
		itemIndex: request.itemIndex,
		acceptStatus: request.acceptStatus,
		// With an idempotency key Chargebee answers a resend with the first result instead of acting twice.
		idempotent: request.idempotencyKey ? true : undefined,
		request: {
			method,
			url: `${baseUrl}/${path.replace(/^\/+/, '')}`,
			qs: request.qs,
			json: true,
			...(request.body ? { body: chargebeeForm(request.body) } : {}),
			headers: {
				Accept: 'application/json',
				...(request.body ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
				...(request.idempotencyKey ? { 'chargebee-idempotency-key': request.idempotencyKey } : {}),
			},
			sendCredentialsOnCrossOriginRedirect: false,
		},
	});
}

export async function chargebeeApi<T = IDataObject>(ctx: RequestContext, request: ChargebeeRequest): Promise<T> {
	return (await chargebeeRequest<T>(ctx, request)).body;
}

export interface ListOptions {
	path: string;
	/** The key that wraps each record in `list` entries, e.g. "customer". */
	key: string;
	qs?: IDataObject;
	returnAll: boolean;
	limit?: number;
	itemIndex?: number;
}

/** Records of a list: `limit` (≤ 100) per page, `offset` = the previous `next_offset`, until it is absent. */
export async function chargebeeList(ctx: RequestContext, options: ListOptions): Promise<IDataObject[]> {
	const max = options.returnAll ? Number.POSITIVE_INFINITY : Math.max(1, options.limit ?? 50);
	const pageSize = Math.min(MAX_PAGE_SIZE, max);
	const pages = paginate(
		async (page) => await chargebeeRequest(ctx, { path: options.path, qs: page.qs, itemIndex: options.itemIndex }),
		cursorPaginator({
			qs: options.qs,
			pageSize,
			sizeParam: 'limit',
			cursorParam: 'offset',
			items: (response) => {
				const list = (response.body as IDataObject | undefined)?.list;
				return Array.isArray(list) ? (list as IDataObject[]).map((entry) => (entry[options.key] ?? entry) as IDataObject) : [];
			},
			nextCursor: (response) => ((response.body as IDataObject | undefined)?.next_offset as string | undefined) ?? undefined,
		}),
		{ itemKey: (record) => String(record.id ?? JSON.stringify(record)) },
	);
	return await collect(pages, { returnAll: options.returnAll, limit: max });
}
