import { evaluate } from '../../nodes/Scorecard/core/formula/evaluate';
import { parseFormula } from '../../nodes/Scorecard/core/formula/parser';
import type { Row } from '../../nodes/Scorecard/core/formula/values';

const rows = (...values: Array<Record<string, unknown>>): Row[] => values.map((v, item) => ({ values: v, item }));
const run = (formula: string, data: Row[]) => evaluate(formula, parseFormula(formula), data);
const value = (formula: string, data: Row[]) => {
	const outcome = run(formula, data);
	if (!outcome.ok) throw new Error(`n/a: ${outcome.reason}`);
	return outcome.value;
};

const billing = rows(
	{ revenue: '1000.10', revenue_type: 'recurring', customer: 'C1' },
	{ revenue: 250.2, revenue_type: 'Recurring ', customer: 'C2' },
	{ revenue: '499.70', revenue_type: 'one_time', customer: 'C1' },
	{ revenue: null, revenue_type: 'recurring', customer: '' },
	{ note: 'a row without revenue', customer: 'C3' },
);

describe('formula evaluation', () => {
	it('is exact decimal arithmetic (no binary floating point)', () => {
		expect(value('0.1 + 0.2', [])).toBe('0.3');
		expect(value('a * 3', rows({ a: '0.1' }))).toBe('0.3');
		expect(value('-(a - b)', rows({ a: 1, b: 3 }))).toBe('2');
		expect(value('1 / 3', [])).toBe('0.33333333333333333333');
		expect(value('2 / 3', [])).toBe('0.66666666666666666667');
	});

	it('sums a bare metric over the rows, skipping rows without it', () => {
		expect(value('revenue', billing)).toBe('1750');
		expect(value('sum(revenue)', billing)).toBe('1750');
	});

	it('computes each aggregate over the group rows', () => {
		expect(value('avg(revenue)', billing)).toBe('583.33333333333333333333');
		expect(value('min(revenue)', billing)).toBe('250.2');
		expect(value('max(revenue)', billing)).toBe('1000.1');
		expect(value('count()', billing)).toBe('5');
		expect(value('count(revenue)', billing)).toBe('3');
		expect(value('countDistinct(customer)', billing)).toBe('3');
		// Text compares trimmed and case-insensitively; a missing value is empty text.
		expect(value('countIf(revenue_type = "recurring")', billing)).toBe('3');
		expect(value('countIf(revenue_type != "recurring")', billing)).toBe('2');
		expect(value('sumIf(revenue, revenue_type = "recurring")', billing)).toBe('1250.3');
		expect(value('avgIf(revenue, revenue_type = "recurring")', billing)).toBe('625.15');
		expect(value('sumIf(revenue, revenue > 300)', billing)).toBe('1499.8');
		expect(value('countIf(revenue <= 250.2)', billing)).toBe('1');
		expect(value('sum(revenue * 2) - sum(revenue)', billing)).toBe('1750');
		expect(value('sumIf(revenue, revenue_type = "none")', billing)).toBe('0');
	});

	it('reads true/false and yes/no as 1/0 and in conditions', () => {
		const workflows = rows({ approved: true }, { approved: 'false' }, { approved: 'yes' }, { approved: 1 }, {});
		expect(value('countIf(approved = true)', workflows)).toBe('3');
		expect(value('countIf(approved != true)', workflows)).toBe('2');
		expect(value('sum(approved)', rows({ approved: true }, { approved: false }, { approved: true }))).toBe('2');
	});

	it('gives n/a with the reason on a division by zero, never Infinity or NaN', () => {
		expect(run('sum(won) / sum(due) * 100', rows({ won: 0, due: 0 }))).toEqual({ ok: false, reason: 'division by zero: sum(due) is 0' });
		expect(run('a / (b - c)', rows({ a: 1, b: 2, c: 2 }))).toEqual({ ok: false, reason: 'division by zero: (b - c) is 0' });
		expect(run('avg(a / b)', rows({ a: 1, b: 2 }, { a: 1, b: 0 }))).toEqual({ ok: false, reason: 'item 1: division by zero: b is 0' });
	});

	it('gives n/a when a metric has no value or is not a number', () => {
		expect(run('sum(cost)', billing)).toEqual({ ok: false, reason: 'no rows with a value for sum(cost)' });
		expect(run('cost + 1', billing)).toEqual({ ok: false, reason: 'no value for cost' });
		expect(run('avgIf(revenue, revenue_type = "none")', billing)).toEqual({ ok: false, reason: 'no rows match revenue_type = "none"' });
		expect(run('sum(revenue)', rows({ revenue: 5 }, { revenue: '12 EUR' }))).toEqual({ ok: false, reason: 'item 1: revenue is "12 EUR", not a number' });
		expect(run('sum(revenue)', rows({ revenue: { amount: 1 } }))).toEqual({ ok: false, reason: 'item 0: revenue is "{\\"amount\\":1}", not a number' });
	});

	it('never reads inherited properties as fields', () => {
		expect(run('constructor', rows({ a: 1 }))).toEqual({ ok: false, reason: 'no value for constructor' });
		expect(value('count(__proto__) + countDistinct(toString)', rows({ a: 1 }))).toBe('0');
	});
});
