import { X12TradingPartner } from '../../../credentials/X12TradingPartner.credentials';
import { buildInterchange } from '../../../nodes/X12/core/buildInterchange';
import { parseDelimiter, partnerInterchange, partnerProfile } from '../../../nodes/X12/core/partnerProfile';
import { segment } from '../../../nodes/X12/core/types';

const base = { ourIsaId: 'ACME', theirIsaId: 'RETAILER' };

/** The credential's defaults, as n8n would hand them over for an untouched form. */
function defaults(): Record<string, unknown> {
	const data: Record<string, unknown> = {};
	for (const p of new X12TradingPartner().properties) data[p.name] = p.default;
	return data;
}

describe('partnerProfile', () => {
	it('normalises the credential defaults into builder options', () => {
		const profile = partnerProfile({ ...defaults(), ...base });
		expect(profile).toEqual({
			sender: { qualifier: 'ZZ', id: 'ACME' },
			receiver: { qualifier: 'ZZ', id: 'RETAILER' },
			appSender: 'ACME',
			appReceiver: 'RETAILER',
			version: '004010',
			isaVersion: '00401',
			delimiters: { element: '*', component: ':', segment: '~' },
			usage: 'P',
			ackRequested: false,
			ackPolicy: '997',
			ta1: false,
			expectedSets: [],
			partnerKey: 'ZZ:ACME>ZZ:RETAILER',
		});
	});

	it('reads 005010 settings, escapes for delimiters, line breaks and the ack policy', () => {
		const profile = partnerProfile({
			...defaults(),
			ourIsaQualifier: '01',
			ourIsaId: ' 123456789 ',
			theirIsaQualifier: 'zz',
			theirIsaId: 'RETAILER',
			ourGsId: 'ACMEGS',
			theirGsId: 'RETGS',
			version: '005010',
			elementSeparator: '0x1D',
			componentSeparator: '\\x1F',
			repetitionSeparator: '0x1E',
			segmentTerminator: '\\n',
			lineBreak: 'none',
			usage: 'T',
			ackRequested: true,
			ackPolicy: '999',
			ta1: true,
			expectedSets: ['850', '860'],
		});
		expect(profile.sender).toEqual({ qualifier: '01', id: '123456789' });
		expect(profile.receiver.qualifier).toBe('ZZ');
		expect([profile.appSender, profile.appReceiver]).toEqual(['ACMEGS', 'RETGS']);
		expect([profile.version, profile.isaVersion]).toEqual(['005010', '00501']);
		expect(profile.delimiters).toEqual({ element: '\u001d', component: '\u001f', repetition: '\u001e', segment: '\n' });
		expect([profile.usage, profile.ackRequested, profile.ackPolicy, profile.ta1]).toEqual(['T', true, '999', true]);
		expect(profile.expectedSets).toEqual(['850', '860']);
	});

	it('takes a custom GS08 version and an explicit ISA12', () => {
		const profile = partnerProfile({ ...defaults(), ...base, version: 'custom', customVersion: '005010X222A1', isaVersion: '00501', lineBreak: 'crlf' });
		expect([profile.version, profile.isaVersion]).toEqual(['005010X222A1', '00501']);
		expect(profile.delimiters.suffix).toBe('\r\n');
		expect(profile.delimiters.repetition).toBe('^');
	});

	it.each([
		[{ componentSeparator: '*' }, /element separator and the component separator clash/],
		[{ version: '005010', repetitionSeparator: '~' }, /repetition separator and the segment terminator clash|segment terminator and the repetition separator clash/],
		[{ elementSeparator: '**' }, /exactly one character/],
		[{ elementSeparator: '' }, /Element separator is empty/],
		[{ ourIsaId: 'ABCDEFGHIJKLMNOP' }, /Our ISA id "ABCDEFGHIJKLMNOP" is longer than 15 characters/],
		[{ theirIsaId: '' }, /Their ISA id is required/],
		[{ ourIsaQualifier: 'ZZZ' }, /Our ISA qualifier/],
		[{ ourGsId: 'A' }, /Our GS application code/],
		[{ version: 'custom', customVersion: '4010' }, /X12 version/],
		[{ usage: 'X' }, /Usage indicator/],
		[{ ackPolicy: '998' }, /Acknowledgement policy/],
		[{ expectedSets: ['85'] }, /not a 3-digit id/],
		[{ lineBreak: 'cr' }, /line break/],
		[{ ourIsaId: 'ACME*1' }, /Our ISA id "ACME\*1" contains the element delimiter/],
		[{ theirGsId: 'RET:1' }, /Their GS application code "RET:1" contains the component delimiter/],
	])('refuses %j with a clear error', (overrides, message) => {
		expect(() => partnerProfile({ ...defaults(), ...base, ...overrides })).toThrow(message);
	});

	it('parses delimiter escapes', () => {
		expect(parseDelimiter('x', '\\r\\n')).toBe('\r\n');
		expect(parseDelimiter('x', '0x7C')).toBe('|');
		expect(parseDelimiter('x', '|')).toBe('|');
		expect(() => parseDelimiter('Segment terminator', '')).toThrow(/Segment terminator is empty/);
	});

	it('drives buildInterchange for the partner', async () => {
		const profile = partnerProfile({ ...defaults(), ...base, version: '005010', usage: 'T', ackRequested: true, lineBreak: 'lf' });
		const input = partnerInterchange(profile, [{ functionalId: 'PO', sets: [{ id: '850', segments: [segment('BEG', '00', 'SA', 'PO1')] }] }], { interchange: 5, group: 6, set: 7 }, { date: new Date('2026-03-04T05:06:00Z') });
		const { text } = await buildInterchange(input, profile.delimiters);
		expect(text).toBe(
			[
				'ISA*00*          *00*          *ZZ*ACME           *ZZ*RETAILER       *260304*0506*^*00501*000000005*1*T*:~',
				'GS*PO*ACME*RETAILER*20260304*0506*6*X*005010~',
				'ST*850*0007~',
				'BEG*00*SA*PO1~',
				'SE*3*0007~',
				'GE*1*6~',
				'IEA*1*000000005~',
				'',
			].join('\n'),
		);
	});
});

describe('X12TradingPartner credential', () => {
	it('declares every field partnerProfile reads, with unique names', () => {
		const names = new X12TradingPartner().properties.map((p) => p.name);
		expect(new Set(names).size).toBe(names.length);
		for (const field of ['ourIsaQualifier', 'ourIsaId', 'theirIsaQualifier', 'theirIsaId', 'ourGsId', 'theirGsId', 'version', 'customVersion', 'isaVersion', 'elementSeparator', 'componentSeparator', 'repetitionSeparator', 'segmentTerminator', 'lineBreak', 'usage', 'ackRequested', 'ackPolicy', 'ta1', 'expectedSets']) {
			expect(names).toContain(field);
		}
		const credential = new X12TradingPartner();
		expect(credential.name).toBe('x12TradingPartner');
		expect(credential.properties.some((p) => p.typeOptions?.password)).toBe(false);
	});
});
