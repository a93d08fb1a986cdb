/**
 * The HL hierarchy of an 856 (and any HL-based set): each HL with its level code and the segments up to
 * the next HL, linked by HL01 (id) and HL02 (parent id). Any shape works (S-O-P-I, S-O-I, S-I, S-O-T-P-I,
 * pick and pack); bad links are reported as diagnostics and the node is kept as a root.
 */
import type { Diagnostic, Segment } from '../types';
import { elementValue } from '../types';

export interface HlNode {
	/** HL01. */
	id: string;
	/** HL02 ('' for a root). */
	parentId: string;
	/** HL03: S shipment, O order, T tare, P pack, I item, … */
	level: string;
	/** HL04 child code, when given. */
	childCode?: string;
	/** The HL segment itself. */
	hl: Segment;
	/** Segments after the HL up to the next HL (or the set's trailer). */
	segments: Segment[];
	children: HlNode[];
	/** Index of the HL in the list given to buildHlTree. */
	index: number;
}

export interface HlTree {
	/** Segments before the first HL (BSN, …). */
	header: Segment[];
	/** Nodes without a (known) parent. */
	roots: HlNode[];
	/** All nodes in input order. */
	nodes: HlNode[];
	/** Trailer segments after the last HL loop (CTT, SE). */
	trailer: Segment[];
	diagnostics: Diagnostic[];
}

const TRAILER = new Set(['CTT', 'SE', 'AMT']);

/** Builds the HL tree from body segments (ST/SE may be included; they go to header/trailer). */
export function buildHlTree(segments: Segment[]): HlTree {
	const tree: HlTree = { header: [], roots: [], nodes: [], trailer: [], diagnostics: [] };
	let current: HlNode | undefined;
	segments.forEach((seg, index) => {
		if (seg.id === 'HL') {
			const childCode = elementValue(seg, 4);
			current = {
				id: elementValue(seg, 1),
				parentId: elementValue(seg, 2),
				level: elementValue(seg, 3),
				hl: seg,
				segments: [],
				children: [],
				index,
			};
			if (childCode) current.childCode = childCode;
			tree.nodes.push(current);
		} else if (tree.trailer.length > 0 || (current && TRAILER.has(seg.id))) {
			tree.trailer.push(seg);
		} else if (current) {
			current.segments.push(seg);
		} else {
			tree.header.push(seg);
		}
	});
	const byId = new Map<string, HlNode>();
	for (const node of tree.nodes) {
		if (byId.has(node.id)) {
			tree.diagnostics.push(hlDiagnostic(node, 'HL_DUPLICATE_ID', `HL01 ${node.id} is used more than once`));
		} else {
			byId.set(node.id, node);
		}
	}
	for (const node of tree.nodes) {
		if (!node.parentId) {
			tree.roots.push(node);
			continue;
		}
		const parent = byId.get(node.parentId);
		if (!parent || parent === node || isDescendant(parent, node)) {
			const reason = !parent ? 'does not exist' : 'would make a cycle';
			tree.diagnostics.push(hlDiagnostic(node, 'HL_BAD_PARENT', `HL ${node.id}: parent ${node.parentId} ${reason}`));
			tree.roots.push(node);
			continue;
		}
		if (parent.index > node.index) {
			tree.diagnostics.push(
				hlDiagnostic(node, 'HL_OUT_OF_ORDER', `HL ${node.id} comes before its parent HL ${node.parentId}`, 'warning'),
			);
		}
		parent.children.push(node);
	}
	return tree;
}

function isDescendant(candidate: HlNode, ancestor: HlNode): boolean {
	const stack = [...ancestor.children];
	while (stack.length > 0) {
		const node = stack.pop() as HlNode;
		if (node === candidate) return true;
		stack.push(...node.children);
	}
	return false;
}

function hlDiagnostic(node: HlNode, code: string, message: string, severity: 'error' | 'warning' = 'error'): Diagnostic {
	return { severity, code, message, segmentId: 'HL', segmentIndex: node.index };
}

/** The nearest ancestor (or the node itself) with one of the level codes. */
export function hlAncestor(node: HlNode, levels: string[], byId: Map<HlNode, HlNode | undefined>): HlNode | undefined {
	let cursor: HlNode | undefined = node;
	while (cursor) {
		if (levels.includes(cursor.level)) return cursor;
		cursor = byId.get(cursor);
	}
	return undefined;
}

/** Child → parent map for walking up the tree. */
export function hlParents(tree: HlTree): Map<HlNode, HlNode | undefined> {
	const parents = new Map<HlNode, HlNode | undefined>();
	const walk = (node: HlNode, parent: HlNode | undefined) => {
		parents.set(node, parent);
		node.children.forEach((child) => walk(child, node));
	};
	tree.roots.forEach((root) => walk(root, undefined));
	return parents;
}
