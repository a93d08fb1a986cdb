import { binaryItem, corpus, corrupt, PARTNER, run, useFileStore, x12Context } from './helpers';
import { elementValue, parseX12, type Segment } from '../../../nodes/X12/core';

const BASIC = corpus('850-4010VICS-nodex12-basic.edi');
const MIXED = corpus('mixed-810-850-staedi-two-groups.edi');

function segments(text: string): Segment[] {
	const parsed = parseX12(text);
	expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
	return parsed.interchanges.flatMap((ic) => ic.segments);
}
const values = (segs: Segment[], id: string, n: number) => segs.filter((s) => s.id === id).map((s) => elementValue(s, n));

const params = (extra: Record<string, unknown> = {}) => ({
	operation: 'acknowledge',
	binaryPropertyName: 'data',
	ackType: 'partner',
	options: {},
	controlNumbers: { numbers: { interchange: 41, group: 7, set: 3 } },
	...extra,
});

describe('X12 EDI: Acknowledge', () => {
	const store = useFileStore();

	it('writes an accepting 997 as text and as the binary file ack.edi, from the partner credential', async () => {
		const ctx = x12Context({ parameters: params(), items: [binaryItem(BASIC)], credentials: { x12TradingPartner: PARTNER } });

		const [[out]] = await run(ctx);

		expect(out.json).toMatchObject({ type: '997', accepted: true, sets: [{ transactionSet: '850', controlNumber: '000000010', status: 'A' }] });
		const ack = out.json.ack as string;
		const segs = segments(ack);
		const [isa] = segs;
		expect([elementValue(isa, 5), elementValue(isa, 6).trim(), elementValue(isa, 7), elementValue(isa, 8).trim(), elementValue(isa, 13)]).toEqual([
			'ZZ',
			'OURCOMPANY',
			'01',
			'4405197800',
			'000000041',
		]);
		expect(values(segs, 'AK9', 1)).toEqual(['A']);
		expect(values(segs, 'AK5', 1)).toEqual(['A']);
		expect(out.json.controlNumbers).toEqual(['000000041']);
		expect(out.binary?.data.fileName).toBe('ack.edi');
		expect(Buffer.from(out.binary?.data.data ?? '', 'base64').toString('utf8')).toBe(ack);
	});

	it('rejects only the bad set of a file with several, and writes a 999 when asked', async () => {
		const bad = corrupt(MIXED, 'SE*', 'SE*9');
		const ctx = x12Context({ parameters: params({ ackType: '999' }), items: [binaryItem(bad)], credentials: { x12TradingPartner: PARTNER } });

		const [[out]] = await run(ctx);

		const sets = out.json.sets as Array<{ transactionSet: string; status: string }>;
		expect(sets.filter((s) => s.status === 'R')).toEqual([expect.objectContaining({ transactionSet: '810', status: 'R' })]);
		expect(sets.filter((s) => s.status !== 'R').length).toBe(sets.length - 1);
		expect(out.json.accepted).toBe(false);
		const segs = segments(out.json.ack as string);
		expect(values(segs, 'ST', 1).every((id) => id === '999')).toBe(true);
		expect(values(segs, 'IK5', 1)).toContain('R');
		expect(values(segs, 'IK5', 1).filter((s) => s === 'A').length).toBe(sets.length - 1);
	});

	it('rejects sets the trading partner is not expected to send (AK5 R 1) and accepts the others', async () => {
		const partner = { ...PARTNER, expectedSets: ['850'] };
		const ctx = x12Context({ parameters: params(), items: [binaryItem(MIXED)], credentials: { x12TradingPartner: partner } });

		const [[out]] = await run(ctx);

		const sets = out.json.sets as Array<{ transactionSet: string; status: string; codes: string[] }>;
		expect(sets.some((s) => s.transactionSet === '850')).toBe(true);
		expect(sets.some((s) => s.transactionSet !== '850')).toBe(true);
		for (const set of sets) {
			expect([set.transactionSet, set.status, set.codes]).toEqual(set.transactionSet === '850' ? ['850', 'A', []] : [set.transactionSet, 'R', ['1']]);
		}
		const ak5 = segments(out.json.ack as string).filter((seg) => seg.id === 'AK5');
		expect(ak5.filter((seg) => elementValue(seg, 1) === 'R').every((seg) => elementValue(seg, 2) === '1')).toBe(true);
	});

	it('adds a TA1 when asked', async () => {
		const ctx = x12Context({ parameters: params({ options: { ta1: true } }), items: [binaryItem(BASIC)], credentials: { x12TradingPartner: PARTNER } });

		const [[out]] = await run(ctx);

		expect(values(segments(out.json.ack as string), 'TA1', 4)).toEqual(['A']);
	});

	it('numbers from the state store and rejects a resend of an accepted interchange as a duplicate', async () => {
		const credentials = { x12TradingPartner: PARTNER, interopStateStore: store() };

		const [[first]] = await run(x12Context({ parameters: params(), items: [binaryItem(BASIC)], credentials }));
		const [[second]] = await run(x12Context({ parameters: params(), items: [binaryItem(BASIC, { stored: true })], credentials }));

		expect(first.json.accepted).toBe(true);
		expect(second.json.accepted).toBe(false);
		const segs = segments(second.json.ack as string);
		expect(values(segs, 'TA1', 4)).toEqual(['R']);
		expect(values(segs, 'TA1', 5)).toEqual(['025']);
		// Counters, not the fixed numbers of the parameters: 1 then 2.
		expect([first.json.controlNumbers, second.json.controlNumbers]).toEqual([['000000001'], ['000000002']]);
	});

	it('accepts an interchange once when two executions acknowledge it at the same time', async () => {
		const credentials = { x12TradingPartner: PARTNER, interopStateStore: store() };
		const file = BASIC.replace(/\*000003438\*/, '*000007001*').replace('IEA*1*000003438', 'IEA*1*000007001');
		const ack = () => run(x12Context({ parameters: params(), items: [binaryItem(file)], credentials }));

		const results = await Promise.all([ack(), ack(), ack()]);

		expect(results.map(([[out]]) => out.json.accepted).sort()).toEqual([false, false, true]);
	});

	it('gives back the claim of a rejected interchange, so its corrected resend is accepted', async () => {
		const credentials = { x12TradingPartner: PARTNER, interopStateStore: store() };
		const good = BASIC.replace(/\*000003438\*/, '*000007002*').replace('IEA*1*000003438', 'IEA*1*000007002');
		// IEA01 counting two groups rejects the whole interchange (TA1 R).
		const broken = good.replace('IEA*1*000007002', 'IEA*2*000007002');

		const [[rejected]] = await run(x12Context({ parameters: params(), items: [binaryItem(broken)], credentials }));
		const [[accepted]] = await run(x12Context({ parameters: params(), items: [binaryItem(good)], credentials }));
		const [[resend]] = await run(x12Context({ parameters: params(), items: [binaryItem(good)], credentials }));

		expect(values(segments(rejected.json.ack as string), 'TA1', 4)).toEqual(['R']);
		expect(accepted.json.accepted).toBe(true);
		expect(resend.json.accepted).toBe(false);
	});

	it('fails clearly when the trading partner credential is unusable', async () => {
		const ctx = x12Context({
			parameters: params(),
			items: [binaryItem(BASIC)],
			credentials: { x12TradingPartner: { ...PARTNER, elementSeparator: '~' } },
		});

		await expect(run(ctx)).rejects.toThrow(/X12 Trading Partner credential: The element separator and the segment terminator clash/);
	});
});
