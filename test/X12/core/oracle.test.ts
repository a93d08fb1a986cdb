import { X12Parser, type X12Interchange, type X12Segment } from 'node-x12';
import { parseX12 } from '../../../nodes/X12/core/tokenizer';
import type { Delimiters, Segment } from '../../../nodes/X12/core/types';
import { readCorpus } from './helpers';

/**
 * Differential check against node-x12 on the corpus files it reads correctly: single interchange, no BOM, a
 * final terminator (research: it drops the last segment otherwise, crashes on BOMs and merges interchanges).
 */
const ORACLE_FILES = [
	'850-4010VICS-nodex12-basic.edi',
	'850-4010VICS-nodex12-newline-terminator.edi',
	'850-4010-ediengine-sln-composite.edi',
	'850-5010-stedi-dropship.edi',
	'855-4010-nodex12-ack.edi',
	'855-5010-stedi-dropship.edi',
	'856-4010-ediengine-crossdock-sopi.edi',
	'856-4060-nodex12-soi.edi',
	'810-4010-staedi-two-invoices.edi',
	'mixed-810-850-staedi-two-groups.edi',
	'997-5010-staedi-rejected.edi',
	'997-4010-pyx12-element-errors.txt',
	'999-5010-staedi-partial.edi',
	'999-5010-pyx12-two-groups.txt',
];

function flatten(interchange: X12Interchange): X12Segment[] {
	const segments: X12Segment[] = [interchange.header];
	for (const group of interchange.functionalGroups) {
		segments.push(group.header);
		for (const transaction of group.transactions) segments.push(transaction.header, ...transaction.segments, transaction.trailer);
		segments.push(group.trailer);
	}
	segments.push(interchange.trailer);
	return segments;
}

/** Our segment written back as raw element strings, the form node-x12 keeps. */
function raw(segment: Segment, delimiters: Delimiters): string[] {
	return [
		segment.id,
		...segment.elements.map((element) =>
			element.map((components) => components.join(delimiters.component)).join(delimiters.repetition ?? ''),
		),
	];
}

/** node-x12's object model stores ISA13/IEA02 as numbers ("000003438" becomes "3438"); compare those by value. */
function normalize(values: string[]): string[] {
	const position = values[0] === 'ISA' ? 13 : values[0] === 'IEA' ? 2 : -1;
	if (position < 0) return values;
	return values.map((value, i) => (i === position ? String(Number(value)) : value));
}

describe('differential check against node-x12', () => {
	it.each(ORACLE_FILES)('%s: same segments as node-x12', (file) => {
		const text = readCorpus(file).toString('utf8');
		const oracle = new X12Parser().parse(text) as X12Interchange;
		const expected = flatten(oracle).map((segment) => normalize([segment.tag, ...segment.elements.map((element) => element.value)]));
		const [interchange, ...others] = parseX12(text).interchanges;
		expect(others).toEqual([]);
		const actual = interchange.segments.map((segment) => normalize(raw(segment, interchange.delimiters)));
		expect(actual).toEqual(expected);
		expect(actual.length).toBeGreaterThan(10);
	});
});
