import { parseX12 } from '../../../nodes/X12/core/tokenizer';
import { validateX12 } from '../../../nodes/X12/core/validate';
import { corpusFiles, readCorpus, seededRandom } from './helpers';

const ALPHABET = 'ISAGESTIEA*~>:^|\r\n 0123456789ABCZ\u2026\uFEFF\u0015';

function mutate(bytes: Buffer, random: () => number): Buffer {
	const out = Buffer.from(bytes);
	const edits = 1 + Math.floor(random() * 8);
	let result = out;
	for (let i = 0; i < edits; i++) {
		const at = Math.floor(random() * result.length);
		const kind = random();
		if (kind < 0.4) result[at] = Math.floor(random() * 256);
		else if (kind < 0.7) result = Buffer.concat([result.subarray(0, at), result.subarray(Math.min(result.length, at + 1 + Math.floor(random() * 40)))]);
		else result = Buffer.concat([result.subarray(0, at), Buffer.from(ALPHABET[Math.floor(random() * ALPHABET.length)]), result.subarray(at)]);
	}
	return result;
}

function randomText(random: () => number, length: number): string {
	let text = random() < 0.5 ? 'ISA' : '';
	while (text.length < length) text += ALPHABET[Math.floor(random() * ALPHABET.length)];
	return text;
}

describe('fuzz', () => {
	it('never throws on mutated corpus files and random text', () => {
		const random = seededRandom(20261123);
		const seeds = corpusFiles().map(readCorpus);
		let runs = 0;
		const started = Date.now();
		for (let i = 0; i < 1500; i++) {
			const input = i % 3 === 0 ? randomText(random, Math.floor(random() * 400)) : mutate(seeds[i % seeds.length], random);
			const result = validateX12(input);
			expect(typeof result.valid).toBe('boolean');
			expect(result.interchanges).toBe(parseX12(input).interchanges.length);
			runs++;
		}
		expect(runs).toBe(1500);
		expect(Date.now() - started).toBeLessThan(5000);
	});

	it('stays linear in input size', () => {
		const unit = readCorpus('850-4010VICS-nodex12-basic.edi').toString('utf8');
		const time = (copies: number) => {
			const text = unit.repeat(copies);
			const started = process.hrtime.bigint();
			const result = validateX12(text);
			expect(result.interchanges).toBe(copies);
			return Number(process.hrtime.bigint() - started);
		};
		time(50);
		const small = Math.min(time(200), time(200));
		const large = Math.min(time(1600), time(1600));
		// 8x the input: allow generous noise but catch quadratic behaviour (which would be ~64x).
		expect(large / small).toBeLessThan(24);
	});

	it('survives pathological inputs quickly', () => {
		const started = Date.now();
		for (const input of ['', 'ISA', 'ISA*', '\uFEFF', '~'.repeat(100000), 'ISA*'.repeat(20000), `ISA${'*'.repeat(100000)}`, 'x'.repeat(200000)]) {
			expect(() => validateX12(input)).not.toThrow();
		}
		expect(Date.now() - started).toBeLessThan(3000);
	});
});
