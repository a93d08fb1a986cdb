import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
	acknowledgementStatus,
	acknowledgeX12,
	acknowledgeX12Stream,
	buildAcknowledgements,
	checkEnvelopes,
	InboundEnvelopes,
	parseX12,
	stateStoreControlNumbers,
	validateX12,
	type AckDiagnostic,
	type CounterStore,
	type Segment,
} from '../../nodes/X12/core';
import { DATE, FIXED, inbound, lines, oracleRows, PO_BODY, segmentsOf } from './ackHelpers';

const CORPUS = join(__dirname, '..', 'fixtures', 'x12', 'corpus');
const EDGE = join(__dirname, '..', 'fixtures', 'x12', 'edge');
const base = { controlNumbers: FIXED, date: DATE };

const threeOrders = (badSecond: boolean) =>
	inbound([
		{
			fid: 'PO',
			control: '41',
			sets: [
				{ id: '850', control: '0001', body: PO_BODY },
				{ id: '850', control: '0002', body: PO_BODY, se01: badSecond ? '9' : undefined },
				{ id: '850', control: '0003', body: PO_BODY },
			],
		},
	]);

describe('997 acknowledgements', () => {
	it('accepts a clean 850: swapped parties, AK1/AK2/AK5/AK9, a reply that validates and that node-x12 reads the same', async () => {
		const text = inbound([{ fid: 'PO', control: '41', sets: [{ id: '850', control: '0001', body: PO_BODY }] }]);
		const result = await acknowledgeX12(text, { type: '997', ...base });
		expect(lines(result.text, ['AK1', 'AK2', 'AK5', 'AK9', 'ST', 'SE'])).toEqual([
			'ST*997*0700',
			'AK1*PO*41',
			'AK2*850*0001',
			'AK5*A',
			'AK9*A*1*1*1',
			'SE*6*0700',
		]);
		const [isa, gs] = segmentsOf(result.text);
		expect(isa.elements.slice(4, 8).map((e) => e[0][0].trim())).toEqual(['ZZ', 'US', 'ZZ', 'THEM']);
		expect(isa.elements[12][0][0]).toBe('000000007');
		expect(isa.elements[13][0][0]).toBe('0');
		expect(gs.elements.slice(0, 3).map((e) => e[0][0])).toEqual(['FA', 'USAPP', 'THEMAPP']);
		expect(gs.elements[5][0][0]).toBe('70');
		const check = validateX12(result.text);
		expect(check).toMatchObject({ valid: true, interchanges: 1, groups: 1, transactionSets: { '997': 1 } });
		// node-x12 keeps ISA13/IEA02 as numbers; everything else must read the same.
		const numeric = (row: string[]) => row.map((v, i) => ((row[0] === 'ISA' && i === 13) || (row[0] === 'IEA' && i === 2) ? String(Number(v)) : v));
		expect(oracleRows(result.text)).toEqual(segmentsOf(result.text).map((s) => numeric([s.id, ...s.elements.map((e) => e[0][0])])));
		expect(result.acknowledgements).toHaveLength(1);
		expect(result.acknowledgements[0]).toMatchObject({ functionalId: 'PO', groupControl: '41', status: 'A', sets: [{ code: '850', controlNumber: '0001', status: 'A', errors: [] }] });
		expect(result.ta1).toEqual([]);
	});

	it('one bad set among good ones: AK9 P, only that set R with AK5 code 4', async () => {
		const result = await acknowledgeX12(threeOrders(true), { type: '997', ...base });
		expect(lines(result.text, ['AK2', 'AK3', 'AK4', 'AK5', 'AK9'])).toEqual([
			'AK2*850*0001',
			'AK5*A',
			'AK2*850*0002',
			'AK5*R*4',
			'AK2*850*0003',
			'AK5*A',
			'AK9*P*3*3*2',
		]);
		const [group] = result.acknowledgements;
		expect(group.status).toBe('P');
		expect(group.sets.map((s) => s.status)).toEqual(['A', 'R', 'A']);
		expect(group.sets[1].errors.map((e) => e.code)).toEqual(['SE_COUNT']);
		// The pure summary gives the same verdicts without writing X12.
		const status = acknowledgementStatus(checkEnvelopes(threeOrders(true)));
		expect(status.acknowledgements[0].sets.map((s) => s.status)).toEqual(['A', 'R', 'A']);
		expect(status.acknowledgements[0].status).toBe('P');
		expect(validateX12(result.text).valid).toBe(true);
		expect(oracleRows(result.text).filter((r) => r[0] === 'AK5')).toEqual([['AK5', 'A'], ['AK5', 'R', '4'], ['AK5', 'A']]);
	});

	it('all sets bad: AK9 R with no set accepted', async () => {
		const text = inbound([{ fid: 'PO', control: '5', sets: [{ id: '850', control: '0001', body: PO_BODY, se01: '1' }] }]);
		const result = await acknowledgeX12(text, { type: '997', ...base });
		expect(lines(result.text, ['AK5', 'AK9'])).toEqual(['AK5*R*4', 'AK9*R*1*1*0']);
	});

	it('a group envelope error rejects the group with AK905 and echoes GE01 as the included count', async () => {
		const text = inbound([{ fid: 'PO', control: '5', ge01: '3', sets: [{ id: '850', control: '0001', body: PO_BODY }] }]);
		const result = await acknowledgeX12(text, { type: '997', ...base });
		expect(lines(result.text, ['AK5', 'AK9'])).toEqual(['AK5*A', 'AK9*R*3*1*1*5']);
		expect(result.acknowledgements[0].errors.map((e) => e.code)).toEqual(['GE_COUNT']);
	});

	it('segment and element errors become AK3/AK4 laid out like the real pyx12 997 (AK3*NM1*7**8, AK4*8*66*7*47)', async () => {
		const body = ['BHT*0019*00*1*20260301*1200*CH', 'NM1*41*2*SUBMITTER*****46*S1', 'PER*IC*NAME', 'NM1*40*2*RECEIVER*****46*R1', 'HL*1**20*1', 'NM1*85*2*PROVIDER*****47'];
		const text = inbound([{ fid: 'HC', control: '56', sets: [{ id: '837', control: '000000001', body }] }]);
		const report = checkEnvelopes(text);
		const st = report.transactionSets[0].segmentIndex;
		const diagnostics: AckDiagnostic[] = [
			{ severity: 'error', code: 'BAD_QUALIFIER', message: 'NM108 "47" is not a valid qualifier', interchange: 0, group: 0, transaction: 0, segmentIndex: st + 6, segmentId: 'NM1', elementIndex: 8, ack: { element: '7', reference: '66' } },
		];
		const result = await buildAcknowledgements(report, InboundEnvelopes.fromParsed(parseX12(text)), { type: '997', ...base, diagnostics });
		const ours = lines(result.text, ['AK1', 'AK2', 'AK3', 'AK4', 'AK5', 'AK9']);
		expect(ours).toEqual(['AK1*HC*56', 'AK2*837*000000001', 'AK3*NM1*7**8', 'AK4*8*66*7*47', 'AK5*R*5', 'AK9*R*1*1*0']);
		const real = lines(readFileSync(join(CORPUS, '997-4010-pyx12-element-errors.txt'), 'utf8'), ['AK1', 'AK2', 'AK3', 'AK4', 'AK5', 'AK9']);
		for (const line of ['AK1*HC*56', 'AK2*837*000000001', 'AK3*NM1*7**8', 'AK4*8*66*7*47', 'AK9*R*1*1*0']) expect(real).toContain(line);
		expect(result.acknowledgements[0].sets[0].errors[0]).toMatchObject({ segment: { id: 'NM1', position: 7 }, element: { position: 8, code: '7', value: '47' } });
	});

	it('an invalid segment id found by the validator is an AK3 with code 1', async () => {
		const text = inbound([{ fid: 'PO', control: '5', sets: [{ id: '850', control: '0001', body: ['BEG*00*SA*PO-1**20260301', 'po1*1'] }] }]);
		const result = await acknowledgeX12(text, { type: '997', ...base });
		expect(lines(result.text, ['AK3', 'AK5'])).toEqual(['AK3*po1*3**1', 'AK5*R*5']);
	});

	it('does not acknowledge acknowledgements (FA groups)', async () => {
		const result = await acknowledgeX12(readFileSync(join(CORPUS, '997-5010-staedi-rejected.edi')), { type: '997', ...base });
		expect(result.acknowledgements).toEqual([]);
		expect(result.text).toBe('');
	});
});

