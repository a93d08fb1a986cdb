import { isLayoutChar, scanIsa } from './delimiters';
import type { Delimiters, Diagnostic, Element, Segment } from './types';

/** What the tokenizer reports, in input order. Indexes are 0-based; segmentIndex counts from the first ISA. */
export type X12Event =
	| { kind: 'interchange'; interchange: number; segmentIndex: number; delimiters: Delimiters; isaLength: number }
	| { kind: 'segment'; interchange: number; segmentIndex: number; segment: Segment }
	| { kind: 'diagnostic'; diagnostic: Diagnostic };

export interface TokenizerOptions {
	/**
	 * false: only envelope segments (ISA GS ST SE GE IEA TA1) are split into elements; the others carry
	 * their id and no elements. Envelope validation reads nothing more, and splitting every element of
	 * every segment is most of the parse time on large files.
	 */
	bodyElements?: boolean;
}

const ENVELOPE_SEGMENTS = new Set(['ISA', 'GS', 'ST', 'SE', 'GE', 'IEA', 'TA1']);
const NO_ELEMENTS: Element[] = Object.freeze([]) as unknown as Element[];

interface ActiveDelimiters {
	delimiters: Delimiters;
	lineTerminated: boolean;
	trimTrailingSpace: boolean;
}

const LINE_BREAK = /[\r\n]/g;
const HAS_LINE_BREAK = /[\r\n]/;
const LINE_BREAKS = /[\r\n]+/g;

/**
 * Incremental X12 tokenizer over decoded text. `write` may be called with any split of the input (the answer
 * never depends on where chunks end) and keeps only the unfinished segment between calls, so memory stays
 * bounded by the longest segment. Delimiters are found again at every ISA.
 */
export class X12Tokenizer {
	private buffer = '';
	private active?: ActiveDelimiters;
	private interchange = -1;
	private segmentIndex = 0;
	private skippedText = false;
	/** How far the pending segment was already searched for a terminator, so long segments stay linear. */
	private searched = 0;
	/** Chunks that only continue the pending segment; joined once its terminator arrives. */
	private pending: string[] = [];
	private events: X12Event[] = [];

	private readonly bodyElements: boolean;

	/** With `onEvent`, events are handed over as they are found (nothing is kept) and write/end return []. */
	constructor(
		private readonly onEvent?: (event: X12Event) => void,
		options: TokenizerOptions = {},
	) {
		this.bodyElements = options.bodyElements ?? true;
	}

	write(text: string): X12Event[] {
		// Four characters in, the pending segment cannot become an ISA, whose terminator might differ.
		if (this.searched > 3 && !this.mayEndSegment(text)) {
			// Tiny chunks of a long segment: defer concatenation so the work stays linear.
			this.pending.push(text);
			this.searched += text.length;
			return [];
		}
		this.flushPending();
		this.buffer += text;
		this.run(false);
		return this.take();
	}

	private mayEndSegment(text: string): boolean {
		const active = this.active;
		if (!active || active.delimiters.segment.length > 1) return true;
		return active.lineTerminated ? text.includes('\n') || text.includes('\r') : text.includes(active.delimiters.segment);
	}

	private flushPending(): void {
		if (this.pending.length === 0) return;
		this.buffer += this.pending.join('');
		this.pending = [];
	}

	end(): X12Event[] {
		this.flushPending();
		this.run(true);
		if (this.interchange < 0) {
			this.diagnostic({ severity: 'error', code: 'NO_ISA', message: 'No ISA segment found: this is not an X12 interchange' });
		}
		this.buffer = '';
		return this.take();
	}

	private take(): X12Event[] {
		const events = this.events;
		this.events = [];
		return events;
	}

	private emit(event: X12Event): void {
		if (this.onEvent) this.onEvent(event);
		else this.events.push(event);
	}

	private diagnostic(diagnostic: Diagnostic): void {
		this.emit({ kind: 'diagnostic', diagnostic });
	}

	private run(final: boolean): void {
		const text = this.buffer;
		let pos = 0;
		// The pending segment (if any) starts at 0 and was searched up to here by the previous call.
		let searched = this.searched;
		this.searched = 0;
		for (;;) {
			while (pos < text.length && isLayoutChar(text.charCodeAt(pos))) pos++;
			if (pos >= text.length) break;
			if (!this.active) {
				const found = text.indexOf('ISA', pos);
				if (found < 0) {
					// Keep two characters in case "ISA" is split across chunks.
					const keep = final ? text.length : Math.max(pos, text.length - 2);
					if (keep > pos) this.skippedText = true;
					pos = keep;
					break;
				}
				if (found > pos) this.skippedText = true;
				pos = found;
			} else if (text.charCodeAt(pos) === 0x49 && text.startsWith('ISA', pos)) {
				if (pos + 4 > text.length && !final) break;
			} else {
				const next = this.segmentEnd(text, pos, pos === 0 ? Math.max(0, searched - 1) : 0, final);
				searched = 0;
				if (next === undefined) {
					this.searched = text.length - pos;
					break;
				}
				this.emitSegment(text.slice(pos, next.end), next.terminated);
				pos = next.resume;
				continue;
			}
			searched = 0;
			const scan = scanIsa(text, pos, final);
			if (scan.status === 'more') break;
			if (scan.status === 'invalid') {
				this.diagnostic({
					severity: 'error',
					code: 'ISA_INVALID',
					message: `Unreadable ISA segment: ${scan.reason}`,
					interchange: this.interchange + 1,
					segmentIndex: this.segmentIndex,
					segmentId: 'ISA',
				});
				// Look for the next ISA; what lies between is not readable without delimiters.
				this.active = undefined;
				this.skippedText = false;
				pos += 3;
				continue;
			}
			const { header } = scan;
			if (this.skippedText) {
				this.diagnostic({
					severity: 'error',
					code: 'DATA_OUTSIDE_INTERCHANGE',
					message: 'Text before the ISA segment was ignored',
					interchange: this.interchange + 1,
					segmentIndex: this.segmentIndex,
				});
				this.skippedText = false;
			}
			this.active = header;
			this.interchange++;
			this.emit({
				kind: 'interchange',
				interchange: this.interchange,
				segmentIndex: this.segmentIndex,
				delimiters: header.delimiters,
				isaLength: header.length,
			});
			this.emit({
				kind: 'segment',
				interchange: this.interchange,
				segmentIndex: this.segmentIndex++,
				segment: { id: 'ISA', elements: header.fields.map((field) => [[field]]) },
			});
			pos = header.end;
		}
		this.buffer = pos >= text.length ? '' : text.slice(pos);
	}

