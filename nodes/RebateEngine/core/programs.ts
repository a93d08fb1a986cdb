/**
 * Program definitions → validated `Program`s. Accepts program objects (with a `tiers` array) and table
 * rows (one row per tier, see `programRows.ts`), mixed. Every error names the program and the field.
 */
import { compareDecimals } from '../../common/canonical/decimal';
import { RebateConfigError } from './errors';
import { currencyDecimals } from './money';
import { groupProgramRows } from './programRows';
import type { GrowthRule, Program, Tier } from './types';
import { bool, choice, decimal, isBlank, isObject, isoDate, list, rejectUnknown, text, toRows, type Raw } from './values';

export const PROGRAM_FIELDS = [
	'id',
	'name',
	'currency',
	'decimals',
	'period',
	'measure',
	'method',
	'tiers',
	'growth',
	'partners',
	'items',
	'categories',
	'validFrom',
	'validTo',
	'cap',
	'certification',
	'stackable',
	'maxCombinedPercent',
] as const;

const TIER_FIELDS = ['from', 'rate', 'perUnit'] as const;
const GROWTH_FIELDS = ['mode', 'compareTo', 'minPercent'] as const;
// A program id is part of accrual keys joined with "|".
const ID = /^[^|\s][^|]*$/;

function tierOf(raw: unknown, where: string): Tier {
	if (!isObject(raw)) throw new RebateConfigError(`${where} is not an object`, 'Write a tier as { "from": "10000", "rate": "2" }.');
	rejectUnknown(raw, TIER_FIELDS, where);
	const from = decimal(raw.from, where, 'from', { min: '0' });
	if (from === undefined) throw new RebateConfigError(`${where}: "from" is required`, 'Give each tier its lower bound ("from", inclusive); the first tier usually starts at 0.');
	const rate = decimal(raw.rate, where, 'rate', { min: '0', max: '100' });
	const perUnit = decimal(raw.perUnit, where, 'perUnit', { min: '0' });
	if ((rate === undefined) === (perUnit === undefined)) {
		throw new RebateConfigError(`${where}: give either "rate" (percent) or "perUnit" (amount per unit)`, 'A tier pays a percentage of the amount or a fixed amount per unit, not both.');
	}
	return rate !== undefined ? { from, rate } : { from, perUnit };
}

function growthOf(raw: unknown, where: string): GrowthRule | undefined {
	if (isBlank(raw)) return undefined;
	if (!isObject(raw)) throw new RebateConfigError(`${where}: "growth" must be an object`, 'Write growth as { "mode": "increase", "compareTo": "samePeriodLastYear" }.');
	rejectUnknown(raw, GROWTH_FIELDS, `${where} growth`);
	const mode = choice(raw.mode, where, 'growth.mode', ['increase', 'threshold'] as const);
	if (!mode) throw new RebateConfigError(`${where}: "growth.mode" is required`, 'Use "increase" (rebate on the growth) or "threshold" (rebate on the whole base once growth reaches minPercent).');
	const compareTo = choice(raw.compareTo, where, 'growth.compareTo', ['samePeriodLastYear', 'previousPeriod'] as const, 'samePeriodLastYear');
	const minPercent = decimal(raw.minPercent, where, 'growth.minPercent', { min: '-100' });
	if (mode === 'threshold' && minPercent === undefined) {
		throw new RebateConfigError(`${where}: "growth.minPercent" is required for mode "threshold"`, 'Give the growth in percent that qualifies, e.g. "10".');
	}
	if (mode === 'increase' && minPercent !== undefined) {
		throw new RebateConfigError(`${where}: "growth.minPercent" only applies to mode "threshold"`, 'Remove minPercent, or use mode "threshold".');
	}
	return { mode, compareTo, ...(minPercent !== undefined ? { minPercent } : {}) };
}

function checkTiers(tiers: Tier[], program: Pick<Program, 'measure' | 'method' | 'growth'>, where: string): void {
	if (tiers.length === 0) throw new RebateConfigError(`${where}: "tiers" is empty`, 'Give at least one tier, e.g. [{ "from": "0", "rate": "2" }].');
	const perUnit = tiers[0].perUnit !== undefined;
	tiers.forEach((tier, i) => {
		if ((tier.perUnit !== undefined) !== perUnit) {
			throw new RebateConfigError(`${where}: tiers[${i}] mixes "rate" and "perUnit" with tiers[0]`, 'All tiers of a program pay the same way: all "rate" or all "perUnit".');
		}
		if (i > 0 && compareDecimals(tier.from, tiers[i - 1].from) <= 0) {
			throw new RebateConfigError(`${where}: tiers[${i}].from (${tier.from}) is not above tiers[${i - 1}].from (${tiers[i - 1].from})`, 'List tiers in ascending order of "from", each bound once.');
		}
	});
	// Bands and growth increases are in the measure's unit, so the value must be in that unit too.
	const native = program.method === 'incremental' || program.growth?.mode === 'increase';
	if (native && perUnit !== (program.measure === 'quantity')) {
		const context = program.method === 'incremental' ? 'Incremental tiers' : 'Tiers of a growth "increase" program';
		throw new RebateConfigError(
			`${where}: ${context} measured in ${program.measure} need "${program.measure === 'quantity' ? 'perUnit' : 'rate'}" tiers`,
			program.measure === 'quantity' ? 'Pay a fixed amount per unit ("perUnit"), or measure in amount.' : 'Pay a percentage ("rate"), or measure in quantity.',
		);
	}
}

