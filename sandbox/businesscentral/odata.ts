/**
 * The OData v4 query options Business Central's API pages support: `$filter` (comparisons, and/or/not,
 * parentheses, contains/startswith/endswith), `$orderby`, `$select`, `$top`, `$skip`.
 */
import { fail } from './errors';

export type Row = Record<string, unknown>;
type Expr =
	| { kind: 'cmp'; op: string; left: Operand; right: Operand }
	| { kind: 'fn'; name: string; field: string; value: string }
	| { kind: 'and' | 'or'; left: Expr; right: Expr }
	| { kind: 'not'; expr: Expr };
type Operand = { kind: 'field'; name: string } | { kind: 'literal'; value: unknown };

const TOKEN = /\s*(\(|\)|,|'(?:[^']|'')*'|[A-Za-z_][A-Za-z0-9_./]*|-?\d{4}-\d{2}-\d{2}(?:T[0-9:.]+(?:Z|[+-]\d{2}:\d{2})?)?|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|-?\d+(?:\.\d+)?)/y;

function tokenize(text: string): string[] {
	const tokens: string[] = [];
	TOKEN.lastIndex = 0;
	let index = 0;
	while (index < text.length) {
		if (/^\s+$/.test(text.slice(index))) break;
		TOKEN.lastIndex = index;
		const match = TOKEN.exec(text);
		if (!match) throw syntax(`Syntax error at position ${index} in '${text}'.`);
		tokens.push(match[1]);
		index = TOKEN.lastIndex;
	}
	return tokens;
}

const syntax = (message: string) => fail(400, 'BadRequest', `Invalid filter expression. ${message}`);
const COMPARISONS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);

/** Parses a `$filter`; every field must be one of `fields` (as Business Central checks against the entity type). */
export function parseFilter(text: string, fields: ReadonlySet<string>, typeName: string): Expr {
	const tokens = tokenize(text);
	let pos = 0;
	const peek = () => tokens[pos];
	const next = () => tokens[pos++];
	const expect = (token: string) => {
		if (next() !== token) throw syntax(`'${token}' expected.`);
	};
	const field = (name: string) => {
		if (!fields.has(name)) throw fail(400, 'BadRequest', `Could not find a property named '${name}' on type 'Microsoft.NAV.${typeName}'.`);
		return name;
	};
	const operand = (): Operand => {
		const token = next();
		if (token === undefined) throw syntax('Operand expected.');
		if (token.startsWith("'")) return { kind: 'literal', value: token.slice(1, -1).replace(/''/g, "'") };
		if (token === 'null') return { kind: 'literal', value: null };
		if (token === 'true' || token === 'false') return { kind: 'literal', value: token === 'true' };
		if (/^-?\d{4}-\d{2}-\d{2}/.test(token) || /^[0-9a-f]{8}-/i.test(token)) return { kind: 'literal', value: token };
		if (/^-?\d/.test(token)) return { kind: 'literal', value: Number(token) };
		return { kind: 'field', name: field(token) };
	};
	const primary = (): Expr => {
		const token = peek();
		if (token === '(') {
			next();
			const inner = orExpr();
			expect(')');
			return inner;
		}
		if (token === 'not') {
			next();
			return { kind: 'not', expr: primary() };
		}
		if (token && ['contains', 'startswith', 'endswith'].includes(token.toLowerCase()) && tokens[pos + 1] === '(') {
			const name = next().toLowerCase();
			expect('(');
			const f = field(next());
			expect(',');
			const value = next();
			if (!value?.startsWith("'")) throw syntax(`${name} expects a string.`);
			expect(')');
			return { kind: 'fn', name, field: f, value: value.slice(1, -1).replace(/''/g, "'") };
		}
		const left = operand();
		const op = next();
		if (!op || !COMPARISONS.has(op)) throw syntax(`Comparison operator expected after '${left.kind === 'field' ? left.name : 'value'}'.`);
		return { kind: 'cmp', op, left, right: operand() };
	};
	const andExpr = (): Expr => {
		let left = primary();
		while (peek() === 'and') {
			next();
			left = { kind: 'and', left, right: primary() };
		}
		return left;
	};
	const orExpr = (): Expr => {
		let left = andExpr();
		while (peek() === 'or') {
			next();
			left = { kind: 'or', left, right: andExpr() };
		}
		return left;
	};
	const expr = orExpr();
	if (pos < tokens.length) throw syntax(`Unexpected '${tokens[pos]}'.`);
	return expr;
}

