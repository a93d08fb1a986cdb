/**
 * Money rules of the engine: rebates are computed exactly (decimal strings, no floats), rounded half
 * away from zero ("half-up") to the currency's minor units once per accrual; caps apply to the rounded
 * amount. Per-line shares (for the stacking and margin checks) carry 6 decimals.
 */
import { multiplyDecimals, toFixedDecimal, type Decimal } from '../../common/canonical/decimal';

export const SHARE_DECIMALS = 6;

/** Minor-unit decimals of an ISO 4217 code (USD 2, JPY 0, KWD 3); 2 for codes the runtime does not know. */
export function currencyDecimals(currency: string): number {
	try {
		return new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
	} catch {
		return 2;
	}
}

/** rate % of base, exact. */
export function percentOf(base: Decimal, rate: Decimal): Decimal {
	return multiplyDecimals(multiplyDecimals(base, rate), '0.01');
}

/** Rounded half-up to the minor units and written with all of them ("1500.00"). */
export function money(value: Decimal, decimals: number): Decimal {
	return toFixedDecimal(value, decimals);
}
