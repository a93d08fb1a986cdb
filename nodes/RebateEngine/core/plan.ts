/**
 * Step 1 of a calculation (pure): de-duplicate lines by id, give each line its programs and periods,
 * and group them into accruals (partner | program | period). Growth programs get their prior figure
 * here; a group without one is marked, so nothing is claimed for it.
 */
import type { Prior } from './accrue';
import { baselineFor } from './baselines';
import { admit, selectStackable } from './eligibility';
import { accrualId, accrualKey } from './ids';
import { periodOf, priorPeriod } from './periods';
import type { Certification, ExcludedLine, Period, Program, RebateConfig, RebateLine } from './types';

export interface Group {
	key: string;
	id: string;
	partner: string;
	program: Program;
	period: Period;
	/** Lines the accrual would claim, in input order. */
	lines: RebateLine[];
	excluded: ExcludedLine[];
	certificationExpired: RebateLine[];
	certification?: Certification;
	currencyMismatch: RebateLine[];
	prior?: Prior;
	/** Set when a growth program has no prior figure: the prior period's key. */
	missingPrior?: string;
}

export interface Duplicate {
	first: RebateLine;
	repeats: RebateLine[];
}

export interface Plan {
	groups: Group[];
	duplicates: Duplicate[];
	/** Unique lines in input order. */
	lines: RebateLine[];
}

export interface PlanOptions {
	/** Currency of lines that state none; absent: such lines fit any program's currency. */
	assumedCurrency?: string;
}

export function planAccruals(input: RebateLine[], config: RebateConfig, options: PlanOptions = {}): Plan {
	const unique = new Map<string, RebateLine>();
	const repeats = new Map<string, RebateLine[]>();
	for (const line of input) {
		if (!unique.has(line.id)) unique.set(line.id, line);
		else repeats.set(line.id, [...(repeats.get(line.id) ?? []), line]);
	}
	const groups = new Map<string, Group>();
	const groupOf = (line: RebateLine, program: Program, period: Period): Group => {
		const key = accrualKey(line.partner, program.id, period.key);
		let group = groups.get(key);
		if (!group) {
			group = { key, id: accrualId(key), partner: line.partner, program, period, lines: [], excluded: [], certificationExpired: [], currencyMismatch: [] };
			groups.set(key, group);
		}
		return group;
	};

	for (const line of unique.values()) {
		const admitted: Program[] = [];
		const periods = new Map<string, Period>();
		for (const program of config.programs) {
			const period = periodOf(line.date, config.period, program.period);
			if (!period) continue;
			const admission = admit(line, program, config.certifications, options.assumedCurrency);
			if (admission.status === 'outside') continue;
			if (admission.status === 'admitted') {
				admitted.push(program);
				periods.set(program.id, period);
				continue;
			}
			const group = groupOf(line, program, period);
			if (admission.status === 'currency_mismatch') {
				group.currencyMismatch.push(line);
				group.excluded.push({ id: line.id, reason: 'currency_mismatch', detail: `line in ${admission.currency}, program in ${program.currency}` });
			} else {
				group.certificationExpired.push(line);
				group.certification ??= admission.certification;
				group.excluded.push({ id: line.id, reason: 'certification_expired', detail: `${admission.certification.level} certification ended ${admission.certification.validTo}` });
			}
		}
		const { chosen, passedOver } = selectStackable(admitted);
		for (const program of chosen) groupOf(line, program, periods.get(program.id)!).lines.push(line);
		for (const { program, because } of passedOver) {
			groupOf(line, program, periods.get(program.id)!).excluded.push({
				id: line.id,
				reason: 'not_stackable',
				detail: `earns from ${because.id}; ${program.stackable ? because.id : program.id} does not stack`,
			});
		}
	}

	for (const group of groups.values()) {
		const growth = group.program.growth;
		if (!growth || group.lines.length === 0) continue;
		const prior = priorPeriod(group.period, growth.compareTo, config.period.kind === 'fixed');
		const found = baselineFor(config.baselines, { partner: group.partner, program: group.program.id, period: prior.key, measure: group.program.measure, currency: group.program.currency });
		if (found) group.prior = { period: prior.key, value: found.value };
		else group.missingPrior = prior.key;
	}

	return {
		groups: [...groups.values()],
		duplicates: [...repeats].map(([id, list]) => ({ first: unique.get(id)!, repeats: list })),
		lines: [...unique.values()],
	};
}
