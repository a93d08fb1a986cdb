import { toDecimal, type Decimal } from '../../../common/canonical/decimal';
import type { AggregateName, CompareOp, Condition, Expr, Literal } from './ast';
import { FormulaError } from './errors';
import { tokenize, type Token } from './lexer';

/** Longer formulas and deeper nesting are refused: a KPI formula is a line, not a program. */
export const MAX_FORMULA_LENGTH = 2000;
const MAX_DEPTH = 64;

const AGGREGATES: Record<string, AggregateName> = {
	sum: 'sum',
	avg: 'avg',
	average: 'avg',
	min: 'min',
	max: 'max',
	count: 'count',
	countif: 'countIf',
	sumif: 'sumIf',
	avgif: 'avgIf',
	countdistinct: 'countDistinct',
	distinct: 'countDistinct',
};

export const FUNCTION_NAMES = ['sum', 'avg', 'min', 'max', 'count', 'countIf', 'sumIf', 'avgIf', 'countDistinct'];

/**
 * Parses a KPI formula: numbers, metric names (plain or [in brackets]), + - * / (and − × ÷),
 * parentheses, unary minus, and aggregates over the group's rows. A metric outside any aggregate
 * means the sum of that metric over the rows. Nothing is evaluated here and nothing is executed.
 */
export function parseFormula(formula: string): Expr {
	if (formula.length > MAX_FORMULA_LENGTH) throw new FormulaError(`the formula is longer than ${MAX_FORMULA_LENGTH} characters`, MAX_FORMULA_LENGTH + 1, formula);
	const parser = new Parser(formula, tokenize(formula));
	return parser.parse();
}

/** Parses a row condition on its own (a KPI's filter). */
export function parseCondition(text: string): Condition {
	if (text.length > MAX_FORMULA_LENGTH) throw new FormulaError(`the condition is longer than ${MAX_FORMULA_LENGTH} characters`, MAX_FORMULA_LENGTH + 1, text);
	const parser = new Parser(text, tokenize(text));
	return parser.parseConditionOnly();
}

class Parser {
	private index = 0;
	private depth = 0;
	private inAggregate = false;

	constructor(
		private readonly formula: string,
		private readonly tokens: Token[],
	) {}

	parse(): Expr {
		if (this.peek().type === 'end') throw this.error('the formula is empty', this.peek());
		const expr = this.expression();
		this.expectEnd();
		return expr;
	}

	parseConditionOnly(): Condition {
		const condition = this.condition();
		this.expectEnd();
		return condition;
	}

	private expectEnd(): void {
		const token = this.peek();
		if (token.type !== 'end') throw this.error(`unexpected ${describe(token)}; expected an operator or the end of the formula`, token);
	}

	private peek(): Token {
		return this.tokens[this.index];
	}

	private next(): Token {
		const token = this.tokens[this.index];
		if (token.type !== 'end') this.index++;
		return token;
	}

	private expect(type: Token['type'], what: string): Token {
		const token = this.peek();
		if (token.type !== type) throw this.error(`expected ${what} but found ${describe(token)}`, token);
		return this.next();
	}

	private error(reason: string, token: Token): FormulaError {
		return new FormulaError(reason, token.pos, this.formula);
	}

	private expression(): Expr {
		let left = this.term();
		while (this.peek().type === 'op' && (this.peek().text === '+' || this.peek().text === '-')) {
			const op = this.next().text as '+' | '-';
			const right = this.term();
			left = { kind: 'binary', op, left, right, pos: left.pos, end: right.end };
		}
		return left;
	}

	private term(): Expr {
		let left = this.unary();
		while (this.peek().type === 'op' && (this.peek().text === '*' || this.peek().text === '/')) {
			const op = this.next().text as '*' | '/';
			const right = this.unary();
			left = { kind: 'binary', op, left, right, pos: left.pos, end: right.end };
		}
		return left;
	}

	private unary(): Expr {
		const token = this.peek();
		if (token.type === 'op' && (token.text === '-' || token.text === '+')) {
			this.next();
			const operand = this.nested(() => this.unary());
			return token.text === '+' ? operand : { kind: 'negate', operand, pos: token.pos, end: operand.end };
		}
		return this.primary();
	}

	private nested<T>(parse: () => T): T {
		if (++this.depth > MAX_DEPTH) throw this.error(`the formula is nested more than ${MAX_DEPTH} levels deep`, this.peek());
		try {
			return parse();
		} finally {
			this.depth--;
		}
	}

