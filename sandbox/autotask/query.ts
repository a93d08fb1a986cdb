import type { EntitySpec, FieldSpec } from './entities';
import type { AtRecord } from './store';

/** A query Autotask would refuse; answered with 400 and the message in `errors`. */
export class QueryError extends Error {}

export interface Search {
	filter: unknown[];
	includeFields?: string[];
	maxRecords: number;
}

const OPS = new Set(['eq', 'noteq', 'gt', 'gte', 'lt', 'lte', 'beginswith', 'endswith', 'contains', 'exist', 'notexist', 'in', 'notin']);
const MAX_OR = 500;

function key(object: Record<string, unknown>, name: string): unknown {
	const found = Object.keys(object).find((k) => k.toLowerCase() === name.toLowerCase());
	return found === undefined ? undefined : object[found];
}

/** `{"filter": [...], "IncludeFields": [...], "MaxRecords": n}`, keys matched without case as ASP.NET binds them. */
export function parseSearch(input: unknown, pageSize: number): Search {
	if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new QueryError('The search must be a JSON object with a filter array.');
	const body = input as Record<string, unknown>;
	const filter = key(body, 'filter');
	if (!Array.isArray(filter) || filter.length === 0) throw new QueryError('A filter is required: add at least one condition, e.g. {"op":"gte","field":"id","value":0}.');
	const max = key(body, 'MaxRecords');
	const maxRecords = max === undefined || max === null ? pageSize : Number(max);
	if (!Number.isInteger(maxRecords) || maxRecords < 1 || maxRecords > pageSize) throw new QueryError(`MaxRecords must be between 1 and ${pageSize}.`);
	const include = key(body, 'IncludeFields');
	if (include !== undefined && include !== null && !(Array.isArray(include) && include.every((f) => typeof f === 'string'))) {
		throw new QueryError('IncludeFields must be an array of field names.');
	}
	return { filter, includeFields: (include as string[] | undefined)?.length ? (include as string[]) : undefined, maxRecords };
}

interface Compiled {
	(record: AtRecord): boolean;
}

function fieldOf(spec: EntitySpec, name: string): FieldSpec {
	const field = spec.fields.find((f) => f.name.toLowerCase() === name.toLowerCase());
	if (!field) throw new QueryError(`Unable to find ${name} in the ${spec.name} entity.`);
	return field;
}

function udfValue(record: AtRecord, name: string): unknown {
	const udfs = Array.isArray(record.userDefinedFields) ? (record.userDefinedFields as Array<{ name: string; value: unknown }>) : [];
	return udfs.find((u) => u.name.toLowerCase() === name.toLowerCase())?.value ?? null;
}

/** Comparable form: numbers as numbers, dates as epoch ms, text lower-cased (SQL Server's default collation). */
function comparable(value: unknown, field: FieldSpec | undefined): number | string | boolean | null {
	if (value === null || value === undefined || value === '') return null;
	if (typeof value === 'boolean') return value;
	const type = field?.dataType;
	if (type === 'datetime') {
		const ms = Date.parse(String(value));
		if (Number.isNaN(ms)) throw new QueryError(`"${String(value)}" is not a valid date for ${field?.name}.`);
		return ms;
	}
	if (type === 'integer' || type === 'long' || type === 'decimal' || type === 'double') {
		if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true' ? 1 : 0;
		const n = Number(value);
		if (!Number.isFinite(n)) throw new QueryError(`"${String(value)}" is not a valid number for ${field?.name}.`);
		return n;
	}
	if (type === 'boolean') {
		if (typeof value === 'string') return /^(true|1)$/i.test(value);
		return Boolean(value);
	}
	return String(value).toLowerCase();
}

function compile(spec: EntitySpec, condition: unknown, orCount: { n: number }): Compiled {
	if (typeof condition !== 'object' || condition === null) throw new QueryError('Each filter entry must be an object.');
	const c = condition as Record<string, unknown>;
	const op = String(key(c, 'op') ?? '').toLowerCase();
	if (op === 'and' || op === 'or') {
		const items = key(c, 'items');
		if (!Array.isArray(items) || items.length === 0) throw new QueryError(`"${op}" needs an items array.`);
		if (op === 'or') orCount.n += items.length;
		if (orCount.n > MAX_OR) throw new QueryError("Invalid query syntax. Queries are limited to 500 or fewer 'OR' conditions.");
		const parts = items.map((item) => compile(spec, item, orCount));
		return op === 'and' ? (r) => parts.every((p) => p(r)) : (r) => parts.some((p) => p(r));
	}
	if (!OPS.has(op)) throw new QueryError(`Invalid query syntax. Unknown operator "${String(key(c, 'op'))}".`);
	const name = String(key(c, 'field') ?? '');
	if (!name) throw new QueryError(`The "${op}" condition has no field.`);
	const udf = key(c, 'udf') === true;
	const field = udf ? undefined : fieldOf(spec, name);
	const read = (r: AtRecord) => (udf ? udfValue(r, name) : r[field!.name]);
	if (op === 'exist') return (r) => comparable(read(r), field) !== null;
	if (op === 'notexist') return (r) => comparable(read(r), field) === null;
	const raw = key(c, 'value');
	if (op === 'in' || op === 'notin') {
		if (!Array.isArray(raw)) throw new QueryError(`"${op}" needs an array value.`);
		const set = raw.map((v) => comparable(v, field));
		return op === 'in' ? (r) => set.includes(comparable(read(r), field)) : (r) => !set.includes(comparable(read(r), field));
	}
	const target = comparable(raw, field);
	return (r) => {
		const value = comparable(read(r), field);
		switch (op) {
			case 'eq':
				return value === target;
			case 'noteq':
				return value !== target;
			case 'gt':
				return value !== null && target !== null && value > target;
			case 'gte':
				return value !== null && target !== null && value >= target;
			case 'lt':
				return value !== null && target !== null && value < target;
			case 'lte':
				return value !== null && target !== null && value <= target;
			case 'beginswith':
				return typeof value === 'string' && value.startsWith(String(target ?? ''));
			case 'endswith':
				return typeof value === 'string' && value.endsWith(String(target ?? ''));
			default:
				return typeof value === 'string' && value.includes(String(target ?? ''));
		}
	};
}

/** The filter as a predicate; the top-level entries are AND-ed. Throws QueryError for what Autotask would refuse. */
export function compileFilter(spec: EntitySpec, filter: unknown[]): Compiled {
	const orCount = { n: 0 };
	const parts = filter.map((c) => compile(spec, c, orCount));
	return (r) => parts.every((p) => p(r));
}

/** Only the requested fields (the `id` always, as paging needs it). */
export function project(record: AtRecord, includeFields: string[] | undefined): Record<string, unknown> {
	if (!includeFields) return { ...record };
	const out: Record<string, unknown> = { id: record.id };
	for (const name of includeFields) {
		const found = Object.keys(record).find((k) => k.toLowerCase() === name.toLowerCase());
		if (found) out[found] = record[found];
	}
	return out;
}

/** The opaque `paging` token of nextPageUrl: the search and the last id served. */
export function encodePaging(search: Search, afterId: number): string {
	return Buffer.from(JSON.stringify({ s: search, a: afterId })).toString('base64url');
}

export function decodePaging(token: string): { search: Search; afterId: number } {
	try {
		const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { s: Search; a: number };
		if (!parsed?.s || !Array.isArray(parsed.s.filter) || typeof parsed.a !== 'number') throw new Error('bad');
		return { search: parsed.s, afterId: parsed.a };
	} catch {
		throw new QueryError('The paging token is not valid; run the query again.');
	}
}
