/**
 * Differential test: interchanges written by our generator are read back by node-x12 (an
 * independent implementation, strict mode: it checks ISA length, counts and control-number pairs)
 * and must show the same envelopes, segment ids and element values.
 */
import { X12Parser } from 'node-x12';
import type { X12Interchange, X12Segment } from 'node-x12';

import type { GroupInput, InterchangeInput } from '../../../nodes/X12/core/buildInterchange';
import { buildInterchange } from '../../../nodes/X12/core/buildInterchange';
import type { Delimiters, Element, Segment } from '../../../nodes/X12/core/types';
import { segment } from '../../../nodes/X12/core/types';

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be reproduced. */
function rng(seed: number) {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .,-/#&()\'"!?%@=+';

/** Random data never containing the delimiters (those are refused, as another test shows). */
function values(random: () => number, d: Delimiters) {
	const alphabet = [...SAFE].filter((ch) => ![d.element, d.component, d.repetition, d.segment].includes(ch));
	const pick = (n: number) => Math.floor(random() * n);
	const text = (max = 20) => Array.from({ length: 1 + pick(max) }, () => alphabet[pick(alphabet.length)]).join('');
	const num = () => String(1 + pick(999));
	const maybe = (value: string) => (random() < 0.3 ? '' : value);
	return { pick, text, num, maybe };
}

function purchaseOrder(random: () => number, d: Delimiters): Segment[] {
	const { pick, text, num, maybe } = values(random, d);
	const withRepetition = d.repetition !== undefined;
	const lines = 1 + pick(8);
	const out: Segment[] = [
		segment('BEG', '00', 'SA', text(10), '', '20260304'),
		segment('REF', 'DP', num(), maybe(text()), withRepetition ? [['PO', num()], ['VN', text(5)]] : [['PO', num()]]),
		segment('DTM', '002', '20260310'),
		segment('N1', 'ST', text(30), '92', num()),
		segment('N3', text(30), maybe(text(30))),
		segment('N4', text(15), 'NY', '10001', maybe('US')),
	];
	for (let i = 1; i <= lines; i++) {
		out.push(segment('PO1', String(i), num(), 'EA', `${num()}.${pick(99)}`, '', 'BP', text(12), maybe('VP'), maybe(text(8)), '', ''));
		out.push(segment('PID', 'F', '', '', '', text(40)));
	}
	out.push(segment('CTT', String(lines)));
	return out;
}

function shipNotice(random: () => number, d: Delimiters): Segment[] {
	const { pick, text, num } = values(random, d);
	const out: Segment[] = [segment('BSN', '00', text(10), '20260304', '1200'), segment('HL', '1', '', 'S'), segment('TD1', 'CTN25', num()), segment('TD5', '', '2', text(4)), segment('REF', 'BM', text(12))];
	let hl = 1;
	const orders = 1 + pick(3);
	for (let o = 0; o < orders; o++) {
		const order = ++hl;
		out.push(segment('HL', String(order), '1', 'O'), segment('PRF', text(10)));
		const packs = 1 + pick(3);
		for (let p = 0; p < packs; p++) {
			const pack = ++hl;
			out.push(segment('HL', String(pack), String(order), 'P'), segment('MAN', 'GM', `00${num()}${num()}`));
			const items = 1 + pick(3);
			for (let i = 0; i < items; i++) {
				out.push(segment('HL', String(++hl), String(pack), 'I'), segment('LIN', '', 'UP', num() + num()), segment('SN1', '', num(), 'EA'));
			}
		}
	}
	out.push(segment('CTT', String(hl)));
	return out;
}

function invoice(random: () => number, d: Delimiters): Segment[] {
	const { pick, text, num, maybe } = values(random, d);
	const lines = 1 + pick(6);
	const out: Segment[] = [segment('BIG', '20260304', text(10), '20260301', text(10)), segment('N1', 'RE', text(20)), segment('ITD', '01', '3', '', '', '', '', '30')];
	for (let i = 1; i <= lines; i++) {
		out.push(segment('IT1', String(i), num(), 'EA', `${num()}.00`, '', 'UP', num(), maybe('VP'), maybe(text(6))));
	}
	out.push(segment('TDS', num() + '00'), segment('SAC', 'C', 'D240', '', '', num()), segment('CTT', String(lines)));
	return out;
}

/** What node-x12 should report for an element: the raw text, with our trailing-empty trimming. */
function raw(element: Element, d: Delimiters): string {
	const reps = element.map((c) => {
		const comps = [...c];
		while (comps.length && comps[comps.length - 1] === '') comps.pop();
		return comps.join(d.component);
	});
	while (reps.length && reps[reps.length - 1] === '') reps.pop();
	return reps.join(d.repetition ?? '');
}

function expectedElements(seg: Segment, d: Delimiters): string[] {
	const out = seg.elements.map((e) => raw(e, d));
	while (out.length && out[out.length - 1] === '') out.pop();
	return out;
}

const valuesOf = (seg: X12Segment) => seg.elements.map((e) => e.value);

function parse(text: string): X12Interchange {
	const result = new X12Parser(true).parse(text);
	if (!('functionalGroups' in result)) throw new Error('node-x12 returned several interchanges');
	return result;
}

function compare(parsed: X12Interchange, input: InterchangeInput, numbers: { interchange: number; groups: number[]; sets: number[][] }, d: Delimiters) {
	const isa = valuesOf(parsed.header);
	expect(isa[5]).toBe(input.sender.id.padEnd(15));
	expect(isa[7]).toBe(input.receiver.id.padEnd(15));
	expect(isa[11]).toBe(input.version);
	expect(Number(isa[12])).toBe(numbers.interchange);
	expect(isa[15]).toBe(d.component);
	expect(valuesOf(parsed.trailer).map(Number)).toEqual([input.groups.length, numbers.interchange]);
	expect(parsed.functionalGroups).toHaveLength(input.groups.length);
	parsed.functionalGroups.forEach((group, g) => {
		const want: GroupInput = input.groups[g];
		expect(valuesOf(group.header)).toEqual([want.functionalId, want.appSender, want.appReceiver, '20260304', '0506', String(numbers.groups[g]), 'X', want.version]);
		expect(valuesOf(group.trailer)).toEqual([String(want.sets.length), String(numbers.groups[g])]);
		expect(group.transactions).toHaveLength(want.sets.length);
		group.transactions.forEach((tx, s) => {
			const set = want.sets[s];
			const st02 = String(numbers.sets[g][s]).padStart(4, '0');
			expect(valuesOf(tx.header)).toEqual([set.id, st02]);
			expect(valuesOf(tx.trailer)).toEqual([String(set.segments.length + 2), st02]);
			expect(tx.segments.map((x) => x.tag)).toEqual(set.segments.map((x) => x.id));
			tx.segments.forEach((x, i) => expect(valuesOf(x)).toEqual(expectedElements(set.segments[i], d)));
		});
	});
}

const group = (functionalId: string, version: string, sets: Array<{ id: string; segments: Segment[] }>): GroupInput => ({
	functionalId,
	appSender: 'ACMEAPP',
	appReceiver: 'RETAILAPP',
	version,
	sets,
});

const cases: Array<[string, string, string, Delimiters]> = [
	['004010, * : ~ and LF', '00401', '004010', { element: '*', component: ':', segment: '~', suffix: '\n' }],
	['005010, * > ^ ~ no line breaks', '00501', '005010', { element: '*', component: '>', repetition: '^', segment: '~' }],
	['005010, | \\ { ! and CRLF', '00501', '005010', { element: '|', component: '\\', repetition: '{', segment: '!', suffix: '\r\n' }],
];

describe('generated interchanges read back by node-x12', () => {
	it.each(cases)('850/856/810 in %s', async (_name, isaVersion, gsVersion, d) => {
		for (let seed = 1; seed <= 15; seed++) {
			const random = rng(seed * 7919 + isaVersion.length);
			const input: InterchangeInput = {
				sender: { qualifier: 'ZZ', id: `SENDER${seed}` },
				receiver: { qualifier: '01', id: '123456789' },
				version: isaVersion,
				date: new Date('2026-03-04T05:06:00Z'),
				controlNumbers: { interchange: seed * 1000, group: seed * 10, set: seed * 100 },
				groups: [
					group('PO', gsVersion, Array.from({ length: 1 + (seed % 3) }, () => ({ id: '850', segments: purchaseOrder(random, d) }))),
					group('SH', gsVersion, Array.from({ length: 1 + (seed % 2) }, () => ({ id: '856', segments: shipNotice(random, d) }))),
					group('IN', gsVersion, [{ id: '810', segments: invoice(random, d) }]),
				],
			};
			const built = await buildInterchange(input, d);
			const parsed = parse(built.text);
			compare(parsed, input, built.controlNumbers, d);
			// node-x12 writes back the same text (line layout aside): nothing was lost or reinterpreted.
			const again = parsed.toString({ elementDelimiter: d.element, segmentTerminator: d.segment, subElementDelimiter: d.component, format: false });
			expect(again).toBe(built.text.split(d.segment + (d.suffix ?? '')).join(d.segment));
		}
	});

	it('several interchanges in one file come back as separate interchanges', async () => {
		const d: Delimiters = { element: '*', component: ':', segment: '~', suffix: '\n' };
		const inputs = [1, 2].map((n): InterchangeInput => ({
			sender: { qualifier: 'ZZ', id: 'ACME' },
			receiver: { qualifier: 'ZZ', id: 'RETAILER' },
			version: '00401',
			date: new Date('2026-03-04T05:06:00Z'),
			controlNumbers: { interchange: n, group: n, set: n * 10 },
			groups: [group('PO', '004010', [{ id: '850', segments: purchaseOrder(rng(n), d) }])],
		}));
		const built = await Promise.all(inputs.map(async (x) => await buildInterchange(x, d)));
		const fat = new X12Parser(true).parse(built.map((b) => b.text).join(''));
		expect(Array.isArray(fat)).toBe(true);
		const list = fat as unknown as X12Interchange[];
		expect(list).toHaveLength(2);
		list.forEach((x, i) => compare(x, inputs[i], built[i].controlNumbers, d));
	});
});
