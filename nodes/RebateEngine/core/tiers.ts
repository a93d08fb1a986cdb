/**
 * Tier arithmetic, exact. A tier's `from` is INCLUSIVE: a measured value equal to a threshold reaches
 * that tier (9999.99 stays below a 10000 tier, 10000.00 and 10000.01 reach it).
 * - retroactive: the highest tier reached pays its rate (or per-unit amount) on the whole base;
 * - incremental: each band [from, next from) pays its own rate on the part of the base inside it.
 */
import { addDecimals, compareDecimals, multiplyDecimals, subtractDecimals, type Decimal } from '../../common/canonical/decimal';
import { percentOf } from './money';
import type { Band, Tier, TierReached } from './types';

/** The highest tier whose `from` ≤ measured (null when below the first). */
export function tierReached(tiers: Tier[], measured: Decimal): TierReached | null {
	let reached: TierReached | null = null;
	tiers.forEach((tier, index) => {
		if (compareDecimals(measured, tier.from) >= 0) reached = { index, ...tier };
	});
	return reached;
}

const pay = (tier: Tier, base: Decimal) => (tier.rate !== undefined ? percentOf(base, tier.rate) : multiplyDecimals(base, tier.perUnit!));

/** Rebate of a retroactive program: exact, never negative. */
export function retroactive(tiers: Tier[], measured: Decimal, base: Decimal): { tier: TierReached | null; exact: Decimal } {
	const tier = tierReached(tiers, measured);
	if (!tier || compareDecimals(base, '0') <= 0) return { tier, exact: '0' };
	return { tier, exact: pay(tier, base) };
}

/** Rebate of an incremental program (base = measured, in the measure's unit): the sum of its bands. */
export function incremental(tiers: Tier[], measured: Decimal): { tier: TierReached | null; bands: Band[]; exact: Decimal } {
	const bands: Band[] = [];
	let exact: Decimal = '0';
	tiers.forEach((tier, i) => {
		const to = tiers[i + 1]?.from;
		if (compareDecimals(measured, tier.from) <= 0) return;
		const top = to !== undefined && compareDecimals(measured, to) > 0 ? to : measured;
		const inBand = subtractDecimals(top, tier.from);
		const amount = pay(tier, inBand);
		exact = addDecimals(exact, amount);
		bands.push({ from: tier.from, ...(to !== undefined ? { to } : {}), base: inBand, ...(tier.rate !== undefined ? { rate: tier.rate } : { perUnit: tier.perUnit! }), amount });
	});
	return { tier: tierReached(tiers, measured), bands, exact };
}