describe('999 acknowledgements', () => {
	it('reproduces the layout of the real 999-5010-staedi-partial (without its optional CTX)', async () => {
		const filler = (n: number) => Array.from({ length: n }, (_, i) => `NTE*ADD*LINE ${i + 1}`);
		const sets = [
			{ id: '837', control: '0001', body: filler(3) },
			{ id: '837', control: '0002', body: [...filler(20), 'CLM*A37', ...filler(2)] },
			{ id: '837', control: '0003', body: filler(60) },
		];
		const text = inbound([{ fid: 'HC', control: '17456', version: '005010X222', sets }], { isaVersion: '00501' });
		const report = checkEnvelopes(text);
		const [, second, third] = report.transactionSets;
		const diagnostics: AckDiagnostic[] = [
			{ severity: 'error', code: 'REQUIRED', message: 'CLM02 is required', interchange: 0, group: 0, transaction: 1, segmentIndex: second.segmentIndex + 21, segmentId: 'CLM', elementIndex: 2, ack: { element: '1', reference: '782' } },
			{ severity: 'error', code: 'MISSING_REF', message: 'REF is required here', interchange: 0, group: 0, transaction: 2, segmentIndex: third.segmentIndex + 56, segmentId: 'REF', ack: { segment: '3' } },
		];
		const result = await buildAcknowledgements(report, parseX12(text), { type: '999', ...base, diagnostics });
		const ids = ['AK1', 'AK2', 'IK3', 'IK4', 'IK5', 'AK9'];
		const real = lines(readFileSync(join(CORPUS, '999-5010-staedi-partial.edi'), 'utf8'), ids);
		expect(lines(result.text, ids)).toEqual(real);
		expect(lines(result.text, ['ST'])).toEqual(['ST*999*0700*005010X231A1']);
		expect(lines(result.text, ['GS'])[0]).toMatch(/\*005010X231A1$/);
		expect(validateX12(result.text).valid).toBe(true);
		expect(oracleRows(result.text).map((r) => r[0])).toEqual(segmentsOf(result.text).map((s) => s.id));
	});

	it('echoes ST03 in AK2 and GS08 in AK1, and uses a 00501 envelope even for a 4010 inbound', async () => {
		const text = inbound([{ fid: 'PO', control: '9', sets: [{ id: '850', control: '0001', body: PO_BODY }] }]);
		const result = await acknowledgeX12(text, { type: '999', ...base });
		expect(lines(result.text, ['AK1', 'AK2', 'IK5', 'AK9'])).toEqual(['AK1*PO*9*004010', 'AK2*850*0001', 'IK5*A', 'AK9*A*1*1*1']);
		expect(segmentsOf(result.text)[0].elements[11][0][0]).toBe('00501');
		const v5 = inbound([{ fid: 'HC', control: '9', version: '005010X222A1', sets: [{ id: '837', control: '0001', st03: '005010X222A1', body: ['BHT*0019'] }] }], { isaVersion: '00501' });
		const result5 = await acknowledgeX12(v5, { type: '999', ...base });
		expect(lines(result5.text, ['AK1', 'AK2'])).toEqual(['AK1*HC*9*005010X222A1', 'AK2*837*0001*005010X222A1']);
	});

	it('one bad set among good ones: IK5 R only for that set and AK9 P', async () => {
		const result = await acknowledgeX12(threeOrders(true), { type: '999', ...base });
		expect(lines(result.text, ['IK5', 'AK9'])).toEqual(['IK5*A', 'IK5*R*4', 'IK5*A', 'AK9*P*3*3*2']);
	});
});

