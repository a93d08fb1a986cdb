import { SandboxHttpError } from '../core/http';
import type { SandboxResponse } from '../core/types';
import { DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT } from './constants';
import { invalidRequest, noSuch } from './errors';
import type { FormObject } from './form';
import { Params } from './params';
import { evaluateSearch, parseSearch, SearchSyntaxError, unsupportedField } from './search';
import type { StripeObject } from './store';

function limitOf(p: Params): number {
	const limit = p.int('limit') ?? DEFAULT_LIST_LIMIT;
	if (limit < 1 || limit > MAX_LIST_LIMIT) {
		throw new SandboxHttpError(invalidRequest(`Invalid limit: ${limit}. The limit must be between 1 and ${MAX_LIST_LIMIT}.`, 'limit', 'parameter_invalid_integer'));
	}
	return limit;
}

/** `created[gte]=…` style ranges (or an exact `created=…`). */
export function inRange(value: unknown, range: Params | string | undefined): boolean {
	if (range === undefined) return true;
	const n = Number(value);
	if (typeof range === 'string') return n === Number(range);
	const bound = (key: string) => range.int(key);
	const gt = bound('gt');
	const gte = bound('gte');
	const lt = bound('lt');
	const lte = bound('lte');
	return (gt === undefined || n > gt) && (gte === undefined || n >= gte) && (lt === undefined || n < lt) && (lte === undefined || n <= lte);
}

/**
 * A cursor list: newest first, `limit` (1-100, default 10), `starting_after` / `ending_before` by
 * object id (an unknown id is a 404 naming the parameter), `has_more` and the list `url`.
 */
export function listResponse(
	records: StripeObject[],
	query: FormObject,
	url: string,
	truncate: (items: StripeObject[]) => StripeObject[],
	kind: string,
): SandboxResponse {
	const p = new Params(query);
	const limit = limitOf(p);
	const ordered = [...records].reverse();
	const after = p.str('starting_after');
	const before = p.str('ending_before');
	let page: StripeObject[];
	let hasMore: boolean;
	if (after) {
		const index = ordered.findIndex((r) => r.id === after);
		if (index < 0) throw new SandboxHttpError(noSuch(kind, after, 'starting_after'));
		const rest = ordered.slice(index + 1);
		page = rest.slice(0, limit);
		hasMore = rest.length > limit;
	} else if (before) {
		const index = ordered.findIndex((r) => r.id === before);
		if (index < 0) throw new SandboxHttpError(noSuch(kind, before, 'ending_before'));
		const rest = ordered.slice(0, index);
		page = rest.slice(Math.max(0, rest.length - limit));
		hasMore = rest.length > limit;
	} else {
		page = ordered.slice(0, limit);
		hasMore = ordered.length > limit;
	}
	return { status: 200, body: { object: 'list', data: truncate(page), has_more: hasMore, url } };
}

/**
 * A search: `query` in Stripe's search language over the resource's searchable fields, `limit`,
 * and `page` (the opaque `next_page` token of the previous result).
 */
export function searchResponse(records: StripeObject[], query: FormObject, url: string, fields: readonly string[]): SandboxResponse {
	const p = new Params(query);
	const limit = limitOf(p);
	const text = p.requireStr('query');
	let parsed;
	try {
		parsed = parseSearch(text);
	} catch (error) {
		throw new SandboxHttpError(invalidRequest((error as SearchSyntaxError).message, 'query'));
	}
	const bad = unsupportedField(parsed, fields);
	if (bad) throw new SandboxHttpError(invalidRequest(`Field \`${bad}\` is an unsupported search field. Supported: ${fields.join(', ')}.`, 'query'));
	const matching = [...records].reverse().filter((r) => evaluateSearch(parsed, r));
	const token = p.str('page');
	let offset = 0;
	if (token) {
		const decoded = /^page_(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
		if (!decoded) throw new SandboxHttpError(invalidRequest('Invalid page token.', 'page'));
		offset = Number(decoded[1]);
	}
	const data = matching.slice(offset, offset + limit);
	const more = matching.length > offset + limit;
	return {
		status: 200,
		body: {
			object: 'search_result',
			data,
			has_more: more,
			next_page: more ? Buffer.from(`page_${offset + limit}`).toString('base64url') : null,
			url,
		},
	};
}
