/**
 * One accrual: the rebate of one partner in one program and period from the lines it claimed.
 * Order of operations (each exact until the single rounding):
 * 1. measured = Σ amount or Σ quantity of the lines (credit memo lines are negative);
 * 2. growth programs: `increase` → measured = base = measured − prior (≤ 0: nothing);
 *    `threshold` → the program pays only when measured × 100 ≥ prior × (100 + minPercent);
 * 3. tiers (retroactive or incremental) give the exact rebate;
 * 4. rounded half-up to the currency's minor units, once;
 * 5. the cap applies to the rounded amount.
 * Each line's share is the accrued amount × the line's weight / the total weight (weights = line
 * amounts, or quantities for per-unit programs), to 6 decimals; used by the line checks.
 */
import { addDecimals, compareDecimals, divideDecimals, multiplyDecimals, subtractDecimals, toFixedDecimal, type Decimal } from '../../common/canonical/decimal';
import { money, SHARE_DECIMALS } from './money';
import { incremental, retroactive } from './tiers';
import type { Explanation, GrowthExplanation, Program, RebateLine, TierReached } from './types';

export interface Prior {
	period: string;
	value: Decimal;
}

export interface AccrualCalculation {
	amount: Decimal;
	explanation: Explanation;
	/** Line id → share of the accrued amount. */
	shares: Map<string, Decimal>;
}

const sum = (values: Decimal[]) => (values.length === 0 ? '0' : addDecimals(...values));
const isPositive = (value: Decimal) => compareDecimals(value, '0') > 0;

function describeTier(program: Program, tier: TierReached): string {
	const value = tier.rate !== undefined ? `${tier.rate}%` : `${money(tier.perUnit!, program.decimals)} ${program.currency} per unit`;
	return `tier ${tier.index + 1} (from ${tier.from}, ${value})`;
}

function growthOf(program: Program, measured: Decimal, prior: Prior): GrowthExplanation {
	const rule = program.growth!;
	const growth = subtractDecimals(measured, prior.value);
	const met =
		rule.mode === 'increase'
			? isPositive(growth)
			: compareDecimals(multiplyDecimals(measured, '100'), multiplyDecimals(prior.value, addDecimals('100', rule.minPercent!))) >= 0;
	return {
		mode: rule.mode,
		compareTo: rule.compareTo,
		priorPeriod: prior.period,
		prior: prior.value,
		current: measured,
		growth,
		...(isPositive(prior.value) ? { growthPercent: toFixedDecimal(divideDecimals(multiplyDecimals(growth, '100'), prior.value, 2, 'halfUp'), 2) } : {}),
		...(rule.minPercent !== undefined ? { minPercent: rule.minPercent } : {}),
		met,
	};
}

