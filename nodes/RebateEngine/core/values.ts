/** Reading config values (JSON or spreadsheet cells) strictly, with errors that name where. */
import { isIsoDate } from '../../common/canonical/dates';
import { compareDecimals, toDecimal, type Decimal } from '../../common/canonical/decimal';
import { RebateConfigError } from './errors';

export type Raw = Record<string, unknown>;

export const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

export function isObject(value: unknown): value is Raw {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Config given as a JSON string, an array, one object, or `{ <wrapper>: [...] }`. */
export function toRows(value: unknown, what: string, wrapper: string): Raw[] {
	let data = value;
	if (typeof data === 'string') {
		if (data.trim() === '') return [];
		let problem: string | undefined;
		try {
			data = JSON.parse(data);
		} catch (error) {
			problem = (error as Error).message;
		}
		if (problem !== undefined) throw new RebateConfigError(`${what} is not valid JSON: ${problem}`, `Check the ${what} parameter (an array of objects).`);
	}
	if (data === undefined || data === null) return [];
	if (isObject(data) && Array.isArray(data[wrapper])) data = data[wrapper];
	const rows = Array.isArray(data) ? data : [data];
	rows.forEach((row, i) => {
		if (!isObject(row)) throw new RebateConfigError(`${what}: entry ${i} is not an object`, `Each entry of ${what} must be an object with named fields.`);
	});
	return rows as Raw[];
}

export function text(value: unknown, where: string, field: string, required: true): string;
export function text(value: unknown, where: string, field: string, required?: false): string | undefined;
export function text(value: unknown, where: string, field: string, required = false): string | undefined {
	if (isBlank(value)) {
		if (required) throw new RebateConfigError(`${where}: "${field}" is required`, `Give ${field} a value.`);
		return undefined;
	}
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw new RebateConfigError(`${where}: "${field}" must be text, not ${JSON.stringify(value)}`, `Write ${field} as a string.`);
	}
	return String(value).trim();
}

export function decimal(value: unknown, where: string, field: string, { min, max }: { min?: Decimal; max?: Decimal } = {}): Decimal | undefined {
	if (isBlank(value)) return undefined;
	const number = typeof value === 'string' || typeof value === 'number' ? toDecimal(value) : undefined;
	if (number === undefined) {
		throw new RebateConfigError(`${where}: "${field}" is not a number: ${JSON.stringify(value)}`, `Write ${field} as a decimal, e.g. "2.5".`);
	}
	if (min !== undefined && compareDecimals(number, min) < 0) {
		throw new RebateConfigError(`${where}: "${field}" is ${number}, below ${min}`, `Use a ${field} of at least ${min}.`);
	}
	if (max !== undefined && compareDecimals(number, max) > 0) {
		throw new RebateConfigError(`${where}: "${field}" is ${number}, above ${max}`, `Use a ${field} of at most ${max}.`);
	}
	return number;
}

export function isoDate(value: unknown, where: string, field: string): string | undefined {
	if (isBlank(value)) return undefined;
	const date = typeof value === 'string' ? value.trim() : value;
	if (!isIsoDate(date)) {
		throw new RebateConfigError(`${where}: "${field}" is not an ISO date (YYYY-MM-DD): ${JSON.stringify(value)}`, `Write ${field} like 2025-03-31.`);
	}
	return date;
}

export function choice<T extends string>(value: unknown, where: string, field: string, allowed: readonly T[], fallback: T): T;
export function choice<T extends string>(value: unknown, where: string, field: string, allowed: readonly T[]): T | undefined;
export function choice<T extends string>(value: unknown, where: string, field: string, allowed: readonly T[], fallback?: T): T | undefined {
	if (isBlank(value)) return fallback;
	const found = allowed.find((option) => option.toLowerCase() === String(value).trim().toLowerCase());
	if (!found) {
		throw new RebateConfigError(`${where}: "${field}" is ${JSON.stringify(value)}, not one of ${allowed.join(', ')}`, `Set ${field} to one of: ${allowed.join(', ')}.`);
	}
	return found;
}

export function bool(value: unknown, where: string, field: string, fallback: boolean): boolean {
	if (isBlank(value)) return fallback;
	if (typeof value === 'boolean') return value;
	const word = String(value).trim().toLowerCase();
	if (['true', 'yes', 'y', '1'].includes(word)) return true;
	if (['false', 'no', 'n', '0'].includes(word)) return false;
	throw new RebateConfigError(`${where}: "${field}" is ${JSON.stringify(value)}, not true or false`, `Set ${field} to true or false.`);
}

/** A list given as an array or as a comma-separated cell. */
export function list(value: unknown, where: string, field: string): string[] {
	if (isBlank(value)) return [];
	const parts = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : undefined;
	if (!parts || parts.some((part) => typeof part !== 'string' && typeof part !== 'number')) {
		throw new RebateConfigError(`${where}: "${field}" must be a list of text values or a comma-separated text`, `Write ${field} like ["A", "B"] or "A, B".`);
	}
	return [...new Set(parts.map((part) => String(part).trim()).filter(Boolean))];
}

export function rejectUnknown(row: Raw, allowed: readonly string[], where: string): void {
	const unknown = Object.keys(row).filter((key) => !allowed.includes(key));
	if (unknown.length > 0) {
		throw new RebateConfigError(
			`${where}: unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((key) => `"${key}"`).join(', ')}`,
			`Allowed fields: ${allowed.join(', ')}. See docs/nodes/rebate-engine.md.`,
		);
	}
}
