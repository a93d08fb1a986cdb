import { computeAccrual } from '../../nodes/RebateEngine/core/accrue';
import { incremental, retroactive, tierReached } from '../../nodes/RebateEngine/core/tiers';
import { line, program } from './helpers';

const amountTiers = [
	{ from: '0', rate: '1' },
	{ from: '10000', rate: '2' },
	{ from: '25000', rate: '3' },
];

describe('tier thresholds are inclusive', () => {
	it.each([
		['9999.99', 0, '99.9999'],
		['10000', 1, '200'],
		['10000.01', 1, '200.0002'],
		['24999.99', 1, '499.9998'],
		['25000', 2, '750'],
		['25000.01', 2, '750.0003'],
	])('retroactive: %s reaches tier %i and pays %s on the whole base', (measured, index, exact) => {
		const result = retroactive(amountTiers, measured, measured);
		expect(result.tier?.index).toBe(index);
		expect(result.exact).toBe(exact);
	});

	it.each([
		['9999.99', 0, '99.9999'],
		['10000', 1, '100'],
		['10000.01', 1, '100.0002'],
		['25000', 2, '400'],
		['25000.01', 2, '400.0003'],
	])('incremental: %s reaches tier %i and pays %s band by band', (measured, index, exact) => {
		const result = incremental(amountTiers, measured);
		expect(result.tier?.index).toBe(index);
		expect(result.exact).toBe(exact);
	});

	it('pays nothing below the first tier and nothing on a negative base', () => {
		const tiers = [{ from: '5000', rate: '2' }];
		expect(retroactive(tiers, '4999.99', '4999.99')).toEqual({ tier: null, exact: '0' });
		expect(retroactive(tiers, '5000', '5000').exact).toBe('100');
		expect(incremental(tiers, '4999.99')).toEqual({ tier: null, bands: [], exact: '0' });
		expect(incremental(tiers, '5000.01').exact).toBe('0.0002');
		expect(retroactive([{ from: '0', rate: '2' }], '-10', '-10').exact).toBe('0');
		expect(tierReached([{ from: '0', rate: '1' }], '-0.01')).toBeNull();
	});

	it('lists the incremental bands with their part of the base', () => {
		const result = incremental(
			[
				{ from: '0', perUnit: '0.5' },
				{ from: '100', perUnit: '1' },
				{ from: '250', perUnit: '1.5' },
			],
			'260',
		);
		expect(result.bands).toEqual([
			{ from: '0', to: '100', base: '100', perUnit: '0.5', amount: '50' },
			{ from: '100', to: '250', base: '150', perUnit: '1', amount: '150' },
			{ from: '250', base: '10', perUnit: '1.5', amount: '15' },
		]);
		expect(result.exact).toBe('215');
	});
});

describe('accrual by tier kind', () => {
	it('volume (quantity) tiers with a rate: the tier is reached by units, the rate applies to the amount', () => {
		const p = program({ measure: 'quantity', tiers: [{ from: '0', rate: '1' }, { from: '100', rate: '3' }] });
		const below = computeAccrual(p, [line({ quantity: '99', amount: '9900' })]);
		const at = computeAccrual(p, [line({ quantity: '100', amount: '10000' })]);
		expect([below.amount, below.explanation.measured, below.explanation.base]).toEqual(['99.00', '99', '9900.00']);
		expect([at.amount, at.explanation.tier?.index]).toEqual(['300.00', 1]);
	});

	it('amount tiers paying per unit: the tier is reached by amount, the per-unit value × all units', () => {
		const p = program({ tiers: [{ from: '0', perUnit: '0.10' }, { from: '1000', perUnit: '0.25' }] });
		const calc = computeAccrual(p, [line({ quantity: '40', amount: '1000' })]);
		expect([calc.amount, calc.explanation.perUnit, calc.explanation.base]).toEqual(['10.00', '0.25', '40']);
	});

	it('explains the rule, tier, base, rate and amount in words', () => {
		const calc = computeAccrual(program({ name: 'Volume', tiers: amountTiers }), [line({ amount: '12000' })]);
		expect(calc.explanation.rule).toBe('retroactive tiers by amount');
		expect(calc.explanation.text).toBe('Volume: 12000.00 reached tier 2 (from 10000, 2%): 2% × 12000.00 = 240.00. Accrued 240.00 USD.');
	});

	it('credit memo lines reduce the base and can drop the tier', () => {
		const p = program({ tiers: amountTiers });
		const calc = computeAccrual(p, [line({ amount: '10000' }), line({ amount: '0.01', documentType: 'credit_memo' })]);
		expect([calc.explanation.base, calc.explanation.tier?.index, calc.amount]).toEqual(['9999.99', 0, '100.00']);
	});
});
