import type { IDataObject } from 'n8n-workflow';

/**
 * Stripe v1 bodies and query strings are form-encoded with nested keys: `metadata[tier]=gold`,
 * `items[0][price]=price_1`, `expand[]=customer`. Arrays of objects take indices (their fields
 * must stay together); arrays of plain values take `[]`. `null` sends an empty value, which is how
 * Stripe unsets a field; `undefined` leaves the parameter out.
 */
export function flattenParams(value: unknown, prefix = '', out: Array<[string, string]> = []): Array<[string, string]> {
	if (value === undefined) return out;
	if (value === null) {
		if (prefix) out.push([prefix, '']);
		return out;
	}
	if (Array.isArray(value)) {
		const scalars = value.every((entry) => entry === null || typeof entry !== 'object');
		value.forEach((entry, index) => flattenParams(entry, scalars ? `${prefix}[]` : `${prefix}[${index}]`, out));
		return out;
	}
	if (value instanceof Date) {
		out.push([prefix, String(Math.floor(value.getTime() / 1000))]);
		return out;
	}
	if (typeof value === 'object') {
		for (const [key, entry] of Object.entries(value as IDataObject)) flattenParams(entry, prefix ? `${prefix}[${key}]` : key, out);
		return out;
	}
	if (prefix) out.push([prefix, String(value)]);
	return out;
}

/** The `application/x-www-form-urlencoded` body of a params object. */
export function encodeForm(params: IDataObject): string {
	return flattenParams(params)
		.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
		.join('&');
}

/** Query parameters as flat bracketed keys, so no HTTP client re-encodes the nesting its own way. */
export function flatQuery(params: IDataObject | undefined): IDataObject | undefined {
	if (!params) return undefined;
	const out: IDataObject = {};
	for (const [key, value] of flattenParams(params)) {
		if (key in out) {
			const existing = out[key];
			out[key] = Array.isArray(existing) ? [...existing, value] : [existing as string, value];
		} else {
			out[key] = value;
		}
	}
	return out;
}
