/**
 * RQL as 3PL Warehouse Manager reads it (FIQL style): `;` is AND, `,` is OR (AND binds tighter),
 * operators `==` `!=` `=gt=` `=ge=` `=lt=` `=le=` `=in=(a,b)` `=out=(a,b)`, `*` as a wildcard in
 * `==`/`!=` values, values optionally in double quotes. Fields are dotted paths.
 */
export type Rql = (record: Record<string, unknown>) => boolean;

export class RqlError extends Error {}

interface Comparison {
	field: string;
	op: string;
	values: string[];
}

const OPERATOR = /^([A-Za-z_][\w.]*)(==|!=|=gt=|=ge=|=lt=|=le=|=in=|=out=)(.*)$/s;

/** Splits on `sep` outside quotes and parentheses. */
function split(text: string, sep: string): string[] {
	const parts: string[] = [];
	let depth = 0;
	let quoted = false;
	let current = '';
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '\\' && quoted) {
			current += c + (text[i + 1] ?? '');
			i++;
			continue;
		}
		if (c === '"') quoted = !quoted;
		else if (!quoted && c === '(') depth++;
		else if (!quoted && c === ')') depth--;
		if (c === sep && !quoted && depth === 0) {
			parts.push(current);
			current = '';
		} else current += c;
	}
	if (quoted || depth !== 0) throw new RqlError('unbalanced quotes or parentheses');
	parts.push(current);
	return parts;
}

const unquote = (value: string): string => {
	const v = value.trim();
	return v.startsWith('"') && v.endsWith('"') && v.length >= 2 ? v.slice(1, -1).replace(/\\(.)/g, '$1') : v;
};

function comparison(term: string): Comparison {
	const match = OPERATOR.exec(term.trim());
	if (!match) throw new RqlError(`cannot read "${term}"`);
	const [, field, op, raw] = match;
	if (op === '=in=' || op === '=out=') {
		const inner = raw.trim();
		if (!inner.startsWith('(') || !inner.endsWith(')')) throw new RqlError(`${op} needs a (list)`);
		return { field, op, values: split(inner.slice(1, -1), ',').map(unquote) };
	}
	return { field, op, values: [unquote(raw)] };
}

export function valueAt(record: unknown, path: string): unknown {
	let value = record;
	for (const part of path.split('.')) {
		if (value === null || typeof value !== 'object') return undefined;
		const object = value as Record<string, unknown>;
		const key = Object.keys(object).find((k) => k.toLowerCase() === part.toLowerCase());
		value = key === undefined ? undefined : object[key];
	}
	return value;
}

function compare(actual: unknown, expected: string): number {
	if (typeof actual === 'number') return actual - Number(expected);
	if (typeof actual === 'boolean') return Number(actual) - Number(expected.toLowerCase() === 'true');
	const a = String(actual ?? '');
	return a < expected ? -1 : a > expected ? 1 : 0;
}

function equals(actual: unknown, expected: string): boolean {
	if (expected.includes('*')) {
		const pattern = new RegExp(`^${expected.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
		return pattern.test(String(actual ?? ''));
	}
	if (expected.toLowerCase() === 'null') return actual === null || actual === undefined;
	if (typeof actual === 'string') return actual.toLowerCase() === expected.toLowerCase();
	return compare(actual, expected) === 0;
}

function test(c: Comparison, record: Record<string, unknown>): boolean {
	const actual = valueAt(record, c.field);
	switch (c.op) {
		case '==':
			return equals(actual, c.values[0]);
		case '!=':
			return !equals(actual, c.values[0]);
		case '=gt=':
			return actual !== undefined && compare(actual, c.values[0]) > 0;
		case '=ge=':
			return actual !== undefined && compare(actual, c.values[0]) >= 0;
		case '=lt=':
			return actual !== undefined && compare(actual, c.values[0]) < 0;
		case '=le=':
			return actual !== undefined && compare(actual, c.values[0]) <= 0;
		case '=in=':
			return c.values.some((v) => equals(actual, v));
		default:
			return !c.values.some((v) => equals(actual, v));
	}
}

/** Compiles an RQL expression; an empty one matches everything. */
export function parseRql(text: string | undefined): Rql {
	if (!text || !text.trim()) return () => true;
	const any = split(text, ',').map((group) => split(group, ';').map(comparison));
	return (record) => any.some((all) => all.every((c) => test(c, record)));
}

/** `sort=-readOnly.lastModifiedDate,referenceNum`. */
export function sorter(text: string | undefined): ((a: unknown, b: unknown) => number) | undefined {
	if (!text || !text.trim()) return undefined;
	const keys = text.split(',').map((k) => k.trim()).filter(Boolean).map((k) => (k.startsWith('-') ? { field: k.slice(1), dir: -1 } : { field: k.replace(/^\+/, ''), dir: 1 }));
	return (a, b) => {
		for (const { field, dir } of keys) {
			const x = valueAt(a, field);
			const y = valueAt(b, field);
			if (x === y) continue;
			if (x === undefined || x === null) return -dir;
			if (y === undefined || y === null) return dir;
			return (x < y ? -1 : 1) * dir;
		}
		return 0;
	};
}
