/**
 * Parser for ConnectWise's `conditions` query language (Developer Guide, "Conditions"):
 * strings in quotes, numbers and `True`/`False` bare, datetimes in `[...]`, `null`, operators
 * `= != < <= > >= contains like in not`, `and`/`or` (and binds tighter), parentheses, and
 * reference paths such as `status/name`. Keywords and field names are case-insensitive.
 */

export type Literal =
	| { type: 'string'; value: string }
	| { type: 'number'; value: number }
	| { type: 'boolean'; value: boolean }
	| { type: 'null' }
	| { type: 'date'; value: number; raw: string };

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'contains' | 'like' | 'in';

export type ConditionNode =
	| { kind: 'and' | 'or'; left: ConditionNode; right: ConditionNode }
	| { kind: 'not'; expr: ConditionNode }
	| { kind: 'compare'; field: string[]; op: CompareOp; negate: boolean; value: Literal | Literal[] };

export class ConditionSyntaxError extends Error {
	constructor(
		message: string,
		readonly position: number,
	) {
		super(`${message} at position ${position}`);
	}
}

type TokenKind = 'ident' | 'string' | 'number' | 'date' | 'op' | 'lparen' | 'rparen' | 'comma' | 'eof';

interface Token {
	kind: TokenKind;
	text: string;
	pos: number;
	value?: string | number;
}

const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_/.]/;

export function tokenize(input: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < input.length) {
		const c = input[i];
		if (/\s/.test(c)) {
			i++;
			continue;
		}
		const start = i;
		if (c === '(' || c === ')' || c === ',') {
			tokens.push({ kind: c === '(' ? 'lparen' : c === ')' ? 'rparen' : 'comma', text: c, pos: start });
			i++;
		} else if (c === '"' || c === "'") {
			// Double quotes are documented; single quotes are what many scripts send and the /search example uses.
			let value = '';
			i++;
			while (i < input.length && input[i] !== c) {
				if (input[i] === '\\' && i + 1 < input.length) i++;
				value += input[i];
				i++;
			}
			if (i >= input.length) throw new ConditionSyntaxError('Unterminated string', start);
			i++;
			tokens.push({ kind: 'string', text: input.slice(start, i), pos: start, value });
		} else if (c === '[') {
			const end = input.indexOf(']', i);
			if (end < 0) throw new ConditionSyntaxError('Unterminated datetime', start);
			const raw = input.slice(i + 1, end).trim();
			const value = Date.parse(raw);
			if (raw === '' || Number.isNaN(value)) throw new ConditionSyntaxError(`Invalid datetime [${raw}]`, start);
			tokens.push({ kind: 'date', text: input.slice(start, end + 1), pos: start, value });
			i = end + 1;
		} else if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(input[i + 1] ?? ''))) {
			i++;
			while (i < input.length && /[0-9.]/.test(input[i])) i++;
			const text = input.slice(start, i);
			const value = Number(text);
			if (Number.isNaN(value)) throw new ConditionSyntaxError(`Invalid number ${text}`, start);
			tokens.push({ kind: 'number', text, pos: start, value });
		} else if (c === '=' ) {
			tokens.push({ kind: 'op', text: '=', pos: start });
			i++;
		} else if (c === '!' ) {
			if (input[i + 1] !== '=') throw new ConditionSyntaxError("Unexpected '!'", start);
			tokens.push({ kind: 'op', text: '!=', pos: start });
			i += 2;
		} else if (c === '<' || c === '>') {
			const two = input[i + 1] === '=';
			tokens.push({ kind: 'op', text: two ? `${c}=` : c, pos: start });
			i += two ? 2 : 1;
		} else if (IDENT_START.test(c)) {
			while (i < input.length && IDENT_PART.test(input[i])) i++;
			tokens.push({ kind: 'ident', text: input.slice(start, i), pos: start });
		} else {
			throw new ConditionSyntaxError(`Unexpected character '${c}'`, start);
		}
	}
	tokens.push({ kind: 'eof', text: '', pos: input.length });
	return tokens;
}

const KEYWORDS = new Set(['and', 'or', 'not', 'contains', 'like', 'in', 'true', 'false', 'null']);

class Parser {
	private i = 0;

