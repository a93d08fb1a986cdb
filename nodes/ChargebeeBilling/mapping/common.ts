import type { IDataObject } from 'n8n-workflow';

import { compact, toDecimal } from '../../common/canonical';
import type { Address, Decimal } from '../../common/canonical';

/** The key of Chargebee ids in canonical `externalIds`. */
export const SYSTEM = 'chargebeeBilling';

export const obj = (value: unknown): IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as IDataObject) : {};
export const str = (value: unknown): string | undefined =>
	value === undefined || value === null || value === '' ? undefined : String(value);
export const idsOf = (id: unknown): Record<string, string> => (str(id) ? { [SYSTEM]: String(id) } : {});

/** Currencies without minor units (ISO 4217 exponent 0); Chargebee sends their amounts as whole units. */
const ZERO_DECIMAL = new Set(['BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF']);
const THREE_DECIMAL = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);

export function exponent(currency: unknown): number {
	const code = String(currency ?? '').toUpperCase();
	if (ZERO_DECIMAL.has(code)) return 0;
	if (THREE_DECIMAL.has(code)) return 3;
	return 2;
}

/** Chargebee amounts are integers in minor units (cents): 1999 USD → "19.99", exactly, by moving the point. */
export function fromMinor(value: unknown, currency: unknown): Decimal | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const digits = String(value).trim();
	if (!/^-?\d+$/.test(digits)) return toDecimal(value);
	const places = exponent(currency);
	if (places === 0) return toDecimal(digits);
	const negative = digits.startsWith('-');
	const padded = digits.replace('-', '').padStart(places + 1, '0');
	return toDecimal(`${negative ? '-' : ''}${padded.slice(0, -places)}.${padded.slice(-places)}`);
}

/** A Decimal in minor units for Chargebee ("19.99" USD → 1999); more precision than the currency has is refused. */
export function toMinor(value: Decimal | undefined, currency: unknown): number | undefined {
	if (value === undefined) return undefined;
	const decimal = toDecimal(value);
	if (decimal === undefined) throw new Error(`"${value}" is not a decimal amount`);
	const places = exponent(currency);
	const [whole, fraction = ''] = decimal.replace('-', '').split('.');
	if (fraction.length > places) throw new Error(`${value} has more decimals than ${String(currency ?? 'the currency')} allows (${places})`);
	const minor = Number(`${whole}${fraction.padEnd(places, '0')}`);
	return decimal.startsWith('-') ? -minor : minor;
}

/** Unix seconds → ISO 8601. */
export const fromUnix = (value: unknown): string | undefined =>
	typeof value === 'number' && Number.isFinite(value) ? new Date(value * 1000).toISOString().replace('.000Z', 'Z') : undefined;
export const dateOf = (value: unknown): string | undefined => fromUnix(value)?.slice(0, 10);
export const toUnix = (value: unknown): number | undefined => {
	if (value === undefined || value === null || value === '') return undefined;
	const ms = typeof value === 'number' ? value * 1000 : Date.parse(String(value));
	return Number.isFinite(ms) ? Math.floor(ms / 1000) : undefined;
};

export function addressFrom(value: unknown, type: Address['type']): Address | undefined {
	const a = obj(value);
	if (Object.keys(a).length === 0) return undefined;
	return compact({
		type,
		name: str(a.company) ?? ([str(a.first_name), str(a.last_name)].filter(Boolean).join(' ') || undefined),
		line1: str(a.line1),
		line2: str(a.line2),
		line3: str(a.line3),
		city: str(a.city),
		region: str(a.state) ?? str(a.state_code),
		postalCode: str(a.zip),
		country: str(a.country),
	});
}

export function addressTo(address: Address | undefined): IDataObject | undefined {
	if (!address) return undefined;
	return compact({
		company: address.name,
		line1: address.line1,
		line2: address.line2,
		line3: address.line3,
		city: address.city,
		state: address.region,
		zip: address.postalCode,
		country: address.country,
	}) as IDataObject;
}
