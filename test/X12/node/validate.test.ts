import { binaryItem, corpus, corrupt, run, useFileStore, x12Context } from './helpers';
import { validateX12 } from '../../../nodes/X12/core';

const BASIC = corpus('850-4010VICS-nodex12-basic.edi');

describe('X12 EDI: Validate', () => {
	const store = useFileStore();

	it('outputs the public validation result per input item and passes the file through', async () => {
		const bad = corrupt(BASIC, 'SE*33*', 'SE*30*');
		const ctx = x12Context({ parameters: { operation: 'validate', binaryPropertyName: 'data', options: {} }, items: [binaryItem(BASIC), binaryItem(bad)] });

		const [out] = await run(ctx);

		expect(out).toHaveLength(2);
		expect(out[0].json).toEqual(validateX12(BASIC));
		expect(out[0].json).toMatchObject({ valid: true, interchanges: 1, groups: 1, transactionSets: { '850': 1 } });
		expect(out[1].json).toMatchObject({ valid: false, diagnostics: [expect.objectContaining({ code: 'SE_COUNT', severity: 'error' })] });
		expect(out.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(out[1].binary?.data.data).toBe(Buffer.from(bad).toString('base64'));
	});

	it('reports control numbers received before once they are recorded in the state store', async () => {
		const parameters = (record: boolean) => ({ operation: 'validate', binaryPropertyName: 'data', options: { recordReceived: record } });
		const credentials = { interopStateStore: store() };

		const [[first]] = await run(x12Context({ parameters: parameters(false), items: [binaryItem(BASIC)], credentials }));
		const [[recorded]] = await run(x12Context({ parameters: parameters(true), items: [binaryItem(BASIC)], credentials }));
		const [[again]] = await run(x12Context({ parameters: parameters(false), items: [binaryItem(BASIC, { stored: true })], credentials }));
		const [[otherSender]] = await run(
			x12Context({ parameters: parameters(false), items: [binaryItem(BASIC.replace(/\*12\*4405197800 {5}\*/, '*12*4405197801     *').replace('GS*PO*4405197800*', 'GS*PO*4405197801*'))], credentials }),
		);

		expect(first.json.valid).toBe(true);
		expect(recorded.json.valid).toBe(true);
		expect(again.json.valid).toBe(false);
		expect((again.json.diagnostics as Array<{ code: string }>).map((d) => d.code).sort()).toEqual(['SEEN_GS06', 'SEEN_ISA13']);
		expect(otherSender.json.valid).toBe(true);
	});

	it('checks no history without a state store credential', async () => {
		const ctx = x12Context({ parameters: { operation: 'validate', inputMode: 'text', text: BASIC, options: { recordReceived: true } } });

		const [[result]] = await run(ctx);

		expect(result.json.valid).toBe(true);
	});
});
