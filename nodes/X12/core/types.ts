/**
 * The X12 data model shared by the tokenizer, validator, generator and mappers. It is independent of
 * delimiters: a file read with `*`/`>`/`~` can be written back with `|`/`^`/newline.
 */

/** One interchange's delimiters, found from its ISA segment (never assumed). */
export interface Delimiters {
	/** Element separator: the character after "ISA". */
	element: string;
	/** Component (sub-element) separator: ISA16. */
	component: string;
	/** Repetition separator: ISA11 from version 00402 on; undefined before (ISA11 is then a standards id). */
	repetition?: string;
	/** Segment terminator; may be several characters (e.g. "…" is 3 bytes in UTF-8) or a line break. */
	segment: string;
	/** What follows each terminator in this file (e.g. "\r\n"), kept so output can match the input's layout. */
	suffix?: string;
}

/**
 * An element as repetitions of composites: `[[value]]` for a plain element, `[[c1, c2]]` for a
 * composite, `[[a], [b]]` for a repeated element. An empty element is `[['']]`.
 */
export type Element = string[][];

export interface Segment {
	/** Segment id, e.g. "ISA", "PO1". */
	id: string;
	/** Elements 1..n (index 0 is element 01). ISA/IEA elements are always plain. */
	elements: Element[];
}

export type Severity = 'error' | 'warning';

/** A finding about the input, located as precisely as it can be. Indexes are 0-based; element is 1-based. */
export interface Diagnostic {
	severity: Severity;
	code: string;
	message: string;
	interchange?: number;
	group?: number;
	transaction?: number;
	/** Index of the segment in the file (0-based, counting from the first ISA). */
	segmentIndex?: number;
	segmentId?: string;
	/** X12 element position (ISA13 → 13). */
	elementIndex?: number;
}

/** The plain value of element `position` (1-based), first repetition and component. */
export function elementValue(segment: Segment, position: number, component = 1, repetition = 1): string {
	return segment.elements[position - 1]?.[repetition - 1]?.[component - 1] ?? '';
}

/** A segment from plain string values (composites/repetitions given as arrays). */
export function segment(id: string, ...values: Array<string | string[] | string[][]>): Segment {
	return {
		id,
		elements: values.map((value) =>
			typeof value === 'string' ? [[value]] : Array.isArray(value[0]) ? (value as string[][]) : [value as string[]],
		),
	};
}
