import { corpus, PARTNER, run, useFileStore, x12Context } from './helpers';
import { elementValue, parseX12, validateX12 } from '../../../nodes/X12/core';
import { toTree } from '../../../nodes/X12/core/tree';

const BASIC = corpus('850-4010VICS-nodex12-basic.edi');

const body = () => {
	const segments = parseX12(BASIC).interchanges[0].segments;
	return segments.slice(segments.findIndex((s) => s.id === 'ST'), segments.findIndex((s) => s.id === 'SE') + 1);
};

describe('X12 EDI: Generate', () => {
	const store = useFileStore();

	it('envelopes Parse output for the trading partner, keeping every body segment', async () => {
		const parsed = await run(
			x12Context({ parameters: { operation: 'parse', inputMode: 'text', text: BASIC, options: {} } }),
		);
		const ctx = x12Context({
			parameters: { operation: 'generate', source: 'segments', segmentsField: 'segments', transactionSet: '', options: {}, controlNumbers: { numbers: { interchange: 900, group: 20, set: 5 } } },
			items: parsed[0],
			credentials: { x12TradingPartner: PARTNER },
		});

		const [[out]] = await run(ctx);

		const text = out.json.edi as string;
		expect(validateX12(text).valid).toBe(true);
		const segments = parseX12(text).interchanges[0].segments;
		const [isa, gs, st] = segments;
		expect([elementValue(isa, 6).trim(), elementValue(isa, 8).trim(), elementValue(isa, 13)]).toEqual(['OURCOMPANY', '4405197800', '000000900']);
		expect([elementValue(gs, 1), elementValue(gs, 6), elementValue(gs, 8)]).toEqual(['PO', '20', '004010']);
		expect([elementValue(st, 1), elementValue(st, 2)]).toEqual(['850', '0005']);
		const original = body().slice(1, -1);
		expect(segments.slice(3, 3 + original.length)).toEqual(original);
		expect(out.json).toMatchObject({ transactionSets: ['850'], controlNumbers: { interchange: '000000900', groups: [20], sets: [[5]] } });
		expect(out.binary?.data.fileName).toBe('850-000000900.edi');
		expect(Buffer.from(out.binary?.data.data ?? '', 'base64').toString('utf8')).toBe(text);
	});

	it('re-envelopes an X12 tree and takes control numbers from the state store counters', async () => {
		const tree = toTree(parseX12(BASIC).interchanges[0]);
		const parameters = { operation: 'generate', source: 'tree', treeField: 'tree', options: {} };
		const credentials = { x12TradingPartner: PARTNER, interopStateStore: store() };

		const [[first]] = await run(x12Context({ parameters, items: [{ json: { tree: tree as never } }], credentials }));
		const [[second]] = await run(x12Context({ parameters, items: [{ json: { tree: tree as never } }], credentials }));

		expect(validateX12(first.json.edi as string).valid).toBe(true);
		expect([first.json.controlNumbers, second.json.controlNumbers]).toEqual([
			{ interchange: '000000001', groups: [1], sets: [[1]] },
			{ interchange: '000000002', groups: [2], sets: [[2]] },
		]);
		const segments = parseX12(first.json.edi as string).interchanges[0].segments;
		expect(segments.filter((s) => s.id === 'PO1')).toHaveLength(6);
	});

	it('reports unusable input per item with its index', async () => {
		const ctx = x12Context({
			parameters: { operation: 'generate', source: 'segments', segmentsField: 'segments', transactionSet: '850', options: {} },
			items: [{ json: { segments: [{ id: 'BEG', elements: ['00', 'SA', 'PO-1', '', '20240101'] }] } }, { json: { segments: 'nope' } }],
			credentials: { x12TradingPartner: PARTNER },
			continueOnFail: true,
		});

		const [out] = await run(ctx);

		expect(validateX12(out[0].json.edi as string).valid).toBe(true);
		expect(out[1]).toMatchObject({ pairedItem: { item: 1 }, json: { error: 'Field "segments" must be a list of segments' } });
	});

	it('refuses envelope segments inside a body instead of writing a broken interchange', async () => {
		const ctx = x12Context({
			parameters: { operation: 'generate', source: 'segments', segmentsField: 'segments', transactionSet: '850', options: {} },
			items: [{ json: { segments: [{ id: 'GS', elements: ['PO'] }] } }],
			credentials: { x12TradingPartner: PARTNER },
		});

		await expect(run(ctx)).rejects.toThrow(/must not contain GS/);
	});
});
