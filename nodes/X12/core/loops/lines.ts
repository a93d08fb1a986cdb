/**
 * Flat loops: a start segment and the segments that follow it until the next start or a segment that
 * ends the loop area (e.g. PO1 … until the next PO1 or CTT). Used for line loops (PO1, IT1, LIN) and
 * party loops (N1/N2/N3/N4/REF/PER).
 */
import type { Segment } from '../types';

export interface Loop {
	/** The segment that starts the loop (PO1, IT1, LIN, N1…). */
	start: Segment;
	/** The segments that follow it inside the loop. */
	segments: Segment[];
}

export interface LoopSplit {
	/** Segments before the first loop. */
	header: Segment[];
	loops: Loop[];
	/** The first segment that ends the loop area and everything after it. */
	trailer: Segment[];
}

export interface LoopOptions {
	/** Segment ids that end the loop area (default: CTT, SE, TDS, AMT for a summary). */
	endIds?: string[];
	/** Only these ids may belong to a loop; the first other id ends the loop area. */
	memberIds?: string[];
}

const DEFAULT_END = ['CTT', 'SE', 'TDS'];

/** Splits `segments` into header, loops starting at `startId`, and trailer. */
export function splitLoops(segments: Segment[], startId: string, options: LoopOptions = {}): LoopSplit {
	const end = new Set(options.endIds ?? DEFAULT_END);
	const members = options.memberIds ? new Set(options.memberIds) : undefined;
	const split: LoopSplit = { header: [], loops: [], trailer: [] };
	let current: Loop | undefined;
	for (let i = 0; i < segments.length; i++) {
		const seg = segments[i];
		if (split.trailer.length > 0) {
			split.trailer.push(seg);
		} else if (seg.id === startId) {
			current = { start: seg, segments: [] };
			split.loops.push(current);
		} else if (!current) {
			split.header.push(seg);
		} else if (end.has(seg.id) || (members && !members.has(seg.id))) {
			split.trailer.push(seg);
		} else {
			current.segments.push(seg);
		}
	}
	return split;
}

/** Members of an N1 party loop. */
export const N1_MEMBERS = ['N2', 'N3', 'N4', 'REF', 'PER', 'SI', 'FOB', 'TD1', 'TD5', 'TD3', 'TD4', 'PKG', 'DTM'];

/** The N1 loops found in `segments` (each N1 with its following N2/N3/N4/REF/PER…), wherever they start. */
export function n1Loops(segments: Segment[]): Loop[] {
	const loops: Loop[] = [];
	let current: Loop | undefined;
	for (const seg of segments) {
		if (seg.id === 'N1') {
			current = { start: seg, segments: [] };
			loops.push(current);
		} else if (current && ['N2', 'N3', 'N4', 'REF', 'PER'].includes(seg.id)) {
			current.segments.push(seg);
		} else {
			current = undefined;
		}
	}
	return loops;
}

/** Line loops of an 850/855/860/865: PO1 with its PID/PO4/SAC/ACK/SCH/N1… up to the next PO1 or CTT. */
export const poLineLoops = (segments: Segment[]) => splitLoops(segments, 'PO1', { endIds: ['CTT', 'AMT', 'SE'] });
/** Line loops of an 810: IT1 with its PID/SAC/REF/… up to TDS. */
export const invoiceLineLoops = (segments: Segment[]) => splitLoops(segments, 'IT1', { endIds: ['TDS', 'CTT', 'SE'] });
/** Item loops of an 846 (LIN + QTY/SDQ/…) or 832 (LIN + PID/CTP/…). */
export const linLoops = (segments: Segment[]) => splitLoops(segments, 'LIN', { endIds: ['CTT', 'SE'] });
