import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import {
	PaginationLoopError,
	collect,
	cursorPaginator,
	fetchPagesConcurrently,
	graphqlConnectionPaginator,
	itemsAt,
	linkHeaderNext,
	nextLinkPaginator,
	odataNextLink,
	offsetPaginator,
	pageNumberPaginator,
	paginate,
	parseLinkHeader,
} from '../../nodes/common/pagination';
import type { FetchPage, PageRequest, Paginator } from '../../nodes/common/pagination';
import { sendRequest } from '../../nodes/common/transport';
import type { RawResponse } from '../../nodes/common/transport';
import { createExecuteContext, useNock } from '../helpers/fakeContext';
import { TestApiKey, testMapper } from './testSupport';

useNock();

const TOTAL = 1_234;
const RECORDS: IDataObject[] = Array.from({ length: TOTAL }, (_, i) => ({ id: i + 1, name: `record ${i + 1}` }));
const SIZES = [1, 7, 100, 617, 1_233, 1_234, 1_235, 5_000];
const ORIGIN = 'https://paged.test';

const response = (body: unknown, headers: Record<string, string> = {}): RawResponse => ({ statusCode: 200, headers, body });
const slice = (start: number, size: number) => RECORDS.slice(start, start + size);
const encode = (n: number) => Buffer.from(`after:${n}`).toString('base64');
const decode = (cursor: unknown) => (cursor ? Number(Buffer.from(String(cursor), 'base64').toString().split(':')[1]) : 0);

/** One fake API per strategy, each speaking its own paging dialect over the same records. */
const apis: Record<string, (size: number) => { paginator: Paginator; fetch: FetchPage }> = {
	pageNumber: (size) => ({
		paginator: pageNumberPaginator({ pageSize: size, qs: { orderBy: 'id' } }),
		fetch: async ({ qs }) => response(slice((Number(qs?.page) - 1) * Number(qs?.pageSize), Number(qs?.pageSize))),
	}),
	pageNumberFromZero: (size) => ({
		paginator: pageNumberPaginator({ pageSize: size, firstPage: 0, pageParam: 'p', sizeParam: 'n', items: itemsAt('data.rows') }),
		fetch: async ({ qs }) => response({ data: { rows: slice(Number(qs?.p) * Number(qs?.n), Number(qs?.n)) } }),
	}),
	offsetWithTotal: (size) => ({
		paginator: offsetPaginator({ pageSize: size, items: itemsAt('items'), total: (r) => (r.body as IDataObject).total as number }),
		fetch: async ({ qs }) => response({ items: slice(Number(qs?.offset), Number(qs?.limit)), total: TOTAL }),
	}),
	offset: (size) => ({
		paginator: offsetPaginator({ pageSize: size, offsetParam: 'skip', limitParam: 'take' }),
		fetch: async ({ qs }) => response(slice(Number(qs?.skip), Number(qs?.take))),
	}),
	cursor: (size) => ({
		paginator: cursorPaginator({
			cursorParam: 'cursor',
			pageSize: size,
			sizeParam: 'limit',
			items: itemsAt('data'),
			nextCursor: (r) => (r.body as IDataObject).next_cursor as string | null,
		}),
		fetch: async ({ qs }) => {
			const start = decode(qs?.cursor);
			const items = slice(start, Number(qs?.limit));
			const end = start + items.length;
			return response({ data: items, next_cursor: end < TOTAL ? encode(end) : null });
		},
	}),
	linkHeader: (size) => ({
		paginator: nextLinkPaginator({ nextUrl: linkHeaderNext, qs: { per_page: size } }),
		fetch: async ({ url, qs }) => {
			const params = url ? new URL(url).searchParams : new URLSearchParams({ page: '1', per_page: String(qs?.per_page) });
			const page = Number(params.get('page'));
			const perPage = Number(params.get('per_page'));
			const links = [`<${ORIGIN}/records?page=1&per_page=${perPage}>; rel="first"`];
			if (page * perPage < TOTAL) links.push(`<${ORIGIN}/records?page=${page + 1}&per_page=${perPage}>; rel="next"`);
			return response(slice((page - 1) * perPage, perPage), { link: links.join(', ') });
		},
	}),
	odata: (size) => ({
		paginator: nextLinkPaginator({ nextUrl: odataNextLink, items: itemsAt('value') }),
		fetch: async ({ url }) => {
			const skip = url ? Number(new URL(url).searchParams.get('$skiptoken')) : 0;
			const value = slice(skip, size);
			const next = skip + value.length < TOTAL ? { '@odata.nextLink': `${ORIGIN}/odata/records?$skiptoken=${skip + value.length}` } : {};
			return response({ '@odata.context': 'x', value, ...next });
		},
	}),
	graphqlEdges: (size) => ({
		paginator: graphqlConnectionPaginator({ query: 'query($first:Int,$after:String){...}', connectionPath: 'data.records', pageSize: size }),
		fetch: async ({ body }) => {
			const vars = (body as IDataObject).variables as IDataObject;
			const start = decode(vars.after);
			const nodes = slice(start, Number(vars.first));
			const end = start + nodes.length;
			return response({
				data: {
					records: {
						edges: nodes.map((node) => ({ node, cursor: encode(Number(node.id)) })),
						pageInfo: { hasNextPage: end < TOTAL, endCursor: nodes.length ? encode(end) : null },
					},
				},
			});
		},
	}),
	graphqlNodes: (size) => ({
		paginator: graphqlConnectionPaginator({
			query: 'q',
			connectionPath: 'data.shop.orders',
			pageSize: size,
			firstVar: 'pageSize',
			afterVar: 'cursor',
			variables: { status: 'open' },
		}),
		fetch: async ({ body }) => {
			const vars = (body as IDataObject).variables as IDataObject;
			expect(vars.status).toBe('open');
			const start = decode(vars.cursor);
			const nodes = slice(start, Number(vars.pageSize));
			const end = start + nodes.length;
			return response({ data: { shop: { orders: { nodes, pageInfo: { hasNextPage: end < TOTAL, endCursor: encode(end) } } } } });
		},
	}),
};

