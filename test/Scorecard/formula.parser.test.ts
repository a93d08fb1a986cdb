import { metricsOf } from '../../nodes/Scorecard/core/formula/ast';
import { FormulaError } from '../../nodes/Scorecard/core/formula/errors';
import { parseCondition, parseFormula } from '../../nodes/Scorecard/core/formula/parser';

function failure(formula: string): FormulaError {
	try {
		parseFormula(formula);
	} catch (error) {
		if (error instanceof FormulaError) return error;
		throw error;
	}
	throw new Error(`"${formula}" parsed without an error`);
}

describe('formula parser', () => {
	it('reads precedence, parentheses, unary minus and typographic operators', () => {
		const expr = parseFormula('-a + b × (c − 2) ÷ 4');
		expect(expr).toMatchObject({
			kind: 'binary',
			op: '+',
			left: { kind: 'negate', operand: { kind: 'aggregate', fn: 'sum', implicit: true, arg: { kind: 'metric', name: 'a' } } },
			right: {
				kind: 'binary',
				op: '/',
				left: { kind: 'binary', op: '*', right: { kind: 'binary', op: '-', right: { kind: 'number', value: '2' } } },
				right: { kind: 'number', value: '4' },
			},
		});
		expect(metricsOf(expr)).toEqual(['a', 'b', 'c']);
	});

	it('parses every aggregate with its arguments and bracketed field names', () => {
		const expr = parseFormula('sumIf([Net Revenue], type = "recurring") + countIf(late = true) + count() + count(x) + countDistinct(user) + avgIf(d, d >= -1.5) + min(a) + MAX(b)');
		expect(metricsOf(expr)).toEqual(['Net Revenue', 'type', 'late', 'x', 'user', 'd', 'a', 'b']);
		expect(parseCondition('region != "EMEA"')).toMatchObject({ field: 'region', op: '!=', literal: { kind: 'text', value: 'EMEA' } });
		expect(parseCondition('days <> 3')).toMatchObject({ op: '!=', literal: { kind: 'number', value: '3' } });
	});

	it.each([
		['sum(a / sum(b))', 9, '"sum" is inside another aggregate; aggregates cannot be nested'],
		['sum(revenue', 12, 'expected ")" to close sum( but found the end of the formula'],
		['revenue * ', 11, 'the formula ends too early; expected a number, a metric or "("'],
		['foo(x)', 1, 'unknown function "foo" (known: sum, avg, min, max, count, countIf, sumIf, avgIf, countDistinct)'],
		['a $ b', 3, 'unexpected character "$"'],
		['countIf(type > "x")', 14, 'only = and != can compare text'],
		['(a + b', 7, 'expected ")" but found the end of the formula'],
		['a b', 3, 'unexpected "b"; expected an operator or the end of the formula'],
		['sumIf(revenue)', 14, 'expected "," and a condition (sumIf(value, field = "x")) but found ")"'],
		['', 1, 'the formula is empty'],
		['a + "abc', 5, 'text starting with " is not closed'],
		['[net revenue', 1, '"[" is not closed by "]"'],
		['countDistinct(a + b)', 17, 'expected ")" to close countDistinct( but found "+"'],
		['sum()', 5, 'sum() needs a value, e.g. sum(revenue)'],
		['countIf(a = b)', 13, 'expected a number, "text" or true/false to compare with; found "b"'],
	])('%j fails at position %i', (formula, position, reason) => {
		const error = failure(formula);
		expect(error.position).toBe(position);
		expect(error.reason).toBe(reason);
		expect(error.message).toBe(`${error.reason} at position ${position}`);
		expect(error.pointer.split('\n')[1]).toBe(`${' '.repeat(position - 1)}^`);
	});

	it('refuses hostile input without running anything', () => {
		expect(failure(`${'('.repeat(200)}1${')'.repeat(200)}`).reason).toMatch(/nested more than 64 levels/);
		expect(failure('1+'.repeat(1500)).reason).toMatch(/longer than 2000 characters/);
		expect(failure('process.exit(1)').reason).toMatch(/unknown function "process.exit"/);
		expect(failure('a; b').reason).toBe('unexpected character ";"');
		expect(failure('`x`').reason).toBe('unexpected character "`"');
		// Names are only field names: "constructor" is a metric like any other.
		expect(parseFormula('constructor + __proto__')).toMatchObject({ kind: 'binary' });
	});
});
