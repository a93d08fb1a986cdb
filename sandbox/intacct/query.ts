/**
 * readByQuery's query language, as documented: comparisons (=, !=, <>, <, >, <=, >=), LIKE and NOT
 * LIKE with %/_ wildcards, IN / NOT IN lists, IS NULL / IS NOT NULL, AND, OR, NOT and parentheses;
 * operators need spaces around them, strings use single quotes. Dates compare as dates.
 */
export type Row = Record<string, unknown>;
export type Predicate = (row: Row) => boolean;

export class QuerySyntaxError extends Error {}

type Token = { kind: 'word' | 'string' | 'number' | 'op' | 'lparen' | 'rparen' | 'comma'; value: string };

function tokenize(query: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < query.length) {
		const c = query[i];
		if (/\s/.test(c)) {
			i++;
		} else if (c === "'") {
			let value = '';
			i++;
			for (;;) {
				if (i >= query.length) throw new QuerySyntaxError('unterminated string');
				if (query[i] === '\\' && i + 1 < query.length) {
					value += query[i + 1];
					i += 2;
				} else if (query[i] === "'" && query[i + 1] === "'") {
					value += "'";
					i += 2;
				} else if (query[i] === "'") {
					i++;
					break;
				} else value += query[i++];
			}
			tokens.push({ kind: 'string', value });
		} else if (c === '(') {
			tokens.push({ kind: 'lparen', value: c });
			i++;
		} else if (c === ')') {
			tokens.push({ kind: 'rparen', value: c });
			i++;
		} else if (c === ',') {
			tokens.push({ kind: 'comma', value: c });
			i++;
		} else if (/[<>=!]/.test(c)) {
			const two = query.slice(i, i + 2);
			const op = ['<=', '>=', '<>', '!='].includes(two) ? two : c;
			tokens.push({ kind: 'op', value: op });
			i += op.length;
		} else if (/\d/.test(c) || (c === '-' && /\d/.test(query[i + 1] ?? ''))) {
			const m = /^-?\d+(\.\d+)?/.exec(query.slice(i));
			if (!m) throw new QuerySyntaxError(`unexpected "${c}"`);
			tokens.push({ kind: 'number', value: m[0] });
			i += m[0].length;
		} else if (/[A-Za-z_]/.test(c)) {
			const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(query.slice(i)) as RegExpExecArray;
			tokens.push({ kind: 'word', value: m[0] });
			i += m[0].length;
		} else throw new QuerySyntaxError(`unexpected "${c}" at ${i}`);
	}
	return tokens;
}

function valueOf(row: Row, field: string): unknown {
	let value: unknown = row;
	for (const part of field.split('.')) {
		if (!value || typeof value !== 'object') return undefined;
		const obj = value as Row;
		const key = Object.keys(obj).find((k) => k.toUpperCase() === part.toUpperCase());
		value = key === undefined ? undefined : obj[key];
	}
	return value;
}

const US_DATE = /^(\d{2})\/(\d{2})\/(\d{4})(?:\s+(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** Comparable form: dates → sortable strings, numbers → numbers, booleans T/F. */
function comparable(value: unknown): string | number {
	const text = value === undefined || value === null ? '' : String(value);
	const d = US_DATE.exec(text.trim());
	if (d) return `${d[3]}-${d[1]}-${d[2]} ${d[4] ?? '00'}:${d[5] ?? '00'}:${d[6] ?? '00'}`;
	if (/^-?\d+(\.\d+)?$/.test(text.trim())) return Number(text);
	const lower = text.toLowerCase();
	if (lower === 'active') return 't';
	if (lower === 'inactive') return 'f';
	if (lower === 'true') return 't';
	if (lower === 'false') return 'f';
	return lower;
}

function compare(a: unknown, b: unknown): number {
	const x = comparable(a);
	const y = comparable(b);
	if (typeof x === 'number' && typeof y === 'number') return x - y;
	const sx = String(x);
	const sy = String(y);
	return sx < sy ? -1 : sx > sy ? 1 : 0;
}

function like(value: unknown, pattern: string): boolean {
	const re = new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.')}$`, 'i');
	return re.test(String(value ?? ''));
}

export function parseQuery(query: string): Predicate {
	const tokens = tokenize(query);
	if (tokens.length === 0) return () => true;
	let pos = 0;
	const peek = () => tokens[pos];
	const word = (w: string) => peek()?.kind === 'word' && peek().value.toUpperCase() === w;
	const expect = (kind: Token['kind']) => {
		const t = tokens[pos++];
		if (!t || t.kind !== kind) throw new QuerySyntaxError(`expected ${kind}${t ? ` near "${t.value}"` : ' at the end'}`);
		return t;
	};
	const literal = (): string => {
		const t = tokens[pos++];
		if (!t || (t.kind !== 'string' && t.kind !== 'number')) throw new QuerySyntaxError(`expected a value${t ? ` near "${t.value}"` : ''}`);
		return t.value;
	};
	const comparison = (): Predicate => {
		if (peek()?.kind === 'lparen') {
			pos++;
			const inner = or();
			expect('rparen');
			return inner;
		}
		if (word('NOT')) {
			pos++;
			const inner = comparison();
			return (row) => !inner(row);
		}
		const field = expect('word').value;
		if (word('IS')) {
			pos++;
			const negate = word('NOT') ? (pos++, true) : false;
			if (!word('NULL')) throw new QuerySyntaxError('expected NULL');
			pos++;
			return (row) => {
				const v = valueOf(row, field);
				const isNull = v === undefined || v === null || v === '';
				return negate ? !isNull : isNull;
			};
		}
		let negate = false;
		if (word('NOT')) {
			pos++;
			negate = true;
		}
		if (word('LIKE')) {
			pos++;
			const pattern = literal();
			return (row) => like(valueOf(row, field), pattern) !== negate;
		}
		if (word('IN')) {
			pos++;
			expect('lparen');
			const values = [literal()];
			while (peek()?.kind === 'comma') {
				pos++;
				values.push(literal());
			}
			expect('rparen');
			return (row) => values.some((v) => compare(valueOf(row, field), v) === 0) !== negate;
		}
		if (negate) throw new QuerySyntaxError('expected LIKE or IN after NOT');
		const op = expect('op').value;
		const value = literal();
		return (row) => {
			const c = compare(valueOf(row, field), value);
			switch (op) {
				case '=':
					return c === 0;
				case '!=':
				case '<>':
					return c !== 0;
				case '<':
					return c < 0;
				case '>':
					return c > 0;
				case '<=':
					return c <= 0;
				default:
					return c >= 0;
			}
		};
	};
	const and = (): Predicate => {
		let left = comparison();
		while (word('AND')) {
			pos++;
			const l = left;
			const r = comparison();
			left = (row) => l(row) && r(row);
		}
		return left;
	};
	function or(): Predicate {
		let left = and();
		while (word('OR')) {
			pos++;
			const l = left;
			const r = and();
			left = (row) => l(row) || r(row);
		}
		return left;
	}
	const predicate = or();
	if (pos < tokens.length) throw new QuerySyntaxError(`unexpected "${tokens[pos].value}"`);
	return predicate;
}