/** One program object → `Program`. `index` names the entry when it has no id. */
export function validateProgram(raw: Raw, index: number): Program {
	const id = text(raw.id, `Program at index ${index}`, 'id', true);
	if (!ID.test(id)) throw new RebateConfigError(`Program at index ${index}: id "${id}" must not contain "|" or start with a space`, 'Use ids like VOL-2025 or GROWTH_Q.');
	const where = `Program "${id}"`;
	rejectUnknown(raw, PROGRAM_FIELDS, where);
	const currency = text(raw.currency, where, 'currency', true).toUpperCase();
	if (!/^[A-Z]{3}$/.test(currency)) throw new RebateConfigError(`${where}: "currency" ${JSON.stringify(raw.currency)} is not an ISO 4217 code`, 'Use a three-letter code such as USD or EUR.');
	const decimalsGiven = decimal(raw.decimals, where, 'decimals', { min: '0', max: '6' });
	if (decimalsGiven !== undefined && decimalsGiven.includes('.')) throw new RebateConfigError(`${where}: "decimals" must be a whole number`, 'Use 0 to 6.');
	const measure = choice(raw.measure, where, 'measure', ['amount', 'quantity'] as const, 'amount');
	const method = choice(raw.method, where, 'method', ['retroactive', 'incremental'] as const, 'retroactive');
	const growth = growthOf(raw.growth, where);
	if (!Array.isArray(raw.tiers)) throw new RebateConfigError(`${where}: "tiers" must be an array`, 'Give tiers as [{ "from": "0", "rate": "2" }, ...].');
	const tiers = raw.tiers.map((tier, i) => tierOf(tier, `${where} tiers[${i}]`));
	checkTiers(tiers, { measure, method, growth }, where);
	const validFrom = isoDate(raw.validFrom, where, 'validFrom');
	const validTo = isoDate(raw.validTo, where, 'validTo');
	if (validFrom && validTo && validFrom > validTo) throw new RebateConfigError(`${where}: validFrom ${validFrom} is after validTo ${validTo}`, 'Swap or correct the dates.');
	const cap = decimal(raw.cap, where, 'cap', { min: '0' });
	const maxCombinedPercent = decimal(raw.maxCombinedPercent, where, 'maxCombinedPercent', { min: '0', max: '100' });
	const period = choice(raw.period, where, 'period', ['month', 'quarter', 'year'] as const);
	return {
		id,
		name: text(raw.name, where, 'name') ?? id,
		currency,
		decimals: decimalsGiven !== undefined ? Number(decimalsGiven) : currencyDecimals(currency),
		...(period ? { period } : {}),
		measure,
		method,
		tiers,
		...(growth ? { growth } : {}),
		partners: list(raw.partners, where, 'partners'),
		items: list(raw.items, where, 'items'),
		categories: list(raw.categories, where, 'categories'),
		...(validFrom ? { validFrom } : {}),
		...(validTo ? { validTo } : {}),
		...(cap !== undefined ? { cap } : {}),
		certificationLevels: list(raw.certification, where, 'certification'),
		stackable: bool(raw.stackable, where, 'stackable', true),
		...(maxCombinedPercent !== undefined ? { maxCombinedPercent } : {}),
	};
}

/**
 * Programs from the node parameter or an expression: JSON text, an array, one object or
 * `{ "programs": [...] }`; program objects and tier rows may be mixed. The order is the priority
 * used by the stacking rule.
 */
export function parsePrograms(value: unknown): Program[] {
	const rows = toRows(value, 'Programs', 'programs');
	const programs: Program[] = [];
	const seen = new Set<string>();
	for (const entry of groupProgramRows(rows.map((row, i) => ({ row, index: i })))) {
		const program = validateProgram(entry.row, entry.index);
		if (seen.has(program.id)) {
			throw new RebateConfigError(`Program "${program.id}" is defined twice`, 'Give every program its own id (table rows of one program share the id and only differ in their tier).');
		}
		seen.add(program.id);
		programs.push(program);
	}
	if (programs.length === 0) throw new RebateConfigError('No programs are defined', 'Set Programs to an array of programs (see docs/nodes/rebate-engine.md).');
	return programs;
}


