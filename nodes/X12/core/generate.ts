/**
 * X12 output: segment serialisation and complete interchanges (ISA/GS/ST ... SE/GE/IEA) with
 * fixed-width ISA fields, computed counts and control numbers from an allocator. Pure: no I/O
 * except through the allocator, and the clock is injectable.
 */
import type { Delimiters, Element, Segment } from './types';

/** Raised for input that cannot be written as valid X12 (never silently repaired). */
export class X12GenerateError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'X12GenerateError';
	}
}

const SEGMENT_ID = /^[A-Z0-9]{2,3}$/;

/** Human-readable name of a delimiter character for error messages. */
function describe(ch: string): string {
	const named: Record<string, string> = { '\r': 'CR', '\n': 'LF', '\t': 'TAB', ' ': 'space' };
	if (named[ch]) return named[ch];
	const code = ch.codePointAt(0) ?? 0;
	return code < 0x20 || code === 0x7f ? `0x${code.toString(16).padStart(2, '0').toUpperCase()}` : `"${ch}"`;
}

/**
 * Checks a delimiter set for output: single-character element/component/repetition separators (the
 * ISA can only carry one character each), all distinct, none alphanumeric or a space (ISA padding
 * and data would collide), and a suffix made only of line breaks.
 */
export function assertDelimiters(delimiters: Delimiters): void {
	const { element, component, repetition, segment, suffix } = delimiters;
	const singles: Array<[string, string | undefined]> = [
		['element separator', element],
		['component separator', component],
		['repetition separator', repetition],
	];
	for (const [name, value] of singles) {
		if (value === undefined && name === 'repetition separator') continue;
		if (typeof value !== 'string' || [...value].length !== 1) {
			throw new X12GenerateError(`The ${name} must be exactly one character`);
		}
	}
	if (typeof segment !== 'string' || segment.length === 0) {
		throw new X12GenerateError('The segment terminator must not be empty');
	}
	const all: Array<[string, string]> = [
		['element separator', element],
		['component separator', component],
		['segment terminator', segment],
	];
	if (repetition !== undefined) all.push(['repetition separator', repetition]);
	for (const [name, value] of all) {
		if (/[A-Za-z0-9 ]/.test(value)) {
			throw new X12GenerateError(`The ${name} ${describe(value)} must not be a letter, digit or space`);
		}
	}
	for (let i = 0; i < all.length; i++) {
		for (let j = i + 1; j < all.length; j++) {
			const [a, av] = all[i];
			const [b, bv] = all[j];
			if (av.includes(bv) || bv.includes(av)) {
				throw new X12GenerateError(`The ${a} and the ${b} clash (${describe(av)} / ${describe(bv)})`);
			}
		}
	}
	if (suffix !== undefined && !/^[\r\n]*$/.test(suffix)) {
		throw new X12GenerateError('The text after each segment terminator may only contain CR and LF');
	}
}

const escapeRegExp = (value: string) => value.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

interface Encoder {
	delimiters: Delimiters;
	/** Matches any character that must not occur in data. */
	forbidden: RegExp;
	/** Appended after each segment: terminator + suffix. */
	end: string;
}

// Keyed by value, not by object, so that a caller mutating its delimiters object gets a fresh check.
const encoders = new Map<string, Encoder>();

function encoderFor(delimiters: Delimiters): Encoder {
	const { element, component, repetition, segment, suffix } = delimiters;
	const key = `${element}\u0000${component}\u0000${repetition}\u0000${segment}\u0000${suffix}`;
	let encoder = encoders.get(key);
	if (!encoder) {
		if (encoders.size > 100) encoders.clear();
		assertDelimiters(delimiters);
		const parts = [delimiters.element, delimiters.component, delimiters.segment, '\r', '\n'];
		if (delimiters.repetition !== undefined) parts.push(delimiters.repetition);
		// CR/LF are refused too: readers treat them as layout and drop them, which would alter the value.
		// A character class when every delimiter is one character (the usual case, and faster).
		const forbidden = parts.every((p) => p.length === 1)
			? new RegExp(`[${parts.map((p) => p.replace(/[\\\]^-]/g, '\\$&')).join('')}]`)
			: new RegExp(parts.map(escapeRegExp).join('|'));
		encoder = { delimiters: { ...delimiters }, forbidden, end: delimiters.segment + (delimiters.suffix ?? '') };
		encoders.set(key, encoder);
	}
	return encoder;
}

