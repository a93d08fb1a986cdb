import type { IDataObject } from 'n8n-workflow';

import { compact, decimalToNumber, referenceTo, toDecimal, toIsoDate, toIsoDateTime } from '../../common/canonical';
import type { Reference, SourceInfo } from '../../common/canonical';

/** The key of HaloPSA in `externalIds` and `source.system`. */
export const SYSTEM = 'haloPsa';

export type HaloRecord = IDataObject;

export function str(value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	return typeof value === 'string' ? value : String(value);
}

/** Halo references are flat: `client_id` with `client_name` beside it. */
export function fromIdName(id: unknown, name?: unknown): Reference | undefined {
	const key = str(id);
	if (!key || key === '0' || key === '-1') return undefined;
	return referenceTo(SYSTEM, key, compact({ name: str(name) }));
}

/** The numeric Halo id of a canonical reference, if it has one. */
export function toId(reference: Reference | undefined): number | undefined {
	const id = reference?.externalIds?.[SYSTEM];
	return id !== undefined && /^\d+$/.test(id) ? Number(id) : undefined;
}

export function identity(record: HaloRecord): { externalIds: Record<string, string>; source?: SourceInfo } {
	const id = str(record.id);
	return {
		externalIds: id ? { [SYSTEM]: id } : {},
		source: id ? compact({ system: SYSTEM, id, updatedAt: toIsoDateTime(record.last_update ?? record.lastupdated) }) : undefined,
	};
}

/** The Halo id of a canonical record itself (for upserts), when it has one. */
export function ownId(record: { externalIds?: Record<string, string> }): number | undefined {
	const id = record.externalIds?.[SYSTEM];
	return id !== undefined && /^\d+$/.test(id) ? Number(id) : undefined;
}

export const decimal = toDecimal;
export const isoDate = toIsoDate;
export const isoDateTime = toIsoDateTime;
/** A canonical Decimal as the JSON number Halo expects (only at the wire; no arithmetic on it). */
export const num = decimalToNumber;

/** Halo's local date-times have no zone: the canonical UTC instant without its "Z". */
export function haloDateTime(value: string | undefined): string | undefined {
	const iso = toIsoDateTime(value);
	return iso ? iso.replace(/Z$/, '').replace(/\.\d+$/, '') : undefined;
}

export function haloDate(value: string | undefined): string | undefined {
	const date = toIsoDate(value);
	return date ? `${date}T00:00:00` : undefined;
}

export { compact };
