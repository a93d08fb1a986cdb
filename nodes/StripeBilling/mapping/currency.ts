import { toDecimal } from '../../common/canonical';
import type { Decimal } from '../../common/canonical';

/**
 * Stripe amounts are integers in the currency's minor unit (docs.stripe.com/currencies): 1000 is
 * $10.00, ¥1000 and 1.000 KWD. Conversion shifts the decimal point on the digit string, so it is
 * exact; a value with more decimals than the currency has is refused instead of rounded.
 */
const ZERO_DECIMAL = new Set(['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf']);
const THREE_DECIMAL = new Set(['bhd', 'jod', 'kwd', 'omr', 'tnd']);

/** Digits after the decimal point in Stripe's minor unit of `currency` (ISK, HUF and TWD are two in Stripe's API). */
export function currencyExponent(currency: string): number {
	const code = currency.trim().toLowerCase();
	if (ZERO_DECIMAL.has(code)) return 0;
	if (THREE_DECIMAL.has(code)) return 3;
	return 2;
}

function shift(value: Decimal, places: number): Decimal {
	const negative = value.startsWith('-');
	const [whole, fraction = ''] = value.replace('-', '').split('.');
	let digits = whole + fraction;
	let point = whole.length + places;
	if (point < 0) {
		digits = '0'.repeat(-point) + digits;
		point = 0;
	}
	if (point > digits.length) digits += '0'.repeat(point - digits.length);
	return toDecimal(`${negative ? '-' : ''}${digits.slice(0, point) || '0'}.${digits.slice(point) || '0'}`) as Decimal;
}

/** A minor-unit amount (number or string) as a Decimal in major units: (1099, 'usd') → "10.99". */
export function fromMinorUnits(amount: unknown, currency: string): Decimal | undefined {
	const value = toDecimal(amount);
	return value === undefined ? undefined : shift(value, -currencyExponent(currency));
}

export class AmountPrecisionError extends Error {}

/**
 * A major-unit Decimal as Stripe's minor units: ("10.99", 'usd') → "1099". With `allowFraction`
 * (prices' unit_amount_decimal) sub-minor precision is kept ("0.0005" usd → "0.05").
 */
export function toMinorUnits(amount: unknown, currency: string, allowFraction = false): Decimal {
	const value = toDecimal(amount);
	if (value === undefined) throw new AmountPrecisionError(`"${String(amount)}" is not a number`);
	const minor = shift(value, currencyExponent(currency));
	if (!allowFraction && minor.includes('.')) {
		throw new AmountPrecisionError(
			`${value} ${currency.toUpperCase()} has more decimals than the currency's ${currencyExponent(currency)}; round it first`,
		);
	}
	return minor;
}
