import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCorpus, type CorpusExpectation } from '../../../cli/x12/corpus';
import { parseX12 } from '../../../nodes/X12/core/tokenizer';
import { elementValue, type Segment } from '../../../nodes/X12/core/types';
import { checkEnvelopes, validateX12 } from '../../../nodes/X12/core/validate';
import { CORPUS_DIR, corpusFiles, readCorpus } from './helpers';

const expectations = JSON.parse(readFileSync(join(CORPUS_DIR, 'expectations.json'), 'utf8')) as Record<string, CorpusExpectation>;

/** Facts stated in the corpus MANIFEST for each redistributable file. */
interface Facts {
	interchanges: number;
	groups: number;
	/** Error codes an invalid file must produce (exactly this set of error codes). */
	errors?: string[];
	/** Segment count of each transaction set, from its (correct) SE01. */
	setSegments?: number[];
	/** Count of segments by id across the file. */
	segmentCounts?: Record<string, number>;
	check?: (segments: Segment[]) => void;
}

const FACTS: Record<string, Facts> = {
	'850-4010VICS-nodex12-basic.edi': { interchanges: 1, groups: 1, setSegments: [33], segmentCounts: { PO1: 6, PID: 6, PO4: 6 } },
	'850-4010VICS-nodex12-newline-terminator.edi': { interchanges: 1, groups: 1, setSegments: [33], segmentCounts: { PO1: 6 } },
	'850-4010VICS-nodex12-two-interchanges.edi': {
		interchanges: 2,
		groups: 2,
		errors: ['DUPLICATE_ISA13'],
		setSegments: [33, 33],
		segmentCounts: { PO1: 12 },
	},
	'850-4010-ediengine-sln-composite.edi': {
		interchanges: 1,
		groups: 1,
		setSegments: [11],
		segmentCounts: { PO1: 2, SLN: 2 },
		check: (segments) => {
			const sln = segments.find((s) => s.id === 'SLN') as Segment;
			expect(sln.elements[4]).toEqual([['PC', '11.1', '12.2', 'EA', '13.3', '14.4']]);
		},
	},
	'850-5010-stedi-dropship.edi': { interchanges: 1, groups: 1, setSegments: [16], segmentCounts: { PO1: 2 } },
	'855-4010-nodex12-ack.edi': {
		interchanges: 1,
		groups: 1,
		setSegments: [26],
		segmentCounts: { PO1: 4, ACK: 4, SCH: 4 },
		check: (segments) => {
			expect(segments.filter((s) => s.id === 'ACK').map((s) => elementValue(s, 1))).toEqual(['IA', 'IR', 'IR', 'IA']);
		},
	},
	'855-5010-stedi-dropship.edi': { interchanges: 1, groups: 1, setSegments: [17], segmentCounts: { PO1: 2, ACK: 2 } },
	'856-4010-ediengine-crossdock-sopi.edi': { interchanges: 1, groups: 1, setSegments: [57], segmentCounts: { HL: 13, LIN: 5, SN1: 5 } },
	'856-4060-nodex12-soi.edi': { interchanges: 1, groups: 1, setSegments: [31], segmentCounts: { HL: 4, LIN: 2, SN1: 2 } },
	'810-4010-staedi-two-invoices.edi': { interchanges: 1, groups: 1, segmentCounts: { IT1: 9, CTT: 2 } },
	'mixed-810-850-staedi-two-groups.edi': { interchanges: 1, groups: 2, segmentCounts: { IT1: 9, PO1: 4 } },
	'997-5010-staedi-rejected.edi': {
		interchanges: 1,
		groups: 1,
		setSegments: [8],
		check: (segments) => {
			expect(segments.find((s) => s.id === 'AK9')?.elements.map((e) => e[0][0])).toEqual(['R', '1', '1', '0']);
		},
	},
	'997-5010-staedi-three-interchanges.edi': { interchanges: 3, groups: 3, setSegments: [8, 8, 8] },
	'997-5010-staedi-invalid-min.edi': { interchanges: 1, groups: 1, errors: ['GS_DATE', 'GS_TIME', 'GS_GE_MISMATCH'] },
	'997-staedi-isb-ise-segments.edi': {
		interchanges: 1,
		groups: 1,
		segmentCounts: { ISB: 1, ISE: 1 },
		check: (segments) => expect(segments.map((s) => s.id).slice(0, 4)).toEqual(['ISA', 'ISB', 'ISE', 'GS']),
	},
	'999-5010-staedi-partial.edi': {
		interchanges: 1,
		groups: 1,
		segmentCounts: { IK5: 3 },
		check: (segments) => {
			const ctx = segments.find((s) => s.id === 'CTX' && s.elements[0].length > 1) as Segment;
			expect(ctx.elements[0]).toEqual([['SITUATIONAL TRIGGER'], ['SITUATIONAL TRIGGER', '2'], ['SITUATIONAL TRIGGER', '3']]);
			expect(segments.some((s) => s.id === 'CTX' && s.elements[4]?.[0].join(':') === '5:3')).toBe(true);
		},
	},
	'999-5010-staedi-invalid.edi': { interchanges: 1, groups: 1, errors: ['SE_COUNT'] },
	'999-5010-pyx12-two-groups.txt': { interchanges: 1, groups: 2, setSegments: [6, 6, 6, 6] },
	'997-4010-pyx12-element-errors.txt': {
		interchanges: 1,
		groups: 1,
		setSegments: [20],
		segmentCounts: { AK3: 6, AK4: 8 },
		check: (segments) => expect(segments.some((s) => s.id === 'AK4' && s.elements[0][0].join(':') === '5:1')).toBe(true),
	},
	'997-4010-pyx12-with-ta1.txt': { interchanges: 1, groups: 1, segmentCounts: { TA1: 1, AK2: 2 } },
	'format-210-staedi-80-column-wrapped.edi': {
		interchanges: 1,
		groups: 1,
		setSegments: [31],
		check: (segments) => expect(elementValue(segments.find((s) => s.id === 'ST') as Segment, 2)).toBe('1305'),
	},
	'invalid-837-pyx12-trailer-errors.txt': {
		interchanges: 1,
		groups: 1,
		errors: ['SE_COUNT', 'GS_GE_MISMATCH', 'IEA_COUNT', 'ISA_IEA_MISMATCH'],
	},
	'invalid-837-pyx12-no-iea.txt': { interchanges: 1, groups: 1, errors: ['SE_COUNT', 'MISSING_IEA'] },
	'invalid-940-ediengine-control-number-mismatch.edi': {
		interchanges: 1,
		groups: 1,
		errors: ['ST_SE_MISMATCH', 'GS_GE_MISMATCH', 'ISA_IEA_MISMATCH'],
	},
	'invalid-940-ediengine-wrong-counts.edi': { interchanges: 1, groups: 1, errors: ['GE_COUNT', 'IEA_COUNT'] },
};