function refuse(encoder: Encoder, seg: Segment, position: number, value: string): never {
	const { element, component, repetition, segment } = encoder.delimiters;
	const found = encoder.forbidden.exec(value)?.[0] ?? '';
	const role =
		found === element
			? 'element separator'
			: found === component
				? 'component separator'
				: found === repetition
					? 'repetition separator'
					: found === segment
						? 'segment terminator'
						: 'line break';
	const at = `${seg.id}${String(position).padStart(2, '0')}`;
	throw new X12GenerateError(
		`${at} contains ${describe(found)}, the ${role}; it would corrupt the file. Remove or replace it before generating.`,
	);
}

/** Index after the last non-empty entry (X12 drops trailing empty repetitions and components). */
function trimmedLength<T>(items: T[], isEmpty: (item: T) => boolean): number {
	let n = items.length;
	while (n > 0 && isEmpty(items[n - 1])) n--;
	return n;
}

const emptyComposite = (composite: string[]) => composite.every((c) => c === '');

function checkValue(encoder: Encoder, seg: Segment, position: number, value: unknown): string {
	if (typeof value !== 'string') {
		throw new X12GenerateError(`${seg.id}${String(position).padStart(2, '0')} has a value that is not a string`);
	}
	if (encoder.forbidden.test(value)) refuse(encoder, seg, position, value);
	return value;
}

function encodeElement(encoder: Encoder, seg: Segment, position: number, element: Element): string {
	// Fast path: most elements are one plain value.
	if (element.length === 1 && element[0].length === 1) return checkValue(encoder, seg, position, element[0][0]);
	const { component, repetition } = encoder.delimiters;
	const reps = trimmedLength(element, emptyComposite);
	if (reps > 1 && repetition === undefined) {
		throw new X12GenerateError(
			`${seg.id}${String(position).padStart(2, '0')} has ${reps} repetitions, but this interchange version has no repetition separator (ISA11 before 00402)`,
		);
	}
	let out = '';
	for (let r = 0; r < reps; r++) {
		const composite = element[r];
		const n = trimmedLength(composite, (c) => c === '');
		if (r > 0) out += repetition;
		for (let c = 0; c < n; c++) {
			const value = checkValue(encoder, seg, position, composite[c]);
			out += c === 0 ? value : component + value;
		}
	}
	return out;
}

/** ISA is fixed-width and carries the delimiters themselves in ISA11 and ISA16. */
function encodeIsa(encoder: Encoder, seg: Segment): string {
	const { element, component, repetition } = encoder.delimiters;
	let out = seg.id;
	seg.elements.forEach((el, i) => {
		const position = i + 1;
		const value = el[0]?.[0] ?? '';
		const allowed =
			(position === 11 && repetition !== undefined && value === repetition) ||
			(position === 16 && value === component);
		if (!allowed && encoder.forbidden.test(value)) refuse(encoder, seg, position, value);
		out += element + value;
	});
	return out;
}

/** One segment with its terminator and suffix, e.g. `N1*ST*Store 12~\n`. */
export function formatSegment(seg: Segment, delimiters: Delimiters): string {
	const encoder = encoderFor(delimiters);
	return encode(encoder, seg) + encoder.end;
}

const validIds = new Set<string>();

function encode(encoder: Encoder, seg: Segment): string {
	if (!validIds.has(seg.id)) {
		if (!SEGMENT_ID.test(seg.id)) {
			throw new X12GenerateError(`Invalid segment id "${seg.id}": expected 2 or 3 capital letters or digits`);
		}
		if (validIds.size < 10_000) validIds.add(seg.id);
	}
	if (seg.id === 'ISA') return encodeIsa(encoder, seg);
	const separator = encoder.delimiters.element;
	let out = seg.id;
	// Empty elements are held back and written only when a non-empty one follows (trailing ones are dropped).
	let pending = '';
	const elements = seg.elements;
	for (let i = 0; i < elements.length; i++) {
		const value = encodeElement(encoder, seg, i + 1, elements[i]);
		if (value === '') {
			pending += separator;
		} else {
			out += pending + separator + value;
			pending = '';
		}
	}
	return out;
}

/** Several segments, each terminated (and followed by the suffix). */
export function formatSegments(segments: Iterable<Segment>, delimiters: Delimiters): string {
	const encoder = encoderFor(delimiters);
	const parts: string[] = [];
	for (const seg of segments) parts.push(encode(encoder, seg), encoder.end);
	return parts.join('');
}
