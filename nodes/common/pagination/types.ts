import type { IDataObject } from 'n8n-workflow';

import type { RawResponse } from '../transport/types';

/** What changes from one page request to the next; merged over the operation's base request. */
export interface PageRequest {
	/** A full URL (next links); replaces the base URL and its query string. */
	url?: string;
	qs?: IDataObject;
	headers?: IDataObject;
	body?: IDataObject;
}

/** A pagination strategy: where the first page is, how to read a page, and where the next one is. */
export interface Paginator {
	first(): PageRequest;
	items(response: RawResponse): IDataObject[];
	/** The next page's request, or undefined after the last page. */
	next(response: RawResponse, items: IDataObject[], current: PageRequest): PageRequest | undefined;
}

export type FetchPage = (request: PageRequest) => Promise<RawResponse>;

export class PaginationLoopError extends Error {
	constructor(readonly pageNumber: number) {
		super(`The service returned a page it had already returned (page ${pageNumber}); stopped to avoid an endless loop.`);
		this.name = 'PaginationLoopError';
	}
}
