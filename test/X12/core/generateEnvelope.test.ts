import type { ControlNumberAllocator, InterchangeInput } from '../../../nodes/X12/core/buildInterchange';
import { buildInterchange, wrapControlNumber } from '../../../nodes/X12/core/buildInterchange';
import { X12GenerateError } from '../../../nodes/X12/core/generate';
import type { Delimiters, Segment } from '../../../nodes/X12/core/types';
import { elementValue, segment } from '../../../nodes/X12/core/types';

const d: Delimiters = { element: '*', component: ':', repetition: '^', segment: '~', suffix: '\n' };
const when = new Date('2026-03-04T05:06:59Z');

const body = (po: string, lines: number): Segment[] => [
	segment('BEG', '00', 'SA', po, '', '20260304'),
	...Array.from({ length: lines }, (_, i) => segment('PO1', String(i + 1), '2', 'EA', '9.5', '', 'BP', `SKU-${i}`)),
	segment('CTT', String(lines)),
];

function input(overrides: Partial<InterchangeInput> = {}): InterchangeInput {
	return {
		sender: { qualifier: 'ZZ', id: 'ACME' },
		receiver: { qualifier: '01', id: '123456789' },
		version: '00401',
		date: when,
		controlNumbers: { interchange: 42, group: 7, set: 1 },
		groups: [
			{ functionalId: 'PO', appSender: 'ACMEAPP', appReceiver: 'RETAIL', version: '004010', sets: [{ id: '850', segments: body('A1', 2) }] },
		],
		...overrides,
	};
}

const lines = (text: string) => text.split('\n').filter((l) => l !== '');
const fields = (line: string) => line.replace(/~$/, '').split('*');

describe('buildInterchange: ISA', () => {
	it('writes a 106-character ISA with every field at its fixed width', async () => {
		const { text } = await buildInterchange(input(), d);
		const isa = lines(text)[0];
		expect(isa).toHaveLength(106);
		const f = fields(isa);
		expect(f).toHaveLength(17);
		expect(f.slice(1).map((x) => x.length)).toEqual([2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1]);
		expect(f[1]).toBe('00');
		expect(f[2]).toBe(' '.repeat(10));
		expect(f[6]).toBe('ACME           ');
		expect(f[7]).toBe('01');
		expect(f[8]).toBe('123456789      ');
		expect(f[9]).toBe('260304');
		expect(f[10]).toBe('0506');
		expect(f[12]).toBe('00401');
		expect(f[13]).toBe('000000042');
		expect(f[14]).toBe('0');
		expect(f[15]).toBe('P');
		expect(f[16]).toBe(':');
	});

	it('sets ISA11 to "U" for 00401 and to the repetition separator for 00501', async () => {
		const v4 = await buildInterchange(input(), d);
		expect(fields(lines(v4.text)[0])[11]).toBe('U');
		const v5 = await buildInterchange(
			input({ version: '00501', groups: [{ ...input().groups[0], version: '005010' }] }),
			{ ...d, repetition: '{' },
		);
		const isa = lines(v5.text)[0];
		expect(isa).toHaveLength(106);
		expect(fields(isa)[11]).toBe('{');
		expect(fields(isa)[12]).toBe('00501');
		expect(fields(lines(v5.text)[1])[8]).toBe('005010');
	});

	it('refuses repetitions in 004010 data and needs a repetition separator for 00501', async () => {
		const repeated = input({
			groups: [{ ...input().groups[0], sets: [{ id: '850', segments: [segment('XX', [['a'], ['b']])] }] }],
		});
		await expect(buildInterchange(repeated, d)).rejects.toThrow(/no repetition separator/);
		const noRep: Delimiters = { element: '*', component: ':', segment: '~' };
		await expect(buildInterchange(input({ version: '00501' }), noRep)).rejects.toThrow(/needs a repetition separator/);
	});

	it('writes ISA14, ISA15, authorization/security and the time in the given zone', async () => {
		const { text } = await buildInterchange(
			input({
				ackRequested: true,
				usage: 'T',
				authorization: { qualifier: '03', information: 'AUTH' },
				security: { qualifier: '01', information: 'PASS' },
				timeZone: 'America/New_York',
				date: new Date('2026-01-01T03:30:00Z'),
			}),
			d,
		);
		const [isa, gs] = lines(text).map(fields);
		expect(isa.slice(1, 5)).toEqual(['03', 'AUTH      ', '01', 'PASS      ']);
		expect(isa[9]).toBe('251231');
		expect(isa[10]).toBe('2230');
		expect(isa[14]).toBe('1');
		expect(isa[15]).toBe('T');
		expect(gs[4]).toBe('20251231');
		expect(gs[5]).toBe('2230');
	});

	it('takes the date from the injected clock', async () => {
		const { text } = await buildInterchange(input({ date: undefined, clock: () => new Date('2030-12-25T23:59:00Z') }), d);
		const [isa, gs] = lines(text).map(fields);
		expect([isa[9], isa[10], gs[4], gs[5]]).toEqual(['301225', '2359', '20301225', '2359']);
	});

	it.each([
		[{ sender: { qualifier: 'ZZ', id: 'X'.repeat(16) } }, /ISA06/],
		[{ receiver: { qualifier: 'Z', id: 'X' } }, /ISA07/],
		[{ version: '4010' }, /ISA12/],
		[{ usage: 'X' as 'P' }, /ISA15/],
		[{ groups: [] }, /at least one functional group/],
		[{ timeZone: 'Mars/Olympus' }, /Unknown time zone/],
		[{ date: new Date('invalid') }, /date is invalid/],
	])('refuses invalid envelope input %#', async (overrides, message) => {
		await expect(buildInterchange(input(overrides as Partial<InterchangeInput>), d)).rejects.toThrow(message);
	});
});

