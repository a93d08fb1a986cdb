import type { IDataObject } from 'n8n-workflow';

import { PaginationLoopError } from './types';
import type { FetchPage, PageRequest, Paginator } from './types';

export interface PaginateOptions {
	/** Hard stop, whatever the service says. */
	maxPages?: number;
	/**
	 * A record's identity: a non-empty page whose records equal the previous page's is a loop.
	 * Without it whole records are compared, which catches a service that ignores the page parameter.
	 */
	itemKey?: (item: IDataObject) => string;
}

/**
 * Yields one array of records per page. Stops when the paginator finds no next page, at
 * `maxPages`, and throws when the service sends the same page request or page content again.
 */
export async function* paginate(
	fetchPage: FetchPage,
	paginator: Paginator,
	{ maxPages = 1_000_000, itemKey }: PaginateOptions = {},
): AsyncGenerator<IDataObject[]> {
	const seen = new Set<string>();
	let previousFingerprint: string | undefined;
	let request: PageRequest | undefined = paginator.first();

	for (let page = 1; request && page <= maxPages; page++) {
		const key = JSON.stringify([request.url ?? null, request.qs ?? null, request.body ?? null]);
		if (seen.has(key)) throw new PaginationLoopError(page);
		seen.add(key);

		const response = await fetchPage(request);
		const items = paginator.items(response);
		if (items.length > 0) {
			const fingerprint = itemKey ? JSON.stringify(items.map(itemKey)) : JSON.stringify(items);
			if (fingerprint === previousFingerprint) throw new PaginationLoopError(page);
			previousFingerprint = fingerprint;
		}
		yield items;
		request = paginator.next(response, items, request);
	}
}

export interface CollectOptions {
	returnAll: boolean;
	limit?: number;
}

/** Gathers records from pages, stopping early (no further request) once `limit` is reached. */
export async function collect(pages: AsyncIterable<IDataObject[]>, { returnAll, limit }: CollectOptions): Promise<IDataObject[]> {
	const max = returnAll ? Number.POSITIVE_INFINITY : Math.max(0, limit ?? 50);
	const out: IDataObject[] = [];
	if (max === 0) return out;
	for await (const items of pages) {
		for (const item of items) {
			out.push(item);
			if (out.length >= max) return out;
		}
	}
	return out;
}

/**
 * Fetches numbered pages with up to `concurrency` requests in flight and yields them in page order,
 * holding at most `concurrency` pages in memory. For APIs that report a total up front.
 */
export async function* fetchPagesConcurrently(
	totalPages: number,
	concurrency: number,
	fetchNumberedPage: (page: number) => Promise<IDataObject[]>,
	firstPage = 1,
): AsyncGenerator<IDataObject[]> {
	const pending: Array<Promise<IDataObject[]>> = [];
	let nextToStart = firstPage;
	const last = firstPage + totalPages - 1;
	const startNext = () => {
		if (nextToStart > last) return;
		const promise = fetchNumberedPage(nextToStart++);
		// Avoid an unhandled rejection while an earlier page is still awaited; the await below rethrows.
		promise.catch(() => undefined);
		pending.push(promise);
	};
	for (let i = 0; i < Math.max(1, concurrency); i++) startNext();
	while (pending.length > 0) {
		const page = await (pending.shift() as Promise<IDataObject[]>);
		startNext();
		yield page;
	}
}
