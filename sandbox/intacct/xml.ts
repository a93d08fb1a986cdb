import { Parser } from 'xml2js';

/**
 * The sandbox's own reading and writing of the gateway's XML (independent of the node's code):
 * documents with a DOCTYPE are refused like the real gateway refuses anything outside its schema.
 */
export type Node = { [name: string]: unknown; $?: Record<string, string> };

export function parse(xml: string): Node {
	if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new Error('DOCTYPE and entity declarations are not allowed');
	let out: Node | undefined;
	let failure: unknown;
	new Parser({ explicitArray: true, attrkey: '$', charkey: '_', emptyTag: '', strict: true, async: false }).parseString(
		xml,
		(error: unknown, result: unknown) => {
			if (error) failure = error;
			else out = result as Node;
		},
	);
	if (failure !== undefined || !out) throw new Error(failure instanceof Error ? failure.message.split('\n')[0] : 'empty document');
	return out;
}

/** The first child element `name` (explicitArray form). */
export function child(node: unknown, name: string): Node | undefined {
	const value = (node as Node | undefined)?.[name];
	// The root element is not wrapped in an array; every other element is.
	const first = (Array.isArray(value) ? value[0] : value) as unknown;
	if (first === undefined) return undefined;
	return typeof first === 'object' && first !== null ? (first as Node) : { _: String(first ?? '') };
}

export function childText(node: unknown, name: string): string {
	const list = (node as Node | undefined)?.[name];
	if (!Array.isArray(list) || list.length === 0) return '';
	const first = list[0] as unknown;
	if (typeof first === 'string') return first;
	if (first && typeof first === 'object' && '_' in first) return String((first as Node)._);
	return '';
}

/** Element children in document order is not kept by xml2js; names and values are enough here. */
export function elements(node: unknown): Array<[string, unknown]> {
	if (!node || typeof node !== 'object') return [];
	const out: Array<[string, unknown]> = [];
	for (const [name, value] of Object.entries(node as Node)) {
		if (name === '$' || name === '_') continue;
		for (const entry of Array.isArray(value) ? value : [value]) out.push([name, entry]);
	}
	return out;
}

/** A parsed record element as plain values: text → string, repeated elements → arrays. */
export function plain(value: unknown): unknown {
	if (typeof value === 'string') return value;
	if (Array.isArray(value)) return value.length === 1 ? plain(value[0]) : value.map(plain);
	if (value && typeof value === 'object') {
		const node = value as Node;
		const keys = Object.keys(node).filter((k) => k !== '$');
		if (keys.length === 0) return '';
		if (keys.length === 1 && keys[0] === '_') return String(node._);
		const out: Record<string, unknown> = {};
		for (const key of keys) if (key !== '_') out[key] = plain(node[key]);
		return out;
	}
	return '';
}

export function esc(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A value as XML: objects nest, arrays repeat the element. */
export function render(name: string, value: unknown): string {
	if (Array.isArray(value)) return value.map((v) => render(name, v)).join('');
	if (value && typeof value === 'object') {
		return `<${name}>${Object.entries(value as Record<string, unknown>)
			.map(([k, v]) => render(k, v))
			.join('')}</${name}>`;
	}
	const text = value === undefined || value === null ? '' : String(value);
	return text === '' ? `<${name}/>` : `<${name}>${esc(text)}</${name}>`;
}