	/** Where the segment starting at `pos` ends, or undefined if more input is needed to know. */
	private segmentEnd(text: string, pos: number, skip: number, final: boolean): { end: number; resume: number; terminated: boolean } | undefined {
		const active = this.active as ActiveDelimiters;
		let end: number;
		let length = 1;
		const from = pos + skip;
		if (active.lineTerminated) {
			LINE_BREAK.lastIndex = from;
			const match = LINE_BREAK.exec(text);
			end = match ? match.index : -1;
		} else {
			end = text.indexOf(active.delimiters.segment, from);
			length = active.delimiters.segment.length;
		}
		if (end >= 0) return { end, resume: end + length, terminated: true };
		if (!final) return undefined;
		return { end: text.length, resume: text.length, terminated: false };
	}

	private emitSegment(raw: string, terminated: boolean): void {
		const active = this.active as ActiveDelimiters;
		let text = raw;
		// Hard-wrapped files break lines anywhere; a line break that is not the terminator is layout.
		if (!active.lineTerminated && HAS_LINE_BREAK.test(text)) text = text.replace(LINE_BREAKS, '');
		if (active.trimTrailingSpace || !terminated) text = text.replace(/[ \t\r\n]+$/, '');
		if (text.length === 0) return;
		let segment: Segment;
		if (this.bodyElements) {
			segment = splitSegment(text, active.delimiters);
		} else {
			const cut = text.indexOf(active.delimiters.element);
			const id = cut < 0 ? text : text.slice(0, cut);
			segment = ENVELOPE_SEGMENTS.has(id) ? splitSegment(text, active.delimiters) : { id, elements: NO_ELEMENTS };
		}
		this.emit({ kind: 'segment', interchange: this.interchange, segmentIndex: this.segmentIndex++, segment });
	}
}

/** Splits one segment's text (without terminator) into id and elements. ISA/IEA elements stay plain. */
export function splitSegment(text: string, delimiters: Delimiters): Segment {
	const parts = text.split(delimiters.element);
	const id = parts[0];
	const count = parts.length - 1;
	const elements: Element[] = [];
	const { component, repetition } = delimiters;
	// One scan of the whole segment decides whether any element needs splitting (most do not).
	const plain =
		id === 'ISA' || id === 'IEA' || (text.indexOf(component) < 0 && (repetition === undefined || text.indexOf(repetition) < 0));
	for (let i = 1; i <= count; i++) {
		const value = parts[i];
		if (plain || (value.indexOf(component) < 0 && (repetition === undefined || value.indexOf(repetition) < 0))) {
			elements.push([[value]]);
		} else {
			const repetitions = repetition === undefined ? [value] : value.split(repetition);
			elements.push(repetitions.map((part) => part.split(component)));
		}
	}
	return { id, elements };
}

/** One interchange as the whole-string parser returns it: ISA through IEA (and anything up to the next ISA). */
export interface ParsedInterchange {
	index: number;
	delimiters: Delimiters;
	isaLength: number;
	/** Index in the file of this interchange's ISA segment. */
	segmentIndex: number;
	segments: Segment[];
}

export interface ParseResult {
	interchanges: ParsedInterchange[];
	diagnostics: Diagnostic[];
}

/** Decodes input as UTF-8 (a BOM is skipped by the tokenizer). */
export function decodeX12(input: string | Buffer | Uint8Array): string {
	return typeof input === 'string' ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('utf8');
}

/** Tokenizes a whole file into interchanges and segments, with tokenizer diagnostics. */
export function parseX12(input: string | Buffer | Uint8Array): ParseResult {
	const collector = new EventCollector();
	const tokenizer = new X12Tokenizer((event) => collector.add(event));
	tokenizer.write(decodeX12(input));
	tokenizer.end();
	return collector.result;
}

/** Groups tokenizer events into interchanges. */
export class EventCollector {
	readonly result: ParseResult = { interchanges: [], diagnostics: [] };
	private current?: ParsedInterchange;

	add(event: X12Event): void {
		if (event.kind === 'interchange') {
			this.current = {
				index: event.interchange,
				delimiters: event.delimiters,
				isaLength: event.isaLength,
				segmentIndex: event.segmentIndex,
				segments: [],
			};
			this.result.interchanges.push(this.current);
		} else if (event.kind === 'segment') {
			this.current?.segments.push(event.segment);
		} else {
			this.result.diagnostics.push(event.diagnostic);
		}
	}
}

/** Groups a list of tokenizer events (e.g. collected from a stream) into interchanges. */
export function collectEvents(events: Iterable<X12Event>): ParseResult {
	const collector = new EventCollector();
	for (const event of events) collector.add(event);
	return collector.result;
}
