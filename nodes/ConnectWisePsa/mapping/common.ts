import type { IDataObject } from 'n8n-workflow';

import { compact, referenceTo, toDecimal, toIsoDate, toIsoDateTime } from '../../common/canonical';
import type { Reference, SourceInfo } from '../../common/canonical';
import { toConnectWiseDateTime } from '../helpers/values';

/** The key of ConnectWise PSA in `externalIds` and `source.system`. */
export const SYSTEM = 'connectWisePsa';

export type CwRecord = IDataObject;

export function str(value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	return typeof value === 'string' ? value : String(value);
}

export function obj(value: unknown): CwRecord | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as CwRecord) : undefined;
}

/** A ConnectWise reference `{ id, identifier, name }` as a canonical Reference. */
export function fromRef(value: unknown): Reference | undefined {
	const ref = obj(value);
	if (!ref) return undefined;
	return referenceTo(SYSTEM, str(ref.id), compact({ code: str(ref.identifier), name: str(ref.name) }));
}

/** A canonical Reference as a ConnectWise reference: by ConnectWise id, else by identifier. */
export function toRef(reference: Reference | undefined): CwRecord | undefined {
	const id = reference?.externalIds?.[SYSTEM];
	if (id !== undefined && /^\d+$/.test(id)) return { id: Number(id) };
	if (reference?.code) return { identifier: reference.code };
	return undefined;
}

/** The numeric ConnectWise id of a reference, if it has one. */
export function refId(reference: Reference | undefined): number | undefined {
	const id = reference?.externalIds?.[SYSTEM];
	return id !== undefined && /^\d+$/.test(id) ? Number(id) : undefined;
}

/** `externalIds` and `source` of a ConnectWise record (id and `_info.lastUpdated`). */
export function identity(record: CwRecord): { externalIds: Record<string, string>; source?: SourceInfo } {
	const id = str(record.id);
	const info = obj(record._info);
	return {
		externalIds: id ? { [SYSTEM]: id } : {},
		source: id ? compact({ system: SYSTEM, id, updatedAt: toIsoDateTime(info?.lastUpdated) }) : undefined,
	};
}

export const decimal = toDecimal;
export const isoDate = toIsoDate;
export const isoDateTime = toIsoDateTime;

/** A number for a ConnectWise JSON body from a canonical Decimal. */
export function num(value: string | undefined): number | undefined {
	if (value === undefined) return undefined;
	const n = Number(value);
	return Number.isFinite(n) ? n : undefined;
}

/** A canonical date or date-time as a ConnectWise timestamp. */
export function cwDate(value: string | undefined): string | undefined {
	return toConnectWiseDateTime(value);
}

/** ConnectWise's billable options ↔ a billable flag (NoCharge reads as not billable). */
export function billableFrom(option: unknown): boolean | undefined {
	if (option === 'Billable') return true;
	if (option === 'DoNotBill' || option === 'NoCharge') return false;
	return undefined;
}

export function billableTo(billable: boolean | undefined): string | undefined {
	if (billable === undefined) return undefined;
	return billable ? 'Billable' : 'DoNotBill';
}

/** The ISO code of a ConnectWise currency reference. */
export function currencyFrom(value: unknown): string | undefined {
	const currency = obj(value);
	return str(currency?.currencyCode) ?? str(currency?.currencyIdentifier);
}

/** `table[key]` for own keys only, so a vendor value like "constructor" maps to nothing. */
export function lookup<V>(table: Record<string, V>, key: unknown): V | undefined {
	return typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;
}

export { compact };
