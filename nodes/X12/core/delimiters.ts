import type { Delimiters } from './types';

/** Characters skipped between segments: indentation, line breaks after terminators, a UTF-8 BOM, a DOS end-of-file mark (^Z). */
export function isLayoutChar(code: number): boolean {
	return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xfeff || code === 0x1a;
}

export function isLineBreak(code: number): boolean {
	return code === 0x0a || code === 0x0d;
}

function isAlphanumeric(char: string): boolean {
	return /^[A-Za-z0-9]$/.test(char);
}

/** Result of reading an ISA header: its plain fields, delimiters and where the next segment starts. */
export interface IsaHeader {
	/** ISA01..ISA16 as read (CR/LF inside the ISA of hard-wrapped files removed). */
	fields: string[];
	delimiters: Delimiters;
	/** The terminator is a line break: any CR or LF ends a segment. */
	lineTerminated: boolean;
	/** Segments end with padding spaces before the line break (the space is not the terminator). */
	trimTrailingSpace: boolean;
	/** ISA length counted as the standard does: "ISA", separators, fields and one terminator (106). */
	length: number;
	/** Offset just after the terminator (and its layout suffix). */
	end: number;
}

export type IsaScan = { status: 'ok'; header: IsaHeader } | { status: 'more' } | { status: 'invalid'; reason: string };

/** Longest text an ISA may span before we give up looking for its 16th separator (allows wrapping and padding). */
const MAX_ISA_SPAN = 512;
const MAX_SUFFIX = 8;

/**
 * Reads the ISA starting at `start` by counting element separators, never by fixed offsets, so short/long ISAs,
 * hard-wrapped ISAs and multi-character layout after the terminator all work. Returns 'more' when the text ends
 * before the answer is certain and `final` is false (the streaming tokenizer then waits for the next chunk).
 */
export function scanIsa(text: string, start: number, final: boolean): IsaScan {
	const more: IsaScan = final ? { status: 'invalid', reason: 'the file ends inside the ISA segment' } : { status: 'more' };
	const element = text[start + 3];
	if (element === undefined) return more;
	if (isAlphanumeric(element) || isLayoutChar(element.charCodeAt(0))) {
		return { status: 'invalid', reason: `"${element}" cannot be an element separator` };
	}
	const fields: string[] = [];
	let current = '';
	let i = start + 4;
	while (fields.length < 15) {
		if (i >= text.length) return more;
		if (i - start > MAX_ISA_SPAN) return { status: 'invalid', reason: 'ISA does not have 16 elements' };
		const char = text[i++];
		if (char === element) {
			fields.push(current);
			current = '';
		} else if (!isLineBreak(char.charCodeAt(0))) {
			current += char;
		}
	}
	// `current` is empty here; ISA16 is the next character that is not a wrapping line break.
	while (i < text.length && isLineBreak(text.charCodeAt(i))) i++;
	if (i >= text.length) return more;
	const component = text[i++];
	fields.push(component);

	if (i >= text.length) return more;
	let segment: string;
	let lineTerminated = false;
	let trimTrailingSpace = false;
	let end: number;
	const first = text.charCodeAt(i);
	if (isLineBreak(first)) {
		lineTerminated = true;
		if (first === 0x0d && i + 1 >= text.length && !final) return more;
		segment = first === 0x0d && text[i + 1] === '\n' ? '\r\n' : text[i];
		end = i + segment.length;
	} else if (first === 0x20 || first === 0x09) {
		// A space right after ISA16 is padding when a line break follows: taking it as the terminator would split
		// names that contain spaces.
		let j = i;
		while (j < text.length && (text.charCodeAt(j) === 0x20 || text.charCodeAt(j) === 0x09)) j++;
		if (j >= text.length && !final) return more;
		if (j < text.length && isLineBreak(text.charCodeAt(j))) {
			lineTerminated = true;
			trimTrailingSpace = true;
			if (text.charCodeAt(j) === 0x0d && j + 1 >= text.length && !final) return more;
			segment = text.charCodeAt(j) === 0x0d && text[j + 1] === '\n' ? '\r\n' : text[j];
			end = j + segment.length;
		} else {
			segment = text[i];
			end = i + 1;
		}
	} else {
		const code = text.charCodeAt(i);
		segment = code >= 0xd800 && code <= 0xdbff ? text.slice(i, i + 2) : text[i];
		end = i + segment.length;
	}
	// The layout after the terminator (e.g. CRLF) is kept so output can mirror the input.
	let suffixEnd = end;
	if (!lineTerminated) {
		while (suffixEnd < text.length && suffixEnd - end < MAX_SUFFIX && isLayoutChar(text.charCodeAt(suffixEnd))) suffixEnd++;
		if (suffixEnd >= text.length && !final) return more;
	}
	const delimiters: Delimiters = { element, component, segment };
	if (suffixEnd > end) delimiters.suffix = text.slice(end, suffixEnd);
	const version = fields[11] ?? '';
	const repetition = fields[10] ?? '';
	if (/^\d{5}$/.test(version) && version >= '00402' && usableRepetition(repetition, delimiters)) {
		delimiters.repetition = repetition;
	}
	const length = 3 + 16 + fields.reduce((sum, field) => sum + field.length, 0) + 1;
	return { status: 'ok', header: { fields, delimiters, lineTerminated, trimTrailingSpace, length, end } };
}

/** ISA11 only works as a repetition separator if it cannot occur in data and clashes with no other delimiter. */
export function usableRepetition(char: string, delimiters: Delimiters): boolean {
	return (
		char.length === 1 &&
		!isAlphanumeric(char) &&
		!isLayoutChar(char.charCodeAt(0)) &&
		char !== delimiters.element &&
		char !== delimiters.component &&
		char !== delimiters.segment
	);
}
