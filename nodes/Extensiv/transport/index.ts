import { NodeOperationError } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { extensivBaseUrl } from '../../../credentials/ExtensivApi.credentials';
import { collect, nextLinkPaginator, paginate } from '../../common/pagination';
import type { PageRequest } from '../../common/pagination';
import { getRateLimiter, sendRequest } from '../../common/transport';
import type { RateLimiter, RawResponse, RequestContext } from '../../common/transport';
import { extensivErrorMapper } from './errorMapper';

export { extensivErrorMapper } from './errorMapper';

export const CREDENTIAL_TYPE = 'extensivApi';
export const HAL_JSON = 'application/hal+json';
/** The largest `pgsiz` the list resources accept (more is an error, not a cap). */
export const MAX_PAGE_SIZE = 1000;

interface Settings {
	baseUrl: string;
	limiter: RateLimiter;
}

const settingsCache = new WeakMap<object, Settings>();

async function settings(ctx: RequestContext): Promise<Settings> {
	const cached = settingsCache.get(ctx);
	if (cached) return cached;
	const credentials = await ctx.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE);
	const baseUrl = extensivBaseUrl(credentials);
	// No published rate limit: keep a few requests in flight per client and WMS user.
	const key = `extensiv|${baseUrl}|${String(credentials.clientId ?? '')}|${String(credentials.userLogin ?? '')}`;
	const value = { baseUrl, limiter: getRateLimiter(key, { maxConcurrent: 4 }) };
	settingsCache.set(ctx, value);
	return value;
}

export interface ExtensivRequest {
	method?: IHttpRequestMethods;
	/** Path below the API host, e.g. "/orders/12". */
	path?: string;
	/** An absolute or root-relative link from a response (HAL `next`); only followed on the configured host. */
	url?: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	headers?: IDataObject;
	itemIndex?: number;
	acceptStatus?: number[];
	idempotent?: boolean;
}

