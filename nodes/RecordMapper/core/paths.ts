/**
 * Dotted paths into records: `customer.code`, `addresses.0.city`, `lines.*.unitOfMeasure` (`*` = every
 * element of an array). Used by overrides, value-map translations and cross-reference enrichment.
 * Prototype keys are refused so that a path from user input cannot reach Object.prototype.
 */

const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

export class PathError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'PathError';
	}
}

/** `a.b[0].c` and `a.b.0.c` alike; an empty path (or ".") is the record itself. */
export function parsePath(path: string): string[] {
	const trimmed = path.trim();
	if (trimmed === '' || trimmed === '.') return [];
	const parts = trimmed.replace(/\[(\d+|\*)\]/g, '.$1').split('.');
	parts.forEach((part, i) => {
		if (part === '') throw new PathError(`Path "${path}" has an empty segment at position ${i + 1}`);
		if (FORBIDDEN.has(part)) throw new PathError(`Path "${path}" uses the reserved name "${part}"`);
	});
	return parts;
}

type Container = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is Container => typeof value === 'object' && value !== null;
const isIndex = (part: string) => /^\d+$/.test(part);

function child(container: Container, part: string): unknown {
	if (Array.isArray(container)) return isIndex(part) ? container[Number(part)] : undefined;
	return Object.hasOwn(container, part) ? container[part] : undefined;
}

export interface PathHit {
	container: Container;
	key: string;
	value: unknown;
	/** The concrete path of this hit, e.g. `lines[2].unitOfMeasure` for `lines.*.unitOfMeasure`. */
	path: string;
}

const join = (base: string, part: string, inList: boolean) => (inList ? `${base}[${part}]` : base ? `${base}.${part}` : part);

/** Every value the path reaches (several with `*`), with the container and key that hold it. */
export function resolvePath(root: unknown, path: string | string[]): PathHit[] {
	const parts = typeof path === 'string' ? parsePath(path) : path;
	if (parts.length === 0) return [];
	let current: Array<{ node: Container; path: string }> = isContainer(root) ? [{ node: root, path: '' }] : [];
	for (let i = 0; i < parts.length - 1; i++) {
		const part = parts[i];
		const next: Array<{ node: Container; path: string }> = [];
		for (const { node, path: at } of current) {
			if (part === '*') {
				if (Array.isArray(node)) node.forEach((value, n) => isContainer(value) && next.push({ node: value, path: join(at, String(n), true) }));
				continue;
			}
			const value = child(node, part);
			if (isContainer(value)) next.push({ node: value, path: join(at, part, Array.isArray(node)) });
		}
		current = next;
	}
	const last = parts[parts.length - 1];
	const out: PathHit[] = [];
	for (const { node, path: at } of current) {
		if (last === '*') {
			if (Array.isArray(node)) node.forEach((value, n) => out.push({ container: node, key: String(n), value, path: join(at, String(n), true) }));
		} else {
			out.push({ container: node, key: last, value: child(node, last), path: join(at, last, Array.isArray(node)) });
		}
	}
	return out;
}

/** The objects a path points to (the root itself for an empty path). */
export function objectsAt(root: unknown, path: string): Array<Record<string, unknown>> {
	const parts = parsePath(path);
	const values = parts.length === 0 ? [root] : resolvePath(root, parts).map((hit) => hit.value);
	return values.filter((value): value is Record<string, unknown> => isContainer(value) && !Array.isArray(value));
}

export function getPath(root: unknown, path: string): unknown {
	const hits = resolvePath(root, path);
	return hits.length === 1 ? hits[0].value : hits.length === 0 ? undefined : hits.map((hit) => hit.value);
}

function assign(container: Container, key: string, value: unknown): void {
	if (Array.isArray(container)) {
		if (!isIndex(key)) throw new PathError(`"${key}" is not an index into a list`);
		container[Number(key)] = value;
	} else {
		container[key] = value;
	}
}

/**
 * Sets the value at `path`, creating missing objects (or lists, before a numeric segment). With `*` it
 * sets the field in every element that exists; it creates no elements.
 */
export function setPath(root: Record<string, unknown>, path: string, value: unknown): void {
	const parts = parsePath(path);
	if (parts.length === 0) throw new PathError('An empty path cannot be set');
	let current: Container[] = [root];
	for (let i = 0; i < parts.length - 1; i++) {
		const part = parts[i];
		const next: Container[] = [];
		for (const container of current) {
			if (part === '*') {
				if (Array.isArray(container)) next.push(...container.filter(isContainer));
				continue;
			}
			let value = child(container, part);
			if (!isContainer(value)) {
				// `*` sets a field of the elements that exist; it creates no list.
				if (parts[i + 1] === '*') continue;
				value = isIndex(parts[i + 1]) ? [] : {};
				assign(container, part, value);
			}
			next.push(value as Container);
		}
		current = next;
	}
	const last = parts[parts.length - 1];
	for (const container of current) {
		if (last === '*') {
			if (Array.isArray(container)) container.forEach((_, i) => (container[i] = value));
		} else {
			assign(container, last, value);
		}
	}
}
