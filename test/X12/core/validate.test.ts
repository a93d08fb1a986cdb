import { DIAGNOSTIC_CODES, diagnosticCodeInfo } from '../../../nodes/X12/core/codes';
import { checkEnvelopes, validateX12, type ControlNumberRef } from '../../../nodes/X12/core/validate';
import { readCorpus, readEdge } from './helpers';

const ISA = 'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261123*1200*U*00401*000000007*0*P*>~';

function set(control: string, body: string[], count?: number): string[] {
	return [`ST*850*${control}`, ...body, `SE*${count ?? body.length + 2}*${control}`];
}

function file(segments: string[], isa = ISA): string {
	return isa + segments.map((s) => `${s}~`).join('');
}

const GOOD = ['GS*PO*SENDER*RECEIVER*20261123*1200*1*X*004010', ...set('0001', ['BEG*00*SA*1**20261123']), 'GE*1*1', 'IEA*1*000000007'];

function codes(text: string | Buffer): string[] {
	return validateX12(text).diagnostics.map((d) => d.code);
}

describe('validateX12', () => {
	it('returns exactly the public contract object', () => {
		const result = validateX12(file(GOOD));
		expect(result).toEqual({ valid: true, interchanges: 1, groups: 1, transactionSets: { '850': 1 }, diagnostics: [] });
	});

	it('rejects only the bad set and records every set', () => {
		const text = file([
			'GS*PO*SENDER*RECEIVER*20261123*1200*1*X*004010',
			...set('0001', ['BEG*00*SA*1**20261123']),
			...set('0002', ['BEG*00*SA*2**20261123'], 9),
			...set('0003', ['BEG*00*SA*3**20261123']),
			'GE*3*1',
			'IEA*1*000000007',
		]);
		const report = checkEnvelopes(text);
		expect(report.transactionSets.map((s) => [s.controlNumber, s.accepted])).toEqual([
			['0001', true],
			['0002', false],
			['0003', true],
		]);
		expect(report.transactionSets[1].diagnostics).toMatchObject([{ code: 'SE_COUNT', interchange: 0, group: 0, transaction: 1, segmentIndex: 7, elementIndex: 1 }]);
		expect(report.groups[0].accepted).toBe(true);
		expect(validateX12(text).valid).toBe(false);
	});

	it('reports missing trailers, stray segments and SE without ST', () => {
		expect(codes(file(['GS*PO*S*R*20261123*1200*1*X*004010', 'ST*850*0001', 'BEG*00']))).toEqual(['MISSING_SE', 'MISSING_GE', 'MISSING_IEA']);
		expect(codes(file(['GS*PO*S*R*20261123*1200*1*X*004010', 'REF*ZZ', 'N1*ST', 'SE*2*0001', 'GE*0*1', 'IEA*1*000000007']))).toEqual([
			'SEGMENT_OUTSIDE_SET',
			'SE_WITHOUT_ST',
		]);
		expect(codes(file(['ST*850*0001', 'SE*2*0001', 'IEA*0*000000007']))).toEqual(['ST_OUTSIDE_GS']);
		expect(codes(file([...GOOD, 'REF*ZZ']))).toEqual(['SEGMENT_AFTER_IEA']);
	});

	it('checks counts and control number pairs', () => {
		const text = file(['GS*PO*S*R*20261123*1200*1*X*004010', ...set('0001', []).slice(0, 1), 'SE*2*0009', 'GE*2*2', 'IEA*3*000000008']);
		expect(codes(text)).toEqual(['ST_SE_MISMATCH', 'GE_COUNT', 'GS_GE_MISMATCH', 'IEA_COUNT', 'ISA_IEA_MISMATCH']);
	});

	it('flags duplicate control numbers within a file', () => {
		const group = (gs: string) => [`GS*PO*S*R*20261123*1200*${gs}*X*004010`, ...set('0001', []), ...set('0001', []), `GE*2*${gs}`];
		const text = file([...group('5'), ...group('5'), 'IEA*2*000000007']);
		expect(codes(text)).toEqual(['DUPLICATE_ST02', 'DUPLICATE_GS06', 'DUPLICATE_ST02']);
		expect(codes(file(GOOD) + file(GOOD))).toEqual(['DUPLICATE_ISA13']);
		// The same ISA13 from another sender is not a duplicate.
		expect(codes(file(GOOD) + file(GOOD, ISA.replace('SENDER   ', 'OTHER    ')))).toEqual([]);
	});

	it('asks the history callback about ISA13 and GS06', () => {
		const asked: ControlNumberRef[] = [];
		const result = validateX12(file(GOOD), {
			seenControlNumbers: (ref) => {
				asked.push(ref);
				return ref.kind === 'ISA13';
			},
		});
		expect(asked).toEqual([
			{ kind: 'ISA13', senderQualifier: 'ZZ', sender: 'SENDER', receiverQualifier: 'ZZ', receiver: 'RECEIVER', controlNumber: '000000007' },
			{ kind: 'GS06', senderQualifier: 'ZZ', sender: 'SENDER', receiverQualifier: 'ZZ', receiver: 'RECEIVER', controlNumber: '1', functionalId: 'PO' },
		]);
		expect(result.diagnostics.map((d) => d.code)).toEqual(['SEEN_ISA13']);
		expect(result.valid).toBe(false);
	});

	it('warns on test data and checks ISA/GS dates and times', () => {
		const test = validateX12(file(GOOD, ISA.replace('*P*>', '*T*>')));
		expect(test.valid).toBe(true);
		expect(test.diagnostics).toMatchObject([{ severity: 'warning', code: 'ISA_TEST_DATA', elementIndex: 15 }]);
		expect(codes(file(GOOD, ISA.replace('261123*1200', '261331*2460')))).toEqual(['ISA_DATE', 'ISA_TIME']);
		expect(codes(file(GOOD.map((s) => s.replace('20261123*1200', '20250229*120061'))))).toEqual(['GS_DATE', 'GS_TIME']);
		expect(codes(file(GOOD.map((s) => s.replace('20261123*1200', '20240229*12005999'))))).toEqual([]);
		expect(codes(file(GOOD.map((s) => s.replace('20261123*1200', '261123*1200'))))).toEqual([]);
	});

	it('accepts a TA1-only interchange (no groups)', () => {
		expect(validateX12(file(['TA1*000000099*261123*1200*R*025', 'IEA*0*000000007']))).toEqual({
			valid: true,
			interchanges: 1,
			groups: 0,
			transactionSets: {},
			diagnostics: [],
		});
	});

	it('reports short ISAs but still reads them', () => {
		const result = validateX12(readCorpus('invalid-940-ediengine-wrong-counts.edi'));
		expect(result.transactionSets).toEqual({ '940': 1 });
		const short = validateX12(file(GOOD, ISA.replace('SENDER         ', 'SENDER        ')));
		expect(short.diagnostics.map((d) => d.code)).toEqual(['ISA_LENGTH', 'ISA_FIELD_WIDTH']);
		expect(short.transactionSets).toEqual({ '850': 1 });
	});

	it('accepts the edge fixtures (BOM, ellipsis, no final terminator, two interchanges, ISB/ISE/TA1)', () => {
		for (const name of ['bom-crlf-indented.edi', 'ellipsis-terminator.edi', 'no-final-terminator.edi', 'isb-ise-ta1.edi']) {
			expect([name, validateX12(readEdge(name))]).toEqual([name, { valid: true, interchanges: 1, groups: 1, transactionSets: { '850': 1 }, diagnostics: [] }]);
		}
		expect(validateX12(readEdge('two-interchanges.edi'))).toMatchObject({ valid: true, interchanges: 2, groups: 2, transactionSets: { '850': 2 } });
	});
});

describe('diagnostic codes', () => {
	it('maps codes to acknowledgement codes', () => {
		expect(diagnosticCodeInfo('SE_COUNT')).toMatchObject({ ak5: '4', level: 'transaction' });
		expect(diagnosticCodeInfo('ST_SE_MISMATCH')?.ak5).toBe('3');
		expect(diagnosticCodeInfo('GE_COUNT')?.ak9).toBe('5');
		expect(diagnosticCodeInfo('ISA_IEA_MISMATCH')?.ta1).toBe('001');
		expect(diagnosticCodeInfo('DUPLICATE_ISA13')?.ta1).toBe('025');
		expect(diagnosticCodeInfo('NOT_A_CODE')).toBeUndefined();
	});

	it('uses only defined codes, with the defined severity, on the corpus', () => {
		for (const name of ['invalid-837-pyx12-trailer-errors.txt', '997-5010-staedi-invalid-min.edi', '850-5010-stedi-dropship.edi']) {
			for (const diagnostic of validateX12(readCorpus(name)).diagnostics) {
				expect(diagnostic.severity).toBe(DIAGNOSTIC_CODES[diagnostic.code as keyof typeof DIAGNOSTIC_CODES].severity);
			}
		}
	});
});
