import type { IDataObject } from 'n8n-workflow';

import type { RequestContext } from '../../common/transport';
import { autotaskApi, autotaskSettings } from './index';

export interface PicklistValue {
	value: string;
	label: string;
	isActive?: boolean;
	parentValue?: string;
}

/** One entry of `/{Entity}/entityInformation/fields`. */
export interface FieldInfo {
	name: string;
	dataType?: string;
	isPickList?: boolean;
	isReadOnly?: boolean;
	isRequired?: boolean;
	isQueryable?: boolean;
	isReference?: boolean;
	referenceEntityType?: string;
	picklistValues?: PicklistValue[] | null;
}

/** Field lists change only when an administrator edits picklists; ten minutes keeps them fresh enough. */
const TTL_MS = 10 * 60_000;
const cache = new Map<string, { at: number; fields: Promise<FieldInfo[]> }>();

export function clearFieldCache(): void {
	cache.clear();
}

/**
 * The fields of an entity with their picklists, cached per zone and entity in the process.
 * `entityPath` is the entity's collection path (`Tickets`, or `Tickets/Notes` for a child).
 */
export async function entityFields(ctx: RequestContext, entityPath: string, itemIndex?: number): Promise<FieldInfo[]> {
	const { root } = await autotaskSettings(ctx);
	const key = `${root}|${entityPath.toLowerCase()}`;
	const hit = cache.get(key);
	if (hit && Date.now() - hit.at < TTL_MS) return await hit.fields;
	const fields = autotaskApi<IDataObject>(ctx, { path: `${entityPath}/entityInformation/fields`, itemIndex }).then((body) =>
		Array.isArray(body?.fields) ? (body.fields as unknown as FieldInfo[]) : [],
	);
	cache.set(key, { at: Date.now(), fields });
	fields.catch(() => {
		if (cache.get(key)?.fields === fields) cache.delete(key);
	});
	return await fields;
}

function fieldNamed(fields: FieldInfo[], name: string): FieldInfo | undefined {
	const lower = name.toLowerCase();
	return fields.find((f) => f.name.toLowerCase() === lower);
}

/** The picklist value of a label (or of a value given as such), case-insensitively. */
export function picklistValueOf(field: FieldInfo, input: string): string | undefined {
	const values = field.picklistValues ?? [];
	const text = input.trim().toLowerCase();
	return (values.find((v) => String(v.value).toLowerCase() === text) ?? values.find((v) => v.label.toLowerCase() === text))?.value;
}

const NUMERIC = new Set(['integer', 'long', 'short', 'byte', 'decimal', 'double', 'float']);

/**
 * A value typed in the UI as the JSON value the field expects: numbers for numeric fields, booleans,
 * picklist labels as their values. Values of unknown fields are sent as typed.
 */
export function coerceFieldValue(field: FieldInfo | undefined, input: unknown): unknown {
	if (typeof input !== 'string' || !field) return input;
	const text = input.trim();
	if (text === '') return null;
	if (field.isPickList && field.picklistValues?.length) {
		const value = picklistValueOf(field, text);
		if (value !== undefined) return /^-?\d+$/.test(value) ? Number(value) : value;
	}
	const type = (field.dataType ?? '').toLowerCase();
	if (NUMERIC.has(type) && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
	if (type === 'boolean' && /^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
	return input;
}

/** `{ name: value }` rows with each value coerced by the entity's field metadata. */
export function coerceRecord(fields: FieldInfo[], values: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [name, value] of Object.entries(values)) {
		const field = fieldNamed(fields, name);
		out[field?.name ?? name] = coerceFieldValue(field, value) as IDataObject[string];
	}
	return out;
}

export { fieldNamed };

/** Adds `<field>_label` beside every picklist field of the record that has a known value. */
export function withPicklistLabels(fields: FieldInfo[], record: IDataObject): IDataObject {
	const out: IDataObject = { ...record };
	for (const field of fields) {
		if (!field.isPickList || !field.picklistValues?.length) continue;
		const value = record[field.name];
		if (value === undefined || value === null || value === '') continue;
		const match = field.picklistValues.find((v) => String(v.value) === String(value));
		if (match) out[`${field.name}_label`] = match.label;
	}
	return out;
}
