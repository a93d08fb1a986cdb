import { corpus, corrupt, binaryItem, run, x12Context } from './helpers';
import { parseX12 } from '../../../nodes/X12/core';

const BASIC = corpus('850-4010VICS-nodex12-basic.edi');
const MIXED = corpus('mixed-810-850-staedi-two-groups.edi');

describe('X12 EDI: Parse', () => {
	it('outputs one item per transaction set with envelope metadata and segments', async () => {
		const ctx = x12Context({ parameters: { operation: 'parse', inputMode: 'binary', binaryPropertyName: 'data', options: {} }, items: [binaryItem(BASIC)] });

		const [sets, rejected] = await run(ctx);

		expect(rejected).toEqual([]);
		expect(sets).toHaveLength(1);
		const [set] = sets;
		expect(set.pairedItem).toEqual({ item: 0 });
		expect(set.json).toMatchObject({
			transactionSet: '850',
			controlNumber: '000000010',
			interchange: { controlNumber: '000003438', senderQualifier: '12', sender: '4405197800', receiver: '999999999', delimiters: { element: '*', segment: '~', component: '>' } },
			group: { functionalId: 'PO', controlNumber: '1421', sender: '4405197800', receiver: '999999999', version: '004010VICS' },
			segmentCount: 33,
		});
		const segments = set.json.segments as Array<{ id: string; elements: unknown[] }>;
		expect(segments).toHaveLength(33);
		expect(segments[0]).toEqual({ id: 'ST', elements: ['850', '000000010'] });
		expect(segments.filter((s) => s.id === 'PO1')).toHaveLength(6);
		expect(segments.at(-1)).toEqual({ id: 'SE', elements: ['33', '000000010'] });
		expect(set.json.raw).toBeUndefined();
	});

	it('keeps the raw segment text on request, byte for byte as in the file', async () => {
		const ctx = x12Context({ parameters: { operation: 'parse', inputMode: 'text', text: BASIC, options: { includeRaw: true } } });

		const [[set]] = await run(ctx);

		const start = BASIC.indexOf('ST*850');
		const end = BASIC.indexOf('GE*1');
		expect(set.json.raw).toBe(BASIC.slice(start, end));
	});

	it('reads a stored binary as a stream and gives the same sets as the in-memory path', async () => {
		const stored = x12Context({ parameters: { operation: 'parse', binaryPropertyName: 'data', options: {} }, items: [binaryItem(MIXED, { stored: true })] });
		const memory = x12Context({ parameters: { operation: 'parse', binaryPropertyName: 'data', options: {} }, items: [binaryItem(MIXED)] });

		const [fromStream] = await run(stored);
		const [fromMemory] = await run(memory);

		expect(stored.streams.opened).toBe(1);
		expect(fromStream.map((i) => i.json)).toEqual(fromMemory.map((i) => i.json));
		const expected = parseX12(MIXED).interchanges.flatMap((ic) => ic.segments.filter((s) => s.id === 'ST').map((s) => s.elements[0][0][0]));
		expect(fromStream.map((i) => i.json.transactionSet)).toEqual(expected);
		expect(new Set(expected).size).toBeGreaterThan(1);
	});

	it('outputs the good sets and sends the bad one, with its raw text and the file, to Rejected', async () => {
		// Break the SE01 count of the 810 only; the other sets stay good.
		const bad = corrupt(MIXED, 'SE*', 'SE*9');
		const total = parseX12(bad).interchanges.flatMap((ic) => ic.segments.filter((s) => s.id === 'ST')).length;
		const ctx = x12Context({ parameters: { operation: 'parse', binaryPropertyName: 'data', options: {} }, items: [binaryItem(bad)] });

		const [sets, rejected] = await run(ctx);

		expect(rejected).toHaveLength(1);
		expect(sets).toHaveLength(total - 1);
		const [reject] = rejected;
		expect(reject.pairedItem).toEqual({ item: 0 });
		expect(reject.json).toMatchObject({ rejected: true, transactionSet: '810' });
		expect(reject.json.reason).toMatch(/SE01/);
		expect((reject.json.diagnostics as Array<{ code: string }>).map((d) => d.code)).toContain('SE_COUNT');
		expect(reject.json.raw).toMatch(/^ST\*810\*000000001~\s*BIG\*/);
		expect(reject.binary?.data.data).toBe(Buffer.from(bad).toString('base64'));
		expect(sets.every((s) => s.json.transactionSet !== '810' || s.json.controlNumber !== '000000001')).toBe(true);
	});

	it('rejects input that is not X12 as one item with the diagnostics and the file', async () => {
		const ctx = x12Context({ parameters: { operation: 'parse', binaryPropertyName: 'data', options: {} }, items: [binaryItem('hello, not an interchange')] });

		const [sets, rejected] = await run(ctx);

		expect(sets).toEqual([]);
		expect(rejected).toHaveLength(1);
		expect((rejected[0].json.diagnostics as Array<{ code: string }>).map((d) => d.code)).toContain('NO_ISA');
		expect(rejected[0].binary?.data).toBeDefined();
	});

	it('reports a missing binary property per item (continueOnFail gives an error item)', async () => {
		const ctx = x12Context({
			parameters: { operation: 'parse', binaryPropertyName: 'data', options: {} },
			items: [binaryItem(BASIC), { json: {} }],
			continueOnFail: true,
		});

		const [sets, rejected] = await run(ctx);

		expect(rejected).toEqual([]);
		expect(sets).toHaveLength(2);
		expect(sets[0].json.transactionSet).toBe('850');
		expect(sets[1]).toMatchObject({ pairedItem: { item: 1 }, json: { error: expect.stringMatching(/no binary property/) } });
	});
});
