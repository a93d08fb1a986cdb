import { divideDecimals } from '../../nodes/common/canonical/decimal';

describe('divideDecimals (canonical/decimal.ts)', () => {
	it.each([
		['1', '3', 4, 'halfEven', '0.3333'],
		['2', '3', 4, 'halfEven', '0.6667'],
		['0.125', '1', 2, 'halfEven', '0.12'], // tie: to even
		['0.135', '1', 2, 'halfEven', '0.14'], // tie: to even
		['0.125', '1', 2, 'halfUp', '0.13'], // tie: away from zero
		['-0.125', '1', 2, 'halfUp', '-0.13'],
		['-0.125', '1', 2, 'halfEven', '-0.12'],
		['10', '-4', 0, 'halfEven', '-2'], // -2.5 to even
		['10', '-4', 0, 'halfUp', '-3'],
		['1234.50', '0.5', 2, 'halfEven', '2469'],
		['0.0001', '3', 2, 'halfEven', '0'],
	] as const)('%s / %s to %i places (%s) = %s', (a, b, places, rounding, expected) => {
		expect(divideDecimals(a, b, places, rounding)).toBe(expected);
	});

	it('refuses a zero divisor instead of returning Infinity', () => {
		expect(() => divideDecimals('1', '0.00', 2, 'halfEven')).toThrow(RangeError);
	});
});