function resolveUrl(ctx: RequestContext, baseUrl: string, request: ExtensivRequest): string {
	const base = new URL(`${baseUrl}/`);
	if (request.url) {
		const url = new URL(request.url, base);
		// A link is followed only on the credential's host: the token must never go elsewhere.
		if (url.origin !== base.origin) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Extensiv sent a link to another host (${url.origin}); stopped without following it`,
				{ itemIndex: request.itemIndex },
			);
		}
		return url.toString();
	}
	const path = request.path ?? '';
	if (/^[a-z]+:\/\//i.test(path) || path.split('/').includes('..')) {
		throw new NodeOperationError(ctx.getNode(), `The path "${path}" must be relative to the Extensiv API host`, {
			itemIndex: request.itemIndex,
		});
	}
	return `${baseUrl}/${path.replace(/^\/+/, '')}`;
}

/**
 * The one request function of Extensiv: Bearer token from the credential (renewed on a 401),
 * HAL+JSON, the per-credential limiter, bounded retries and the Extensiv error mapper.
 */
export async function extensivRequest<T = unknown>(ctx: RequestContext, request: ExtensivRequest): Promise<RawResponse<T>> {
	const { baseUrl, limiter } = await settings(ctx);
	return await sendRequest<T>(ctx, {
		credentialType: CREDENTIAL_TYPE,
		errorMapper: extensivErrorMapper,
		limiter,
		itemIndex: request.itemIndex,
		acceptStatus: request.acceptStatus,
		idempotent: request.idempotent,
		renewOn401: true,
		request: {
			method: request.method ?? 'GET',
			url: resolveUrl(ctx, baseUrl, request),
			qs: request.url ? undefined : request.qs,
			body: request.body,
			json: true,
			headers: {
				Accept: HAL_JSON,
				...(request.body !== undefined ? { 'Content-Type': `${HAL_JSON}; charset=utf-8` } : {}),
				...request.headers,
			},
			sendCredentialsOnCrossOriginRedirect: false,
		},
	});
}

export async function extensivApi<T = IDataObject>(ctx: RequestContext, request: ExtensivRequest): Promise<T> {
	return (await extensivRequest<T>(ctx, request)).body;
}

/** The records of a list page: the array under `_embedded` (keyed `item` or by a rel URI), or `ResourceList`/`summaries`. */
export function pageRecords(body: unknown): IDataObject[] {
	if (Array.isArray(body)) return body as IDataObject[];
	if (typeof body !== 'object' || body === null) return [];
	const object = body as IDataObject;
	const embedded = object._embedded as IDataObject | undefined;
	if (embedded && typeof embedded === 'object') {
		const list = Object.values(embedded).find(Array.isArray);
		if (list) return list as IDataObject[];
	}
	for (const key of ['ResourceList', 'resourceList', 'summaries', 'Summaries']) {
		if (Array.isArray(object[key])) return object[key] as IDataObject[];
	}
	return [];
}

export function totalResults(body: unknown): number | undefined {
	const object = (body ?? {}) as IDataObject;
	const value = object.totalResults ?? object.TotalResults;
	return typeof value === 'number' ? value : undefined;
}

/** HAL `_links.next.href`. */
export function halNext(body: unknown): string | undefined {
	const links = ((body ?? {}) as IDataObject)._links as IDataObject | undefined;
	const next = links?.next as IDataObject | undefined;
	return typeof next?.href === 'string' && next.href ? next.href : undefined;
}

/** A record's id: `readOnly.orderId`, `readOnly.receiverId`, `itemId`… */
export function recordKey(record: IDataObject): string {
	const readOnly = (record.readOnly ?? {}) as IDataObject;
	for (const key of ['orderId', 'receiverId', 'itemId', 'customerId']) {
		const value = readOnly[key] ?? record[key];
		if (value !== undefined && value !== null) return `${key}:${String(value)}`;
	}
	const item = record.itemIdentifier as IDataObject | undefined;
	if (item?.id !== undefined) return `item:${String(item.id)}@${String(record.facilityId ?? '')}`;
	return JSON.stringify(record);
}

export interface ListOptions {
	path: string;
	qs?: IDataObject;
	returnAll: boolean;
	limit?: number;
	pageSize?: number;
	itemIndex?: number;
}

/**
 * Pages of a list: `pgsiz`/`pgnum` on the first request, then the HAL `next` link (only on the
 * configured host); stops when there is no next link or `totalResults` is reached.
 */
export function extensivPages(ctx: RequestContext, options: Omit<ListOptions, 'returnAll' | 'limit'>): AsyncGenerator<IDataObject[]> {
	const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, options.pageSize ?? 100));
	const first: PageRequest = { qs: { ...options.qs, pgsiz: pageSize, pgnum: 1 } };
	let seen = 0;
	const fetchPage = async (page: PageRequest) =>
		await extensivRequest(ctx, { path: options.path, url: page.url, qs: page.qs, itemIndex: options.itemIndex });
	return paginate(
		fetchPage,
		nextLinkPaginator({
			first,
			items: (response) => pageRecords(response.body),
			nextUrl: (response) => {
				const records = pageRecords(response.body);
				seen += records.length;
				const total = totalResults(response.body);
				if (records.length === 0 || (total !== undefined && seen >= total)) return undefined;
				return halNext(response.body);
			},
		}),
		{ itemKey: recordKey },
	);
}

export async function extensivList(ctx: RequestContext, options: ListOptions): Promise<IDataObject[]> {
	const max = options.returnAll ? Number.POSITIVE_INFINITY : Math.max(1, options.limit ?? 50);
	const pageSize = options.pageSize ?? (options.returnAll ? MAX_PAGE_SIZE : Math.min(MAX_PAGE_SIZE, max));
	return await collect(extensivPages(ctx, { ...options, pageSize }), { returnAll: options.returnAll, limit: max });
}
