import { Readable } from 'node:stream';
import { createX12TokenizerStream, tokenizeX12Stream } from '../../../nodes/X12/core/stream';
import { X12Tokenizer, collectEvents, parseX12, type X12Event } from '../../../nodes/X12/core/tokenizer';
import { validateX12, validateX12Stream } from '../../../nodes/X12/core/validate';
import { corpusFiles, randomChunks, readCorpus, readEdge, seededRandom } from './helpers';

const EDGE = ['bom-crlf-indented.edi', 'ellipsis-terminator.edi', 'no-final-terminator.edi', 'two-interchanges.edi', 'isb-ise-ta1.edi'];
const inputs = [...corpusFiles().map((file) => ({ name: file, bytes: readCorpus(file) })), ...EDGE.map((file) => ({ name: file, bytes: readEdge(file) }))];

async function collect(source: AsyncIterable<X12Event>): Promise<X12Event[]> {
	const events: X12Event[] = [];
	for await (const event of source) events.push(event);
	return events;
}

describe('streaming tokenizer', () => {
	it.each(inputs.map((input) => [input.name, input.bytes] as const))('%s: same events for any chunking', async (_name, bytes) => {
		const expected = parseX12(bytes);
		expect(expected.interchanges.length).toBeGreaterThan(0);
		const random = seededRandom(bytes.length);
		for (const max of [1, 3, 7, 64, 4096]) {
			const events = await collect(tokenizeX12Stream(randomChunks(bytes, random, max)));
			expect(collectEvents(events)).toEqual(expected);
		}
	});

	it('handles splits inside "ISA" and inside the 3-byte terminator', async () => {
		const bytes = readEdge('ellipsis-terminator.edi');
		const expected = parseX12(bytes);
		const ellipsis = bytes.indexOf(Buffer.from('\u2026'));
		for (const cut of [1, 2, ellipsis + 1, ellipsis + 2, bytes.length - 1]) {
			const events = await collect(tokenizeX12Stream([bytes.subarray(0, cut), bytes.subarray(cut)]));
			expect(collectEvents(events)).toEqual(expected);
		}
	});

	it('gives the same result fed as strings one character at a time', () => {
		const text = readEdge('two-interchanges.edi').toString('utf8');
		const tokenizer = new X12Tokenizer();
		const events: X12Event[] = [];
		for (const char of text) events.push(...tokenizer.write(char));
		events.push(...tokenizer.end());
		expect(collectEvents(events)).toEqual(parseX12(text));
	});

	it('works as a node:stream Transform and validates a stream like a whole file', async () => {
		const bytes = readCorpus('invalid-837-pyx12-trailer-errors.txt');
		const transform = Readable.from(randomChunks(bytes, seededRandom(7), 50)).pipe(createX12TokenizerStream());
		const events = await collect(transform as AsyncIterable<X12Event>);
		expect(collectEvents(events)).toEqual(parseX12(bytes));
		const streamed = await validateX12Stream(Readable.from(randomChunks(bytes, seededRandom(9), 33)));
		expect(streamed).toEqual(validateX12(bytes));
		expect(streamed.valid).toBe(false);
	});

	it('stays linear when a long segment arrives one character at a time', () => {
		const tokenizer = new X12Tokenizer();
		tokenizer.write(readEdge('no-final-terminator.edi').toString('utf8').split('GS*')[0]);
		const started = Date.now();
		tokenizer.write('REF*ZZ*');
		for (let i = 0; i < 300000; i++) tokenizer.write('x');
		const events = tokenizer.write('~');
		expect(events).toEqual([{ kind: 'segment', interchange: 0, segmentIndex: 1, segment: { id: 'REF', elements: [[['ZZ']], [['x'.repeat(300000)]]] } }]);
		expect(Date.now() - started).toBeLessThan(1500);
	});

	it('keeps only the unfinished segment between chunks', () => {
		const tokenizer = new X12Tokenizer();
		const text = readEdge('no-final-terminator.edi').toString('utf8');
		const segment = 'REF*ZZ*' + 'x'.repeat(100) + '~\n';
		tokenizer.write(text.slice(0, text.indexOf('GS')));
		for (let i = 0; i < 2000; i++) tokenizer.write(segment);
		// The internal carry-over must not grow with the input.
		expect((tokenizer as unknown as { buffer: string }).buffer.length).toBeLessThan(segment.length);
	});
});
