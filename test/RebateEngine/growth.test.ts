import { parseConfig } from '../../nodes/RebateEngine/core/config';
import { calculateRebates } from '../../nodes/RebateEngine/core/engine';
import { line } from './helpers';

const growthProgram = (growth: object, extra: object = {}) => ({ id: 'G', currency: 'USD', tiers: [{ from: '0', rate: '5' }], growth, ...extra });
const run = async (programs: object[], baselines: object[], lines = [line({ amount: '11000' })]) =>
	await calculateRebates(lines, parseConfig({ programs, baselines, period: 'quarter' }));

describe('growth programs', () => {
	it('increase: the base is the growth over the same quarter last year', async () => {
		const { accruals } = await run([growthProgram({ mode: 'increase' })], [{ partner: 'P-1', period: '2024-Q1', amount: '10000' }]);
		expect(accruals[0].amount).toBe('50.00'); // 5 % × (11000 − 10000)
		expect(accruals[0].explanation.growth).toEqual({
			mode: 'increase',
			compareTo: 'samePeriodLastYear',
			priorPeriod: '2024-Q1',
			prior: '10000.00',
			current: '11000.00',
			growth: '1000.00',
			growthPercent: '10.00',
			met: true,
		});
	});

	it('increase: no growth, or a decline, pays nothing', async () => {
		const flat = await run([growthProgram({ mode: 'increase' })], [{ partner: 'P-1', period: '2024-Q1', amount: '11000' }]);
		expect([flat.accruals[0].amount, flat.accruals[0].explanation.growth?.met]).toEqual(['0.00', false]);
	});

	it('increase by quantity with per-unit tiers, against the previous period', async () => {
		const p = { id: 'GQ', currency: 'USD', measure: 'quantity', tiers: [{ from: '0', perUnit: '2' }], growth: { mode: 'increase', compareTo: 'previousPeriod' } };
		const { accruals } = await run([p], [{ partner: 'P-1', period: '2024-Q4', quantity: '30' }], [line({ quantity: '45', amount: '4500' })]);
		expect([accruals[0].amount, accruals[0].explanation.growth?.priorPeriod, accruals[0].explanation.base]).toEqual(['30.00', '2024-Q4', '15']);
	});

	it.each([
		['10999.99', false, '0.00'],
		['11000', true, '550.00'],
		['11000.01', true, '550.00'],
	])('threshold 10 %% over 10000: current %s → met %s, pays %s on the whole base', async (amount, met, paid) => {
		const { accruals } = await run([growthProgram({ mode: 'threshold', minPercent: '10' })], [{ partner: 'P-1', period: '2024-Q1', amount: '10000' }], [line({ amount })]);
		expect([accruals[0].explanation.growth?.met, accruals[0].amount]).toEqual([met, paid]);
	});

	it('threshold with a prior of 0: any sales qualify (current × 100 ≥ 0), growth percent undefined', async () => {
		const { accruals } = await run([growthProgram({ mode: 'threshold', minPercent: '10' })], [{ partner: 'P-1', period: '2024-Q1', amount: '0' }]);
		expect(accruals[0].amount).toBe('550.00');
		expect(accruals[0].explanation.growth?.growthPercent).toBeUndefined();
	});

	it('a program-specific prior row wins over a general one; another currency does not fit', async () => {
		const baselines = [
			{ partner: 'P-1', period: '2024-Q1', amount: '1000' },
			{ partner: 'P-1', period: '2024-Q1', amount: '10500', program: 'G' },
		];
		expect((await run([growthProgram({ mode: 'increase' })], baselines)).accruals[0].amount).toBe('25.00');
		const eur = await run([growthProgram({ mode: 'increase' })], [{ partner: 'P-1', period: '2024-Q1', amount: '1000', currency: 'EUR' }]);
		expect(eur.exceptions.map((e) => e.reason)).toEqual(['MISSING_BASELINE']);
	});

	it('without a prior figure: MISSING_BASELINE naming the row to add, no accrual', async () => {
		const { accruals, exceptions } = await run([growthProgram({ mode: 'increase' })], []);
		expect(accruals).toEqual([]);
		expect(exceptions).toHaveLength(1);
		expect(exceptions[0]).toMatchObject({ reason: 'MISSING_BASELINE', partner: 'P-1', program: 'G', period: '2025-Q1', figures: { priorPeriod: '2024-Q1', current: '11000' } });
		expect(exceptions[0].action).toContain('{ partner: "P-1", period: "2024-Q1", amount: <amount in USD> }');
	});
});