export function computeAccrual(program: Program, lines: RebateLine[], prior?: Prior): AccrualCalculation {
	const perUnit = program.tiers[0].perUnit !== undefined;
	const fmt = (value: Decimal, unit: 'amount' | 'quantity') => (unit === 'amount' ? money(value, program.decimals) : value);
	const weightOf = (line: RebateLine) => (perUnit ? line.quantity : line.amount);
	const measuredTotal = sum(lines.map((line) => (program.measure === 'amount' ? line.amount : line.quantity)));
	const baseUnit: 'amount' | 'quantity' = perUnit ? 'quantity' : 'amount';
	let base = sum(lines.map(weightOf));
	let measured = measuredTotal;
	const parts: string[] = [];

	let growth: GrowthExplanation | undefined;
	if (program.growth && prior) {
		growth = growthOf(program, measuredTotal, prior);
		const unit = program.measure;
		if (program.growth.mode === 'increase') {
			measured = base = isPositive(growth.growth) ? growth.growth : '0';
			parts.push(`growth over ${prior.period}: ${fmt(measuredTotal, unit)} − ${fmt(prior.value, unit)} = ${fmt(growth.growth, unit)}`);
		} else {
			parts.push(
				`growth over ${prior.period}: ${growth.growthPercent !== undefined ? `${growth.growthPercent}%` : `${fmt(growth.growth, unit)} from 0`} ` +
					`(${fmt(measuredTotal, unit)} vs ${fmt(prior.value, unit)}), threshold ${growth.minPercent}% ${growth.met ? 'met' : 'not met'}`,
			);
		}
	}

	let exact: Decimal = '0';
	let tier: TierReached | null = null;
	let bands: Explanation['bands'];
	if (!growth || growth.met) {
		if (program.method === 'retroactive') {
			({ tier, exact } = retroactive(program.tiers, measured, base));
			const value = tier ? (tier.rate !== undefined ? `${tier.rate}% × ${fmt(base, baseUnit)}` : `${fmt(base, baseUnit)} × ${money(tier.perUnit!, program.decimals)}`) : '';
			parts.push(tier ? `${fmt(measured, program.measure)} reached ${describeTier(program, tier)}: ${value} = ${money(exact, program.decimals)}` : `${fmt(measured, program.measure)} reached no tier (first from ${program.tiers[0].from})`);
		} else {
			const result = incremental(program.tiers, measured);
			({ tier, exact, bands } = result);
			const terms = result.bands.map((b) => (b.rate !== undefined ? `${b.rate}% × ${fmt(b.base, baseUnit)}` : `${fmt(b.base, baseUnit)} × ${money(b.perUnit!, program.decimals)}`));
			parts.push(terms.length ? `${fmt(measured, program.measure)} in bands: ${terms.join(' + ')} = ${money(exact, program.decimals)}` : `${fmt(measured, program.measure)} reached no band (first from ${program.tiers[0].from})`);
		}
	} else if (program.growth?.mode === 'increase') {
		parts.push('no growth, no rebate');
	}

	const calculatedAmount = money(exact, program.decimals);
	const capped = program.cap !== undefined && compareDecimals(calculatedAmount, program.cap) > 0;
	const amount = capped ? money(program.cap!, program.decimals) : calculatedAmount;
	if (capped) parts.push(`capped at ${amount} (excess ${money(subtractDecimals(calculatedAmount, amount), program.decimals)})`);

	const weight = sum(lines.map(weightOf));
	const shares = new Map<string, Decimal>();
	for (const line of lines) {
		shares.set(line.id, isPositive(weight) && isPositive(amount) ? divideDecimals(multiplyDecimals(amount, weightOf(line)), weight, SHARE_DECIMALS, 'halfUp') : '0');
	}

	const rate = tier && program.method === 'retroactive' ? tier.rate : undefined;
	const unitRate = tier && program.method === 'retroactive' ? tier.perUnit : undefined;
	const explanation: Explanation = {
		rule: `${program.method} tiers by ${program.measure}${program.growth ? `, growth ${program.growth.mode} against ${program.growth.compareTo}` : ''}`,
		measure: program.measure,
		method: program.method,
		measured: fmt(measured, program.measure),
		base: fmt(base, baseUnit),
		tier,
		...(rate !== undefined ? { rate } : {}),
		...(unitRate !== undefined ? { perUnit: unitRate } : {}),
		...(bands ? { bands: bands.map((b) => ({ ...b, base: fmt(b.base, baseUnit), amount: money(b.amount, program.decimals) })) } : {}),
		...(growth ? { growth: { ...growth, prior: fmt(growth.prior, program.measure), current: fmt(growth.current, program.measure), growth: fmt(growth.growth, program.measure) } } : {}),
		exactAmount: exact,
		calculatedAmount,
		...(program.cap !== undefined ? { cap: money(program.cap, program.decimals) } : {}),
		capped,
		text: `${program.name}: ${parts.join('; ')}. Accrued ${amount} ${program.currency}.`,
	};
	return { amount, explanation, shares };
}
