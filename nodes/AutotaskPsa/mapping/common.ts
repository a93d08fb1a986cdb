import type { IDataObject } from 'n8n-workflow';

import { compact, referenceTo, toDecimal, toIsoDate, toIsoDateTime } from '../../common/canonical';
import type { Reference, SourceInfo } from '../../common/canonical';

/** The key of Autotask PSA in `externalIds` and `source.system`. */
export const SYSTEM = 'autotaskPsa';

export type AtRecord = IDataObject;

export function str(value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	return typeof value === 'string' ? value : String(value);
}

export function bool(value: unknown): boolean | undefined {
	return typeof value === 'boolean' ? value : undefined;
}

/** An Autotask `…ID` field as a canonical Reference. */
export function ref(id: unknown, extra: Omit<Reference, 'externalIds' | 'id'> = {}): Reference | undefined {
	return referenceTo(SYSTEM, str(id), extra);
}

/** The numeric Autotask id of a reference, if it has one. */
export function refId(reference: Reference | undefined): number | undefined {
	const id = reference?.externalIds?.[SYSTEM];
	return id !== undefined && /^\d+$/.test(id) ? Number(id) : undefined;
}

/** `externalIds` and `source` of an Autotask record (id and its last-modified stamp). */
export function identity(record: AtRecord): { externalIds: Record<string, string>; source?: SourceInfo } {
	const id = str(record.id);
	const updatedAt = toIsoDateTime(record.lastModifiedDateTime ?? record.lastActivityDate ?? record.lastTrackedModifiedDateTime);
	return {
		externalIds: id ? { [SYSTEM]: id } : {},
		source: id ? compact({ system: SYSTEM, id, updatedAt }) : undefined,
	};
}

/** A number for an Autotask JSON body from a canonical Decimal (Autotask's API takes JSON numbers). */
export function num(value: string | undefined): number | undefined {
	if (value === undefined) return undefined;
	const n = Number(value);
	return Number.isFinite(n) ? n : undefined;
}

/** `table[key]` for own keys only. */
export function lookup<V>(table: Record<string, V>, key: unknown): V | undefined {
	const k = key === undefined || key === null ? undefined : String(key);
	return k !== undefined && Object.hasOwn(table, k) ? table[k] : undefined;
}

/** An Autotask date-time (UTC) from a canonical date or date-time. */
export function atDateTime(value: string | undefined): string | undefined {
	const iso = toIsoDateTime(value);
	return iso ? iso.replace(/Z$/, '').replace(/(\.\d+)?$/, '') + 'Z' : undefined;
}

export const decimal = toDecimal;
export const isoDate = toIsoDate;
export const isoDateTime = toIsoDateTime;
export { compact };
