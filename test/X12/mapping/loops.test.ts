import { buildHlTree, n1Loops, poLineLoops, invoiceLineLoops, linLoops } from '../../../nodes/X12/core/loops';
import type { HlNode } from '../../../nodes/X12/core/loops';
import { segment } from '../../../nodes/X12/core/types';
import type { Segment } from '../../../nodes/X12/core/types';
import { setsOf } from './helpers';

/** HL segments from "id:parent:level" specs, each followed by a REF naming it. */
const hls = (...specs: string[]): Segment[] =>
	specs.flatMap((spec) => {
		const [id, parent, level] = spec.split(':');
		return [segment('HL', id, parent, level), segment('REF', 'ZZ', `n${id}`)];
	});
/** The tree as nested "level(id)" text. */
const shape = (nodes: HlNode[]): string =>
	nodes.map((node) => `${node.level}${node.id}${node.children.length ? `(${shape(node.children)})` : ''}`).join(' ');

describe('HL tree', () => {
	it('builds the cross-dock S-O-P-I tree: 13 HL, S / O×2 / P×5 / I×5', () => {
		const [set] = setsOf('856-4010-ediengine-crossdock-sopi.edi');
		const tree = buildHlTree(set.segments);
		expect(tree.diagnostics).toEqual([]);
		expect(tree.nodes).toHaveLength(13);
		const count = (level: string) => tree.nodes.filter((node) => node.level === level).length;
		expect([count('S'), count('O'), count('P'), count('I')]).toEqual([1, 2, 5, 5]);
		expect(shape(tree.roots)).toBe('S1(O2(P3(I4) P5(I6) P7(I8) P9(I10)) O11(P12(I13)))');
		expect(tree.header.map((seg) => seg.id)).toEqual(['ST', 'BSN']);
		expect(tree.trailer.map((seg) => seg.id)).toEqual(['CTT', 'SE']);
		expect(tree.nodes[0].segments.map((seg) => seg.id)).toEqual([
			'TD1', 'TD5', 'TD3', 'REF', 'REF', 'REF', 'DTM', 'DTM', 'FOB', 'N1', 'N3', 'N4', 'N1',
		]);
	});

	it.each([
		['S-I', ['1::S', '2:1:I', '3:1:I'], 'S1(I2 I3)'],
		['S-O-I', ['1::S', '2:1:O', '3:2:I'], 'S1(O2(I3))'],
		['S-O-T-P-I', ['1::S', '2:1:O', '3:2:T', '4:3:P', '5:4:I', '6:3:P', '7:6:I'], 'S1(O2(T3(P4(I5) P6(I7))))'],
		['pick and pack S-O-P-I-I', ['1::S', '2:1:O', '3:2:P', '4:3:I', '5:3:I', '6:2:P', '7:6:I'], 'S1(O2(P3(I4 I5) P6(I7)))'],
	])('builds the %s shape with each node’s own segments', (_name, specs, expected) => {
		const tree = buildHlTree(hls(...specs));
		expect(shape(tree.roots)).toBe(expected);
		expect(tree.diagnostics).toEqual([]);
		for (const node of tree.nodes) expect(node.segments).toEqual([segment('REF', 'ZZ', `n${node.id}`)]);
	});

	it('tolerates a child before its parent, an unknown parent, a duplicate id and a cycle', () => {
		const outOfOrder = buildHlTree(hls('2:1:O', '1::S', '3:2:I'));
		expect(shape(outOfOrder.roots)).toBe('S1(O2(I3))');
		expect(outOfOrder.diagnostics.map((d) => [d.code, d.severity])).toEqual([['HL_OUT_OF_ORDER', 'warning']]);

		const orphan = buildHlTree(hls('1::S', '2:7:O'));
		expect(shape(orphan.roots)).toBe('S1 O2');
		expect(orphan.diagnostics.map((d) => d.code)).toEqual(['HL_BAD_PARENT']);

		const duplicate = buildHlTree(hls('1::S', '1::S'));
		expect(duplicate.diagnostics.map((d) => d.code)).toContain('HL_DUPLICATE_ID');

		const cycle = buildHlTree(hls('1:2:S', '2:1:O'));
		expect(cycle.nodes).toHaveLength(2);
		expect(cycle.diagnostics.map((d) => d.code)).toContain('HL_BAD_PARENT');
		expect(cycle.roots.length).toBeGreaterThan(0);
	});
});

describe('line and party loops', () => {
	it('splits 850 PO1 loops up to CTT, with header N1 loops', () => {
		const [set] = setsOf('850-4010VICS-nodex12-basic.edi');
		const split = poLineLoops(set.segments);
		expect(split.loops).toHaveLength(6);
		expect(split.loops.every((loop) => loop.segments.map((seg) => seg.id).join() === 'PID,PO4')).toBe(true);
		expect(split.trailer.map((seg) => seg.id)).toEqual(['CTT', 'AMT', 'SE']);
		const parties = n1Loops(split.header);
		expect(parties).toHaveLength(1);
		expect(parties[0].segments.map((seg) => seg.id)).toEqual(['N3', 'N4']);
	});

	it('keeps ACK and SCH inside 855 line loops', () => {
		const [set] = setsOf('855-4010-nodex12-ack.edi');
		const split = poLineLoops(set.segments);
		expect(split.loops.map((loop) => loop.segments.map((seg) => seg.id).join())).toEqual([
			'PID,ACK,SCH',
			'PID,ACK,SCH',
			'ACK,SCH',
			'PID,ACK,SCH',
		]);
		expect(n1Loops(split.header).map((loop) => loop.segments.map((seg) => seg.id).join())).toEqual(['N3,N3,N4']);
	});

	it('splits 810 IT1 loops up to TDS and finds the three parties', () => {
		const [set] = setsOf('810-4010-staedi-two-invoices.edi');
		const split = invoiceLineLoops(set.segments);
		expect(split.loops).toHaveLength(7);
		expect(split.trailer[0].id).toBe('TDS');
		expect(n1Loops(split.header).map((loop) => loop.start.elements[0][0][0])).toEqual(['ST', 'BT', 'RE']);
	});

	it('splits LIN loops with QTY/SDQ', () => {
		const segments = [segment('BIA', '00'), segment('LIN', '', 'SK', 'A'), segment('QTY', '17', '1'), segment('SDQ', 'EA', '92', 'S1', '1'), segment('LIN', '', 'SK', 'B'), segment('CTT', '2')];
		const split = linLoops(segments);
		expect(split.loops.map((loop) => loop.segments.map((seg) => seg.id).join())).toEqual(['QTY,SDQ', '']);
		expect(split.header.map((seg) => seg.id)).toEqual(['BIA']);
	});
});
