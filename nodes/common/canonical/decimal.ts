/**
 * Money and quantities travel as decimal strings ("1234.50"), never as binary floats, so an
 * amount read from one system reaches another unchanged. These helpers normalise and do exact
 * arithmetic on such strings (BigInt fixed point); they never round unless asked to.
 */

/** A base-10 number written as a plain string: optional "-", digits, optional "." and digits. */
export type Decimal = string;

const PLAIN = /^-?\d+(\.\d+)?$/;
const NUMERIC = /^([+-])?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

export function isDecimal(value: unknown): value is Decimal {
	return typeof value === 'string' && PLAIN.test(value);
}

/**
 * A number or numeric string as a normalised Decimal ("007.50" → "7.5", 1e-7 → "0.0000001",
 * "-0" → "0"); undefined for null, undefined, "" and anything that is not a finite number.
 */
export function toDecimal(value: unknown): Decimal | undefined {
	if (value === null || value === undefined) return undefined;
	let text: string;
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return undefined;
		text = String(value);
	} else if (typeof value === 'bigint') {
		text = value.toString();
	} else if (typeof value === 'string') {
		text = value.trim().replace(/,/g, '');
		if (text === '') return undefined;
	} else {
		return undefined;
	}
	const match = NUMERIC.exec(text);
	if (!match || (match[2] === '' && (match[3] ?? '') === '')) return undefined;
	const [, sign, intPart, fracPart = '', exponent = '0'] = match;
	// Shift the decimal point by the exponent on the digit string: exact for any input.
	let digits = `${intPart}${fracPart}`;
	let point = intPart.length + Number(exponent);
	if (point < 0) {
		digits = '0'.repeat(-point) + digits;
		point = 0;
	}
	if (point > digits.length) digits += '0'.repeat(point - digits.length);
	const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
	const fraction = digits.slice(point).replace(/0+$/, '');
	const body = fraction ? `${whole}.${fraction}` : whole;
	return sign === '-' && /[1-9]/.test(body) ? `-${body}` : body;
}

/** A Decimal as a JavaScript number (for APIs that want JSON numbers); undefined passes through. */
export function decimalToNumber(value: Decimal | undefined | null): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const n = Number(value);
	return Number.isFinite(n) ? n : undefined;
}

interface Scaled {
	units: bigint;
	scale: number;
}

function scaled(value: Decimal | number): Scaled {
	const normal = toDecimal(value);
	if (normal === undefined) throw new TypeError(`Not a decimal number: ${String(value)}`);
	const [whole, fraction = ''] = normal.replace('-', '').split('.');
	const units = BigInt(`${whole}${fraction}`);
	return { units: normal.startsWith('-') ? -units : units, scale: fraction.length };
}

function rescale(value: Scaled, scale: number): bigint {
	return value.units * 10n ** BigInt(scale - value.scale);
}

function fromScaled(units: bigint, scale: number): Decimal {
	const negative = units < 0n;
	const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
	const text = scale > 0 ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
	return toDecimal(negative ? `-${text}` : text) as Decimal;
}

/** Exact sum of decimals. */
export function addDecimals(...values: Array<Decimal | number>): Decimal {
	const parts = values.map(scaled);
	const scale = Math.max(0, ...parts.map((p) => p.scale));
	return fromScaled(
		parts.reduce((sum, p) => sum + rescale(p, scale), 0n),
		scale,
	);
}

/** Exact a − b. */
export function subtractDecimals(a: Decimal | number, b: Decimal | number): Decimal {
	const negated = toDecimal(b) as Decimal;
	return addDecimals(a, negated.startsWith('-') ? negated.slice(1) : `-${negated}`);
}

/** Exact product (e.g. quantity × unit price). */
export function multiplyDecimals(a: Decimal | number, b: Decimal | number): Decimal {
	const x = scaled(a);
	const y = scaled(b);
	return fromScaled(x.units * y.units, x.scale + y.scale);
}

/** -1, 0 or 1 as a < b, a = b, a > b. */
export function compareDecimals(a: Decimal | number, b: Decimal | number): -1 | 0 | 1 {
	const x = scaled(a);
	const y = scaled(b);
	const scale = Math.max(x.scale, y.scale);
	const diff = rescale(x, scale) - rescale(y, scale);
	return diff === 0n ? 0 : diff < 0n ? -1 : 1;
}

/** Rounds half away from zero to `places` decimals ("2.345", 2 → "2.35"). */
export function roundDecimal(value: Decimal | number, places: number): Decimal {
	const x = scaled(value);
	if (x.scale <= places) return fromScaled(x.units, x.scale);
	const divisor = 10n ** BigInt(x.scale - places);
	const magnitude = x.units < 0n ? -x.units : x.units;
	let rounded = magnitude / divisor;
	if ((magnitude % divisor) * 2n >= divisor) rounded += 1n;
	return fromScaled(x.units < 0n ? -rounded : rounded, places);
}

/** Rounded half away from zero and written with exactly `places` decimals ("1500" → "1500.00"). */
export function toFixedDecimal(value: Decimal | number, places: number): Decimal {
	const rounded = roundDecimal(value, places);
	if (places <= 0) return rounded;
	const [whole, fraction = ''] = rounded.split('.');
	return `${whole}.${fraction.padEnd(places, '0')}`;
}

/** An amount with its ISO 4217 currency code (when known). */
export interface Money {
	amount: Decimal;
	currency?: string;
}

/** How a quotient is cut to its places: half away from zero, or half to even (banker's rounding). */
export type DecimalRounding = 'halfUp' | 'halfEven';

/**
 * a ÷ b, exact, then rounded once to `places` decimals the stated way (half to even suits
 * intermediate results, half up a figure that is shown or booked). Throws a RangeError when b is
 * zero: callers decide what a division by zero means.
 */
export function divideDecimals(a: Decimal | number, b: Decimal | number, places: number, rounding: DecimalRounding): Decimal {
	const x = scaled(a);
	const y = scaled(b);
	if (y.units === 0n) throw new RangeError('Division by zero');
	// (x.units / 10^x.scale) / (y.units / 10^y.scale) as an integer count of 10^-places.
	const numerator = x.units * 10n ** BigInt(places + y.scale);
	const denominator = y.units * 10n ** BigInt(x.scale);
	const negative = numerator < 0n !== denominator < 0n;
	const n = numerator < 0n ? -numerator : numerator;
	const d = denominator < 0n ? -denominator : denominator;
	let quotient = n / d;
	const twiceRemainder = (n % d) * 2n;
	if (twiceRemainder > d || (twiceRemainder === d && (rounding === 'halfUp' || quotient % 2n === 1n))) quotient += 1n;
	return fromScaled(negative ? -quotient : quotient, places);
}
