import { binaryItem, corpus, corrupt, PARTNER, run, x12Context } from './helpers';
import { parseX12, validateX12 } from '../../../nodes/X12/core';

const BASIC = corpus('850-4010VICS-nodex12-basic.edi');
const MIXED = corpus('mixed-810-850-staedi-two-groups.edi');

const toCanonical = (text: string, options = {}) =>
	x12Context({ parameters: { operation: 'toCanonical', binaryPropertyName: 'data', options }, items: [binaryItem(text)] });

describe('X12 EDI: To Canonical / From Canonical', () => {
	it('reads an 850 as a PurchaseOrder (or a SalesOrder) with the envelope under x12', async () => {
		const [[po], rejected] = await run(toCanonical(BASIC));
		const [[so]] = await run(toCanonical(BASIC, { asSalesOrder: true }));

		expect(rejected).toEqual([]);
		expect(po.json).toMatchObject({
			type: 'PurchaseOrder',
			x12: { transactionSet: '850', controlNumber: '000000010', interchangeControlNumber: '000003438', groupControlNumber: '1421' },
		});
		expect(po.json.lines).toHaveLength(6);
		expect(JSON.stringify(po.json)).toContain('08292233294');
		expect(so.json.type).toBe('SalesOrder');
	});

	it('maps the good sets of a file and rejects the broken one', async () => {
		const bad = corrupt(MIXED, 'SE*', 'SE*9');
		const [records, rejected] = await run(toCanonical(bad));
		const [all] = await run(toCanonical(MIXED));

		expect(rejected).toHaveLength(1);
		expect(rejected[0].json).toMatchObject({ rejected: true, transactionSet: '810' });
		expect(records.length).toBeLessThan(all.length);
		expect(records.every((r) => (r.json.x12 as { controlNumber: string }).controlNumber !== '000000001' || r.json.type !== 'Invoice')).toBe(true);
	});

	it('sends sets without a canonical mapping to Rejected with the reason', async () => {
		const [records, rejected] = await run(toCanonical(corpus('997-5010-staedi-rejected.edi')));

		expect(records).toEqual([]);
		expect(rejected.length).toBeGreaterThan(0);
		expect(rejected[0].json.reason).toMatch(/has no canonical mapping/);
	});

	it('writes a PurchaseOrder back as a valid 850 that reads as the same order', async () => {
		const [[po]] = await run(toCanonical(BASIC));
		const record = { ...po.json };
		delete record.x12;
		const ctx = x12Context({
			parameters: { operation: 'fromCanonical', recordsField: '', options: {}, controlNumbers: { numbers: { interchange: 5, group: 5, set: 5 } } },
			items: [{ json: record }],
			credentials: { x12TradingPartner: PARTNER },
		});

		const [[out]] = await run(ctx);

		const edi = out.json.edi as string;
		expect(validateX12(edi).valid).toBe(true);
		expect(out.json).toMatchObject({ transactionSets: ['850'], type: 'PurchaseOrder' });
		expect(parseX12(edi).interchanges[0].segments.filter((s) => s.id === 'PO1')).toHaveLength(6);
		const [[again]] = await run(toCanonical(edi));
		expect(again.json.lines).toEqual(po.json.lines);
	});

	it('refuses an input item that is not a canonical record', async () => {
		const ctx = x12Context({
			parameters: { operation: 'fromCanonical', recordsField: 'levels', options: {} },
			items: [{ json: { levels: 'none' } }],
			credentials: { x12TradingPartner: PARTNER },
		});

		await expect(run(ctx)).rejects.toThrow(/Field "levels" does not hold a canonical record/);
	});
});
