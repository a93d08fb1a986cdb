import type { IDataObject } from 'n8n-workflow';

import type { RawResponse } from '../transport/types';
import type { PageRequest, Paginator } from './types';

/** Records of a page: the body itself when it is an array, else the array at `path` (dot-separated). */
export function itemsAt(path?: string): (response: RawResponse) => IDataObject[] {
	return (response) => {
		let value: unknown = response.body;
		if (path) for (const part of path.split('.')) value = (value as IDataObject | undefined)?.[part];
		return Array.isArray(value) ? (value as IDataObject[]) : [];
	};
}

interface Common {
	items?: (response: RawResponse) => IDataObject[];
	/** Extra query parameters sent with every page (filters, ordering). */
	qs?: IDataObject;
}

/** `?page=N&pageSize=S`; a short page (or `hasMore` false) ends it. */
export function pageNumberPaginator(
	options: Common & {
		pageSize: number;
		pageParam?: string;
		sizeParam?: string;
		firstPage?: number;
		hasMore?: (response: RawResponse, items: IDataObject[]) => boolean;
	},
): Paginator {
	const { pageSize, pageParam = 'page', sizeParam = 'pageSize', firstPage = 1 } = options;
	return {
		first: () => ({ qs: { ...options.qs, [pageParam]: firstPage, [sizeParam]: pageSize } }),
		items: options.items ?? itemsAt(),
		next: (response, items, current) => {
			const more = options.hasMore ? options.hasMore(response, items) : items.length >= pageSize;
			if (!more || items.length === 0) return undefined;
			return { qs: { ...current.qs, [pageParam]: Number(current.qs?.[pageParam]) + 1 } };
		},
	};
}

/** `?offset=N&limit=S`; ends on a short page, or when `total` is reached or `hasMore` says so. */
export function offsetPaginator(
	options: Common & {
		pageSize: number;
		offsetParam?: string;
		limitParam?: string;
		start?: number;
		total?: (response: RawResponse) => number | undefined;
		hasMore?: (response: RawResponse, items: IDataObject[]) => boolean;
	},
): Paginator {
	const { pageSize, offsetParam = 'offset', limitParam = 'limit', start = 0 } = options;
	return {
		first: () => ({ qs: { ...options.qs, [offsetParam]: start, [limitParam]: pageSize } }),
		items: options.items ?? itemsAt(),
		next: (response, items, current) => {
			if (items.length === 0) return undefined;
			const nextOffset = Number(current.qs?.[offsetParam]) + items.length;
			const total = options.total?.(response);
			if (total !== undefined && nextOffset >= total) return undefined;
			const more = options.hasMore ? options.hasMore(response, items) : items.length >= pageSize;
			if (!more) return undefined;
			return { qs: { ...current.qs, [offsetParam]: nextOffset } };
		},
	};
}

/** An opaque cursor read from each response and sent back as `cursorParam`. */
export function cursorPaginator(
	options: Common & {
		cursorParam: string;
		nextCursor: (response: RawResponse, items: IDataObject[]) => string | undefined | null;
		pageSize?: number;
		sizeParam?: string;
	},
): Paginator {
	const sizeQs: IDataObject = options.pageSize && options.sizeParam ? { [options.sizeParam]: options.pageSize } : {};
	return {
		first: () => ({ qs: { ...options.qs, ...sizeQs } }),
		items: options.items ?? itemsAt(),
		next: (response, items, current) => {
			const cursor = options.nextCursor(response, items);
			if (cursor === undefined || cursor === null || cursor === '') return undefined;
			return { qs: { ...current.qs, [options.cursorParam]: cursor } };
		},
	};
}

/** Follows a next URL given by the service (Link header, `@odata.nextLink`, HAL `_links.next`). */
export function nextLinkPaginator(
	options: Common & { first?: PageRequest; nextUrl: (response: RawResponse) => string | undefined },
): Paginator {
	return {
		first: () => options.first ?? { qs: { ...options.qs } },
		items: options.items ?? itemsAt(),
		next: (response) => {
			const url = options.nextUrl(response);
			return url ? { url } : undefined;
		},
	};
}

/** A Relay-style GraphQL connection: `first`/`after` variables, `pageInfo { hasNextPage endCursor }`. */
export function graphqlConnectionPaginator(options: {
	query: string;
	variables?: IDataObject;
	/** Dot path of the connection in the response body, e.g. "data.orders.data". */
	connectionPath: string;
	pageSize: number;
	firstVar?: string;
	afterVar?: string;
}): Paginator {
	const { firstVar = 'first', afterVar = 'after' } = options;
	const connection = (response: RawResponse): IDataObject => {
		let value: unknown = response.body;
		for (const part of options.connectionPath.split('.')) value = (value as IDataObject | undefined)?.[part];
		return (value as IDataObject) ?? {};
	};
	return {
		first: () => ({
			body: { query: options.query, variables: { ...options.variables, [firstVar]: options.pageSize } },
		}),
		items: (response) => {
			const conn = connection(response);
			if (Array.isArray(conn.edges)) return (conn.edges as IDataObject[]).map((edge) => edge.node as IDataObject);
			return Array.isArray(conn.nodes) ? (conn.nodes as IDataObject[]) : [];
		},
		next: (response, _items, current) => {
			const pageInfo = (connection(response).pageInfo ?? {}) as IDataObject;
			if (!pageInfo.hasNextPage || !pageInfo.endCursor) return undefined;
			const body = current.body as IDataObject;
			return { body: { ...body, variables: { ...(body.variables as IDataObject), [afterVar]: pageInfo.endCursor } } };
		},
	};
}

// One `; name=value` link parameter; the value is a token or a quoted string that may hold , and ;.
const LINK_PARAM = String.raw`\s*;\s*([^\s;,=]+)\s*(?:=\s*("(?:[^"\\]|\\.)*"|[^\s;,]*))?`;
const LINK = new RegExp(String.raw`<([^>]*)>((?:${LINK_PARAM})*)`, 'g');

/** RFC 8288 `Link` header → `{ rel: url }`. */
export function parseLinkHeader(header: string | undefined): Record<string, string> {
	const links: Record<string, string> = {};
	if (!header) return links;
	for (const link of header.matchAll(LINK)) {
		for (const param of link[2].matchAll(new RegExp(LINK_PARAM, 'g'))) {
			if (param[1].toLowerCase() !== 'rel' || param[2] === undefined) continue;
			const rel = param[2].replace(/^"(.*)"$/s, '$1');
			for (const name of rel.trim().split(/\s+/)) if (!(name.toLowerCase() in links)) links[name.toLowerCase()] = link[1];
		}
	}
	return links;
}

export const linkHeaderNext = (response: RawResponse): string | undefined => parseLinkHeader(response.headers.link).next;

export const odataNextLink = (response: RawResponse): string | undefined =>
	((response.body as IDataObject | undefined)?.['@odata.nextLink'] as string | undefined) ?? undefined;