function value(operand: Operand, row: Row): unknown {
	return operand.kind === 'field' ? row[operand.name] : operand.value;
}

function compare(a: unknown, b: unknown): number {
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	if (typeof a === 'string' && typeof b === 'string') {
		// Date-times compare as instants; GUIDs and codes without case, as SQL Server collates them.
		const da = /^\d{4}-\d{2}-\d{2}T/.test(a) ? Date.parse(a) : NaN;
		const db = /^\d{4}-\d{2}-\d{2}T/.test(b) ? Date.parse(b) : NaN;
		if (!Number.isNaN(da) && !Number.isNaN(db)) return da - db;
		return a.toLowerCase().localeCompare(b.toLowerCase());
	}
	if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
	return String(a).localeCompare(String(b));
}

export function evaluate(expr: Expr, row: Row): boolean {
	switch (expr.kind) {
		case 'and':
			return evaluate(expr.left, row) && evaluate(expr.right, row);
		case 'or':
			return evaluate(expr.left, row) || evaluate(expr.right, row);
		case 'not':
			return !evaluate(expr.expr, row);
		case 'fn': {
			const text = String(row[expr.field] ?? '').toLowerCase();
			const needle = expr.value.toLowerCase();
			if (expr.name === 'contains') return text.includes(needle);
			if (expr.name === 'startswith') return text.startsWith(needle);
			return text.endsWith(needle);
		}
		case 'cmp': {
			const a = value(expr.left, row);
			const b = value(expr.right, row);
			if (a === null || b === null || a === undefined || b === undefined) {
				const same = (a ?? null) === (b ?? null);
				return expr.op === 'eq' ? same : expr.op === 'ne' ? !same : false;
			}
			const c = compare(a, b);
			switch (expr.op) {
				case 'eq':
					return c === 0;
				case 'ne':
					return c !== 0;
				case 'gt':
					return c > 0;
				case 'ge':
					return c >= 0;
				case 'lt':
					return c < 0;
				default:
					return c <= 0;
			}
		}
	}
}

export function orderBy(rows: Row[], text: string | undefined, fields: ReadonlySet<string>, typeName: string): Row[] {
	if (!text) return rows;
	const keys = text.split(',').map((part) => {
		const [name, dir = 'asc'] = part.trim().split(/\s+/);
		if (!fields.has(name)) throw fail(400, 'BadRequest', `Could not find a property named '${name}' on type 'Microsoft.NAV.${typeName}'.`);
		return { name, desc: dir.toLowerCase() === 'desc' };
	});
	return [...rows].sort((a, b) => {
		for (const key of keys) {
			const c = compare(a[key.name] ?? '', b[key.name] ?? '');
			if (c !== 0) return key.desc ? -c : c;
		}
		return 0;
	});
}

export function parseSelect(text: string | undefined, fields: ReadonlySet<string>, typeName: string): string[] | undefined {
	if (!text) return undefined;
	const names = text.split(',').map((s) => s.trim()).filter(Boolean);
	for (const name of names) {
		if (!fields.has(name)) throw fail(400, 'BadRequest', `Could not find a property named '${name}' on type 'Microsoft.NAV.${typeName}'.`);
	}
	return names;
}

export function nonNegativeInt(text: string | undefined, name: string): number | undefined {
	if (text === undefined) return undefined;
	if (!/^\d+$/.test(text)) throw fail(400, 'BadRequest', `Invalid value '${text}' for ${name}: a non-negative integer is expected.`);
	return Number(text);
}
