import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INode } from 'n8n-workflow';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const NO_ZONE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/** Milliseconds `timeZone` is ahead of UTC at `instant`. */
function zoneOffsetMs(instant: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(instant));
	const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
	return wall - Math.floor(instant / 1000) * 1000;
}

/** The UTC instant of a wall-clock time in `timeZone` (second pass settles DST changes). */
function zonedToUtc(wall: number, timeZone: string): number {
	const first = wall - zoneOffsetMs(wall, timeZone);
	return wall - zoneOffsetMs(first, timeZone);
}

/**
 * A ConnectWise timestamp: UTC, no milliseconds ("2024-05-01T12:00:00Z"). A date-time without
 * a zone is wall-clock time in `timeZone` (the workflow's); a date alone is that calendar date.
 */
export function toConnectWiseDateTime(value: unknown, timeZone = 'UTC'): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = value instanceof Date ? value.toISOString() : String(value).trim();
	let instant: number;
	const local = NO_ZONE.exec(text);
	if (DATE_ONLY.test(text)) {
		instant = Date.parse(`${text}T00:00:00Z`);
	} else if (local) {
		const [, y, mo, d, h, mi, sec = '0'] = local;
		const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec));
		try {
			instant = timeZone === 'UTC' ? wall : zonedToUtc(wall, timeZone);
		} catch {
			// An unknown zone name: read the time as UTC rather than fail the item.
			instant = wall;
		}
	} else {
		instant = Date.parse(text);
	}
	if (Number.isNaN(instant)) return undefined;
	return new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A string value inside a ConnectWise condition: double-quoted, with `\` and `"` escaped. */
export function conditionString(value: string): string {
	return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A date inside a ConnectWise condition: `[2024-05-01T00:00:00Z]`. */
export function conditionDate(value: unknown): string {
	const text = toConnectWiseDateTime(value);
	if (!text) throw new TypeError(`Not a date: ${String(value)}`);
	return `[${text}]`;
}

/** Joins condition clauses with `and`, skipping empty ones and bracketing each one. */
export function andConditions(...clauses: Array<string | undefined>): string | undefined {
	const parts = clauses.map((c) => c?.trim()).filter((c): c is string => !!c);
	if (parts.length === 0) return undefined;
	return parts.length === 1 ? parts[0] : parts.map((p) => `(${p})`).join(' and ');
}

const URL_ID_PATTERNS = [/[?&]recid=(\d+)/i, /\/(\d+)(?:[/?#]|$)/];

/**
 * The numeric id of a record from a parameter value: a number, a numeric string, or a resource
 * locator value ({ mode, value }) whose URL carries the id (`recid=` of a PSA link or an API URL).
 */
export function recordId(node: INode, value: unknown, label: string, itemIndex: number): number {
	let raw: unknown = value;
	let mode: string | undefined;
	if (typeof raw === 'object' && raw !== null && 'value' in raw) {
		mode = (raw as IDataObject).mode as string | undefined;
		raw = (raw as IDataObject).value;
	}
	let text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	if (mode === 'url' || /^https?:\/\//i.test(text)) {
		text = URL_ID_PATTERNS.map((re) => re.exec(text)?.[1]).find((id) => id !== undefined) ?? '';
	}
	if (!/^\d+$/.test(text) || Number(text) <= 0) {
		throw new NodeOperationError(node, `${label}: "${String(raw ?? '')}" is not a valid ConnectWise record ID`, {
			itemIndex,
			description: `Enter the numeric ${label} ID, pick one from the list, or paste its ConnectWise link.`,
		});
	}
	return Number(text);
}

/** Parses a JSON parameter (string or already an object); names the field when it is not valid JSON. */
export function parseJsonParameter(
	node: INode,
	value: unknown,
	label: string,
	itemIndex: number,
): IDataObject | IDataObject[] | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'object') return value as IDataObject;
	try {
		const parsed = JSON.parse(String(value)) as unknown;
		if (parsed === null || typeof parsed !== 'object') throw new Error('not an object or array');
		return parsed as IDataObject | IDataObject[];
	} catch (error) {
		throw new NodeOperationError(node, `${label} is not valid JSON: ${(error as Error).message}`, { itemIndex });
	}
}