function countIds(segments: Segment[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const segment of segments) counts[segment.id] = (counts[segment.id] ?? 0) + 1;
	return counts;
}

describe('redistributable corpus files', () => {
	it('has facts and an expectation for every copied file', () => {
		expect(Object.keys(FACTS).sort()).toEqual(corpusFiles());
		expect(Object.keys(expectations).sort()).toEqual(corpusFiles());
	});

	it.each(corpusFiles())('%s behaves as its MANIFEST says', (file) => {
		const bytes = readCorpus(file);
		const facts = FACTS[file];
		const expected = expectations[file];
		const result = validateX12(bytes);
		expect(result.transactionSets).toEqual(expected.sets);
		expect(result.interchanges).toBe(facts.interchanges);
		expect(result.groups).toBe(facts.groups);
		if (expected.validity !== 'unspecified') expect(result.valid).toBe(expected.validity === 'valid');
		const errors = [...new Set(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code))];
		expect(errors.sort()).toEqual([...(facts.errors ?? [])].sort());
		const report = checkEnvelopes(bytes);
		if (facts.setSegments) expect(report.transactionSets.map((set) => set.segmentCount)).toEqual(facts.setSegments);
		const segments = parseX12(bytes).interchanges.flatMap((interchange) => interchange.segments);
		if (facts.segmentCounts) {
			const counts = countIds(segments);
			for (const [id, count] of Object.entries(facts.segmentCounts)) expect([id, counts[id]]).toEqual([id, count]);
		}
		facts.check?.(segments);
	});

	it('runCorpus agrees with expectations.json for every copied file', () => {
		const results = runCorpus(CORPUS_DIR, expectations);
		expect(results.filter((r) => !r.matches)).toEqual([]);
		expect(results).toHaveLength(corpusFiles().length);
	});
});
