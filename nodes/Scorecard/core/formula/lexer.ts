import { FormulaError } from './errors';

export type TokenType = 'number' | 'name' | 'text' | 'op' | 'compare' | '(' | ')' | ',' | 'end';

export interface Token {
	type: TokenType;
	/** Normalised text: the number's digits, the name, the string's content, the operator. */
	text: string;
	/** 1-based column of the first character; `end` is the column after the last. */
	pos: number;
	end: number;
}

// Typographic operators are accepted so formulas can be pasted from documents and spreadsheets.
const OPERATORS: Record<string, string> = { '+': '+', '-': '-', '\u2212': '-', '*': '*', '\u00d7': '*', '/': '/', '\u00f7': '/' };
const COMPARE = ['<=', '>=', '!=', '<>', '==', '=', '<', '>'];
const NAME_START = /[A-Za-z_]/;
const NAME_PART = /[A-Za-z0-9_.]/;
const DIGIT = /[0-9]/;

/** Splits a formula into tokens; unknown characters and unclosed strings or names fail with their position. */
export function tokenize(formula: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	const push = (type: TokenType, text: string, start: number, end: number) => tokens.push({ type, text, pos: start + 1, end: end + 1 });
	while (i < formula.length) {
		const ch = formula[i];
		if (/\s/.test(ch)) {
			i++;
		} else if (DIGIT.test(ch) || (ch === '.' && DIGIT.test(formula[i + 1] ?? ''))) {
			const match = /^(\d*\.?\d+|\d+\.?)([eE][+-]?\d+)?/.exec(formula.slice(i)) as RegExpExecArray;
			push('number', match[0], i, i + match[0].length);
			i += match[0].length;
		} else if (NAME_START.test(ch)) {
			let j = i + 1;
			while (j < formula.length && NAME_PART.test(formula[j])) j++;
			push('name', formula.slice(i, j), i, j);
			i = j;
		} else if (ch === '[') {
			// [Field With Spaces]: a field name that is not a plain identifier.
			const close = formula.indexOf(']', i + 1);
			if (close < 0) throw new FormulaError('"[" is not closed by "]"', i + 1, formula);
			const name = formula.slice(i + 1, close).trim();
			if (!name) throw new FormulaError('empty field name "[]"', i + 1, formula);
			push('name', name, i, close + 1);
			i = close + 1;
		} else if (ch === '"' || ch === "'") {
			const close = formula.indexOf(ch, i + 1);
			if (close < 0) throw new FormulaError(`text starting with ${ch} is not closed`, i + 1, formula);
			push('text', formula.slice(i + 1, close), i, close + 1);
			i = close + 1;
		} else if (OPERATORS[ch]) {
			push('op', OPERATORS[ch], i, i + 1);
			i++;
		} else if (ch === '(' || ch === ')' || ch === ',') {
			push(ch, ch, i, i + 1);
			i++;
		} else {
			const compare = COMPARE.find((op) => formula.startsWith(op, i));
			if (!compare) throw new FormulaError(`unexpected character "${ch}"`, i + 1, formula);
			push('compare', compare === '==' ? '=' : compare === '<>' ? '!=' : compare, i, i + compare.length);
			i += compare.length;
		}
	}
	tokens.push({ type: 'end', text: '', pos: formula.length + 1, end: formula.length + 1 });
	return tokens;
}
