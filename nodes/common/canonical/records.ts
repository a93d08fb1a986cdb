import type { AnyCanonical, CanonicalRecord, CanonicalType, ExternalIds, Reference } from './types';
import { CANONICAL_TYPES } from './types';

export function isCanonicalType(value: unknown): value is CanonicalType {
	return typeof value === 'string' && (CANONICAL_TYPES as readonly string[]).includes(value);
}

/** Whether `value` looks like a canonical record (of `type`, when given). */
export function isCanonical<T extends CanonicalType>(
	value: unknown,
	type?: T,
): value is CanonicalRecord<T> & AnyCanonical {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	const record = value as { type?: unknown; externalIds?: unknown };
	if (!isCanonicalType(record.type) || (type !== undefined && record.type !== type)) return false;
	const ids = record.externalIds;
	return (
		typeof ids === 'object' &&
		ids !== null &&
		!Array.isArray(ids) &&
		Object.values(ids).every((id) => typeof id === 'string')
	);
}

/** The id of a record or reference in `system`, if known. */
export function externalIdOf(record: { externalIds?: ExternalIds } | undefined, system: string): string | undefined {
	return record?.externalIds?.[system];
}

/** A copy of the record with `system`'s id set (ids are strings whatever the system uses). */
export function withExternalId<T extends { externalIds?: ExternalIds }>(record: T, system: string, id: string | number): T {
	return { ...record, externalIds: { ...record.externalIds, [system]: String(id) } };
}

/** A reference to a record of `system`; undefined when there is no id, code or name to point with. */
export function referenceTo(
	system: string,
	id: string | number | undefined | null,
	extra: Omit<Reference, 'externalIds' | 'id'> = {},
): Reference | undefined {
	const ref = compact({
		...extra,
		externalIds: id === undefined || id === null || id === '' ? undefined : { [system]: String(id) },
	});
	return Object.keys(ref).length > 0 ? (ref as Reference) : undefined;
}

// Every canonical record and reference may carry `externalIds`; an empty map still says "no ids yet".
const KEEP_WHEN_EMPTY = new Set(['externalIds']);

/**
 * Removes undefined values, and objects left empty by that (except `externalIds`), recursively.
 * Mappings build records with every field and let this drop the unknown ones, so output has no
 * `undefined` keys. Arrays are kept, even empty ones (`lines: []`).
 */
export function compact<T>(value: T): T {
	if (Array.isArray(value)) {
		return value.map((entry) => compact(entry as unknown)).filter((entry) => entry !== undefined) as T;
	}
	if (typeof value !== 'object' || value === null || value instanceof Date) return value;
	const out: Record<string, unknown> = {};
	for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
		if (entry === undefined) continue;
		const cleaned = compact(entry);
		const emptyObject =
			typeof cleaned === 'object' &&
			cleaned !== null &&
			!(cleaned instanceof Date) &&
			!Array.isArray(cleaned) &&
			Object.keys(cleaned).length === 0;
		if (emptyObject && !KEEP_WHEN_EMPTY.has(key)) continue;
		out[key] = cleaned;
	}
	return out as T;
}