describe('TA1', () => {
	it('is written right after the ISA when asked, accepting a clean interchange', async () => {
		const text = inbound([{ fid: 'PO', control: '41', sets: [{ id: '850', control: '0001', body: PO_BODY }] }]);
		const result = await acknowledgeX12(text, { type: '997', ta1: true, ...base });
		const ids = segmentsOf(result.text).map((s) => s.id);
		expect(ids.slice(0, 3)).toEqual(['ISA', 'TA1', 'GS']);
		expect(lines(result.text, ['TA1', 'IEA'])).toEqual(['TA1*000000123*260301*1200*A*000', 'IEA*1*000000007']);
		expect(result.ta1).toMatchObject([{ interchange: 0, controlNumber: '000000123', status: 'A', noteCode: '000' }]);
		expect(validateX12(result.text).valid).toBe(true);
	});

	it('rejects an interchange with an envelope error with a TA1 alone, even when not asked', async () => {
		const text = inbound([{ fid: 'PO', control: '41', sets: [{ id: '850', control: '0001', body: PO_BODY }] }], { iea02: '000000999' });
		const result = await acknowledgeX12(text, { type: '997', ...base });
		expect(segmentsOf(result.text).map((s) => s.id)).toEqual(['ISA', 'TA1', 'IEA']);
		expect(lines(result.text, ['TA1', 'IEA'])).toEqual(['TA1*000000123*260301*1200*R*001', 'IEA*0*000000007']);
		expect(result.acknowledgements).toEqual([]);
		expect(validateX12(result.text).valid).toBe(true);
	});

	it('rejects a duplicate interchange in a two-interchange file and numbers the replies on', async () => {
		const result = await acknowledgeX12(readFileSync(join(CORPUS, '850-4010VICS-nodex12-two-interchanges.edi')), { type: '997', ...base });
		expect(result.replies.map((r) => r.controlNumber)).toEqual([7, 8]);
		expect(lines(result.text, ['TA1'])).toEqual(['TA1*000003438*101127*1719*R*025']);
		expect(lines(result.text, ['AK9'])).toEqual(['AK9*A*1*1*1']);
	});
});

