/**
 * A small SuiteQL (SQL-92 / Oracle subset) engine for the sandbox: SELECT [DISTINCT] … FROM one
 * table [alias] [WHERE …] [ORDER BY …], with comparisons, AND/OR/NOT, IN, LIKE, BETWEEN, IS NULL
 * and the functions integrations use for incremental reads (TO_CHAR, TO_DATE, TO_TIMESTAMP,
 * UPPER, LOWER, NVL). Anything else is refused with NetSuite's "Invalid search query" error.
 */

export class SuiteQlError extends Error {}

type Token =
	| { kind: 'word'; value: string; upper: string }
	| { kind: 'string'; value: string }
	| { kind: 'number'; value: number }
	| { kind: 'op'; value: string };

function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < text.length) {
		const c = text[i];
		if (/\s/.test(c)) {
			i++;
		} else if (c === "'") {
			let value = '';
			i++;
			for (;;) {
				if (i >= text.length) throw new SuiteQlError('Unterminated string literal');
				if (text[i] === "'") {
					if (text[i + 1] === "'") {
						value += "'";
						i += 2;
						continue;
					}
					i++;
					break;
				}
				value += text[i++];
			}
			tokens.push({ kind: 'string', value });
		} else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
			const match = /^[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?/.exec(text.slice(i)) as RegExpExecArray;
			tokens.push({ kind: 'number', value: Number(match[0]) });
			i += match[0].length;
		} else if (/[A-Za-z_"]/.test(c)) {
			let value: string;
			if (c === '"') {
				const end = text.indexOf('"', i + 1);
				if (end < 0) throw new SuiteQlError('Unterminated quoted identifier');
				value = text.slice(i + 1, end);
				i = end + 1;
			} else {
				const match = /^[A-Za-z_][A-Za-z0-9_$#]*/.exec(text.slice(i)) as RegExpExecArray;
				value = match[0];
				i += value.length;
			}
			tokens.push({ kind: 'word', value, upper: value.toUpperCase() });
		} else {
			const two = text.slice(i, i + 2);
			if (['<=', '>=', '<>', '!=', '||'].includes(two)) {
				tokens.push({ kind: 'op', value: two });
				i += 2;
			} else if ('=<>(),.*+-/'.includes(c)) {
				tokens.push({ kind: 'op', value: c });
				i++;
			} else {
				throw new SuiteQlError(`Unexpected character "${c}"`);
			}
		}
	}
	return tokens;
}

export type Value = string | number | Date | null;

export type Expr =
	| { kind: 'column'; name: string }
	| { kind: 'literal'; value: Value }
	| { kind: 'call'; name: string; args: Expr[] }
	| { kind: 'binary'; op: string; left: Expr; right: Expr }
	| { kind: 'not'; expr: Expr }
	| { kind: 'isNull'; expr: Expr; negated: boolean }
	| { kind: 'in'; expr: Expr; list: Expr[]; negated: boolean }
	| { kind: 'like'; expr: Expr; pattern: Expr; negated: boolean }
	| { kind: 'between'; expr: Expr; low: Expr; high: Expr; negated: boolean };

export interface SelectItem {
	expr?: Expr;
	star?: boolean;
	alias?: string;
}

export interface Query {
	distinct: boolean;
	select: SelectItem[];
	table: string;
	alias?: string;
	where?: Expr;
	orderBy: Array<{ expr: Expr; desc: boolean }>;
}

const RESERVED = new Set(['SELECT', 'FROM', 'WHERE', 'ORDER', 'BY', 'AND', 'OR', 'NOT', 'AS', 'ASC', 'DESC', 'IS', 'NULL', 'IN', 'LIKE', 'BETWEEN', 'DISTINCT', 'GROUP', 'HAVING', 'JOIN', 'LEFT', 'RIGHT', 'INNER', 'OUTER', 'ON', 'UNION', 'FETCH', 'OFFSET', 'LIMIT']);

class Parser {
	private pos = 0;
	constructor(private readonly tokens: Token[]) {}

	private peek(): Token | undefined {
		return this.tokens[this.pos];
	}

	private isWord(upper: string): boolean {
		const t = this.peek();
		return t?.kind === 'word' && t.upper === upper;
	}

	private isOp(op: string): boolean {
		const t = this.peek();
		return t?.kind === 'op' && t.value === op;
	}

	private expectWord(upper: string): void {
		if (!this.isWord(upper)) throw new SuiteQlError(`Expected ${upper} ${this.where()}`);
		this.pos++;
	}

	private expectOp(op: string): void {
		if (!this.isOp(op)) throw new SuiteQlError(`Expected "${op}" ${this.where()}`);
		this.pos++;
	}

	private where(): string {
		const t = this.peek();
		return t ? `near "${String(t.value)}"` : 'at the end of the query';
	}

	private identifier(): string {
		const t = this.peek();
		if (t?.kind !== 'word' || RESERVED.has(t.upper)) throw new SuiteQlError(`Expected a name ${this.where()}`);
		this.pos++;
		return t.value;
	}

	parse(): Query {
		this.expectWord('SELECT');
		const distinct = this.isWord('DISTINCT');
		if (distinct) this.pos++;
		const select: SelectItem[] = [];
		do {
			if (select.length > 0) this.pos++;
			if (this.isOp('*')) {
				this.pos++;
				select.push({ star: true });
				continue;
			}
			const expr = this.expr();
			let alias: string | undefined;
			if (this.isWord('AS')) {
				this.pos++;
				alias = this.identifier();
			} else if (this.peek()?.kind === 'word' && !RESERVED.has((this.peek() as { upper: string }).upper)) {
				alias = this.identifier();
			}
			select.push({ expr, alias });
		} while (this.isOp(','));
		this.expectWord('FROM');
		const table = this.identifier();
		let alias: string | undefined;
		if (this.peek()?.kind === 'word' && !RESERVED.has((this.peek() as { upper: string }).upper)) alias = this.identifier();
		for (const unsupported of ['JOIN', 'LEFT', 'RIGHT', 'INNER', 'GROUP', 'HAVING', 'UNION']) {
			if (this.isWord(unsupported)) throw new SuiteQlError(`${unsupported} is not supported by the sandbox's SuiteQL engine`);
		}
		if (this.isOp(',')) throw new SuiteQlError('Joins are not supported by the sandbox\'s SuiteQL engine');
		let where: Expr | undefined;
		if (this.isWord('WHERE')) {
			this.pos++;
			where = this.expr();
		}
		const orderBy: Query['orderBy'] = [];
		if (this.isWord('ORDER')) {
			this.pos++;
			this.expectWord('BY');
			do {
				if (orderBy.length > 0) this.pos++;
				const expr = this.expr();
				let desc = false;
				if (this.isWord('ASC')) this.pos++;
				else if (this.isWord('DESC')) {
					this.pos++;
					desc = true;
				}
				orderBy.push({ expr, desc });
			} while (this.isOp(','));
		}
		if (this.peek()) throw new SuiteQlError(`Unexpected ${this.where()}`);
		return { distinct, select, table: table.toLowerCase(), alias: alias?.toLowerCase(), where, orderBy };
	}

	private expr(): Expr {
		let left = this.and();
		while (this.isWord('OR')) {
			this.pos++;
			left = { kind: 'binary', op: 'OR', left, right: this.and() };
		}
		return left;
	}

	private and(): Expr {
		let left = this.not();
		while (this.isWord('AND')) {
			this.pos++;
			left = { kind: 'binary', op: 'AND', left, right: this.not() };
		}
		return left;
	}

	private not(): Expr {
		if (this.isWord('NOT')) {
			this.pos++;
			return { kind: 'not', expr: this.not() };
		}
		return this.predicate();
	}

	private predicate(): Expr {
		const left = this.additive();
		const t = this.peek();
		if (t?.kind === 'op' && ['=', '<>', '!=', '<', '>', '<=', '>='].includes(t.value)) {
			this.pos++;
			return { kind: 'binary', op: t.value === '!=' ? '<>' : t.value, left, right: this.additive() };
		}
		if (this.isWord('IS')) {
			this.pos++;
			const negated = this.isWord('NOT');
			if (negated) this.pos++;
			this.expectWord('NULL');
			return { kind: 'isNull', expr: left, negated };
		}
		const negated = this.isWord('NOT');
		if (negated) this.pos++;
		if (this.isWord('IN')) {
			this.pos++;
			this.expectOp('(');
			const list: Expr[] = [];
			do {
				if (list.length > 0) this.pos++;
				list.push(this.additive());
			} while (this.isOp(','));
			this.expectOp(')');
			return { kind: 'in', expr: left, list, negated };
		}
		if (this.isWord('LIKE')) {
			this.pos++;
			return { kind: 'like', expr: left, pattern: this.additive(), negated };
		}
		if (this.isWord('BETWEEN')) {
			this.pos++;
			const low = this.additive();
			this.expectWord('AND');
			return { kind: 'between', expr: left, low, high: this.additive(), negated };
		}
		if (negated) throw new SuiteQlError(`Expected IN, LIKE or BETWEEN after NOT ${this.where()}`);
		return left;
	}

	private additive(): Expr {
		let left = this.primary();
		while (this.isOp('||') || this.isOp('+') || this.isOp('-')) {
			const op = (this.peek() as { value: string }).value;
			this.pos++;
			left = { kind: 'binary', op, left, right: this.primary() };
		}
		return left;
	}

	private primary(): Expr {
		const t = this.peek();
		if (!t) throw new SuiteQlError('Unexpected end of the query');
		if (t.kind === 'string') {
			this.pos++;
			return { kind: 'literal', value: t.value };
		}
		if (t.kind === 'number') {
			this.pos++;
			return { kind: 'literal', value: t.value };
		}
		if (t.kind === 'op' && t.value === '(') {
			this.pos++;
			const inner = this.expr();
			this.expectOp(')');
			return inner;
		}
		if (t.kind === 'op' && t.value === '-') {
			this.pos++;
			const operand = this.primary();
			return { kind: 'binary', op: '-', left: { kind: 'literal', value: 0 }, right: operand };
		}
		if (t.kind === 'word') {
			if (t.upper === 'NULL') {
				this.pos++;
				return { kind: 'literal', value: null };
			}
			if (RESERVED.has(t.upper)) throw new SuiteQlError(`Unexpected ${this.where()}`);
			this.pos++;
			if (this.isOp('(')) {
				this.pos++;
				const args: Expr[] = [];
				if (!this.isOp(')')) {
					do {
						if (args.length > 0) this.pos++;
						args.push(this.isOp('*') ? (this.pos++, { kind: 'literal', value: '*' } as Expr) : this.expr());
					} while (this.isOp(','));
				}
				this.expectOp(')');
				return { kind: 'call', name: t.upper, args };
			}
			let name = t.value;
			while (this.isOp('.')) {
				this.pos++;
				name = this.identifier();
			}
			return { kind: 'column', name: name.toLowerCase() };
		}
		throw new SuiteQlError(`Unexpected ${this.where()}`);
	}
}

export function parseSuiteQl(text: string): Query {
	return new Parser(tokenize(text)).parse();
}

/* ------------------------------------------------------------------ evaluation */

const FORMAT_TOKENS = /^(YYYY|MM|DD|HH24|HH|MI|SS|"[^"]*")/;

function pad(n: number, width = 2): string {
	return String(n).padStart(width, '0');
}

/** Oracle TO_CHAR date formatting for the tokens integrations use. */
export function formatDate(date: Date, format: string): string {
	let out = '';
	let i = 0;
	while (i < format.length) {
		const match = FORMAT_TOKENS.exec(format.slice(i));
		if (!match) {
			out += format[i++];
			continue;
		}
		const token = match[1];
		i += token.length;
		if (token.startsWith('"')) out += token.slice(1, -1);
		else if (token === 'YYYY') out += pad(date.getUTCFullYear(), 4);
		else if (token === 'MM') out += pad(date.getUTCMonth() + 1);
		else if (token === 'DD') out += pad(date.getUTCDate());
		else if (token === 'HH24' || token === 'HH') out += pad(date.getUTCHours());
		else if (token === 'MI') out += pad(date.getUTCMinutes());
		else if (token === 'SS') out += pad(date.getUTCSeconds());
	}
	return out;
}

/** Oracle TO_DATE / TO_TIMESTAMP parsing (UTC) for the same tokens. */
export function parseDate(text: string, format: string): Date {
	const parts: Record<string, number> = { YYYY: 1970, MM: 1, DD: 1, HH: 0, MI: 0, SS: 0 };
	let i = 0;
	let j = 0;
	while (i < format.length) {
		const match = FORMAT_TOKENS.exec(format.slice(i));
		if (!match) {
			if (text[j] !== format[i]) throw new SuiteQlError(`The date "${text}" does not match the format "${format}"`);
			i++;
			j++;
			continue;
		}
		const token = match[1];
		i += token.length;
		if (token.startsWith('"')) {
			j += token.length - 2;
			continue;
		}
		const width = token === 'YYYY' ? 4 : 2;
		const digits = text.slice(j, j + width);
		if (!/^\d+$/.test(digits)) throw new SuiteQlError(`The date "${text}" does not match the format "${format}"`);
		parts[token === 'HH24' ? 'HH' : token] = Number(digits);
		j += width;
	}
	if (j !== text.length) throw new SuiteQlError(`The date "${text}" does not match the format "${format}"`);
	return new Date(Date.UTC(parts.YYYY, parts.MM - 1, parts.DD, parts.HH, parts.MI, parts.SS));
}

export type Row = Record<string, Value>;

/** A table's rows and its columns; `scan` may start after a given id to keep large tables cheap. */
export interface Table {
	name: string;
	columns: string[];
	rows(afterId?: number): Iterable<Row>;
	/** Tables whose ids are exactly 1..count can answer id-only queries without scanning. */
	contiguous?: { count(): number; row(id: number): Row };
}

function compare(a: Value, b: Value): number | undefined {
	if (a === null || b === null) return undefined;
	if (a instanceof Date || b instanceof Date) {
		const ta = a instanceof Date ? a.getTime() : new Date(String(a)).getTime();
		const tb = b instanceof Date ? b.getTime() : new Date(String(b)).getTime();
		return ta - tb;
	}
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	if (typeof a === 'number' || typeof b === 'number') {
		const na = Number(a);
		const nb = Number(b);
		if (Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
	}
	const sa = String(a);
	const sb = String(b);
	return sa < sb ? -1 : sa > sb ? 1 : 0;
}

export class Evaluator {
	constructor(private readonly table: Table) {}

	checkColumns(expr: Expr | undefined): void {
		if (!expr) return;
		switch (expr.kind) {
			case 'column':
				if (!this.table.columns.includes(expr.name)) {
					throw new SuiteQlError(`Search error occurred: Field '${expr.name}' for record '${this.table.name}' was not found.`);
				}
				return;
			case 'literal':
				return;
			case 'call':
				return expr.args.forEach((a) => this.checkColumns(a));
			case 'binary':
				this.checkColumns(expr.left);
				return this.checkColumns(expr.right);
			case 'not':
			case 'isNull':
				return this.checkColumns(expr.expr);
			case 'in':
				this.checkColumns(expr.expr);
				return expr.list.forEach((e) => this.checkColumns(e));
			case 'like':
				this.checkColumns(expr.expr);
				return this.checkColumns(expr.pattern);
			case 'between':
				this.checkColumns(expr.expr);
				this.checkColumns(expr.low);
				return this.checkColumns(expr.high);
		}
	}

	value(expr: Expr, row: Row): Value {
		switch (expr.kind) {
			case 'column':
				return row[expr.name] ?? null;
			case 'literal':
				return expr.value;
			case 'call':
				return this.call(expr.name, expr.args.map((a) => this.value(a, row)));
			case 'binary': {
				if (expr.op === 'AND' || expr.op === 'OR') return this.truth(expr, row) ? 1 : 0;
				const l = this.value(expr.left, row);
				const r = this.value(expr.right, row);
				if (expr.op === '||') return `${l ?? ''}${r ?? ''}`;
				if (expr.op === '+' || expr.op === '-') {
					if (l === null || r === null) return null;
					return expr.op === '+' ? Number(l) + Number(r) : Number(l) - Number(r);
				}
				return this.truth(expr, row) ? 1 : 0;
			}
			default:
				return this.truth(expr, row) ? 1 : 0;
		}
	}

	truth(expr: Expr, row: Row): boolean {
		switch (expr.kind) {
			case 'binary': {
				if (expr.op === 'AND') return this.truth(expr.left, row) && this.truth(expr.right, row);
				if (expr.op === 'OR') return this.truth(expr.left, row) || this.truth(expr.right, row);
				const c = compare(this.value(expr.left, row), this.value(expr.right, row));
				if (c === undefined) return false;
				switch (expr.op) {
					case '=':
						return c === 0;
					case '<>':
						return c !== 0;
					case '<':
						return c < 0;
					case '>':
						return c > 0;
					case '<=':
						return c <= 0;
					case '>=':
						return c >= 0;
				}
				throw new SuiteQlError(`Operator ${expr.op} cannot be used as a condition`);
			}
			case 'not':
				return !this.truth(expr.expr, row);
			case 'isNull': {
				const v = this.value(expr.expr, row);
				return (v === null || v === '') !== expr.negated;
			}
			case 'in': {
				const v = this.value(expr.expr, row);
				const found = expr.list.some((e) => compare(v, this.value(e, row)) === 0);
				return found !== expr.negated;
			}
			case 'like': {
				const v = this.value(expr.expr, row);
				if (v === null) return false;
				const pattern = String(this.value(expr.pattern, row) ?? '');
				const regex = new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.')}$`, 's');
				return regex.test(String(v)) !== expr.negated;
			}
			case 'between': {
				const v = this.value(expr.expr, row);
				const lo = compare(v, this.value(expr.low, row));
				const hi = compare(v, this.value(expr.high, row));
				if (lo === undefined || hi === undefined) return false;
				return (lo >= 0 && hi <= 0) !== expr.negated;
			}
			default: {
				const v = this.value(expr, row);
				return v !== null && v !== 0 && v !== '';
			}
		}
	}

	private call(name: string, args: Value[]): Value {
		switch (name) {
			case 'TO_CHAR': {
				const [v, format] = args;
				if (v === null) return null;
				if (v instanceof Date) return formatDate(v, String(format ?? 'MM/DD/YYYY'));
				return String(v);
			}
			case 'TO_DATE':
			case 'TO_TIMESTAMP': {
				const [v, format] = args;
				if (v === null) return null;
				if (v instanceof Date) return v;
				return parseDate(String(v), String(format ?? 'MM/DD/YYYY'));
			}
			case 'UPPER':
				return args[0] === null ? null : String(args[0]).toUpperCase();
			case 'LOWER':
				return args[0] === null ? null : String(args[0]).toLowerCase();
			case 'NVL':
				return args[0] ?? args[1] ?? null;
			default:
				throw new SuiteQlError(`Function ${name} is not supported by the sandbox's SuiteQL engine`);
		}
	}
}

/** The smallest id a WHERE clause allows, from top-level `id > n` / `id >= n` conjuncts (lets large tables skip ahead). */
export function lowerIdBound(expr: Expr | undefined): number | undefined {
	if (!expr || expr.kind !== 'binary') return undefined;
	if (expr.op === 'AND') {
		const a = lowerIdBound(expr.left);
		const b = lowerIdBound(expr.right);
		return a === undefined ? b : b === undefined ? a : Math.max(a, b);
	}
	if (expr.left.kind === 'column' && expr.left.name === 'id' && expr.right.kind === 'literal' && typeof expr.right.value === 'number') {
		if (expr.op === '>') return Math.floor(expr.right.value);
		if (expr.op === '>=') return Math.ceil(expr.right.value) - 1;
	}
	return undefined;
}

/** Inclusive id bounds when the WHERE is only AND-ed comparisons of `id` with numbers; undefined otherwise. */
export function idOnlyBounds(expr: Expr | undefined): { lo: number; hi: number } | undefined {
	if (!expr) return { lo: -Infinity, hi: Infinity };
	if (expr.kind !== 'binary') return undefined;
	if (expr.op === 'AND') {
		const a = idOnlyBounds(expr.left);
		const b = idOnlyBounds(expr.right);
		return a && b ? { lo: Math.max(a.lo, b.lo), hi: Math.min(a.hi, b.hi) } : undefined;
	}
	if (expr.left.kind !== 'column' || expr.left.name !== 'id' || expr.right.kind !== 'literal' || typeof expr.right.value !== 'number') return undefined;
	const v = expr.right.value;
	switch (expr.op) {
		case '>':
			return { lo: Math.floor(v) + 1, hi: Infinity };
		case '>=':
			return { lo: Math.ceil(v), hi: Infinity };
		case '<':
			return { lo: -Infinity, hi: Math.ceil(v) - 1 };
		case '<=':
			return { lo: -Infinity, hi: Math.floor(v) };
		case '=':
			return Number.isInteger(v) ? { lo: v, hi: v } : { lo: 1, hi: 0 };
		default:
			return undefined;
	}
}

/** Raw DATE values come out in the user's date format preference (M/D/YYYY here), without time. */
function render(value: Value): string | undefined {
	if (value === null || value === undefined) return undefined;
	if (value instanceof Date) return `${value.getUTCMonth() + 1}/${value.getUTCDate()}/${value.getUTCFullYear()}`;
	return String(value);
}

export interface QueryResult {
	total: number;
	rows: Array<Record<string, string>>;
}

/** Runs a parsed query and returns the requested window of rows (nulls omitted, as NetSuite does) and the total. */
export function runQuery(query: Query, table: Table, offset: number, limit: number): QueryResult {
	const evaluator = new Evaluator(table);
	for (const item of query.select) evaluator.checkColumns(item.expr);
	evaluator.checkColumns(query.where);
	for (const o of query.orderBy) evaluator.checkColumns(o.expr);

	const naturalOrder =
		query.orderBy.length === 0 ||
		(query.orderBy.length === 1 && !query.orderBy[0].desc && query.orderBy[0].expr.kind === 'column' && query.orderBy[0].expr.name === 'id');
	const project = (row: Row): Record<string, string> => {
		const out: Record<string, string> = {};
		query.select.forEach((item, index) => {
			if (item.star) {
				for (const column of table.columns) {
					const v = render(row[column] ?? null);
					if (v !== undefined) out[column] = v;
				}
				return;
			}
			const expr = item.expr as Expr;
			const name = (item.alias ?? (expr.kind === 'column' ? expr.name : `expr${index + 1}`)).toLowerCase();
			const v = render(evaluator.value(expr, row));
			if (v !== undefined) out[name] = v;
		});
		return out;
	};

	const after = lowerIdBound(query.where);
	const bounds = table.contiguous && naturalOrder && !query.distinct ? idOnlyBounds(query.where) : undefined;
	if (table.contiguous && bounds) {
		// Ids 1..n with an id-only filter: the window is computed, not scanned (large tables stay cheap).
		const lo = Math.max(1, bounds.lo);
		const hi = Math.min(table.contiguous.count(), bounds.hi);
		const total = Math.max(0, hi - lo + 1);
		const rows: Array<Record<string, string>> = [];
		for (let id = lo + offset; id <= hi && rows.length < limit; id++) rows.push(project(table.contiguous.row(id)));
		return { total, rows };
	}
	if (naturalOrder && !query.distinct) {
		// Rows come in id order: count every match but build only the requested window.
		let total = 0;
		const rows: Array<Record<string, string>> = [];
		for (const row of table.rows(after)) {
			if (query.where && !evaluator.truth(query.where, row)) continue;
			if (total >= offset && rows.length < limit) rows.push(project(row));
			total++;
		}
		return { total, rows };
	}
	const matched: Row[] = [];
	for (const row of table.rows(after)) if (!query.where || evaluator.truth(query.where, row)) matched.push(row);
	matched.sort((a, b) => {
		for (const { expr, desc } of query.orderBy) {
			const va = evaluator.value(expr, a);
			const vb = evaluator.value(expr, b);
			if (va === null && vb === null) continue;
			if (va === null) return 1;
			if (vb === null) return -1;
			const c = compare(va, vb) ?? 0;
			if (c !== 0) return desc ? -c : c;
		}
		return 0;
	});
	let projected = matched.map(project);
	if (query.distinct) {
		const seen = new Set<string>();
		projected = projected.filter((r) => {
			const key = JSON.stringify(r);
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		});
	}
	return { total: projected.length, rows: projected.slice(offset, offset + limit) };
}
