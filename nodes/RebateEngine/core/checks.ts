/**
 * Line checks over every program a line earns from, on lines with a positive amount and rebate:
 * - stacking: discount + Σ rebate shares must not exceed the strictest maxCombinedPercent of the line's
 *   programs, in percent of the line's value before discount (amount + discountAmount);
 * - margin: amount − cost − Σ rebate shares must not be negative (lines with a cost only).
 * Shares have 6 decimals (see accrue.ts); the comparison is exact on those.
 */
import { addDecimals, compareDecimals, divideDecimals, multiplyDecimals, subtractDecimals, toFixedDecimal } from '../../common/canonical/decimal';
import { negativeMargin, stackingExceeded, type LineProgramShare } from './exceptions';
import { percentOf } from './money';
import type { RebateException, RebateLine } from './types';

export function checkLine(line: RebateLine, shares: LineProgramShare[]): RebateException[] {
	if (shares.length === 0 || compareDecimals(line.amount, '0') <= 0) return [];
	const rebate = addDecimals(...shares.map((s) => s.share));
	if (compareDecimals(rebate, '0') <= 0) return [];
	const out: RebateException[] = [];

	const limits = shares.map((s) => s.program.maxCombinedPercent).filter((p): p is string => p !== undefined);
	const gross = addDecimals(line.amount, line.discountAmount);
	if (limits.length > 0 && compareDecimals(gross, '0') > 0) {
		const maxPercent = limits.reduce((min, p) => (compareDecimals(p, min) < 0 ? p : min));
		const combined = addDecimals(line.discountAmount, rebate);
		const limit = percentOf(gross, maxPercent);
		if (compareDecimals(combined, limit) > 0) {
			out.push(
				stackingExceeded(line, shares, {
					gross,
					rebate,
					combined,
					combinedPercent: toFixedDecimal(divideDecimals(multiplyDecimals(combined, '100'), gross, 2, 'halfUp'), 2),
					maxPercent,
					limit,
					excess: subtractDecimals(combined, limit),
				}),
			);
		}
	}

	if (line.cost !== undefined) {
		const before = subtractDecimals(line.amount, line.cost);
		const after = subtractDecimals(before, rebate);
		if (compareDecimals(after, '0') < 0) out.push(negativeMargin(line, shares, { rebate, before, after }));
	}
	return out;
}
