/**
 * The generator and the project's own tokenizer/validator agree: what we write reads back as the same
 * segments (after X12's trailing-empty trimming) and validates without diagnostics, for several
 * delimiter sets and versions, including several interchanges with different delimiters in one file.
 */
import type { InterchangeInput } from '../../../nodes/X12/core/buildInterchange';
import { buildInterchange } from '../../../nodes/X12/core/buildInterchange';
import { parseX12 } from '../../../nodes/X12/core/tokenizer';
import type { Delimiters, Element, Segment } from '../../../nodes/X12/core/types';
import { segment } from '../../../nodes/X12/core/types';
import { validateX12 } from '../../../nodes/X12/core/validate';

/** X12 cannot tell trailing empties from absent ones: compare in trimmed form. */
function trim(seg: Segment): Segment {
	if (seg.id === 'ISA') return seg;
	const elements: Element[] = seg.elements.map((e) => {
		const reps = e.map((c) => {
			const comps = [...c];
			while (comps.length > 1 && comps[comps.length - 1] === '') comps.pop();
			return comps;
		});
		while (reps.length > 1 && reps[reps.length - 1].every((c) => c === '')) reps.pop();
		return reps;
	});
	while (elements.length && elements[elements.length - 1].every((r) => r.every((c) => c === ''))) elements.pop();
	return { id: seg.id, elements };
}

const body = (n: number, repetition: boolean): Segment[] => [
	segment('BEG', '00', 'SA', `PO-${n}`, '', '20260304'),
	segment('REF', 'ZZ', 'note', '', repetition ? [['PO', '1'], ['VN', '2']] : [['PO', '1', '']]),
	segment('N1', 'ST', 'Store, Inc. (#12)', '92', '0012', '', ''),
	segment('PO1', '1', '10', 'EA', '9.99', '', 'BP', 'SKU-1'),
	segment('CTT', '1'),
];

function input(n: number, version: string, gsVersion: string, repetition: boolean): InterchangeInput {
	return {
		sender: { qualifier: 'ZZ', id: 'ACME' },
		receiver: { qualifier: '12', id: '5551234567' },
		version,
		date: new Date('2026-03-04T05:06:00Z'),
		controlNumbers: { interchange: n, group: n, set: n * 10 },
		groups: [
			{ functionalId: 'PO', appSender: 'ACME', appReceiver: 'RETAIL', version: gsVersion, sets: [{ id: '850', segments: body(1, repetition) }, { id: '850', segments: body(2, repetition) }] },
			{ functionalId: 'IN', appSender: 'ACME', appReceiver: 'RETAIL', version: gsVersion, sets: [{ id: '810', segments: [segment('BIG', '20260304', 'INV-1'), segment('TDS', '999')] }] },
		],
	};
}

const variants: Array<[string, string, string, Delimiters]> = [
	['00401 * : ~ LF', '00401', '004010', { element: '*', component: ':', segment: '~', suffix: '\n' }],
	['00501 * > ^ ~', '00501', '005010', { element: '*', component: '>', repetition: '^', segment: '~' }],
	['00501 | \\ { newline-terminated', '00501', '005010', { element: '|', component: '\\', repetition: '{', segment: '\n' }],
	['00501 control characters', '00501', '005010', { element: '\u001d', component: '\u001f', repetition: '\u001e', segment: '\u001c', suffix: '\r\n' }],
];

describe('generator → own tokenizer and validator', () => {
	it.each(variants)('%s reads back identically and validates cleanly', async (_name, version, gsVersion, d) => {
		const built = await buildInterchange(input(7, version, gsVersion, d.repetition !== undefined), d);
		const parsed = parseX12(built.text);
		expect(parsed.diagnostics).toEqual([]);
		expect(parsed.interchanges).toHaveLength(1);
		expect(parsed.interchanges[0].delimiters.element).toBe(d.element);
		expect(parsed.interchanges[0].delimiters.component).toBe(d.component);
		expect(parsed.interchanges[0].segments).toEqual(built.segments.map(trim));
		const result = validateX12(built.text);
		expect(result.diagnostics).toEqual([]);
		expect(result).toMatchObject({ valid: true, interchanges: 1, groups: 2, transactionSets: { '850': 2, '810': 1 } });
	});

	it('a file of interchanges with different delimiters reads back per interchange', async () => {
		const built = await Promise.all(variants.map(async ([, version, gsVersion, d], i) => await buildInterchange(input(i + 1, version, gsVersion, d.repetition !== undefined), d)));
		const parsed = parseX12(built.map((b) => b.text).join(''));
		expect(parsed.interchanges.map((x) => x.segments)).toEqual(built.map((b) => b.segments.map(trim)));
		expect(validateX12(built.map((b) => b.text).join(''))).toMatchObject({ valid: true, interchanges: 4, groups: 8 });
	});
});
