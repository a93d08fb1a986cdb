import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatSegments, parseX12 } from '../../nodes/X12/core';
import { elementFromTree, formatTree, fromTree, setFromTree, setToTree, toTree, treeElement } from '../../nodes/X12/core/tree';

const dirs = [join(__dirname, '../fixtures/x12/corpus'), join(__dirname, '../fixtures/x12/edge')];
const files = dirs.flatMap((dir) =>
	readdirSync(dir)
		.filter((file) => !file.endsWith('.md') && !file.endsWith('.json'))
		.map((file) => join(dir, file)),
);

describe('X12 JSON tree', () => {
	it.each(files)('round-trips %s exactly', (file) => {
		const parsed = parseX12(readFileSync(file));
		expect(parsed.interchanges.length).toBeGreaterThan(0);
		for (const interchange of parsed.interchanges) {
			const tree = toTree(interchange);
			// The tree must be plain JSON.
			const json = JSON.parse(JSON.stringify(tree));
			const back = fromTree(json);
			const delimiters = { ...interchange.delimiters, suffix: '\n' };
			expect(back.map((seg) => seg.id)).toEqual(interchange.segments.map((seg) => seg.id));
			expect(formatSegments(back, delimiters)).toBe(formatSegments(interchange.segments, delimiters));
			expect(formatTree(json, delimiters)).toBe(formatSegments(interchange.segments, delimiters));
			expect(formatTree(json).replace(/\s+/g, '')).toBe(formatSegments(interchange.segments, delimiters).replace(/\s+/g, ''));
		}
	});

	it('has envelopes, groups and sets in a readable shape', () => {
		const parsed = parseX12(readFileSync(join(dirs[0], 'mixed-810-850-staedi-two-groups.edi')));
		const tree = toTree(parsed.interchanges[0]);
		expect(tree.interchange.ISA[5].trim()).toBeTruthy();
		expect(tree.interchange.groups.map((group) => group.GS[0])).toEqual(['IN', 'PO']);
		expect(tree.interchange.groups[0].sets.map((set) => set.ST[0])).toEqual(['810', '810']);
		expect(tree.interchange.groups[1].sets[0].segments[0].id).toBe('BEG');
		expect(tree.interchange.IEA?.[0]).toBe('2');
	});

	it('keeps composites and repetitions', () => {
		const parsed = parseX12(readFileSync(join(dirs[0], '850-4010-ediengine-sln-composite.edi')));
		const tree = toTree(parsed.interchanges[0]);
		const sln = tree.interchange.groups[0].sets[0].segments.find((seg) => seg.id === 'SLN');
		expect(sln?.elements[4]).toEqual(['PC', '11.1', '12.2', 'EA', '13.3', '14.4']);
		expect(treeElement([['a'], ['b', 'c']])).toEqual([['a'], ['b', 'c']]);
		expect(elementFromTree([['a'], ['b', 'c']])).toEqual([['a'], ['b', 'c']]);
		expect(elementFromTree(['x', 'y'])).toEqual([['x', 'y']]);
		expect(elementFromTree('v')).toEqual([['v']]);
	});

	it('keeps segments outside their envelope (missing GE/IEA, TA1)', () => {
		for (const name of ['invalid-837-pyx12-no-iea.txt', 'isb-ise-ta1.edi']) {
			const dir = name.endsWith('.txt') ? dirs[0] : dirs[1];
			const parsed = parseX12(readFileSync(join(dir, name)));
			const interchange = parsed.interchanges[0];
			expect(fromTree(toTree(interchange))).toEqual(interchange.segments);
		}
	});

	it('converts a single transaction set', () => {
		const parsed = parseX12(readFileSync(join(dirs[0], '855-4010-nodex12-ack.edi')));
		const segments = parsed.interchanges[0].segments;
		const st = segments.findIndex((seg) => seg.id === 'ST');
		const se = segments.findIndex((seg) => seg.id === 'SE');
		const set = setToTree(segments.slice(st, se + 1));
		expect(set.ST).toEqual(['855', '0005']);
		expect(set.SE).toEqual(['26', '0005']);
		expect(setFromTree(set)).toEqual(segments.slice(st, se + 1));
	});
});
