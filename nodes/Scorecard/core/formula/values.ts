import { compareDecimals, toDecimal, type Decimal } from '../../../common/canonical/decimal';
import type { Condition } from './ast';

/** One input row as a formula sees it: the item's fields and the item's index (for messages). */
export interface Row {
	values: Record<string, unknown>;
	item: number;
}

export type Cell = { kind: 'value'; value: Decimal } | { kind: 'missing' } | { kind: 'invalid'; reason: string };

/** A row's own field (never an inherited property such as "constructor" or "__proto__"). */
export const fieldOf = (row: Row, field: string): unknown => (Object.hasOwn(row.values, field) ? row.values[field] : undefined);

export const isEmpty = (raw: unknown) => raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');

/** A field as a number: true/false count as 1/0, "1,234.5" is read exactly, anything else is invalid. */
export function numericCell(row: Row, field: string): Cell {
	const raw = fieldOf(row, field);
	if (isEmpty(raw)) return { kind: 'missing' };
	if (typeof raw === 'boolean') return { kind: 'value', value: raw ? '1' : '0' };
	const value = typeof raw === 'number' || typeof raw === 'string' ? toDecimal(raw) : undefined;
	if (value === undefined) {
		const shown = typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
		return { kind: 'invalid', reason: `item ${row.item}: ${field} is ${JSON.stringify(shown.slice(0, 40))}, not a number` };
	}
	return { kind: 'value', value };
}

function booleanOf(raw: unknown): boolean | undefined {
	if (typeof raw === 'boolean') return raw;
	const text = String(raw ?? '').trim().toLowerCase();
	if (['true', '1', 'yes'].includes(text)) return true;
	if (['false', '0', 'no'].includes(text)) return false;
	return undefined;
}

/**
 * Numeric comparisons leave out rows without a number; text compares trimmed and case-insensitively,
 * a missing value being empty text; true/false accept true/false, 1/0 and yes/no.
 */
export function matches(row: Row, condition: Condition): boolean {
	const raw = fieldOf(row, condition.field);
	const { literal, op } = condition;
	if (literal.kind === 'number') {
		const cell = numericCell(row, condition.field);
		if (cell.kind !== 'value') return false;
		const order = compareDecimals(cell.value, literal.value);
		switch (op) {
			case '=':
				return order === 0;
			case '!=':
				return order !== 0;
			case '<':
				return order < 0;
			case '<=':
				return order <= 0;
			case '>':
				return order > 0;
			default:
				return order >= 0;
		}
	}
	const equal =
		literal.kind === 'text'
			? (isEmpty(raw) ? '' : String(raw).trim().toLowerCase()) === literal.value.trim().toLowerCase()
			: booleanOf(raw) === literal.value;
	return op === '=' ? equal : !equal;
}