function counted(fetch: FetchPage) {
	const requests: PageRequest[] = [];
	return {
		requests,
		fetch: async (request: PageRequest) => {
			requests.push(request);
			return await fetch(request);
		},
	};
}

/** Strategies that learn of the end only from a short (or empty) page. */
const endsOnShortPage = new Set(['pageNumber', 'pageNumberFromZero', 'offset']);

describe.each(Object.keys(apis))('%s paginator', (strategy) => {
	it.each(SIZES)('returns every record exactly once with page size %i', async (size) => {
		const { paginator, fetch } = apis[strategy](size);
		const { requests, fetch: counting } = counted(fetch);
		const records = await collect(paginate(counting, paginator), { returnAll: true });
		expect(records.map((r) => r.id)).toEqual(RECORDS.map((r) => r.id));
		const pages = Math.ceil(TOTAL / size);
		const extra = endsOnShortPage.has(strategy) && TOTAL % size === 0 ? 1 : 0;
		expect(requests).toHaveLength(pages + extra);
	});

	it.each([
		[1, 7],
		[7, 7],
		[8, 7],
		[700, 100],
		[1_234, 617],
		[5_000, 617],
	])('with limit %i (page size %i) returns the first records and requests no page it does not need', async (limit, size) => {
		const { paginator, fetch } = apis[strategy](size);
		const { requests, fetch: counting } = counted(fetch);
		const records = await collect(paginate(counting, paginator), { returnAll: false, limit });
		expect(records.map((r) => r.id)).toEqual(RECORDS.slice(0, limit).map((r) => r.id));
		const needed = Math.ceil(Math.min(limit, TOTAL) / size);
		const extra = limit > TOTAL && endsOnShortPage.has(strategy) && TOTAL % size === 0 ? 1 : 0;
		expect(requests).toHaveLength(needed + extra);
	});
});

describe('collect', () => {
	it('requests nothing for a limit of 0 and defaults the limit to 50', async () => {
		const { paginator, fetch } = apis.pageNumber(20);
		const { requests, fetch: counting } = counted(fetch);
		expect(await collect(paginate(counting, paginator), { returnAll: false, limit: 0 })).toEqual([]);
		expect(requests).toHaveLength(0);
		expect(await collect(paginate(counting, paginator), { returnAll: false })).toHaveLength(50);
		expect(requests).toHaveLength(3);
	});
});

describe('paginate loop detection', () => {
	it('throws when the service sends the same next link again', async () => {
		const paginator = nextLinkPaginator({ nextUrl: () => `${ORIGIN}/records?page=2` });
		const pages = paginate(async () => response([{ id: Math.random() }]), paginator);
		await expect(collect(pages, { returnAll: true })).rejects.toBeInstanceOf(PaginationLoopError);
	});

	it('throws when a cursor repeats, after yielding the pages before it', async () => {
		const cursors = ['a', 'b', 'a'];
		let call = 0;
		const paginator = cursorPaginator({ cursorParam: 'c', nextCursor: () => cursors[call - 1] });
		const seen: number[] = [];
		const run = async () => {
			for await (const page of paginate(async () => response([{ id: ++call }]), paginator)) seen.push(...page.map((r) => r.id as number));
		};
		const error = await run().catch((e: unknown) => e);
		expect(error).toBeInstanceOf(PaginationLoopError);
		expect((error as PaginationLoopError).pageNumber).toBe(4);
		expect(seen).toEqual([1, 2, 3]);
	});

	it('throws when a service ignoring the page parameter returns the same records again', async () => {
		const paginator = pageNumberPaginator({ pageSize: 3 });
		let requests = 0;
		const sameEveryTime: FetchPage = async () => {
			requests++;
			return response(slice(0, 3));
		};
		await expect(collect(paginate(sameEveryTime, paginator), { returnAll: true })).rejects.toBeInstanceOf(PaginationLoopError);
		expect(requests).toBe(2);
	});

	it('compares records by itemKey when given, ignoring volatile fields', async () => {
		const paginator = pageNumberPaginator({ pageSize: 2 });
		const fetch: FetchPage = async () => response([{ id: 1, fetchedAt: Math.random() }, { id: 2, fetchedAt: Math.random() }]);
		const pages = paginate(fetch, paginator, { itemKey: (r) => String(r.id) });
		await expect(collect(pages, { returnAll: true })).rejects.toBeInstanceOf(PaginationLoopError);
	});

	it('stops quietly at maxPages', async () => {
		const { paginator, fetch } = apis.pageNumber(10);
		const { requests, fetch: counting } = counted(fetch);
		const records = await collect(paginate(counting, paginator, { maxPages: 3 }), { returnAll: true });
		expect(records).toHaveLength(30);
		expect(requests).toHaveLength(3);
	});
});