	private primary(): Expr {
		const token = this.next();
		if (token.type === 'number') return { kind: 'number', value: toDecimal(token.text) as Decimal, pos: token.pos, end: token.end };
		if (token.type === '(') {
			const inner = this.nested(() => this.expression());
			const close = this.expect(')', '")"');
			return { ...inner, pos: token.pos, end: close.end };
		}
		if (token.type === 'name') {
			if (this.peek().type === '(') return this.call(token);
			const metric: Expr = { kind: 'metric', name: token.text, pos: token.pos, end: token.end };
			return this.inAggregate ? metric : { kind: 'aggregate', fn: 'sum', arg: metric, implicit: true, pos: token.pos, end: token.end };
		}
		if (token.type === 'end') throw this.error('the formula ends too early; expected a number, a metric or "("', token);
		throw this.error(`unexpected ${describe(token)}; expected a number, a metric or "("`, token);
	}

	private call(name: Token): Expr {
		const fn = AGGREGATES[name.text.toLowerCase()];
		if (!fn) throw this.error(`unknown function "${name.text}" (known: ${FUNCTION_NAMES.join(', ')})`, name);
		if (this.inAggregate) throw this.error(`"${name.text}" is inside another aggregate; aggregates cannot be nested`, name);
		this.next(); // (
		this.inAggregate = true;
		try {
			const node = this.nested(() => this.callArguments(fn, name));
			const close = this.expect(')', `")" to close ${name.text}(`);
			return { ...node, kind: 'aggregate', fn, pos: name.pos, end: close.end };
		} finally {
			this.inAggregate = false;
		}
	}

	private callArguments(fn: AggregateName, name: Token): Partial<Extract<Expr, { kind: 'aggregate' }>> {
		switch (fn) {
			case 'count':
				return this.peek().type === ')' ? {} : { field: this.fieldName(`${name.text}() takes no argument or one field name`) };
			case 'countDistinct':
				return { field: this.fieldName(`${name.text}() takes one field name`) };
			case 'countIf':
				return { condition: this.condition() };
			case 'sumIf':
			case 'avgIf': {
				const arg = this.expression();
				this.expect(',', `"," and a condition (${name.text}(value, field = "x"))`);
				return { arg, condition: this.condition() };
			}
			default:
				if (this.peek().type === ')') throw this.error(`${name.text}() needs a value, e.g. ${name.text}(revenue)`, this.peek());
				return { arg: this.expression() };
		}
	}

	private fieldName(usage: string): string {
		const token = this.peek();
		if (token.type !== 'name' || this.tokens[this.index + 1].type === '(') throw this.error(`${usage}; found ${describe(token)}`, token);
		return this.next().text;
	}

	/** `field op literal`: numbers compare as numbers; text and true/false only with = and !=. */
	private condition(): Condition {
		const field = this.peek();
		if (field.type !== 'name' || this.tokens[this.index + 1].type === '(') {
			throw this.error(`expected a condition such as revenue_type = "recurring"; found ${describe(field)}`, field);
		}
		this.next();
		const op = this.expect('compare', 'a comparison (=, !=, <, <=, >, >=)');
		const literal = this.literal();
		if (literal.kind !== 'number' && op.text !== '=' && op.text !== '!=') {
			throw this.error(`only = and != can compare ${literal.kind === 'text' ? 'text' : 'true/false'}`, op);
		}
		return { field: field.text, op: op.text as CompareOp, literal, pos: field.pos, end: this.tokens[this.index - 1].end };
	}

	private literal(): Literal {
		const token = this.next();
		if (token.type === 'text') return { kind: 'text', value: token.text };
		if (token.type === 'number') return { kind: 'number', value: toDecimal(token.text) as Decimal };
		if (token.type === 'op' && token.text === '-' && this.peek().type === 'number') {
			return { kind: 'number', value: toDecimal(`-${this.next().text}`) as Decimal };
		}
		if (token.type === 'name' && /^(true|false)$/i.test(token.text)) return { kind: 'boolean', value: token.text.toLowerCase() === 'true' };
		throw this.error(`expected a number, "text" or true/false to compare with; found ${describe(token)}`, token);
	}
}

function describe(token: Token): string {
	if (token.type === 'end') return 'the end of the formula';
	if (token.type === 'text') return `"${token.text}"`;
	return `"${token.text}"`;
}
