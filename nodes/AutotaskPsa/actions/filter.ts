import type { IDataObject } from 'n8n-workflow';

import type { FieldInfo } from '../transport/metadata';
import { coerceFieldValue, fieldNamed } from '../transport/metadata';

export interface ConditionRow {
	field?: string;
	op?: string;
	value?: string;
	udf?: boolean;
}

const NO_VALUE = new Set(['exist', 'notExist']);
const LIST = new Set(['in', 'notIn']);

/** Raises a user-facing error; the caller turns it into a NodeOperationError with the item index. */
export type Fail = (message: string) => never;

/** One UI row as an Autotask filter condition, its value typed by the field's metadata. */
export function conditionOf(row: ConditionRow, fields: FieldInfo[], fail: Fail): IDataObject {
	const name = String(row.field ?? '').trim();
	const op = String(row.op ?? 'eq');
	if (!name) fail('Filters: every condition needs a field');
	const field = row.udf ? undefined : fieldNamed(fields, name);
	const condition: IDataObject = { op, field: field?.name ?? name, ...(row.udf ? { udf: true } : {}) };
	if (NO_VALUE.has(op)) return condition;
	const raw = row.value ?? '';
	if (LIST.has(op)) {
		const values = String(raw)
			.split(',')
			.map((v) => v.trim())
			.filter((v) => v !== '');
		if (values.length === 0) fail(`Filters: "${name}" ${op} needs at least one value`);
		condition.value = values.map((v) => coerceFieldValue(field, v)) as IDataObject[];
		return condition;
	}
	const value = coerceFieldValue(field, raw);
	condition.value = (value === null ? '' : value) as IDataObject[string];
	return condition;
}

/** The `filter` array from a raw filter JSON: `{"filter": [...]}`, `[...]` or one condition object. */
export function parseFilterJson(text: unknown, fail: Fail): IDataObject[] {
	if (text === undefined || text === null || text === '') return [];
	let value: unknown = text;
	if (typeof text === 'string') {
		if (text.trim() === '') return [];
		try {
			value = JSON.parse(text);
		} catch (error) {
			fail(`Filter (JSON) is not valid JSON: ${(error as Error).message}`);
		}
	}
	if (Array.isArray(value)) return value as IDataObject[];
	if (typeof value === 'object' && value !== null) {
		const filter = (value as IDataObject).filter;
		if (Array.isArray(filter)) return filter as IDataObject[];
		if (typeof (value as IDataObject).op === 'string') return [value as IDataObject];
	}
	return fail('Filter (JSON) must be {"filter": [...]}, an array of conditions or one condition');
}

/**
 * The query's filter: the UI rows combined with AND or OR, then AND-ed with the raw JSON conditions
 * (Autotask ANDs the top-level entries of `filter`).
 */
export function buildFilter(
	rows: ConditionRow[],
	match: 'all' | 'any',
	rawJson: unknown,
	fields: FieldInfo[],
	fail: Fail,
): IDataObject[] {
	const conditions = rows.map((row) => conditionOf(row, fields, fail));
	const filter: IDataObject[] =
		match === 'any' && conditions.length > 1 ? [{ op: 'or', items: conditions }] : conditions;
	return [...filter, ...parseFilterJson(rawJson, fail)];
}
