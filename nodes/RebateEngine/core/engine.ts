/**
 * A whole calculation: plan (pure) → claims (the ledger, when given) → accruals → checks. The result is
 * deterministic for the same input, programs and ledger state: same accruals, same exceptions, same ids.
 */
import { computeAccrual } from './accrue';
import { checkLine } from './checks';
import { claimKey, type ClaimConflict, type ClaimRequest } from './claims';
import {
	capExceeded,
	certificationExpired,
	currencyMismatch,
	duplicateAcrossRuns,
	duplicateInInput,
	lineSummary,
	missingBaseline,
	type LineProgramShare,
} from './exceptions';
import { planAccruals, type Group } from './plan';
import type { Accrual, RebateConfig, RebateException, RebateLine, RebateResult } from './types';

/** What the engine needs from a claim ledger (`ClaimLedger` implements it). */
export interface ClaimResolver {
	resolve(requests: ClaimRequest[], record: boolean): Promise<Map<string, ClaimConflict>>;
}

export interface CalculateOptions {
	/** The ledger; without one, cross-run duplicates are not checked. */
	claims?: ClaimResolver;
	/** Write claims (false = preview). */
	record?: boolean;
	/** Currency of lines that state none (absent: they fit any program). */
	assumedCurrency?: string;
	/** Add per-line detail with each line's share to accruals. */
	includeLineDetail?: boolean;
}

function claimRequests(groups: Group[]): ClaimRequest[] {
	return groups
		.filter((g) => g.lines.length > 0 && !g.missingPrior)
		.flatMap((g) => g.lines.map((line) => ({ line: line.id, program: g.program.id, accrualId: g.id, accrualKey: g.key, stackable: g.program.stackable })));
}

export async function calculateRebates(lines: RebateLine[], config: RebateConfig, options: CalculateOptions = {}): Promise<RebateResult> {
	const plan = planAccruals(lines, config, { assumedCurrency: options.assumedCurrency });
	const conflicts = options.claims ? await options.claims.resolve(claimRequests(plan.groups), options.record ?? true) : new Map<string, ClaimConflict>();
	const accruals: Accrual[] = [];
	const exceptions: RebateException[] = [];
	const sharesByLine = new Map<string, LineProgramShare[]>();
	const programOrder = new Map(config.programs.map((p, i) => [p.id, i]));

	const duplicateOf = new Map(plan.duplicates.map((d) => [d.first.id, d]));
	for (const group of plan.groups) {
		const { program, partner, period } = group;
		const groupExceptions: RebateException[] = [];
		for (const line of group.lines) {
			const duplicate = duplicateOf.get(line.id);
			if (!duplicate) continue;
			group.excluded.push(...duplicate.repeats.map((r) => ({ id: r.id, reason: 'duplicate_in_input' as const, detail: `item ${r.item} repeats item ${line.item}` })));
			groupExceptions.push(duplicateInInput(program, partner, period.key, group.id, line, duplicate.repeats));
		}
		if (group.currencyMismatch.length > 0) groupExceptions.push(currencyMismatch(program, partner, period.key, group.currencyMismatch, options.assumedCurrency));
		if (group.certificationExpired.length > 0) groupExceptions.push(certificationExpired(program, partner, period.key, group.certificationExpired, group.certification!));
		if (group.missingPrior) {
			exceptions.push(...groupExceptions, missingBaseline(program, partner, period.key, group.missingPrior, group.lines));
			continue;
		}
		const claimed: RebateLine[] = [];
		for (const line of group.lines) {
			const conflict = conflicts.get(claimKey(line.id, program.id));
			if (!conflict) {
				claimed.push(line);
				continue;
			}
			group.excluded.push({ id: line.id, reason: 'claimed_elsewhere', detail: `claimed by ${conflict.accrualKey} (${conflict.accrualId})` });
			groupExceptions.push(duplicateAcrossRuns(program, partner, period.key, group, line, conflict));
		}
		if (claimed.length > 0) {
			const calc = computeAccrual(program, claimed, group.prior);
			if (calc.explanation.capped) groupExceptions.push(capExceeded(program, partner, period.key, group.id, claimed, calc.explanation.calculatedAmount, calc.amount));
			for (const line of claimed) {
				sharesByLine.set(line.id, [...(sharesByLine.get(line.id) ?? []), { program, period: period.key, accrualId: group.id, share: calc.shares.get(line.id)! }]);
			}
			for (const e of groupExceptions) if (!e.accrualIds.includes(group.id)) e.accrualIds.push(group.id);
			accruals.push({
				id: group.id,
				key: group.key,
				partner,
				program: program.id,
				programName: program.name,
				period: period.key,
				periodStart: period.start,
				periodEnd: period.end,
				currency: program.currency,
				amount: calc.amount,
				explanation: calc.explanation,
				sourceLines: claimed.map((l) => l.id),
				lineCount: claimed.length,
				excludedLines: group.excluded,
				exceptionIds: [],
				...(options.includeLineDetail ? { lines: claimed.map((l) => lineSummary(l, calc.shares.get(l.id))) } : {}),
				items: [...new Set(claimed.map((l) => l.item))].sort((a, b) => a - b),
			});
		}
		exceptions.push(...groupExceptions);
	}

	const byProgramOrder = (a: LineProgramShare, b: LineProgramShare) => programOrder.get(a.program.id)! - programOrder.get(b.program.id)!;
	for (const line of plan.lines) exceptions.push(...checkLine(line, (sharesByLine.get(line.id) ?? []).sort(byProgramOrder)));

	const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
	const order = (program: string) => program.split('+').map((id) => String(programOrder.get(id) ?? 999).padStart(4, '0')).join('+');
	accruals.sort((a, b) => cmp(a.partner, b.partner) || cmp(order(a.program), order(b.program)) || cmp(a.periodStart, b.periodStart));
	exceptions.sort(
		(a, b) =>
			cmp(a.partner, b.partner) ||
			cmp(order(a.program), order(b.program)) ||
			cmp(a.period, b.period) ||
			cmp(a.reason, b.reason) ||
			cmp(a.lines[0] ?? '', b.lines[0] ?? ''),
	);
	const byAccrual = new Map(accruals.map((a) => [a.id, a]));
	for (const e of exceptions) for (const id of e.accrualIds) byAccrual.get(id)?.exceptionIds.push(e.id);
	return { accruals, exceptions };
}