describe('options and inputs', () => {
	it('takes control numbers from the state store, gap-free across calls', async () => {
		const counters = new Map<string, number>();
		const store: CounterStore = {
			increment: async (name, by = 1) => {
				counters.set(name, (counters.get(name) ?? 0) + by);
				return counters.get(name) as number;
			},
			getCounter: async (name) => counters.get(name) ?? 0,
			setCounter: async (name, value) => void counters.set(name, value),
		};
		const controlNumbers = stateStoreControlNumbers(store, 'them');
		const first = await acknowledgeX12(threeOrders(false), { type: '997', controlNumbers, date: DATE });
		const second = await acknowledgeX12(threeOrders(false), { type: '997', controlNumbers, date: DATE });
		expect([first, second].map((r) => r.replies[0].controlNumber)).toEqual([1, 2]);
		expect(lines(second.text, ['ST', 'GE'])).toEqual(['ST*997*0002', 'GE*1*2']);
	});

	it('uses given parties and delimiters, and keeps test usage', async () => {
		const text = inbound([{ fid: 'PO', control: '41', sets: [{ id: '850', control: '0001', body: PO_BODY }] }], { usage: 'T' });
		const result = await acknowledgeX12(text, {
			type: '997',
			...base,
			sender: { qualifier: '01', id: '123456789', application: 'OURAPP' },
			receiver: { qualifier: '12', id: '5551234567', application: 'THEIRAPP' },
			delimiters: { element: '|', component: '>', segment: '\n' },
		});
		expect(result.text.split('\n')[1]).toBe('GS|FA|OURAPP|THEIRAPP|20260304|0506|70|X|004010');
		const isa = segmentsOf(result.text)[0];
		expect([isa.elements[4][0][0], isa.elements[5][0][0].trim(), isa.elements[14][0][0]]).toEqual(['01', '123456789', 'T']);
		expect(validateX12(result.text)).toMatchObject({ valid: true });
	});

	it('answers with the inbound delimiters, dropping indentation (BOM, CRLF, indented file)', async () => {
		const result = await acknowledgeX12(readFileSync(join(EDGE, 'bom-crlf-indented.edi')), { type: '997', ...base });
		expect(result.text).toMatch(/^ISA\*.*>~\r\nGS\*FA\*/);
		expect(result.text).not.toMatch(/\n /);
		expect(validateX12(result.text).valid).toBe(true);
	});

	it('gives the same reply from a stream read in small chunks', async () => {
		const text = threeOrders(true);
		const whole = await acknowledgeX12(text, { type: '999', ta1: true, ...base });
		const chunks = Buffer.from(text).toString('utf8').match(/[\s\S]{1,7}/g) as string[];
		const streamed = await acknowledgeX12Stream(Readable.from(chunks.map((c) => Buffer.from(c))), { type: '999', ta1: true, ...base });
		expect(streamed.text).toBe(whole.text);
	});

	it('lists an interchange it cannot address as unanswered, without using a control number', async () => {
		const good = inbound([{ fid: 'PO', control: '41', sets: [{ id: '850', control: '0001', body: PO_BODY }] }]);
		const unaddressable = good.replace('*ZZ*THEM           *', '*Z?*THEM           *');
		const result = await acknowledgeX12(unaddressable + good.replace('000000123', '000000124'), { type: '997', ...base });
		expect(result.unanswered).toEqual([{ interchange: 0, reason: expect.stringContaining('ISA07') }]);
		expect(result.replies.map((r) => [r.interchange, r.controlNumber])).toEqual([[1, 7]]);
	});

	it('wraps allocated numbers past 999999999 and consumes none for a reply that cannot be written', async () => {
		const rejected = inbound([{ fid: 'PO', control: '41', sets: [{ id: '850', control: '0001', body: PO_BODY }] }], { iea02: '000000999' });
		const calls: string[] = [];
		const controlNumbers = async (kind: string) => {
			calls.push(kind);
			return 1_000_000_000;
		};
		const wrapped = await acknowledgeX12(rejected, { type: '997', controlNumbers, date: DATE });
		expect(lines(wrapped.text, ['IEA'])).toEqual(['IEA*0*000000001']);
		calls.length = 0;
		const refused = await acknowledgeX12(rejected, { type: '997', controlNumbers, date: DATE, sender: { qualifier: 'ZZ', id: 'US*BAD' } });
		expect(refused.unanswered).toEqual([{ interchange: 0, reason: expect.stringContaining('element separator') }]);
		expect(calls).toEqual([]);
	});

	it('refuses an unknown type', async () => {
		await expect(acknowledgeX12(threeOrders(false), { type: '998' as '997', ...base })).rejects.toThrow('997 or 999');
	});
});

