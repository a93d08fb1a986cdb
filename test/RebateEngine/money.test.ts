import { divideDecimals, toFixedDecimal } from '../../nodes/common/canonical/decimal';
import { computeAccrual } from '../../nodes/RebateEngine/core/accrue';
import { currencyDecimals, percentOf } from '../../nodes/RebateEngine/core/money';
import { line, program } from './helpers';

describe('decimal additions', () => {
	it('divides exactly, then rounds half away from zero once', () => {
		expect(divideDecimals('1', '3', 6, 'halfUp')).toBe('0.333333');
		expect(divideDecimals('2', '3', 6, 'halfUp')).toBe('0.666667');
		expect(divideDecimals('-2', '3', 2, 'halfUp')).toBe('-0.67');
		expect(divideDecimals('1', '8', 2, 'halfUp')).toBe('0.13'); // 0.125 → half up
		expect(divideDecimals('-1', '8', 2, 'halfUp')).toBe('-0.13');
		expect(divideDecimals('390.6', '19530', 4, 'halfUp')).toBe('0.02');
		expect(divideDecimals('7', '-2', 0, 'halfUp')).toBe('-4');
		expect(() => divideDecimals('1', '0', 2, 'halfUp')).toThrow('Division by zero');
	});

	it('writes fixed decimals', () => {
		expect(toFixedDecimal('1500', 2)).toBe('1500.00');
		expect(toFixedDecimal('0.005', 2)).toBe('0.01');
		expect(toFixedDecimal('-0.004', 2)).toBe('0.00');
		expect(toFixedDecimal('12.5', 0)).toBe('13');
		expect(toFixedDecimal('-2.345', 2)).toBe('-2.35');
	});
});

describe('money rules', () => {
	it('knows the minor units of the currency', () => {
		expect([currencyDecimals('USD'), currencyDecimals('JPY'), currencyDecimals('KWD')]).toEqual([2, 0, 3]);
	});

	it('computes rate × base exactly (no binary floating point)', () => {
		expect(percentOf('0.10', '3')).toBe('0.003');
		expect(percentOf('19530', '2')).toBe('390.6');
		// 0.1 + 0.2 style traps: 3 lines of 0.10 at 33.333 % = 0.099999 exactly.
		expect(percentOf('0.30', '33.333')).toBe('0.099999');
	});

	it('rounds half-up once per accrual, not per line', () => {
		// Three lines of 10.05 at 5 %: per line 0.5025 → 0.50 each = 1.50 if rounded per line;
		// once over the base: 5 % × 30.15 = 1.5075 → 1.51.
		const lines = [line({ amount: '10.05' }), line({ amount: '10.05' }), line({ amount: '10.05' })];
		const calc = computeAccrual(program({ tiers: [{ from: '0', rate: '5' }] }), lines);
		expect(calc.explanation.exactAmount).toBe('1.5075');
		expect(calc.amount).toBe('1.51');
	});

	it('rounds exactly half up (x.xx5 → up) and keeps the currency minor units', () => {
		const usd = computeAccrual(program({ tiers: [{ from: '0', rate: '1' }] }), [line({ amount: '100.50' })]);
		expect([usd.explanation.exactAmount, usd.amount]).toEqual(['1.005', '1.01']);
		const jpy = computeAccrual(program({ currency: 'JPY', tiers: [{ from: '0', rate: '1' }] }), [line({ amount: '1250', currency: 'JPY' })]);
		expect(jpy.amount).toBe('13'); // 12.5 → 13
		const kwd = computeAccrual(program({ currency: 'KWD', tiers: [{ from: '0', rate: '1' }] }), [line({ amount: '10.0005', currency: 'KWD' })]);
		expect(kwd.amount).toBe('0.100'); // 0.100005 → 0.100
		const fixedDecimals = computeAccrual(program({ decimals: 4, tiers: [{ from: '0', rate: '1' }] }), [line({ amount: '100.505' })]);
		expect(fixedDecimals.amount).toBe('1.0051'); // 1.00505 → 1.0051
	});

	it('applies the cap after rounding: a rounded amount equal to the cap is not capped', () => {
		// 1 % × 49999.50 = 499.995 → 500.00 = cap: not above it.
		const atCap = computeAccrual(program({ cap: '500', tiers: [{ from: '0', rate: '1' }] }), [line({ amount: '49999.50' })]);
		expect([atCap.explanation.exactAmount, atCap.amount, atCap.explanation.capped]).toEqual(['499.995', '500.00', false]);
		// 1 % × 50000.50 = 500.005 → 500.01 > 500: capped at 500.00, excess 0.01.
		const above = computeAccrual(program({ cap: '500', tiers: [{ from: '0', rate: '1' }] }), [line({ amount: '50000.50' })]);
		expect([above.explanation.calculatedAmount, above.amount, above.explanation.capped]).toEqual(['500.01', '500.00', true]);
	});

	it('allocates the accrued amount to lines by weight, to 6 decimals', () => {
		const lines = [line({ amount: '100' }), line({ amount: '200' }), line({ amount: '-30', documentType: 'credit_memo' })];
		const calc = computeAccrual(program({ tiers: [{ from: '0', rate: '10' }] }), lines);
		expect(calc.amount).toBe('27.00');
		expect([...calc.shares.values()]).toEqual(['10', '20', '-3']);
		const thirds = computeAccrual(program({ cap: '10', tiers: [{ from: '0', rate: '10' }] }), [line({ amount: '100' }), line({ amount: '100' }), line({ amount: '100' })]);
		expect([...thirds.shares.values()]).toEqual(['3.333333', '3.333333', '3.333333']);
	});
});
