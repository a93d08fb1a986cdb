/**
 * Stripe's v1 request encoding: `application/x-www-form-urlencoded` with nested keys
 * (`metadata[tier]=gold`, `items[0][price]=price_1`, `expand[]=customer`), the same on query strings.
 * Parsed into plain objects; arrays come from `[]` or from all-numeric indices.
 */
export type FormValue = string | FormObject | FormValue[];
export interface FormObject {
	[key: string]: FormValue;
}

export class FormError extends Error {
	constructor(
		message: string,
		readonly param: string,
	) {
		super(message);
	}
}

function splitKey(key: string): string[] {
	const first = key.indexOf('[');
	if (first < 0) return [key];
	const parts = [key.slice(0, first)];
	const rest = key.slice(first);
	const re = /\[([^\]]*)\]/g;
	let consumed = 0;
	for (const match of rest.matchAll(re)) {
		if (match.index !== consumed) throw new FormError(`Invalid parameter name: ${key}`, key);
		parts.push(match[1]);
		consumed += match[0].length;
	}
	if (consumed !== rest.length) throw new FormError(`Invalid parameter name: ${key}`, key);
	return parts;
}

const APPEND = Symbol('append');

/** Parses `a[b][0][c]=v&x[]=1` pairs into nested objects. */
export function parseForm(pairs: Iterable<[string, string]>): FormObject {
	const root: Record<string, unknown> = {};
	for (const [key, value] of pairs) {
		const parts = splitKey(key);
		let node: Record<string | symbol, unknown> = root;
		for (let i = 0; i < parts.length; i++) {
			const part = parts[i] === '' ? APPEND : parts[i];
			const last = i === parts.length - 1;
			if (part === APPEND) {
				const list = ((node as Record<symbol, unknown[]>)[APPEND] ??= []);
				if (last) list.push(value);
				else {
					const child = {};
					list.push(child);
					node = child;
				}
				continue;
			}
			if (last) {
				node[part] = value;
			} else {
				const existing = node[part];
				if (typeof existing !== 'object' || existing === null) node[part] = {};
				node = node[part] as Record<string | symbol, unknown>;
			}
		}
	}
	return normalise(root) as FormObject;
}

/** Objects whose keys are 0..n-1 become arrays; `[]` appends become arrays. */
function normalise(value: unknown): FormValue {
	if (typeof value !== 'object' || value === null) return value as string;
	const record = value as Record<string | symbol, unknown>;
	const appended = record[APPEND] as unknown[] | undefined;
	const keys = Object.keys(record);
	if (appended && keys.length === 0) return appended.map(normalise);
	if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k))) {
		const sorted = keys.map(Number).sort((a, b) => a - b);
		if (sorted.every((n, i) => n === i)) return sorted.map((n) => normalise(record[String(n)]));
	}
	const out: FormObject = {};
	for (const key of keys) out[key] = normalise(record[key]);
	return out;
}

export function parseFormBody(raw: Buffer): FormObject {
	return parseForm(new URLSearchParams(raw.toString('utf8')));
}
