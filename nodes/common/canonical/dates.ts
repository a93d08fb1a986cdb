/**
 * Dates in the canonical model are ISO 8601 strings: `IsoDate` for calendar dates
 * ("2024-05-01") and `IsoDateTime` for instants in UTC ("2024-05-01T12:00:00Z").
 */

export type IsoDate = string;
export type IsoDateTime = string;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
// A date-time with no zone designator is read as UTC, so results do not depend on the host's zone.
const NO_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

function parse(value: unknown): Date | undefined {
	if (value === null || value === undefined || value === '') return undefined;
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
	if (typeof value === 'number') {
		const date = new Date(value);
		return Number.isNaN(date.getTime()) ? undefined : date;
	}
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	const iso = DATE_ONLY.test(text) ? `${text}T00:00:00Z` : NO_ZONE.test(text) ? `${text.replace(' ', 'T')}Z` : text;
	const date = new Date(iso);
	return Number.isNaN(date.getTime()) ? undefined : date;
}

/** An instant as "YYYY-MM-DDTHH:mm:ssZ" (milliseconds kept only when not zero); undefined if unparseable. */
export function toIsoDateTime(value: unknown): IsoDateTime | undefined {
	const date = parse(value);
	return date ? date.toISOString().replace('.000Z', 'Z') : undefined;
}

/** A calendar date "YYYY-MM-DD"; a date-time contributes its UTC date. */
export function toIsoDate(value: unknown): IsoDate | undefined {
	if (typeof value === 'string' && DATE_ONLY.test(value.trim())) return value.trim();
	const date = parse(value);
	return date ? date.toISOString().slice(0, 10) : undefined;
}

export function isIsoDate(value: unknown): value is IsoDate {
	// Round-tripping through Date rejects impossible dates such as 2024-02-30.
	return typeof value === 'string' && DATE_ONLY.test(value) && parse(value)?.toISOString().slice(0, 10) === value;
}
