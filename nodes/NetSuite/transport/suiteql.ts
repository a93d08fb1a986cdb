import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { fetchPagesConcurrently } from '../../common/pagination';
import type { RequestContext } from '../../common/transport';
import { compareIds } from '../../common/polling';
import { MAX_PAGE_SIZE, netSuiteRequest, netSuiteSettings, OFFSET_CAP } from './index';

interface SuiteQlPage {
	items?: IDataObject[];
	totalResults?: number;
	hasMore?: boolean;
	count?: number;
}

/* ------------------------------------------------------------------ top-level clause scanning */

interface Clauses {
	/** Index of the top-level WHERE keyword, if any. */
	where?: number;
	/** Index of the first top-level GROUP BY / HAVING / ORDER BY / FETCH after the FROM. */
	tailStart: number;
	/** The top-level ORDER BY text (without the keywords), if any. */
	orderBy?: string;
}

/** Finds top-level keywords of a SuiteQL query, skipping string literals, quoted names and parentheses. */
export function scanClauses(query: string): Clauses {
	const text = query.replace(/;\s*$/, '');
	let depth = 0;
	const found: Array<{ keyword: string; index: number }> = [];
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === "'" || c === '"') {
			const end = text.indexOf(c, i + 1);
			i = end < 0 ? text.length : end;
			continue;
		}
		if (c === '(') depth++;
		else if (c === ')') depth--;
		else if (depth === 0 && /[A-Za-z]/.test(c) && (i === 0 || !/[A-Za-z0-9_$.]/.test(text[i - 1]))) {
			const word = /^[A-Za-z_]+/.exec(text.slice(i))?.[0] ?? '';
			const upper = word.toUpperCase();
			if (upper === 'WHERE' || upper === 'HAVING' || upper === 'FETCH') found.push({ keyword: upper, index: i });
			else if ((upper === 'GROUP' || upper === 'ORDER') && /^\s+BY\b/i.test(text.slice(i + word.length))) found.push({ keyword: upper, index: i });
			i += word.length - 1;
		}
	}
	const where = found.find((f) => f.keyword === 'WHERE')?.index;
	const tail = found.filter((f) => f.keyword !== 'WHERE' && (where === undefined || f.index > where));
	const order = found.find((f) => f.keyword === 'ORDER');
	let orderBy: string | undefined;
	if (order) {
		const after = text.slice(order.index).replace(/^ORDER\s+BY\s+/i, '');
		const fetch = found.find((f) => f.keyword === 'FETCH' && f.index > order.index);
		orderBy = (fetch ? after.slice(0, fetch.index - order.index - (text.slice(order.index).length - after.length)) : after).trim();
	}
	return { where, tailStart: tail.length ? tail[0].index : text.length, orderBy };
}

/** Whether the query's ORDER BY is exactly the key, ascending: the condition for keyset continuation. */
export function orderedByKey(query: string, key: string): boolean {
	const { orderBy } = scanClauses(query);
	if (!orderBy) return false;
	const normalized = orderBy.replace(/\s+/g, ' ').trim().toLowerCase();
	const k = key.trim().toLowerCase();
	return normalized === k || normalized === `${k} asc`;
}

function literal(value: unknown): string {
	const text = String(value);
	return /^-?\d+(\.\d+)?$/.test(text) ? text : `'${text.replace(/'/g, "''")}'`;
}

/** The query restricted to rows after `lastKey`: `WHERE (…) AND key > lastKey`, before GROUP BY/ORDER BY. */
export function withKeyAfter(query: string, key: string, lastKey: unknown): string {
	const text = query.trim().replace(/;\s*$/, '');
	const { where, tailStart } = scanClauses(text);
	const condition = `${key} > ${literal(lastKey)}`;
	const head = text.slice(0, tailStart).trimEnd();
	const tail = text.slice(tailStart);
	if (where === undefined) return `${head} WHERE ${condition}${tail ? ` ${tail}` : ''}`;
	const before = text.slice(0, where);
	const existing = head.slice(where).replace(/^WHERE\s+/i, '');
	return `${before}WHERE (${existing}) AND ${condition}${tail ? ` ${tail}` : ''}`;
}

/* ------------------------------------------------------------------ paging */

export interface SuiteQlOptions {
	returnAll: boolean;
	limit?: number;
	/** A unique column the query is ordered by, used to continue past the 100,000-row offset cap. */
	keyColumn?: string;
	itemIndex?: number;
	/** Overrides the concurrency (default: the credential's Max Concurrent Requests when returning all). */
	concurrency?: number;
	pageSize?: number;
}

function stripLinks(rows: IDataObject[] | undefined): IDataObject[] {
	return (rows ?? []).map(({ links: _links, ...row }) => row);
}

