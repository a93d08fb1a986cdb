import { parseConfig } from '../../nodes/RebateEngine/core/config';
import { calculateRebates } from '../../nodes/RebateEngine/core/engine';
import { linesOfItem } from '../../nodes/RebateEngine/core/lines';
import type { RebateLine } from '../../nodes/RebateEngine/core/types';
import { line, sha } from './helpers';

const config = (programs: object[], extra: object = {}) => parseConfig({ programs, period: 'quarter', ...extra });
const simple = (extra: object = {}) => ({ id: 'A', currency: 'USD', tiers: [{ from: '0', rate: '10' }], ...extra });

describe('calculation', () => {
	it('makes one accrual per partner, program and period, with stable ids and paired items', async () => {
		const lines = [
			line({ partner: 'P-1', date: '2025-01-10' }),
			line({ partner: 'P-1', date: '2025-04-10' }),
			line({ partner: 'P-2', date: '2025-01-11' }),
			line({ partner: 'P-1', date: '2025-02-10' }),
		].map((l, i) => ({ ...l, item: i }));
		const { accruals } = await calculateRebates(lines, config([simple()]));
		expect(accruals.map((a) => [a.key, a.id, a.amount, a.items])).toEqual([
			['P-1|A|2025-Q1', sha('acr', 'P-1|A|2025-Q1'), '20.00', [0, 3]],
			['P-1|A|2025-Q2', sha('acr', 'P-1|A|2025-Q2'), '10.00', [1]],
			['P-2|A|2025-Q1', sha('acr', 'P-2|A|2025-Q1'), '10.00', [2]],
		]);
		const again = await calculateRebates([...lines].reverse(), config([simple()]));
		expect(again.accruals.map((a) => a.id)).toEqual(accruals.map((a) => a.id));
	});

	it('uses a program\'s own period, and a fixed period for every program', async () => {
		const lines = [line({ date: '2025-01-10' }), line({ date: '2025-05-10' }), line({ date: '2025-08-01' })];
		const byProgram = await calculateRebates(lines, config([simple(), simple({ id: 'Y', period: 'year' })]));
		expect(byProgram.accruals.map((a) => a.key)).toEqual(['P-1|A|2025-Q1', 'P-1|A|2025-Q2', 'P-1|A|2025-Q3', 'P-1|Y|2025']);
		const fixed = await calculateRebates(lines, config([simple(), simple({ id: 'Y', period: 'year' })], { period: 'fixed', periodStart: '2025-01-01', periodEnd: '2025-06-30' }));
		expect(fixed.accruals.map((a) => [a.key, a.lineCount])).toEqual([
			['P-1|A|2025-01-01/2025-06-30', 2],
			['P-1|Y|2025-01-01/2025-06-30', 2],
		]);
	});

	it('raises CAP_EXCEEDED with the excess and accrues the capped amount', async () => {
		const { accruals, exceptions } = await calculateRebates([line({ amount: '1234.56' })], config([simple({ cap: '100' })]));
		expect(accruals[0]).toMatchObject({ amount: '100.00', explanation: { calculatedAmount: '123.46', capped: true, cap: '100.00' } });
		expect(exceptions).toHaveLength(1);
		expect(exceptions[0]).toMatchObject({
			id: sha('exc', 'P-1|A|2025-Q1|CAP_EXCEEDED'),
			reason: 'CAP_EXCEEDED',
			accrualIds: [accruals[0].id],
			figures: { calculatedAmount: '123.46', cap: '100.00', accruedAmount: '100.00', excess: '23.46' },
		});
		expect(accruals[0].exceptionIds).toEqual([exceptions[0].id]);
	});

	it('lists every line id of an exception but the figures of the first 100 only', async () => {
		const lines = Array.from({ length: 120 }, () => line({ amount: '100' }));
		const { exceptions } = await calculateRebates(lines, config([simple({ cap: '1' })]));
		expect([exceptions[0].lines.length, exceptions[0].lineDetails.length, exceptions[0].lineDetailsOmitted]).toEqual([120, 100, 20]);
	});

	it('keeps other currencies out of an accrual and says so (CURRENCY_MISMATCH)', async () => {
		const lines = [line({ amount: '100' }), line({ amount: '80', currency: 'EUR' }), line({ amount: '20', currency: 'EUR' })];
		const { accruals, exceptions } = await calculateRebates(lines, config([simple()]));
		expect([accruals[0].amount, accruals[0].lineCount, accruals[0].excludedLines.map((x) => x.reason)]).toEqual(['10.00', 1, ['currency_mismatch', 'currency_mismatch']]);
		expect(exceptions[0]).toMatchObject({ reason: 'CURRENCY_MISMATCH', lines: [lines[1].id, lines[2].id], figures: { lineCurrencies: { EUR: '100.00' }, programCurrency: 'USD' } });
	});

	it('gives a non-stackable program the line alone and lists it as excluded from the others', async () => {
		const lines = [line({ amount: '100' })];
		const { accruals } = await calculateRebates(lines, config([simple({ id: 'X', stackable: false }), simple({ id: 'Y' })]));
		expect(accruals.map((a) => [a.program, a.amount, a.lineCount])).toEqual([['X', '10.00', 1]]);
		const both = await calculateRebates(lines, config([simple({ id: 'Y' }), simple({ id: 'Z' })]));
		expect(both.accruals.map((a) => a.program)).toEqual(['Y', 'Z']);
	});

	it('flags a line repeated in the input once per program it earns from, and counts it once', async () => {
		const row = { partner: 'P-1', invoiceNumber: 'I-1', lineNumber: '1', sku: 'SKU', category: 'cat', date: '2025-02-10', quantity: '1', amount: '100', currency: 'USD' };
		const lines: RebateLine[] = [0, 1, 2].flatMap((i) => linesOfItem(row, i, 'UTC'));
		const { accruals, exceptions } = await calculateRebates(lines, config([simple({ id: 'Y' }), simple({ id: 'Z' })]));
		expect(accruals.map((a) => [a.program, a.amount, a.items, a.excludedLines.map((x) => x.reason)])).toEqual([
			['Y', '10.00', [0], ['duplicate_in_input', 'duplicate_in_input']],
			['Z', '10.00', [0], ['duplicate_in_input', 'duplicate_in_input']],
		]);
		expect(exceptions.map((e) => [e.reason, e.program, e.id, e.items, e.figures.occurrences])).toEqual([
			['DUPLICATE_CLAIM', 'Y', sha('exc', 'P-1|Y|2025-Q1|INV:I-1:1|DUPLICATE_CLAIM|input'), [0, 1, 2], 3],
			['DUPLICATE_CLAIM', 'Z', sha('exc', 'P-1|Z|2025-Q1|INV:I-1:1|DUPLICATE_CLAIM|input'), [0, 1, 2], 3],
		]);
	});

	describe('line checks', () => {
		// A per-unit rebate of 50.00 on one unit makes the rebate exact: combined = discount + 50.00, limit 20 % × 1000.00.
		const perUnit = simple({ tiers: [{ from: '0', perUnit: '50' }], maxCombinedPercent: '20' });
		it.each([
			['149.99', null],
			['150', null],
			['150.01', '0.01'],
		])('stacking: discount %s + rebate 50.00 on a 1000.00 line (limit 200.00) → excess %s', async (discount, excess) => {
			const amount = (1000 - Number(discount)).toFixed(2);
			const { exceptions } = await calculateRebates([line({ quantity: '1', amount, discountAmount: discount })], config([perUnit]));
			if (excess === null) return expect(exceptions).toEqual([]);
			expect(exceptions).toHaveLength(1);
			expect(exceptions[0]).toMatchObject({
				reason: 'STACKING_EXCEEDED',
				figures: { grossAmount: '1000.00', discountAmount: '150.01', totalRebate: '50.00', combined: '200.01', combinedPercent: '20.00', limit: '200.00', maxCombinedPercent: '20', excess },
			});
		});

		it('stacking: the strictest limit of the line\'s programs applies, over the sum of their rebates', async () => {
			const programs = [simple({ id: 'S1', tiers: [{ from: '0', rate: '4' }], maxCombinedPercent: '30' }), simple({ id: 'S2', tiers: [{ from: '0', rate: '4' }], maxCombinedPercent: '15' })];
			const { exceptions } = await calculateRebates([line({ amount: '900', discountAmount: '100' })], config(programs));
			// 100 + 36 + 36 = 172 > 15 % × 1000 = 150.
			expect(exceptions).toHaveLength(1);
			expect(exceptions[0]).toMatchObject({
				reason: 'STACKING_EXCEEDED',
				program: 'S1+S2',
				figures: { rebates: [{ program: 'S1', amount: '36.00' }, { program: 'S2', amount: '36.00' }], totalRebate: '72.00', combined: '172.00', combinedPercent: '17.20', maxCombinedPercent: '15', excess: '22.00' },
			});
		});

		it.each([
			['95', false],
			['95.01', true],
		])('margin: cost %s on a 100.00 line with a 5.00 rebate → NEGATIVE_MARGIN %s', async (cost, flagged) => {
			const { exceptions } = await calculateRebates([line({ amount: '100', cost })], config([simple({ tiers: [{ from: '0', rate: '5' }] })]));
			expect(exceptions.map((e) => e.reason)).toEqual(flagged ? ['NEGATIVE_MARGIN'] : []);
			if (flagged) expect(exceptions[0].figures).toMatchObject({ marginBeforeRebate: '4.99', totalRebate: '5.00', marginAfterRebate: '-0.01' });
		});

		it('does not check lines without a rebate, credit lines, or lines without a cost', async () => {
			const lines = [line({ amount: '100' }), line({ amount: '50', cost: '200', documentType: 'credit_memo' }), line({ amount: '50', cost: '500', sku: 'OTHER' })];
			const p = simple({ items: ['SKU'], maxCombinedPercent: '1' });
			const { exceptions } = await calculateRebates(lines, config([p]));
			// Base 100 − 50 = 50 → 5.00; line 0's share 10.00 is 10 % > 1 %: only stacking, it has no cost.
			expect(exceptions.map((e) => [e.reason, e.lines])).toEqual([['STACKING_EXCEEDED', [lines[0].id]]]);
		});
	});

	it('adds line detail with each line\'s share when asked', async () => {
		const { accruals } = await calculateRebates([line({ amount: '100' }), line({ amount: '50' })], config([simple()]), { includeLineDetail: true });
		expect(accruals[0].lines?.map((l) => [l.amount, l.rebate])).toEqual([
			['100.00', '10'],
			['50.00', '5'],
		]);
	});
});
