/**
 * A lossless JSON view of an interchange: envelopes as named arrays, body segments as `{ id, elements }`.
 * Element values are compact for people and templates: a plain value is a string, a composite an array of
 * strings, a repeated element an array of arrays. Segments that sit outside their envelope (TA1, ISB, stray
 * text, a missing trailer) are kept in `before`/`after` so toTree → fromTree gives the same segments back.
 */
import { formatSegments } from './generate';
import type { ParsedInterchange } from './tokenizer';
import type { Delimiters, Element, Segment } from './types';

/** 'V' | ['C1', 'C2'] | [['R1'], ['R2a', 'R2b']]. */
export type TreeElement = string | string[] | string[][];

export interface TreeSegment {
	id: string;
	elements: TreeElement[];
}

export interface TreeSet {
	ST: TreeElement[];
	segments: TreeSegment[];
	SE?: TreeElement[];
	/** Segments after SE that belong to no set (before the next ST or GE). */
	after?: TreeSegment[];
}

export interface TreeGroup {
	GS: TreeElement[];
	/** Segments after GS before the first ST. */
	before?: TreeSegment[];
	sets: TreeSet[];
	GE?: TreeElement[];
	/** Segments after GE before the next GS or IEA. */
	after?: TreeSegment[];
}

export interface TreeInterchange {
	ISA: string[];
	/** Segments after ISA before the first GS (e.g. TA1, ISB). */
	before?: TreeSegment[];
	groups: TreeGroup[];
	IEA?: TreeElement[];
	/** Segments after IEA (before the next ISA). */
	after?: TreeSegment[];
}

export interface X12Tree {
	interchange: TreeInterchange;
	/** The delimiters the interchange was read with, when known (fromTree may be given others). */
	delimiters?: Delimiters;
}

/** The compact JSON form of one element. */
export function treeElement(element: Element): TreeElement {
	if (element.length === 0) return '';
	if (element.length === 1) {
		const composite = element[0];
		if (composite.length <= 1) return composite[0] ?? '';
		return [...composite];
	}
	return element.map((composite) => [...composite]);
}

/** Back from the compact form to the model's repetitions × components. */
export function elementFromTree(value: TreeElement): Element {
	if (typeof value === 'string') return [[value]];
	if (value.length === 0) return [['']];
	if (value.every((part) => typeof part === 'string')) return [[...(value as string[])]];
	return (value as Array<string | string[]>).map((part) => (typeof part === 'string' ? [part] : [...part]));
}

export function treeSegment(seg: Segment): TreeSegment {
	return { id: seg.id, elements: seg.elements.map(treeElement) };
}

export function segmentFromTree(seg: TreeSegment): Segment {
	return { id: seg.id, elements: (seg.elements ?? []).map(elementFromTree) };
}

const elementsOf = (seg: Segment) => seg.elements.map(treeElement);
const segmentOf = (id: string, elements: TreeElement[]): Segment => ({ id, elements: elements.map(elementFromTree) });

/** Builds the tree of one interchange (from parseX12's `interchanges[i]`, or its segments). */
export function toTree(input: ParsedInterchange | Segment[]): X12Tree {
	const segments = Array.isArray(input) ? input : input.segments;
	const first = segments[0];
	const interchange: TreeInterchange = {
		ISA: first?.id === 'ISA' ? first.elements.map((el) => el[0]?.[0] ?? '') : [],
		groups: [],
	};
	let group: TreeGroup | undefined;
	let set: TreeSet | undefined;
	const push = (list: 'before' | 'after', owner: { before?: TreeSegment[]; after?: TreeSegment[] }, seg: Segment) => {
		(owner[list] ??= []).push(treeSegment(seg));
	};
	const start = first?.id === 'ISA' ? 1 : 0;
	for (let i = start; i < segments.length; i++) {
		const seg = segments[i];
		if (interchange.IEA) {
			push('after', interchange, seg);
		} else if (seg.id === 'IEA') {
			interchange.IEA = elementsOf(seg);
		} else if (seg.id === 'GS') {
			group = { GS: elementsOf(seg), sets: [] };
			interchange.groups.push(group);
			set = undefined;
		} else if (!group) {
			push('before', interchange, seg);
		} else if (group.GE) {
			push('after', group, seg);
		} else if (seg.id === 'GE') {
			group.GE = elementsOf(seg);
			set = undefined;
		} else if (seg.id === 'ST') {
			set = { ST: elementsOf(seg), segments: [] };
			group.sets.push(set);
		} else if (!set) {
			push('before', group, seg);
		} else if (set.SE) {
			push('after', set, seg);
		} else if (seg.id === 'SE') {
			set.SE = elementsOf(seg);
		} else {
			set.segments.push(treeSegment(seg));
		}
	}
	const tree: X12Tree = { interchange };
	if (!Array.isArray(input)) tree.delimiters = { ...input.delimiters };
	return tree;
}

/** The segments of a tree, in order, ready for `formatSegments`. */
export function fromTree(tree: X12Tree): Segment[] {
	const ic = tree.interchange;
	const out: Segment[] = [];
	const add = (list: TreeSegment[] | undefined) => list?.forEach((seg) => out.push(segmentFromTree(seg)));
	if (ic.ISA.length > 0) out.push({ id: 'ISA', elements: ic.ISA.map((value) => [[value]]) });
	add(ic.before);
	for (const group of ic.groups) {
		out.push(segmentOf('GS', group.GS));
		add(group.before);
		for (const set of group.sets) {
			out.push(segmentOf('ST', set.ST));
			add(set.segments);
			if (set.SE) out.push(segmentOf('SE', set.SE));
			add(set.after);
		}
		if (group.GE) out.push(segmentOf('GE', group.GE));
		add(group.after);
	}
	if (ic.IEA) out.push(segmentOf('IEA', ic.IEA));
	add(ic.after);
	return out;
}

/** The tree written as X12 text, with the given delimiters or else those it was read with. */
export function formatTree(tree: X12Tree, delimiters: Delimiters | undefined = tree.delimiters): string {
	if (!delimiters) throw new Error('formatTree needs delimiters: the tree does not carry any');
	// Indentation read after terminators is layout, not something the writer reproduces.
	const suffix = delimiters.suffix?.replace(/[^\r\n]/g, '') || undefined;
	return formatSegments(fromTree(tree), { ...delimiters, suffix });
}

/** A transaction set (ST…SE segments) as a TreeSet. */
export function setToTree(segments: Segment[]): TreeSet {
	const tree = toTree([{ id: 'GS', elements: [] }, ...segments]);
	const set = tree.interchange.groups[0]?.sets[0];
	return set ?? { ST: [], segments: segments.map(treeSegment) };
}

/** The ST…SE segments of a TreeSet. */
export function setFromTree(set: TreeSet): Segment[] {
	const out: Segment[] = [];
	if (set.ST.length > 0) out.push(segmentOf('ST', set.ST));
	set.segments.forEach((seg) => out.push(segmentFromTree(seg)));
	if (set.SE) out.push(segmentOf('SE', set.SE));
	return out;
}