	constructor(private readonly tokens: Token[]) {}

	parse(): ConditionNode {
		const node = this.or();
		const t = this.peek();
		if (t.kind !== 'eof') throw new ConditionSyntaxError(`Unexpected '${t.text}'`, t.pos);
		return node;
	}

	private peek(): Token {
		return this.tokens[this.i];
	}

	private next(): Token {
		return this.tokens[this.i++];
	}

	private isKeyword(word: string, t: Token = this.peek()): boolean {
		return t.kind === 'ident' && t.text.toLowerCase() === word;
	}

	private or(): ConditionNode {
		let left = this.and();
		while (this.isKeyword('or')) {
			this.next();
			left = { kind: 'or', left, right: this.and() };
		}
		return left;
	}

	private and(): ConditionNode {
		let left = this.unary();
		while (this.isKeyword('and')) {
			this.next();
			left = { kind: 'and', left, right: this.unary() };
		}
		return left;
	}

	private unary(): ConditionNode {
		if (this.isKeyword('not')) {
			this.next();
			return { kind: 'not', expr: this.unary() };
		}
		const t = this.peek();
		if (t.kind === 'lparen') {
			this.next();
			const inner = this.or();
			const close = this.next();
			if (close.kind !== 'rparen') throw new ConditionSyntaxError(`Expected ')' but found '${close.text}'`, close.pos);
			return inner;
		}
		return this.comparison();
	}

	private comparison(): ConditionNode {
		const fieldToken = this.next();
		if (fieldToken.kind !== 'ident' || KEYWORDS.has(fieldToken.text.toLowerCase())) {
			throw new ConditionSyntaxError(`Expected a field name but found '${fieldToken.text || 'end of input'}'`, fieldToken.pos);
		}
		const field = fieldToken.text.split('/').filter((s) => s.length > 0);
		if (field.length === 0) throw new ConditionSyntaxError('Empty field name', fieldToken.pos);

		let negate = false;
		if (this.isKeyword('not')) {
			this.next();
			negate = true;
		}
		const opToken = this.next();
		let op: CompareOp;
		if (opToken.kind === 'op' && !negate) {
			op = opToken.text as CompareOp;
		} else if (opToken.kind === 'ident' && ['contains', 'like', 'in'].includes(opToken.text.toLowerCase())) {
			op = opToken.text.toLowerCase() as CompareOp;
		} else {
			throw new ConditionSyntaxError(`Expected an operator after '${fieldToken.text}' but found '${opToken.text || 'end of input'}'`, opToken.pos);
		}

		if (op === 'in') {
			const open = this.next();
			if (open.kind !== 'lparen') throw new ConditionSyntaxError(`Expected '(' after 'in' but found '${open.text}'`, open.pos);
			const values: Literal[] = [this.literal()];
			while (this.peek().kind === 'comma') {
				this.next();
				values.push(this.literal());
			}
			const close = this.next();
			if (close.kind !== 'rparen') throw new ConditionSyntaxError(`Expected ')' to close 'in' list but found '${close.text}'`, close.pos);
			return { kind: 'compare', field, op, negate, value: values };
		}
		const value = this.literal();
		if ((op === 'contains' || op === 'like') && value.type !== 'string') {
			throw new ConditionSyntaxError(`'${op}' needs a quoted string`, opToken.pos);
		}
		return { kind: 'compare', field, op, negate, value };
	}

	private literal(): Literal {
		const t = this.next();
		switch (t.kind) {
			case 'string':
				return { type: 'string', value: t.value as string };
			case 'number':
				return { type: 'number', value: t.value as number };
			case 'date':
				return { type: 'date', value: t.value as number, raw: t.text };
			case 'ident': {
				const word = t.text.toLowerCase();
				if (word === 'true' || word === 'false') return { type: 'boolean', value: word === 'true' };
				if (word === 'null') return { type: 'null' };
				throw new ConditionSyntaxError(`Expected a value but found '${t.text}' (strings need quotes)`, t.pos);
			}
			default:
				throw new ConditionSyntaxError(`Expected a value but found '${t.text || 'end of input'}'`, t.pos);
		}
	}
}

export function parseConditions(input: string): ConditionNode {
	return new Parser(tokenize(input)).parse();
}