async function page(ctx: RequestContext, q: string, offset: number, limit: number, itemIndex?: number): Promise<SuiteQlPage> {
	const response = await netSuiteRequest<SuiteQlPage>(ctx, {
		method: 'POST',
		path: '/query/v1/suiteql',
		qs: { limit, offset },
		body: { q },
		headers: { Prefer: 'transient' },
		// A read: safe to resend after a network error.
		idempotent: true,
		itemIndex,
	});
	return response.body ?? {};
}

function keyField(key: string): string {
	return key.split('.').pop()!.replace(/"/g, '').toLowerCase();
}

/**
 * Pages of a SuiteQL query. The first page gives the total; the other pages below the 100,000-row
 * offset cap are then fetched concurrently (up to the credential's concurrency). Past the cap the
 * query is re-issued with `WHERE key > lastKey` (keyset continuation), which needs a query ordered
 * by a unique key; a query that is not is refused before anything past the cap is read.
 */
export async function* suiteQlPages(ctx: RequestContext, query: string, options: SuiteQlOptions): AsyncGenerator<IDataObject[]> {
	const { itemIndex } = options;
	const key = (options.keyColumn ?? 'id').trim() || 'id';
	const field = keyField(key);
	const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, options.pageSize ?? (options.returnAll ? MAX_PAGE_SIZE : Math.min(MAX_PAGE_SIZE, options.limit ?? 50))));
	const concurrency = options.concurrency ?? (options.returnAll ? (await netSuiteSettings(ctx)).maxConcurrent : 1);
	let current = query.trim().replace(/;\s*$/, '');
	let lastKey: unknown;
	const fail = (message: string, description: string) => new NodeOperationError(ctx.getNode(), message, { itemIndex, description });

	for (let segment = 0; ; segment++) {
		const first = await page(ctx, current, 0, pageSize, itemIndex);
		const total = Number(first.totalResults ?? first.items?.length ?? 0);
		const beyondCap = total > OFFSET_CAP;
		const keyset = beyondCap || segment > 0;
		if (beyondCap && !orderedByKey(current, key)) {
			throw fail(
				`The SuiteQL query matches ${total} rows, more than the ${OFFSET_CAP} NetSuite returns by paging, and is not ordered by "${key}"`,
				`To read every row, order the query by a unique key and select it: add "ORDER BY ${key}" (or set Key Column to the unique column the query is ordered by). Rows are then read in slices of ${OFFSET_CAP} with "WHERE ${key} > last value".`,
			);
		}
		const check = (rows: IDataObject[]) => {
			if (!keyset) return rows;
			for (const row of rows) {
				const value = row[field];
				if (value === undefined || value === null) {
					throw fail(`The SuiteQL rows have no "${field}" column to continue after the ${OFFSET_CAP}-row cap`, `Select the key column (e.g. "SELECT ${key}, …") so the next slice can start after the last row.`);
				}
				if (lastKey !== undefined && compareIds(String(value), String(lastKey)) <= 0) {
					throw fail(
						`The SuiteQL rows are not in strictly ascending order of "${field}" (${String(value)} after ${String(lastKey)})`,
						`Keyset continuation needs a unique key ordered ascending: use "ORDER BY ${key}" on a unique column.`,
					);
				}
				lastKey = value;
			}
			return rows;
		};
		yield check(stripLinks(first.items));
		const reachable = Math.min(total, OFFSET_CAP);
		// With a limit, never ask for pages past it.
		const wanted = options.returnAll ? Number.POSITIVE_INFINITY : Math.ceil(Math.max(1, options.limit ?? 50) / pageSize);
		const pages = Math.min(Math.ceil(reachable / pageSize), wanted);
		if (pages > 1) {
			const rest = fetchPagesConcurrently(pages - 1, Math.max(1, concurrency), async (n) =>
				stripLinks((await page(ctx, current, n * pageSize, pageSize, itemIndex)).items),
			);
			for await (const rows of rest) yield check(rows);
		}
		if (!beyondCap) return;
		if (lastKey === undefined) return;
		current = withKeyAfter(query, key, lastKey);
	}
}

/** Rows of a SuiteQL query: all of them, or up to `limit`. */
export async function suiteQlRows(ctx: RequestContext, query: string, options: SuiteQlOptions): Promise<IDataObject[]> {
	const max = options.returnAll ? Number.POSITIVE_INFINITY : Math.max(1, options.limit ?? 50);
	const out: IDataObject[] = [];
	for await (const rows of suiteQlPages(ctx, query, options)) {
		for (const row of rows) {
			out.push(row);
			if (out.length >= max) return out;
		}
	}
	return out;
}
