import { assertDelimiters, formatSegment, formatSegments, X12GenerateError } from '../../../nodes/X12/core/generate';
import type { Delimiters, Segment } from '../../../nodes/X12/core/types';
import { segment } from '../../../nodes/X12/core/types';

const d: Delimiters = { element: '*', component: ':', repetition: '^', segment: '~' };

describe('formatSegment', () => {
	it('joins plain elements and terminates the segment', () => {
		expect(formatSegment(segment('N1', 'ST', 'Store 12', '92', '0012'), d)).toBe('N1*ST*Store 12*92*0012~');
	});

	it('drops trailing empty elements but keeps empty ones in the middle', () => {
		expect(formatSegment(segment('PO1', '1', '10', 'EA', '', '', 'BP', '123', '', ''), d)).toBe('PO1*1*10*EA***BP*123~');
		expect(formatSegment(segment('REF', 'DP', '', ''), d)).toBe('REF*DP~');
	});

	it('writes a segment whose elements are all empty as its id alone', () => {
		expect(formatSegment(segment('LS', '', ''), d)).toBe('LS~');
	});

	it('encodes composites and drops their trailing empty components', () => {
		expect(formatSegment(segment('SV1', ['HC', '99213', '', ''], '125'), d)).toBe('SV1*HC:99213*125~');
		expect(formatSegment(segment('SV1', ['HC', '', '25'], '125'), d)).toBe('SV1*HC::25*125~');
		expect(formatSegment(segment('SV1', ['', ''], '125'), d)).toBe('SV1**125~');
	});

	it('encodes repetitions (and composites inside them) and drops trailing empty repetitions', () => {
		expect(formatSegment(segment('HI', [['ABK', 'R51'], ['ABF', 'J06'], ['']]), d)).toBe('HI*ABK:R51^ABF:J06~');
		expect(formatSegment({ id: 'XX', elements: [[['a'], [''], ['b']], []] }, d)).toBe('XX*a^^b~');
	});

	it('refuses repetitions when there is no repetition separator (before 00402)', () => {
		const old: Delimiters = { element: '*', component: ':', segment: '~' };
		expect(() => formatSegment(segment('HI', [['A'], ['B']]), old)).toThrow(/HI01 has 2 repetitions/);
		expect(formatSegment(segment('HI', [['A'], ['']]), old)).toBe('HI*A~');
	});

	it.each([
		['*', 'element separator'],
		[':', 'component separator'],
		['^', 'repetition separator'],
		['~', 'segment terminator'],
		['\n', 'line break'],
		['\r', 'line break'],
	])('refuses a value containing %j (%s), naming segment, position and character', (ch, role) => {
		const seg = segment('N3', '1 Main St', `Suite ${ch}4`);
		let error: unknown;
		try {
			formatSegment(seg, d);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(X12GenerateError);
		expect((error as Error).message).toContain('N302');
		expect((error as Error).message).toContain(role);
	});

	it('refuses a delimiter inside a component, naming the element position', () => {
		expect(() => formatSegment(segment('SV1', ['HC', 'A*B']), d)).toThrow(/SV101 contains "\*"/);
	});

	it('checks multi-character terminators as a whole and allows their single characters in data', () => {
		const ellipsis: Delimiters = { element: '|', component: '>', segment: '\u2026' };
		expect(formatSegment(segment('MSG', 'Wait...'), ellipsis)).toBe('MSG|Wait...\u2026');
		expect(() => formatSegment(segment('MSG', 'Wait\u2026'), ellipsis)).toThrow(/segment terminator/);
		const pair: Delimiters = { element: '*', component: ':', segment: '~!' };
		expect(formatSegment(segment('MSG', 'a~b!c'), pair)).toBe('MSG*a~b!c~!');
		expect(() => formatSegment(segment('MSG', 'a~!'), pair)).toThrow(/MSG01/);
	});

	it('escapes nothing from regular-expression syntax in delimiters', () => {
		const odd: Delimiters = { element: '|', component: '\\', repetition: '.', segment: '$', suffix: '\r\n' };
		expect(formatSegment(segment('N1', ['A', 'B'], 'x'), odd)).toBe('N1|A\\B|x$\r\n');
		expect(() => formatSegment(segment('N1', 'a.b'), odd)).toThrow(/repetition separator/);
		expect(formatSegment(segment('N1', 'a,b+c'), odd)).toBe('N1|a,b+c$\r\n');
	});

	it('refuses invalid segment ids', () => {
		expect(() => formatSegment(segment('n1', 'x'), d)).toThrow(/Invalid segment id/);
		expect(() => formatSegment(segment('N*1', 'x'), d)).toThrow(/Invalid segment id/);
	});

	it('writes ISA untrimmed and lets ISA11/ISA16 carry the delimiters', () => {
		const values = ['00', ' '.repeat(10), '00', ' '.repeat(10), 'ZZ', 'A'.padEnd(15), 'ZZ', 'B'.padEnd(15), '260101', '1200', '^', '00501', '000000001', '0', 'P', ':'];
		const text = formatSegment(segment('ISA', ...values), d);
		expect(text).toBe(`ISA*${values.join('*')}~`);
		expect(text).toHaveLength(106);
		const bad = [...values];
		bad[5] = 'A:B'.padEnd(15);
		expect(() => formatSegment(segment('ISA', ...bad), d)).toThrow(/ISA06/);
	});
});

describe('formatSegments', () => {
	it('terminates every segment and appends the suffix', () => {
		const segments: Segment[] = [segment('BEG', '00', 'SA', 'PO-1'), segment('CTT', '1')];
		expect(formatSegments(segments, { ...d, suffix: '\n' })).toBe('BEG*00*SA*PO-1~\nCTT*1~\n');
		expect(formatSegments([], d)).toBe('');
	});

	it('uses the delimiters given, independent of how the data was read', () => {
		const segments = [segment('N1', 'ST', 'X'), segment('HI', [['A', '1'], ['B', '2']])];
		const pipes: Delimiters = { element: '|', component: '>', repetition: '\u001f', segment: '\n' };
		expect(formatSegments(segments, pipes)).toBe('N1|ST|X\nHI|A>1\u001fB>2\n');
	});
});

describe('assertDelimiters', () => {
	it.each([
		[{ element: '*', component: '*', segment: '~' }, /element separator and the component separator clash/],
		[{ element: '*', component: ':', repetition: ':', segment: '~' }, /clash/],
		[{ element: '*', component: ':', segment: '*~' }, /clash/],
		[{ element: '**', component: ':', segment: '~' }, /exactly one character/],
		[{ element: 'A', component: ':', segment: '~' }, /letter, digit or space/],
		[{ element: ' ', component: ':', segment: '~' }, /letter, digit or space/],
		[{ element: '*', component: ':', segment: '' }, /must not be empty/],
		[{ element: '*', component: ':', segment: '~', suffix: 'x' }, /CR and LF/],
	])('refuses %j', (delimiters, message) => {
		expect(() => assertDelimiters(delimiters as Delimiters)).toThrow(message);
	});

	it('accepts control characters and line-break terminators', () => {
		expect(() => assertDelimiters({ element: '\u001d', component: '\u001f', repetition: '\u001e', segment: '\u001c' })).not.toThrow();
		expect(() => assertDelimiters({ element: '*', component: ':', segment: '\n' })).not.toThrow();
	});

	it('is also applied by formatSegment', () => {
		expect(() => formatSegment(segment('N1', 'x'), { element: '*', component: '*', segment: '~' })).toThrow(X12GenerateError);
	});
});
