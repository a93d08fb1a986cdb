import { ConditionSyntaxError, parseConditions, type ConditionNode } from './conditions';
import { CW_DEFAULT_PAGE_SIZE, CW_MAX_PAGE_SIZE } from './constants';
import { UnknownFieldError, assertKnownField, collectFields, evaluate, resolvePath } from './evaluate';
import type { CwRecord } from './store';

/** The query parameters of a list call (from the query string, or the body of a `/search` call). */
export interface ListParams {
	conditions?: string;
	childConditions?: string;
	customFieldConditions?: string;
	orderBy?: string;
	fields?: string;
	page?: string;
	pageSize?: string;
	pageId?: string;
}

export const LIST_PARAM_NAMES: Array<keyof ListParams> = [
	'conditions',
	'childConditions',
	'customFieldConditions',
	'orderBy',
	'fields',
	'page',
	'pageSize',
	'pageId',
];

/** A client mistake in a list query: becomes a 400 with a ConnectWise error body. */
export class QueryError extends Error {
	constructor(
		message: string,
		readonly parameter: string,
	) {
		super(message);
	}
}

const CUSTOM_FIELD_KEYS = new Set(['id', 'caption', 'type', 'entryMethod', 'numberOfDecimals', 'value', 'connectWiseId'].map((k) => k.toLowerCase()));

function parse(parameter: string, text: string | undefined, known: ReadonlySet<string>): ConditionNode | undefined {
	if (text === undefined || text.trim() === '') return undefined;
	try {
		const node = parseConditions(text);
		for (const field of collectFields(node)) assertKnownField(field, known);
		return node;
	} catch (error) {
		if (error instanceof ConditionSyntaxError || error instanceof UnknownFieldError) {
			throw new QueryError(`${parameter}: ${error.message}`, parameter);
		}
		throw error;
	}
}

/** Applies `conditions`, `childConditions` and `customFieldConditions`. */
export function filterRecords(records: CwRecord[], params: ListParams, known: ReadonlySet<string>): CwRecord[] {
	const conditions = parse('conditions', params.conditions, known);
	const child = parse('childConditions', params.childConditions, known);
	const custom = parse('customFieldConditions', params.customFieldConditions, CUSTOM_FIELD_KEYS);
	if (!conditions && !child && !custom) return records;
	return records.filter((r) => {
		if (conditions && !evaluate(conditions, r)) return false;
		if (child && !evaluate(child, r)) return false;
		if (custom) {
			const fields = Array.isArray(r.customFields) ? (r.customFields as unknown[]) : [];
			if (!fields.some((f) => evaluate(custom, f))) return false;
		}
		return true;
	});
}

interface SortKey {
	path: string[];
	desc: boolean;
}

export function parseOrderBy(text: string | undefined, known: ReadonlySet<string>): SortKey[] {
	if (text === undefined || text.trim() === '') return [];
	return text.split(',').map((part) => {
		const words = part.trim().split(/\s+/).filter(Boolean);
		if (words.length === 0 || words.length > 2) throw new QueryError(`orderBy: cannot read '${part.trim()}'`, 'orderBy');
		const direction = (words[1] ?? 'asc').toLowerCase();
		if (direction !== 'asc' && direction !== 'desc') {
			throw new QueryError(`orderBy: direction must be asc or desc, not '${words[1]}'`, 'orderBy');
		}
		const path = words[0].split('/').filter(Boolean);
		try {
			assertKnownField(path, known);
		} catch (error) {
			if (error instanceof UnknownFieldError) throw new QueryError(`orderBy: ${error.message}`, 'orderBy');
			throw error;
		}
		return { path, desc: direction === 'desc' };
	});
}

function sortValue(record: CwRecord, path: string[]): unknown {
	const v = resolvePath(record, path)[0];
	return v === undefined ? null : v;
}

function compareValues(a: unknown, b: unknown): number {
	// SQL Server sorts NULL first in ascending order.
	if (a === null && b === null) return 0;
	if (a === null) return -1;
	if (b === null) return 1;
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
	const sa = String(a).toLowerCase();
	const sb = String(b).toLowerCase();
	return sa < sb ? -1 : sa > sb ? 1 : 0;
}

