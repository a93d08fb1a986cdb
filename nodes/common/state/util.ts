/** Argument checks and encodings shared by both backends, so both reject and order the same way. */
import { createHash } from 'node:crypto';

import type { Clock, QueueStatus } from './types';
import { QUEUE_STATUSES, StateStoreError } from './types';

export const MAX_NAME_LENGTH = 200;
export const MAX_KEY_LENGTH = 1000;
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 10_000;

export const systemClock: Clock = () => new Date();

// Postgres text cannot hold NUL; refusing it in both backends keeps them interchangeable.
function checkString(what: string, value: unknown, max: number): string {
	if (typeof value !== 'string' || value.length === 0) {
		throw new StateStoreError(`State store ${what} must be a non-empty string`, 'INVALID_ARGUMENT');
	}
	if (value.length > max) {
		throw new StateStoreError(`State store ${what} is longer than ${max} characters`, 'INVALID_ARGUMENT');
	}
	if (value.includes('\u0000')) {
		throw new StateStoreError(`State store ${what} must not contain NUL characters`, 'INVALID_ARGUMENT');
	}
	return value;
}

export const checkName = (what: string, value: unknown) => checkString(what, value, MAX_NAME_LENGTH);
export const checkKey = (value: unknown) => checkString('key', value, MAX_KEY_LENGTH);

/** Validates a batch and returns its entries with JSON text, the last of duplicate keys winning. */
export function prepareBatch(entries: Array<{ key: string; value: unknown }>): Map<string, string> {
	if (!Array.isArray(entries) || entries.length > MAX_LIMIT) {
		throw new StateStoreError(`A batch must be an array of at most ${MAX_LIMIT} entries`, 'INVALID_ARGUMENT');
	}
	const batch = new Map<string, string>();
	for (const { key, value } of entries) {
		checkKey(key);
		batch.delete(key);
		batch.set(key, encodeJson(value));
	}
	return batch;
}

export function checkKeys(keys: string[]): string[] {
	if (!Array.isArray(keys) || keys.length > MAX_LIMIT) {
		throw new StateStoreError(`At most ${MAX_LIMIT} keys can be read at once`, 'INVALID_ARGUMENT');
	}
	keys.forEach(checkKey);
	return keys;
}

export function checkLimit(limit: number | undefined): number {
	if (limit === undefined) return DEFAULT_LIMIT;
	if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
		throw new StateStoreError(`limit must be an integer from 1 to ${MAX_LIMIT}`, 'INVALID_ARGUMENT');
	}
	return limit;
}

export function checkSafeInteger(what: string, value: unknown, min: number): number {
	if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
		throw new StateStoreError(`${what} must be a safe integer >= ${min}`, 'INVALID_ARGUMENT');
	}
	return value;
}

export function checkTtl(ttlMs: number | undefined): number | undefined {
	if (ttlMs === undefined) return undefined;
	if (typeof ttlMs !== 'number' || !Number.isFinite(ttlMs) || ttlMs <= 0) {
		throw new StateStoreError('ttlMs must be a positive number of milliseconds', 'INVALID_ARGUMENT');
	}
	return ttlMs;
}

export function checkStatus(status: unknown): QueueStatus {
	if (!QUEUE_STATUSES.includes(status as QueueStatus)) {
		throw new StateStoreError(
			`Queue status must be one of ${QUEUE_STATUSES.join(', ')}`,
			'INVALID_ARGUMENT',
		);
	}
	return status as QueueStatus;
}

/** JSON text of a value, refusing what JSON cannot represent (undefined, functions, BigInt, cycles). */
export function encodeJson(value: unknown): string {
	let text: string | undefined;
	let failure: unknown;
	try {
		text = JSON.stringify(value);
	} catch (error) {
		failure = error;
	}
	if (text === undefined) {
		const reason = failure instanceof Error ? `: ${failure.message}` : '';
		throw new StateStoreError(`State store value is not JSON-serialisable${reason}`, 'NOT_SERIALIZABLE', {
			cause: failure,
		});
	}
	return text;
}

/** A queue id is a decimal string; anything else names no item. */
export function parseQueueId(id: unknown): number | undefined {
	if (typeof id !== 'string' || !/^[1-9]\d{0,15}$/.test(id)) return undefined;
	const n = Number(id);
	return Number.isSafeInteger(n) ? n : undefined;
}

export function toIso(at: Date | string | undefined, clock: Clock): string {
	if (at === undefined) return clock().toISOString();
	const date = typeof at === 'string' ? new Date(at) : at;
	if (Number.isNaN(date.getTime())) {
		throw new StateStoreError('Invalid timestamp', 'INVALID_ARGUMENT');
	}
	return date.toISOString();
}

/**
 * Orders strings by Unicode code point, which is also UTF-8 byte order and Postgres `COLLATE "C"`
 * order; plain `<` on JS strings compares UTF-16 units and would disagree above U+FFFF.
 */
export function compareKeys(a: string, b: string): number {
	const n = Math.min(a.length, b.length);
	for (let i = 0; i < n; i++) {
		let x = a.charCodeAt(i);
		let y = b.charCodeAt(i);
		if (x === y) continue;
		// Move surrogates (D800-DFFF) above E000-FFFF so that code-unit order equals code-point order.
		if (x >= 0xd800) x += x <= 0xdfff ? 0x2000 : -0x800;
		if (y >= 0xd800) y += y <= 0xdfff ? 0x2000 : -0x800;
		return x - y;
	}
	return a.length - b.length;
}

/** Readable, file-system-safe and collision-free file name part for an arbitrary name. */
export function fileSafeName(name: string): string {
	// No dots: the store's own suffixes (.snapshot.json, .<gen>.journal, .lock) stay unambiguous.
	const slug = name
		.replace(/[^A-Za-z0-9_-]+/g, '_')
		.slice(0, 60)
		.toLowerCase();
	const hash = createHash('sha256').update(name).digest('hex').slice(0, 12);
	return `${slug}-${hash}`;
}

export function hashConfig(parts: unknown): string {
	return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}