/** Element shapes of acknowledgement segments, as the standards define them (used on real files and ours). */
function checkLayout(segments: Segment[]): void {
	const value = (s: Segment, n: number) => s.elements[n - 1]?.[0]?.join(':') ?? '';
	for (const s of segments) {
		if (s.id === 'AK1') expect(value(s, 2)).toMatch(/^\d{1,9}$/);
		if (s.id === 'AK2') expect([value(s, 1), value(s, 2)].join('*')).toMatch(/^\d{3}\*\w{4,9}$/);
		if (s.id === 'AK3' || s.id === 'IK3') expect([value(s, 1), value(s, 2), value(s, 4)].join('*')).toMatch(/^\w{2,3}\*\d{1,10}\*(\d|I\d)?$/);
		if (s.id === 'AK4' || s.id === 'IK4') expect([value(s, 1), value(s, 3)].join('*')).toMatch(/^\d{1,2}(:\d{1,2})?\*(\d{1,2}|I\d{1,2})$/);
		if (s.id === 'AK5' || s.id === 'IK5') expect(s.elements.map((e) => e[0][0]).join('*')).toMatch(/^[AERMWX](\*(\d{1,3}|I\d))*$/);
		if (s.id === 'AK9') expect(s.elements.map((e) => e[0][0]).join('*')).toMatch(/^[AEPRMWX]\*\d+\*\d+\*\d+(\*\d{1,3})*$/);
		if (s.id === 'TA1') expect(s.elements.map((e) => e[0][0]).join('*')).toMatch(/^\d{9}\*\d{6}\*\d{4}\*[AER]\*\d{3}$/);
	}
}

describe('layout against real acknowledgements', () => {
	const real = ['997-4010-pyx12-element-errors.txt', '997-4010-pyx12-with-ta1.txt', '997-5010-staedi-rejected.edi', '999-5010-pyx12-two-groups.txt', '999-5010-staedi-partial.edi'];
	it.each(real)('%s follows the layout our checks expect', (file) => {
		const segments = segmentsOf(readFileSync(join(CORPUS, file), 'utf8'));
		expect(segments.some((s) => s.id === 'AK9')).toBe(true);
		checkLayout(segments);
	});

	const inputs = ['850-4010VICS-nodex12-basic.edi', 'mixed-810-850-staedi-two-groups.edi', '856-4060-nodex12-soi.edi', 'invalid-940-ediengine-wrong-counts.edi', 'invalid-837-pyx12-no-iea.txt', '850-5010-stedi-dropship.edi'];
	it.each(inputs)('our 997 and 999 (with TA1) for %s follow the same layout and validate', async (file) => {
		for (const type of ['997', '999'] as const) {
			const result = await acknowledgeX12(readFileSync(join(CORPUS, file)), { type, ta1: true, ...base });
			const segments = segmentsOf(result.text);
			expect(segments.filter((s) => s.id === 'TA1')).toHaveLength(1);
			checkLayout(segments);
			expect(validateX12(result.text).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
		}
	});
});

describe('scale', () => {
	it('acknowledges a group of 30 000 sets in linear time', async () => {
		const sets = Array.from({ length: 30_000 }, (_, i) => ({ id: '850', control: String(i + 1).padStart(5, '0'), body: PO_BODY, se01: i === 7 ? '1' : undefined }));
		const text = inbound([{ fid: 'PO', control: '1', sets }]);
		const started = Date.now();
		const result = await acknowledgeX12(text, { type: '997', ...base });
		// Quadratic bookkeeping would take minutes here; linear work takes well under a second.
		expect(Date.now() - started).toBeLessThan(5000);
		expect(lines(result.text, ['AK9'])).toEqual(['AK9*P*30000*30000*29999']);
		expect(result.acknowledgements[0].sets.filter((s) => s.status === 'R').map((s) => s.controlNumber)).toEqual(['00008']);
	});
});