export function sortRecords(records: CwRecord[], keys: SortKey[]): CwRecord[] {
	if (keys.length === 0) return records;
	return [...records].sort((x, y) => {
		for (const key of keys) {
			const c = compareValues(sortValue(x, key.path), sortValue(y, key.path));
			if (c !== 0) return key.desc ? -c : c;
		}
		return x.id - y.id;
	});
}

function positiveInt(value: string | undefined, parameter: string): number | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	if (!/^\d+$/.test(value.trim())) throw new QueryError(`${parameter} must be a positive whole number`, parameter);
	return Number(value);
}

export interface Paging {
	page: number;
	pageSize: number;
}

/** `pageSize` defaults to 25; above 1,000 it is capped at 1,000, as the server does. */
export function readPaging(params: ListParams): Paging {
	const requested = positiveInt(params.pageSize, 'pageSize');
	if (requested === 0) throw new QueryError('pageSize must be at least 1', 'pageSize');
	const pageSize = Math.min(requested ?? CW_DEFAULT_PAGE_SIZE, CW_MAX_PAGE_SIZE);
	const page = positiveInt(params.page, 'page') ?? 1;
	if (page < 1) throw new QueryError('page numbering starts at 1', 'page');
	return { page, pageSize };
}

export function readPageId(params: ListParams): number {
	return positiveInt(params.pageId, 'pageId') ?? 0;
}

/** `fields=id,name,status/name`: keeps only those paths (arrays keep the sub-fields of each element). */
export function project(record: Record<string, unknown>, fields: string[][]): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const path of fields) copyPath(record, out, path);
	return out;
}

function copyPath(src: unknown, dst: Record<string, unknown>, path: string[]): void {
	if (src === null || typeof src !== 'object' || Array.isArray(src)) return;
	const obj = src as Record<string, unknown>;
	const key = Object.keys(obj).find((k) => k.toLowerCase() === path[0].toLowerCase());
	if (key === undefined) return;
	const value = obj[key];
	if (path.length === 1 || value === null || typeof value !== 'object') {
		dst[key] = value;
		return;
	}
	if (Array.isArray(value)) {
		const existing = Array.isArray(dst[key]) ? (dst[key] as Array<Record<string, unknown>>) : value.map(() => ({}));
		value.forEach((item, i) => copyPath(item, existing[i], path.slice(1)));
		dst[key] = existing;
		return;
	}
	const child = (dst[key] && typeof dst[key] === 'object' ? dst[key] : {}) as Record<string, unknown>;
	copyPath(value, child, path.slice(1));
	dst[key] = child;
}

export function parseFields(text: string | undefined, known: ReadonlySet<string>): string[][] | undefined {
	if (text === undefined || text.trim() === '') return undefined;
	return text.split(',').map((f) => {
		const path = f.trim().split('/').filter(Boolean);
		if (path.length === 0) throw new QueryError(`fields: empty field name`, 'fields');
		try {
			assertKnownField(path, known);
		} catch (error) {
			if (error instanceof UnknownFieldError) throw new QueryError(`fields: ${error.message}`, 'fields');
			throw error;
		}
		return path;
	});
}

/** Builds an RFC 5988 `Link` header value. */
export function linkHeader(links: Array<[rel: string, url: string]>): string {
	return links.map(([rel, url]) => `<${url}>; rel="${rel}"`).join(', ');
}

/** The same request URL with its paging parameters replaced (parameter names match case-insensitively). */
export function withParams(url: URL, set: Record<string, string>, drop: string[] = []): string {
	const next = new URL(url.href);
	const remove = new Set([...Object.keys(set), ...drop].map((k) => k.toLowerCase()));
	for (const key of [...next.searchParams.keys()]) if (remove.has(key.toLowerCase())) next.searchParams.delete(key);
	for (const [k, v] of Object.entries(set)) next.searchParams.set(k, v);
	return next.href;
}