describe('parseLinkHeader', () => {
	it('reads RFC 8288 links with quoted, unquoted and multiple rel values and extra parameters', () => {
		const header =
			'<https://a.test/x?page=2&per_page=10>; rel="next", <https://a.test/x?page=9>; rel=last, ' +
			'<https://a.test/x?page=1>; title="first, page"; rel="first prev"';
		expect(parseLinkHeader(header)).toEqual({
			next: 'https://a.test/x?page=2&per_page=10',
			last: 'https://a.test/x?page=9',
			first: 'https://a.test/x?page=1',
			prev: 'https://a.test/x?page=1',
		});
		expect(parseLinkHeader(undefined)).toEqual({});
	});
});

describe('next-link paging over HTTP', () => {
	it('follows Link headers through sendRequest with every record once', async () => {
		const perPage = 100;
		nock(ORIGIN)
			.get('/records')
			.query(true)
			.times(Math.ceil(TOTAL / perPage))
			.reply(function (uri) {
				const params = new URL(uri, ORIGIN).searchParams;
				const page = Number(params.get('page') ?? 1);
				const next = page * perPage < TOTAL ? { Link: `<${ORIGIN}/records?page=${page + 1}&per_page=${perPage}>; rel="next"` } : {};
				return [200, slice((page - 1) * perPage, perPage), next];
			});
		const ctx = createExecuteContext({ credentials: { testApiKey: { apiKey: 'k-1234' } }, credentialTypes: [new TestApiKey()] });
		const fetchPage: FetchPage = async (page) =>
			await sendRequest(ctx, {
				credentialType: 'testApiKey',
				errorMapper: testMapper,
				request: page.url ? { url: page.url, json: true } : { url: `${ORIGIN}/records`, qs: page.qs, json: true },
			});
		const records = await collect(paginate(fetchPage, nextLinkPaginator({ nextUrl: linkHeaderNext, qs: { per_page: perPage } })), {
			returnAll: true,
		});
		expect(records.map((r) => r.id)).toEqual(RECORDS.map((r) => r.id));
		expect(nock.isDone()).toBe(true);
	});
});

describe('fetchPagesConcurrently', () => {
	const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

	it.each([1, 3, 8])('yields pages in order with at most %i requests in flight', async (concurrency) => {
		const size = 37;
		const totalPages = Math.ceil(TOTAL / size);
		let active = 0;
		let peak = 0;
		const fetchPage = async (page: number) => {
			active++;
			peak = Math.max(peak, active);
			await delay(Math.random() * 8);
			active--;
			return slice((page - 1) * size, size);
		};
		const records: IDataObject[] = [];
		for await (const page of fetchPagesConcurrently(totalPages, concurrency, fetchPage)) records.push(...page);
		expect(records.map((r) => r.id)).toEqual(RECORDS.map((r) => r.id));
		expect(peak).toBe(Math.min(concurrency, totalPages));
	});

	it('starts from firstPage', async () => {
		const pages: number[] = [];
		for await (const page of fetchPagesConcurrently(3, 2, async (n) => [{ n }], 0)) pages.push(page[0].n as number);
		expect(pages).toEqual([0, 1, 2]);
	});

	it('propagates a failed page after the pages before it, and starts no more than the window beyond it', async () => {
		const started: number[] = [];
		const fetchPage = async (page: number) => {
			started.push(page);
			await delay(page === 4 ? 1 : 10);
			if (page === 4) throw new Error('page 4 failed');
			return [{ page }];
		};
		const yielded: number[] = [];
		const run = async () => {
			for await (const page of fetchPagesConcurrently(20, 3, fetchPage)) yielded.push(page[0].page as number);
		};
		await expect(run()).rejects.toThrow('page 4 failed');
		expect(yielded).toEqual([1, 2, 3]);
		expect(Math.max(...started)).toBeLessThanOrEqual(4 + 3);
	});

	it('stops starting pages when the consumer stops early', async () => {
		const started: number[] = [];
		for await (const page of fetchPagesConcurrently(50, 4, async (n) => {
			started.push(n);
			return [{ n }];
		})) {
			if (page[0].n === 2) break;
		}
		await delay(5);
		expect(Math.max(...started)).toBeLessThanOrEqual(2 + 4);
	});
});