describe('buildInterchange: groups, sets, counts and control numbers', () => {
	const threeGroups = (): InterchangeInput =>
		input({
			groups: [
				{ functionalId: 'PO', appSender: 'ACMEAPP', appReceiver: 'RETAIL', version: '004010', sets: [{ id: '850', segments: body('A1', 1) }, { id: '850', segments: body('A2', 3) }] },
				{ functionalId: 'SH', appSender: 'ACMEAPP', appReceiver: 'RETAIL', version: '004010', sets: [{ id: '856', segments: [segment('BSN', '00', 'SHIP1', '20260304', '0506'), segment('HL', '1', '', 'S')] }] },
				{ functionalId: 'IN', appSender: 'ACMEAPP', appReceiver: 'RETAIL', version: '004010', sets: [{ id: '810', segments: body('I1', 0) }, { id: '810', segments: body('I2', 5) }, { id: '810', segments: body('I3', 2), controlNumber: 777 }] },
			],
		});

	it('counts SE01 from ST to SE, GE01 sets, IEA01 groups, and pairs every control number', async () => {
		const built = await buildInterchange(threeGroups(), d);
		const segs = lines(built.text).map(fields);
		const ids = segs.map((f) => f[0]);
		expect(ids.filter((id) => id === 'GS')).toHaveLength(3);
		expect(ids.filter((id) => id === 'ST')).toHaveLength(6);
		// Walk the text and check every trailer against what it encloses.
		let st: string[] | undefined;
		let stIndex = 0;
		let gs: string[] | undefined;
		let setsInGroup = 0;
		let groups = 0;
		const stNumbers: string[] = [];
		segs.forEach((f, i) => {
			if (f[0] === 'GS') [gs, setsInGroup] = [f, 0];
			if (f[0] === 'ST') [st, stIndex] = [f, i];
			if (f[0] === 'SE') {
				expect(Number(f[1])).toBe(i - stIndex + 1);
				expect(f[2]).toBe(st![2]);
				stNumbers.push(f[2]);
				setsInGroup++;
			}
			if (f[0] === 'GE') {
				expect(Number(f[1])).toBe(setsInGroup);
				expect(f[2]).toBe(gs![6]);
				groups++;
			}
			if (f[0] === 'IEA') {
				expect(Number(f[1])).toBe(groups);
				expect(f[2]).toBe(segs[0][13]);
			}
		});
		expect(ids[ids.length - 1]).toBe('IEA');
		expect(segs.filter((f) => f[0] === 'GS').map((f) => f[6])).toEqual(['7', '8', '9']);
		expect(stNumbers).toEqual(['0001', '0002', '0003', '0004', '0005', '0777']);
		expect(built.controlNumbers).toEqual({ interchange: 42, groups: [7, 8, 9], sets: [[1, 2], [3], [4, 5, 777]] });
		expect(built.segments.map((s) => s.id)).toEqual(ids);
		expect(built.segments.find((s) => s.id === 'SE' && elementValue(s, 2) === '0002')).toEqual(segment('SE', '7', '0002'));
	});

	it('writes GS with CCYYMMDD/HHMM, "X" and the version, and ST03 only when given', async () => {
		const v5 = input({
			version: '00501',
			groups: [{ functionalId: 'HC', appSender: 'ACMEAPP', appReceiver: 'PAYER', version: '005010X222A1', implementationReference: '005010X222A1', sets: [{ id: '837', segments: [segment('BHT', '0019')] }, { id: '837', segments: [segment('BHT', '0019')], implementationReference: '005010X223A2' }] }],
		});
		const segs = lines((await buildInterchange(v5, d)).text).map(fields);
		expect(segs[1]).toEqual(['GS', 'HC', 'ACMEAPP', 'PAYER', '20260304', '0506', '7', 'X', '005010X222A1']);
		expect(segs.filter((f) => f[0] === 'ST')).toEqual([
			['ST', '837', '0001', '005010X222A1'],
			['ST', '837', '0002', '005010X223A2'],
		]);
		const v4 = await buildInterchange(input(), d);
		expect(lines(v4.text).map(fields).find((f) => f[0] === 'ST')).toEqual(['ST', '850', '0001']);
		const bad = input({ groups: [{ ...input().groups[0], implementationReference: '005010X222A1' }] });
		await expect(buildInterchange(bad, d)).rejects.toThrow(/ST03/);
	});

	it('pads ST02 to at least 4 digits and ISA13 to 9, and keeps GS06 unpadded', async () => {
		const segs = lines((await buildInterchange(input({ controlNumbers: { interchange: 123456789, group: 1, set: 123456 } }), d)).text).map(fields);
		expect(segs[0][13]).toBe('123456789');
		expect(segs[1][6]).toBe('1');
		expect(segs[2][2]).toBe('123456');
	});

	it('asks the allocator once per kind for a block, in document order', async () => {
		const calls: Array<[string, string, number | undefined]> = [];
		const next: Record<string, number> = { interchange: 500, group: 20, set: 3000 };
		const allocator: ControlNumberAllocator = async (kind, key, count = 1) => {
			calls.push([kind, key, count]);
			const first = next[kind];
			next[kind] += count;
			return first;
		};
		const built = await buildInterchange({ ...threeGroups(), controlNumbers: allocator }, d);
		expect(calls).toEqual([
			['interchange', 'ZZ:ACME>01:123456789', 1],
			['group', 'ZZ:ACME>01:123456789', 3],
			['set', 'ZZ:ACME>01:123456789', 5],
		]);
		expect(built.controlNumbers).toEqual({ interchange: 500, groups: [20, 21, 22], sets: [[3000, 3001], [3002], [3003, 3004, 777]] });
	});

	it('wraps numbers past 999999999 back to 1', async () => {
		expect(wrapControlNumber(999_999_999)).toBe(999_999_999);
		expect(wrapControlNumber(1_000_000_000)).toBe(1);
		const built = await buildInterchange(input({ controlNumbers: { interchange: 1_000_000_001, group: 999_999_999, set: 999_999_999 }, groups: [{ ...input().groups[0], sets: [{ id: '850', segments: body('A', 1) }, { id: '850', segments: body('B', 1) }] }] }), d);
		expect(built.controlNumbers).toEqual({ interchange: 2, groups: [999_999_999], sets: [[999_999_999, 1]] });
	});

	it('consumes no control numbers when the input is refused', async () => {
		const allocator = jest.fn<ReturnType<ControlNumberAllocator>, Parameters<ControlNumberAllocator>>(async () => 1);
		const bad = input({ controlNumbers: allocator, groups: [{ ...input().groups[0], sets: [{ id: '850', segments: [segment('N1', 'ST', 'A*B')] }] }] });
		await expect(buildInterchange(bad, d)).rejects.toThrow(X12GenerateError);
		await expect(buildInterchange(input({ controlNumbers: allocator, sender: { qualifier: 'ZZ', id: 'A~B' } }), d)).rejects.toThrow(/ISA06/);
		expect(allocator).not.toHaveBeenCalled();
	});

	it('refuses envelope segments inside a body and invalid group/set ids', async () => {
		const withSe = input({ groups: [{ ...input().groups[0], sets: [{ id: '850', segments: [segment('SE', '2', '0001')] }] }] });
		await expect(buildInterchange(withSe, d)).rejects.toThrow(/must not contain SE/);
		await expect(buildInterchange(input({ groups: [{ ...input().groups[0], functionalId: 'po' }] }), d)).rejects.toThrow(/GS01/);
		await expect(buildInterchange(input({ groups: [{ ...input().groups[0], appSender: 'A' }] }), d)).rejects.toThrow(/GS02/);
		await expect(buildInterchange(input({ groups: [{ ...input().groups[0], sets: [{ id: '85', segments: [] }] }] }), d)).rejects.toThrow(/ST01/);
		await expect(buildInterchange(input({ groups: [{ ...input().groups[0], sets: [] }] }), d)).rejects.toThrow(/no transaction sets/);
	});

	it('writes the same segments with other delimiters', async () => {
		const a = await buildInterchange(input(), d);
		const b = await buildInterchange(input(), { element: '|', component: '>', segment: '\u001c' });
		expect(b.segments).toEqual(a.segments.map((s) => (s.id === 'ISA' ? { ...s, elements: s.elements.map((e, i) => (i === 15 ? [['>']] : e)) } : s)));
		expect(b.text.split('\u001c')[0]).toHaveLength(105);
		expect(b.text.endsWith('IEA|1|000000042\u001c')).toBe(true);
	});
});
