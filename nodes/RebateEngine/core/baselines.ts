/** Prior-period figures for growth programs, one row per partner and prior period (optionally per program). */
import { RebateConfigError } from './errors';
import type { Baseline, Measure } from './types';
import { decimal, rejectUnknown, text, toRows } from './values';

const FIELDS = ['partner', 'period', 'program', 'amount', 'quantity', 'currency'] as const;

export function parseBaselines(value: unknown): Baseline[] {
	return toRows(value, 'Prior Period Figures', 'baselines').map((row, i) => {
		const where = `Prior period row ${i}`;
		rejectUnknown(row, FIELDS, where);
		const partner = text(row.partner, where, 'partner', true);
		const named = `${where} (partner "${partner}")`;
		const period = text(row.period, named, 'period', true);
		const program = text(row.program, named, 'program');
		const amount = decimal(row.amount, named, 'amount');
		const quantity = decimal(row.quantity, named, 'quantity');
		if (amount === undefined && quantity === undefined) {
			throw new RebateConfigError(`${named}: give "amount" or "quantity"`, 'A prior-period row states the partner\'s amount (or quantity) in that period.');
		}
		const currency = text(row.currency, named, 'currency')?.toUpperCase();
		return {
			partner,
			period,
			...(program ? { program } : {}),
			...(amount !== undefined ? { amount } : {}),
			...(quantity !== undefined ? { quantity } : {}),
			...(currency ? { currency } : {}),
		};
	});
}

/** The prior figure of a partner for a program: a row for that program first, else a row for all programs. */
export function baselineFor(
	baselines: Baseline[],
	query: { partner: string; program: string; period: string; measure: Measure; currency: string },
): { baseline: Baseline; value: string } | undefined {
	const fits = (b: Baseline) =>
		b.partner === query.partner &&
		b.period === query.period &&
		(query.measure === 'amount' ? b.amount !== undefined && (!b.currency || b.currency === query.currency) : b.quantity !== undefined);
	const baseline = baselines.find((b) => b.program === query.program && fits(b)) ?? baselines.find((b) => b.program === undefined && fits(b));
	if (!baseline) return undefined;
	return { baseline, value: (query.measure === 'amount' ? baseline.amount : baseline.quantity)! };
}
