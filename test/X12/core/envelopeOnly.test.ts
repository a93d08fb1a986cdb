import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { EnvelopeValidator, X12Tokenizer, decodeX12, tokenizeX12Batches, type X12Event } from '../../../nodes/X12/core';

const DIRS = [join(__dirname, '..', '..', 'fixtures', 'x12', 'corpus'), join(__dirname, '..', '..', 'fixtures', 'x12', 'edge')];
const FILES = DIRS.flatMap((dir) => readdirSync(dir).filter((f) => !f.endsWith('.md') && !f.endsWith('.json')).map((f) => join(dir, f)));

function events(text: string, bodyElements: boolean): X12Event[] {
	const out: X12Event[] = [];
	const tokenizer = new X12Tokenizer((event) => out.push(event), { bodyElements });
	tokenizer.write(text);
	tokenizer.end();
	return out;
}

function report(text: string, bodyElements: boolean) {
	const validator = new EnvelopeValidator();
	for (const event of events(text, bodyElements)) validator.onEvent(event);
	return validator.finish();
}

describe('tokenizing without body elements (what envelope validation uses)', () => {
	it('keeps ids and envelope elements and drops only body elements', () => {
		const text = 'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261123*1200*U*00401*000000001*0*P*>~GS*PO*S*R*20261123*1200*1*X*004010~ST*850*0001~BEG*00*SA*PO1~SE*3*0001~GE*1*1~IEA*1*000000001~';
		const lean = events(text, false).filter((e) => e.kind === 'segment');
		const full = events(text, true).filter((e) => e.kind === 'segment');
		expect(lean.map((e) => e.segment.id)).toEqual(full.map((e) => e.segment.id));
		const beg = lean.find((e) => e.segment.id === 'BEG');
		expect(beg?.segment.elements).toEqual([]);
		const st = lean.find((e) => e.segment.id === 'ST');
		expect(st?.segment.elements).toEqual([[['850']], [['0001']]]);
	});

	it.each(FILES.map((file) => [file.slice(file.lastIndexOf('/') + 1), file]))('gives the same envelope report for %s', (_name, file) => {
		const text = decodeX12(readFileSync(file));
		expect(report(text, false)).toEqual(report(text, true));
	});

	it('streams every element in small batches, whatever the read size', async () => {
		const text = readFileSync(join(DIRS[0], FILES.map((f) => f.slice(f.lastIndexOf('/') + 1)).find((f) => f.startsWith('850'))!), 'utf8');
		const big = text.repeat(400);
		const batches: number[] = [];
		let elements = 0;
		for await (const batch of tokenizeX12Batches([Buffer.from(big)])) {
			batches.push(batch.length);
			for (const event of batch) if (event.kind === 'segment') elements += event.segment.elements.length;
		}
		expect(batches.length).toBeGreaterThan(1);
		const whole = events(big, true).reduce((n, e) => n + (e.kind === 'segment' ? e.segment.elements.length : 0), 0);
		expect(elements).toBe(whole);
	});
});
