import { parseX12, splitSegment } from '../../../nodes/X12/core/tokenizer';
import { elementValue } from '../../../nodes/X12/core/types';
import { ids, readEdge } from './helpers';

const ISA_FIELDS = ['00', '          ', '00', '          ', 'ZZ', 'SENDER         ', 'ZZ', 'RECEIVER       ', '261123', '1200'];

function isa(element: string, repetition: string, version: string, component: string): string {
	return ['ISA', ...ISA_FIELDS, repetition, version, '000000001', '0', 'P', component].join(element);
}

describe('parseX12 delimiters', () => {
	it('skips a BOM, leading whitespace, indentation and CRLF after terminators', () => {
		const result = parseX12(readEdge('bom-crlf-indented.edi'));
		expect(result.diagnostics).toEqual([]);
		expect(result.interchanges).toHaveLength(1);
		const [interchange] = result.interchanges;
		expect(interchange.delimiters).toEqual({ element: '*', component: '>', segment: '~', suffix: '\r\n    ' });
		expect(ids(interchange.segments)).toEqual(['ISA', 'GS', 'ST', 'BEG', 'PO1', 'CTT', 'SE', 'GE', 'IEA']);
		expect(interchange.isaLength).toBe(106);
	});

	it('reads a multi-byte terminator (U+2026) from bytes', () => {
		const [interchange] = parseX12(readEdge('ellipsis-terminator.edi')).interchanges;
		expect(interchange.delimiters.segment).toBe('\u2026');
		expect(ids(interchange.segments)).toEqual(['ISA', 'GS', 'ST', 'BEG', 'PO1', 'CTT', 'SE', 'GE', 'IEA']);
		expect(elementValue(interchange.segments[8], 2)).toBe('000000001');
	});

	it('keeps the last segment when there is no final terminator', () => {
		const [interchange] = parseX12(readEdge('no-final-terminator.edi')).interchanges;
		expect(interchange.segments[interchange.segments.length - 1]).toEqual({ id: 'IEA', elements: [[['1']], [['000000001']]] });
	});

	it('finds each interchange its own delimiters and the repetition separator only from 00402', () => {
		const { interchanges } = parseX12(readEdge('two-interchanges.edi'));
		expect(interchanges.map((i) => i.delimiters)).toEqual([
			{ element: '*', component: '>', segment: '~', suffix: '\n' },
			{ element: '|', component: ':', segment: "'", suffix: '\r\n', repetition: '^' },
		]);
		const ref = interchanges[1].segments.find((s) => s.id === 'REF');
		expect(ref?.elements[1]).toEqual([['A'], ['B'], ['C', 'D']]);
		// 00401: ISA11 'U' is a standards id, composites still split.
		const po1 = interchanges[0].segments.find((s) => s.id === 'PO1');
		expect(po1?.elements[6]).toEqual([['ABC', 'DEF']]);
		expect(interchanges[1].segmentIndex).toBe(9);
	});

	it('tokenizes ISB/ISE and TA1 as interchange-level segments', () => {
		const [interchange] = parseX12(readEdge('isb-ise-ta1.edi')).interchanges;
		expect(ids(interchange.segments).slice(0, 5)).toEqual(['ISA', 'ISB', 'ISE', 'TA1', 'GS']);
		expect(elementValue(interchange.segments[3], 1)).toBe('000000099');
	});

	it('counts separators instead of reading fixed offsets (short ISA)', () => {
		const short = isa('*', 'U', '00401', '>').replace('SENDER         ', 'SENDER        ');
		const [interchange] = parseX12(`${short}~GS*PO*A*B*20261123*1200*1*X*004010~`).interchanges;
		expect(interchange.isaLength).toBe(105);
		expect(interchange.delimiters.segment).toBe('~');
		expect(ids(interchange.segments)).toEqual(['ISA', 'GS']);
	});

	it('takes the line break, not a padding space, as terminator when a space precedes CRLF', () => {
		const text = `${isa('*', 'U', '00400', '>')} \r\n  N1*ST*ACME WIDGET CO \r\n  IEA*1*000000001`;
		const [interchange] = parseX12(text).interchanges;
		expect(interchange.delimiters.segment).toBe('\r\n');
		expect(interchange.segments[1]).toEqual({ id: 'N1', elements: [[['ST']], [['ACME WIDGET CO']]] });
		expect(interchange.segments).toHaveLength(3);
	});

	it('treats a newline right after ISA16 as the terminator', () => {
		const [interchange] = parseX12(`${isa('*', 'U', '00401', '>')}\nGS*PO*A\nIEA*0*000000001\n`).interchanges;
		expect(interchange.delimiters.segment).toBe('\n');
		expect(ids(interchange.segments)).toEqual(['ISA', 'GS', 'IEA']);
	});

	it('drops line breaks inside segments of hard-wrapped files (even inside the ISA)', () => {
		const flat = `${isa('*', 'U', '00401', '>')}~ST*210*1305~SE*2*1305~`;
		const wrapped = flat.replace(/(.{80})/g, '$1\n');
		expect(wrapped).toContain('\n');
		const [interchange] = parseX12(wrapped).interchanges;
		expect(interchange.isaLength).toBe(106);
		expect(interchange.segments[1]).toEqual({ id: 'ST', elements: [[['210']], [['1305']]] });
	});

	it('uses unusual single-character delimiters (tilde as element, star as terminator)', () => {
		const [interchange] = parseX12(`${isa('~', 'U', '00401', '`')}*\r\n ST~856~0001*`).interchanges;
		expect(interchange.delimiters).toMatchObject({ element: '~', component: '`', segment: '*' });
		expect(interchange.segments[1]).toEqual({ id: 'ST', elements: [[['856']], [['0001']]] });
	});

	it('reports text before the ISA and input without any ISA', () => {
		expect(parseX12('hello ' + isa('*', 'U', '00401', '>') + '~').diagnostics.map((d) => d.code)).toEqual([
			'DATA_OUTSIDE_INTERCHANGE',
		]);
		const empty = parseX12('nothing here');
		expect(empty.interchanges).toEqual([]);
		expect(empty.diagnostics.map((d) => d.code)).toEqual(['NO_ISA']);
	});

	it('reports an unreadable ISA and keeps looking for the next one', () => {
		const good = `${isa('*', 'U', '00401', '>')}~IEA*0*000000001~`;
		const result = parseX12(`ISAX00~${good}`);
		expect(result.diagnostics.map((d) => d.code)).toEqual(['ISA_INVALID', 'DATA_OUTSIDE_INTERCHANGE']);
		expect(result.interchanges).toHaveLength(1);
		expect(parseX12('ISA*00*cut short').diagnostics.map((d) => d.code)).toEqual(['ISA_INVALID', 'NO_ISA']);
	});
});

describe('splitSegment', () => {
	it('splits repetitions then components but leaves ISA/IEA elements plain', () => {
		const delimiters = { element: '*', component: ':', repetition: '^', segment: '~' };
		expect(splitSegment('CTX*A^B:C*', delimiters)).toEqual({ id: 'CTX', elements: [[['A'], ['B', 'C']], [['']]] });
		expect(splitSegment('IEA*1:2*^', delimiters).elements).toEqual([[['1:2']], [['^']]]);
	});
});
