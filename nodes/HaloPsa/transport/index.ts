import { NodeOperationError } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { collect, itemsAt, pageNumberPaginator, paginate } from '../../common/pagination';
import { getRateLimiter, sendRequest } from '../../common/transport';
import type { RateLimiter, RawResponse, RequestContext } from '../../common/transport';
import { haloErrorMapper } from './errorMapper';

export { haloErrorMapper } from './errorMapper';

export const CREDENTIAL_TYPE = 'haloPsaOAuth2Api';
/** Halo documents 100 as the largest page of a paginated list. */
export const MAX_PAGE_SIZE = 100;

export interface HaloSettings {
	/** The resource server, e.g. `https://acme.halopsa.com/api`, no trailing slash. */
	baseUrl: string;
	limiter: RateLimiter;
}

export function resourceBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	let url = String(credentials.resourceServerUrl ?? '').trim();
	if (!/^https?:\/\//i.test(url)) url = `https://${url}`;
	return url.replace(/\/+$/, '');
}

const settingsCache = new WeakMap<object, HaloSettings>();

export async function haloSettings(ctx: RequestContext): Promise<HaloSettings> {
	const cached = settingsCache.get(ctx);
	if (cached) return cached;
	const credentials = await ctx.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE);
	const baseUrl = resourceBaseUrl(credentials);
	const maxConcurrent = Math.max(1, Math.floor(Number(credentials.maxConcurrent) || 4));
	// One limiter per Halo instance and application, shared by every execution in the process.
	const settings: HaloSettings = {
		baseUrl,
		limiter: getRateLimiter(`haloPsa|${baseUrl}|${String(credentials.clientId ?? '')}`, { maxConcurrent }),
	};
	settingsCache.set(ctx, settings);
	return settings;
}

export interface HaloRequest {
	method?: IHttpRequestMethods;
	/** Path under the resource server, e.g. "/Tickets/12". */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	itemIndex?: number;
	acceptStatus?: number[];
	/** A write that is safe to resend after a network error (an update by id). */
	idempotent?: boolean;
}

function resolvePath(ctx: RequestContext, baseUrl: string, request: HaloRequest): string {
	const path = request.path.trim();
	if (/^[a-z]+:\/\//i.test(path) || path.split(/[/?]/).includes('..')) {
		throw new NodeOperationError(ctx.getNode(), `The path "${path}" must be relative to the Halo resource server`, {
			itemIndex: request.itemIndex,
		});
	}
	return `${baseUrl}/${path.replace(/^\/+/, '')}`;
}

/**
 * The one request function of HaloPSA: n8n's OAuth2 client-credentials token (renewed on a 401),
 * the resource server URL, the instance-wide limiter, bounded retries and the Halo error mapper.
 */
export async function haloRequest<T = unknown>(ctx: RequestContext, request: HaloRequest): Promise<RawResponse<T>> {
	const settings = await haloSettings(ctx);
	return await sendRequest<T>(ctx, {
		credentialType: CREDENTIAL_TYPE,
		errorMapper: haloErrorMapper,
		limiter: settings.limiter,
		itemIndex: request.itemIndex,
		acceptStatus: request.acceptStatus,
		idempotent: request.idempotent,
		renewOn401: true,
		request: {
			method: request.method ?? 'GET',
			url: resolvePath(ctx, settings.baseUrl, request),
			qs: request.qs,
			body: request.body,
			json: true,
			headers: { Accept: 'application/json', ...(request.body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
			sendCredentialsOnCrossOriginRedirect: false,
		},
	});
}

export async function haloApi<T = IDataObject>(ctx: RequestContext, request: HaloRequest): Promise<T> {
	return (await haloRequest<T>(ctx, request)).body;
}

export interface ListOptions {
	path: string;
	/** The array's name in the list response (`clients`, `tickets`, ...). */
	listKey: string;
	qs?: IDataObject;
	returnAll: boolean;
	limit?: number;
	pageSize?: number;
	itemIndex?: number;
}

/**
 * Pages of a Halo list: `pageinate=true&page_size&page_no`, until a short page or `record_count`
 * is reached. Records already seen on an earlier page (shifted by concurrent inserts) are dropped.
 */
export async function* haloPages(ctx: RequestContext, options: Omit<ListOptions, 'returnAll' | 'limit'>): AsyncGenerator<IDataObject[]> {
	const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, options.pageSize ?? MAX_PAGE_SIZE));
	const items = itemsAt(options.listKey);
	const paginator = pageNumberPaginator({
		pageSize,
		pageParam: 'page_no',
		sizeParam: 'page_size',
		qs: { ...options.qs, pageinate: true },
		items,
		hasMore: (response, pageItems) => {
			const body = response.body as IDataObject;
			const total = Number(body?.record_count);
			const page = Number(body?.page_no);
			if (Number.isFinite(total) && Number.isFinite(page) && page * pageSize >= total) return false;
			return pageItems.length >= pageSize;
		},
	});
	const fetchPage = async (page: { qs?: IDataObject }) => await haloRequest(ctx, { path: options.path, qs: page.qs, itemIndex: options.itemIndex });
	const seen = new Set<string>();
	for await (const page of paginate(fetchPage, paginator, { itemKey: (r) => String(r.id ?? JSON.stringify(r)) })) {
		yield page.filter((record) => {
			if (record.id === undefined) return true;
			const key = String(record.id);
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		});
	}
}

export async function haloList(ctx: RequestContext, options: ListOptions): Promise<IDataObject[]> {
	const max = options.returnAll ? Number.POSITIVE_INFINITY : Math.max(1, options.limit ?? 50);
	const pageSize = options.pageSize ?? (options.returnAll ? MAX_PAGE_SIZE : Math.min(MAX_PAGE_SIZE, max));
	return await collect(haloPages(ctx, { ...options, pageSize }), { returnAll: options.returnAll, limit: max });
}
