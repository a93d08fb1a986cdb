import { compact, toIsoDate, toIsoDateTime } from '../../common/canonical';
import type { Address, IsoDate, IsoDateTime, Reference } from '../../common/canonical';

/** The key of Stripe ids in canonical `externalIds`. */
export const SYSTEM = 'stripe';

export type StripeRecord = Record<string, unknown>;

export const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined);

export const obj = (value: unknown): StripeRecord | undefined =>
	typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as StripeRecord) : undefined;

/** The id of an expandable field: either the id string or the expanded object's id. */
export function idOf(value: unknown): string | undefined {
	return typeof value === 'string' ? value : str(obj(value)?.id);
}

/** A reference to a Stripe object (expanded or not), with its name when expanded. */
export function ref(value: unknown): Reference | undefined {
	const id = idOf(value);
	if (!id) return undefined;
	const expanded = obj(value);
	return compact<Reference>({ externalIds: { [SYSTEM]: id }, name: str(expanded?.name) ?? str(expanded?.email) });
}

/** Stripe timestamps are Unix seconds. */
export function dateTime(seconds: unknown): IsoDateTime | undefined {
	return typeof seconds === 'number' && seconds > 0 ? toIsoDateTime(new Date(seconds * 1000)) : undefined;
}

export function date(seconds: unknown): IsoDate | undefined {
	return typeof seconds === 'number' && seconds > 0 ? toIsoDate(new Date(seconds * 1000)) : undefined;
}

/** An ISO date or date-time as Unix seconds (dates are midnight UTC). */
export function toSeconds(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return Math.floor(value);
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
	return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

export function fromAddress(address: unknown, type: Address['type']): Address | undefined {
	const a = obj(address);
	if (!a) return undefined;
	const out = compact<Address>({
		type,
		line1: str(a.line1),
		line2: str(a.line2),
		city: str(a.city),
		region: str(a.state),
		postalCode: str(a.postal_code),
		country: str(a.country),
	});
	return Object.keys(out).length > 1 ? out : undefined;
}

export function toAddress(address: Address | undefined): StripeRecord | undefined {
	if (!address) return undefined;
	return compact({
		line1: address.line1,
		line2: address.line2,
		city: address.city,
		state: address.region,
		postal_code: address.postalCode,
		country: address.country,
	});
}

/** A canonical reference's Stripe id, or undefined. */
export function stripeId(reference: Reference | undefined): string | undefined {
	return reference?.externalIds?.[SYSTEM];
}

export function metadataOf(record: StripeRecord): Record<string, string> | undefined {
	const metadata = obj(record.metadata);
	return metadata && Object.keys(metadata).length ? (metadata as Record<string, string>) : undefined;
}

export { compact };
