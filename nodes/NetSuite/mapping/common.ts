import type { IDataObject } from 'n8n-workflow';

import { compact, referenceTo, toDecimal, toIsoDate, toIsoDateTime } from '../../common/canonical';
import type { LineItem, Reference, SourceInfo } from '../../common/canonical';

/** The key of NetSuite in `externalIds` and `source.system` (the internal id). */
export const SYSTEM = 'netSuite';
/** NetSuite's own External ID field of a record, kept beside the internal id. */
export const EXTERNAL_ID_KEY = 'netSuiteExternalId';

export type NsRecord = IDataObject;

export function str(value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	return typeof value === 'string' ? value : String(value);
}

export function obj(value: unknown): NsRecord | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as NsRecord) : undefined;
}

/** A NetSuite reference `{ id, refName }` as a canonical Reference. */
export function fromRef(value: unknown): Reference | undefined {
	const ref = obj(value);
	if (!ref) return undefined;
	return referenceTo(SYSTEM, str(ref.id), compact({ name: str(ref.refName) }));
}

/** A canonical Reference as a NetSuite reference: by internal id, else by external id. */
export function toRef(reference: Reference | undefined): NsRecord | undefined {
	const id = reference?.externalIds?.[SYSTEM] ?? reference?.id;
	if (id !== undefined && /^\d+$/.test(id)) return { id };
	const eid = reference?.externalIds?.[EXTERNAL_ID_KEY];
	if (eid) return { externalId: eid };
	return undefined;
}

export function identity(record: NsRecord): { externalIds: Record<string, string>; source?: SourceInfo } {
	const id = str(record.id);
	const eid = str(record.externalId);
	return {
		externalIds: compact({ [SYSTEM]: id, [EXTERNAL_ID_KEY]: eid }) as Record<string, string>,
		source: id ? compact({ system: SYSTEM, id, updatedAt: toIsoDateTime(record.lastModifiedDate) }) : undefined,
	};
}

/** The External ID to write for a canonical record, if it carries one. */
export function externalIdFor(record: { externalIds?: Record<string, string> }): string | undefined {
	return record.externalIds?.[EXTERNAL_ID_KEY];
}

export const decimal = toDecimal;
export const isoDate = toIsoDate;

/** A JSON number from a canonical Decimal; NetSuite bodies take numbers (the wire is JSON either way). */
export function num(value: string | undefined): number | undefined {
	if (value === undefined) return undefined;
	const n = Number(value);
	return Number.isFinite(n) ? n : undefined;
}

/** The `items` of a sublist (`item`, `apply`), present only when it was expanded. */
export function sublist(record: NsRecord, name: string): NsRecord[] {
	const items = obj(record[name])?.items;
	return Array.isArray(items) ? (items as NsRecord[]) : [];
}

export function linesFrom(record: NsRecord): LineItem[] {
	return sublist(record, 'item').map((line) =>
		compact<LineItem>({
			lineNumber: str(line.line),
			item: fromRef(line.item),
			description: str(line.description),
			quantity: decimal(line.quantity),
			unitOfMeasure: str(obj(line.units)?.refName),
			unitPrice: decimal(line.rate),
			amount: decimal(line.amount),
		}),
	);
}

export function linesTo(lines: LineItem[] | undefined): NsRecord | undefined {
	if (!lines) return undefined;
	return {
		items: lines.map((line) =>
			compact({
				item: toRef(line.item),
				description: line.description,
				quantity: num(line.quantity),
				rate: num(line.unitPrice),
				...(line.unitPrice === undefined ? { amount: num(line.amount) } : {}),
			}),
		),
	};
}

export { compact, isoDate as toDate };
export const dateTime = toIsoDateTime;
