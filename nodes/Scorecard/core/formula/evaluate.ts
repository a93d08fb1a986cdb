import { addDecimals, compareDecimals, divideDecimals, multiplyDecimals, subtractDecimals, type Decimal } from '../../../common/canonical/decimal';
import type { Expr } from './ast';
import { fieldOf, isEmpty, matches, numericCell, type Row } from './values';

/** Places kept by divisions (ratios, averages) before the KPI's display rounding; half to even. */
export const DIVISION_PLACES = 20;

export type Outcome = { ok: true; value: Decimal } | { ok: false; reason: string };

type RowOutcome = { kind: 'value'; value: Decimal } | { kind: 'missing' } | { kind: 'na'; reason: string };

const snippet = (formula: string, expr: { pos: number; end: number }) => formula.slice(expr.pos - 1, expr.end - 1).trim();

function divide(formula: string, left: Decimal, right: Decimal, divisor: Expr): Outcome {
	if (compareDecimals(right, 0) === 0) return { ok: false, reason: `division by zero: ${snippet(formula, divisor)} is 0` };
	return { ok: true, value: divideDecimals(left, right, DIVISION_PLACES, 'halfEven') };
}

function arithmetic(op: '+' | '-' | '*', a: Decimal, b: Decimal): Decimal {
	return op === '+' ? addDecimals(a, b) : op === '-' ? subtractDecimals(a, b) : multiplyDecimals(a, b);
}

/** A row expression (inside an aggregate): a missing metric leaves the row out of the aggregate. */
function evaluateRow(formula: string, expr: Expr, row: Row): RowOutcome {
	switch (expr.kind) {
		case 'number':
			return { kind: 'value', value: expr.value };
		case 'metric': {
			const cell = numericCell(row, expr.name);
			return cell.kind === 'invalid' ? { kind: 'na', reason: cell.reason } : cell;
		}
		case 'negate': {
			const inner = evaluateRow(formula, expr.operand, row);
			return inner.kind === 'value' ? { kind: 'value', value: subtractDecimals(0, inner.value) } : inner;
		}
		case 'binary': {
			const left = evaluateRow(formula, expr.left, row);
			if (left.kind !== 'value') return left;
			const right = evaluateRow(formula, expr.right, row);
			if (right.kind !== 'value') return right;
			if (expr.op !== '/') return { kind: 'value', value: arithmetic(expr.op, left.value, right.value) };
			const quotient = divide(formula, left.value, right.value, expr.right);
			return quotient.ok ? { kind: 'value', value: quotient.value } : { kind: 'na', reason: `item ${row.item}: ${quotient.reason}` };
		}
		default:
			// The parser refuses nested aggregates.
			return { kind: 'na', reason: `${snippet(formula, expr)} cannot be used inside another aggregate` };
	}
}

/** The row values of an aggregate's argument; the first invalid row makes the result n/a. */
function collect(formula: string, arg: Expr, rows: Row[]): { values: Decimal[]; na?: string } {
	const values: Decimal[] = [];
	for (const row of rows) {
		const outcome = evaluateRow(formula, arg, row);
		if (outcome.kind === 'na') return { values, na: outcome.reason };
		if (outcome.kind === 'value') values.push(outcome.value);
	}
	return { values };
}

const total = (values: Decimal[]) => values.reduce((sum, value) => addDecimals(sum, value), '0');

function aggregate(formula: string, expr: Extract<Expr, { kind: 'aggregate' }>, rows: Row[]): Outcome {
	const what = snippet(formula, expr);
	const noValues: Outcome = { ok: false, reason: expr.implicit ? `no value for ${what}` : `no rows with a value for ${what}` };
	switch (expr.fn) {
		case 'count':
			return { ok: true, value: String(expr.field ? rows.filter((row) => !isEmpty(fieldOf(row, expr.field as string))).length : rows.length) };
		case 'countIf':
			return { ok: true, value: String(rows.filter((row) => matches(row, expr.condition!)).length) };
		case 'countDistinct': {
			const seen = new Set<string>();
			for (const row of rows) {
				const raw = fieldOf(row, expr.field as string);
				if (!isEmpty(raw)) seen.add(typeof raw === 'object' ? JSON.stringify(raw) : String(raw).trim());
			}
			return { ok: true, value: String(seen.size) };
		}
		case 'sumIf':
		case 'avgIf': {
			const all = collect(formula, expr.arg!, rows);
			if (all.na) return { ok: false, reason: all.na };
			if (all.values.length === 0) return noValues;
			const { values } = collect(formula, expr.arg!, rows.filter((row) => matches(row, expr.condition!)));
			if (expr.fn === 'sumIf') return { ok: true, value: total(values) };
			if (values.length === 0) return { ok: false, reason: `no rows match ${snippet(formula, expr.condition!)}` };
			return { ok: true, value: divideDecimals(total(values), values.length, DIVISION_PLACES, 'halfEven') };
		}
		default: {
			const { values, na } = collect(formula, expr.arg!, rows);
			if (na) return { ok: false, reason: na };
			if (values.length === 0) return noValues;
			if (expr.fn === 'sum') return { ok: true, value: total(values) };
			if (expr.fn === 'avg') return { ok: true, value: divideDecimals(total(values), values.length, DIVISION_PLACES, 'halfEven') };
			const pick = expr.fn === 'min' ? -1 : 1;
			return { ok: true, value: values.reduce((best, value) => (compareDecimals(value, best) === pick ? value : best)) };
		}
	}
}

/**
 * Evaluates a parsed formula over the rows of one group and period. Every step is exact decimal
 * arithmetic except division, which keeps DIVISION_PLACES places. Anything that has no value (a
 * division by zero, no rows with the metric, a value that is not a number) is n/a with the reason.
 */
export function evaluate(formula: string, expr: Expr, rows: Row[]): Outcome {
	switch (expr.kind) {
		case 'number':
			return { ok: true, value: expr.value };
		case 'metric':
			// Only reachable inside aggregates; a top-level metric is parsed as an implicit sum.
			return aggregate(formula, { kind: 'aggregate', fn: 'sum', arg: expr, implicit: true, pos: expr.pos, end: expr.end }, rows);
		case 'aggregate':
			return aggregate(formula, expr, rows);
		case 'negate': {
			const inner = evaluate(formula, expr.operand, rows);
			return inner.ok ? { ok: true, value: subtractDecimals(0, inner.value) } : inner;
		}
		default: {
			const left = evaluate(formula, expr.left, rows);
			if (!left.ok) return left;
			const right = evaluate(formula, expr.right, rows);
			if (!right.ok) return right;
			return expr.op === '/' ? divide(formula, left.value, right.value, expr.right) : { ok: true, value: arithmetic(expr.op, left.value, right.value) };
		}
	}
}
