/**
 * Exceptions, each self-contained: who (partner, program, period), which lines with their figures, what
 * happened in numbers, and what the approver can do. Ids are stable (see ids.ts) so a re-run or replay
 * produces the same id.
 */
import { addDecimals, subtractDecimals, type Decimal } from '../../common/canonical/decimal';
import { exceptionId } from './ids';
import { currencyDecimals, money } from './money';
import type { LineSummary, Program, RebateException, RebateLine, ReasonCode } from './types';

/** Money of a line written with its currency's minor units (as the source stated it when no currency). */
export const lineMoney = (line: RebateLine, value: Decimal) => (line.currency ? money(value, currencyDecimals(line.currency)) : value);

export function lineSummary(line: RebateLine, rebate?: Decimal): LineSummary {
	const m = (value: Decimal) => lineMoney(line, value);
	return {
		id: line.id,
		document: line.document,
		lineNumber: line.lineNumber,
		kind: line.kind,
		date: line.date,
		...(line.sku ? { sku: line.sku } : {}),
		...(line.category ? { category: line.category } : {}),
		...(line.currency ? { currency: line.currency } : {}),
		quantity: line.quantity,
		amount: m(line.amount),
		discountAmount: m(line.discountAmount),
		...(line.cost !== undefined ? { cost: m(line.cost) } : {}),
		...(rebate !== undefined ? { rebate } : {}),
	};
}

/** Line details kept per exception (ids of all lines are always listed). */
export const MAX_LINE_DETAILS = 100;

const sum = (values: Decimal[]) => (values.length === 0 ? '0' : addDecimals(...values));
const uniqueItems = (lines: RebateLine[]) => [...new Set(lines.map((l) => l.item))].sort((a, b) => a - b);

interface Base {
	reason: ReasonCode;
	partner: string;
	program: string;
	programName: string;
	period: string;
	currency?: string;
	accrualIds?: string[];
	lines: RebateLine[];
	/** Appended to the id key after the reason. */
	detail?: string;
	/** Line id in the id key (per-line exceptions). */
	lineKey?: string;
	/** Line details to show besides `lines` (e.g. the repeats of a duplicated line). */
	details?: RebateLine[];
	figures: Record<string, unknown>;
	message: string;
	action: string;
}

function exception(b: Base): RebateException {
	const key = [b.partner, b.program, b.period, ...(b.lineKey ? [b.lineKey] : []), b.reason, ...(b.detail ? [b.detail] : [])].join('|');
	return {
		id: exceptionId(key),
		reason: b.reason,
		partner: b.partner,
		program: b.program,
		programName: b.programName,
		period: b.period,
		...(b.currency ? { currency: b.currency } : {}),
		accrualIds: b.accrualIds ?? [],
		lines: b.lines.map((l) => l.id),
		lineDetails: (b.details ?? b.lines).slice(0, MAX_LINE_DETAILS).map((l) => lineSummary(l)),
		...((b.details ?? b.lines).length > MAX_LINE_DETAILS ? { lineDetailsOmitted: (b.details ?? b.lines).length - MAX_LINE_DETAILS } : {}),
		figures: b.figures,
		message: b.message,
		action: b.action,
		items: uniqueItems([...b.lines, ...(b.details ?? [])]),
	};
}

export function capExceeded(program: Program, partner: string, period: string, accrualId: string, lines: RebateLine[], calculated: Decimal, accrued: Decimal): RebateException {
	const excess = money(subtractDecimals(calculated, accrued), program.decimals);
	return exception({
		reason: 'CAP_EXCEEDED',
		partner,
		program: program.id,
		programName: program.name,
		period,
		currency: program.currency,
		accrualIds: [accrualId],
		lines,
		figures: { calculatedAmount: calculated, cap: money(program.cap!, program.decimals), accruedAmount: accrued, excess },
		message: `${partner} earned ${calculated} ${program.currency} from ${program.id} in ${period}, above the cap of ${accrued}; ${accrued} was accrued and the excess ${excess} was not.`,
		action: `Approve to keep the capped accrual of ${accrued}. To pay the excess of ${excess}, raise the program's cap and run the period again (the accrual keeps its id).`,
	});
}

export function certificationExpired(
	program: Program,
	partner: string,
	period: string,
	lines: RebateLine[],
	certification: { level: string; validFrom?: string; validTo?: string },
): RebateException {
	const amount = money(sum(lines.map((l) => l.amount)), program.decimals);
	const first = lines.map((l) => l.date).sort()[0];
	return exception({
		reason: 'CERTIFICATION_EXPIRED',
		partner,
		program: program.id,
		programName: program.name,
		period,
		currency: program.currency,
		lines,
		figures: {
			requiredLevels: program.certificationLevels,
			certification,
			excludedLines: lines.length,
			excludedAmount: amount,
			excludedQuantity: sum(lines.map((l) => l.quantity)),
			firstExcludedDate: first,
		},
		message: `${partner}'s ${certification.level} certification ended on ${certification.validTo}, but ${lines.length} line(s) for ${amount} ${program.currency} dated from ${first} fall under ${program.id} in ${period}; they were left out of the accrual.`,
		action: `If the certification was renewed in time, correct its validTo in Certifications and run the period again; otherwise deny and the lines stay out of the rebate.`,
	});
}

export function currencyMismatch(program: Program, partner: string, period: string, lines: RebateLine[], assumed?: string): RebateException {
	const byCurrency: Record<string, Decimal> = {};
	for (const line of lines) {
		const currency = line.currency ?? assumed ?? '?';
		byCurrency[currency] = addDecimals(byCurrency[currency] ?? '0', line.amount);
	}
	for (const currency of Object.keys(byCurrency)) byCurrency[currency] = money(byCurrency[currency], currencyDecimals(currency));
	const found = Object.keys(byCurrency).sort().join(', ');
	return exception({
		reason: 'CURRENCY_MISMATCH',
		partner,
		program: program.id,
		programName: program.name,
		period,
		currency: program.currency,
		lines,
		figures: { programCurrency: program.currency, lineCurrencies: byCurrency, excludedLines: lines.length },
		message: `${lines.length} line(s) of ${partner} in ${found} match ${program.id}, whose accruals are in ${program.currency}; they were left out (currencies are never mixed in one accrual).`,
		action: `Define a copy of the program in ${found} for these lines, or send the lines converted to ${program.currency}, and run the period again.`,
	});
}

export function missingBaseline(program: Program, partner: string, period: string, priorPeriod: string, lines: RebateLine[]): RebateException {
	const unit = program.measure === 'amount' ? `amount in ${program.currency}` : 'quantity';
	return exception({
		reason: 'MISSING_BASELINE',
		partner,
		program: program.id,
		programName: program.name,
		period,
		currency: program.currency,
		lines,
		figures: { priorPeriod, measure: program.measure, current: sum(lines.map((l) => (program.measure === 'amount' ? l.amount : l.quantity))) },
		message: `${program.id} is a growth program but there is no prior-period figure for ${partner} in ${priorPeriod}; nothing was accrued or claimed for ${period}.`,
		action: `Add a Prior Period Figures row { partner: "${partner}", period: "${priorPeriod}", ${program.measure}: <${unit}> } (0 if the partner had no sales) and run the period again.`,
	});
}

export function duplicateInInput(program: Program, partner: string, period: string, accrualId: string, first: RebateLine, repeats: RebateLine[]): RebateException {
	const occurrences = [first, ...repeats].map((l) => ({ item: l.item, date: l.date, quantity: l.quantity, amount: lineMoney(l, l.amount) }));
	return exception({
		reason: 'DUPLICATE_CLAIM',
		partner,
		program: program.id,
		programName: program.name,
		period,
		currency: program.currency,
		accrualIds: [accrualId],
		lines: [first],
		details: [first, ...repeats],
		lineKey: first.id,
		detail: 'input',
		figures: { source: 'input', occurrences: occurrences.length, inputItems: occurrences, countedItem: first.item, amount: lineMoney(first, first.amount), quantity: first.quantity },
		message: `Line ${first.id} appears ${occurrences.length} times in the input; it was counted once for ${program.id} in ${period} (item ${first.item}) and the repeat(s) were left out.`,
		action: `Approve if the repeat is a copy (nothing to do: the line is counted once). If it is a different sale, give it its own line number in the source and run the period again.`,
	});
}

export function duplicateAcrossRuns(
	program: Program,
	partner: string,
	period: string,
	accrual: { id: string; key: string },
	line: RebateLine,
	claimedBy: { accrualId: string; accrualKey: string; program: string; reason: 'same_program' | 'not_stackable' },
): RebateException {
	const why =
		claimedBy.reason === 'same_program'
			? `was already claimed for ${program.id} by accrual ${claimedBy.accrualId} (${claimedBy.accrualKey})`
			: `was already claimed by ${claimedBy.program} (accrual ${claimedBy.accrualId}, ${claimedBy.accrualKey}) and the two programs do not stack`;
	return exception({
		reason: 'DUPLICATE_CLAIM',
		partner,
		program: program.id,
		programName: program.name,
		period,
		currency: program.currency,
		accrualIds: [accrual.id],
		lines: [line],
		lineKey: line.id,
		detail: claimedBy.accrualId,
		figures: {
			source: 'claim_ledger',
			claimedBy: { accrualId: claimedBy.accrualId, accrualKey: claimedBy.accrualKey, program: claimedBy.program },
			conflict: claimedBy.reason,
			attempted: { accrualId: accrual.id, accrualKey: accrual.key },
			amount: lineMoney(line, line.amount),
			quantity: line.quantity,
		},
		message: `Line ${line.id} ${why}; it was left out of ${accrual.key}.`,
		action: `Deny if the line was rebated already (nothing to do). If the earlier accrual was wrong, release its claims (Rebate Engine → Release Claims, accrual ${claimedBy.accrualId}) and run both periods again.`,
	});
}

export interface LineProgramShare {
	program: Program;
	period: string;
	accrualId: string;
	share: Decimal;
}

function lineCheckBase(line: RebateLine, shares: LineProgramShare[]) {
	const decimals = shares[0].program.decimals;
	return {
		partner: line.partner,
		program: shares.map((s) => s.program.id).join('+'),
		programName: shares.map((s) => s.program.name).join(' + '),
		period: [...new Set(shares.map((s) => s.period))].join('+'),
		currency: shares[0].program.currency,
		accrualIds: shares.map((s) => s.accrualId),
		lines: [line],
		lineKey: line.id,
		rebates: shares.map((s) => ({ program: s.program.id, accrualId: s.accrualId, amount: money(s.share, decimals) })),
		decimals,
	};
}

export function stackingExceeded(
	line: RebateLine,
	shares: LineProgramShare[],
	figures: { gross: Decimal; rebate: Decimal; combined: Decimal; combinedPercent: Decimal; maxPercent: Decimal; limit: Decimal; excess: Decimal },
): RebateException {
	const { rebates, decimals, ...base } = lineCheckBase(line, shares);
	const m = (v: Decimal) => money(v, decimals);
	return exception({
		...base,
		reason: 'STACKING_EXCEEDED',
		figures: {
			grossAmount: m(figures.gross),
			discountAmount: m(line.discountAmount),
			rebates,
			totalRebate: m(figures.rebate),
			combined: m(figures.combined),
			combinedPercent: figures.combinedPercent,
			maxCombinedPercent: figures.maxPercent,
			limit: m(figures.limit),
			excess: m(figures.excess),
		},
		message: `Line ${line.id} of ${line.partner} carries discount ${m(line.discountAmount)} plus rebates ${m(figures.rebate)} = ${m(figures.combined)} (${figures.combinedPercent}% of ${m(figures.gross)} before discount), above the ${figures.maxPercent}% stacking limit by ${m(figures.excess)}.`,
		action: `Approve to pay the rebate as accrued, or deny and reduce the rebate on this line by ${m(figures.excess)} (the accrual is not reduced automatically).`,
	});
}

export function negativeMargin(line: RebateLine, shares: LineProgramShare[], figures: { rebate: Decimal; before: Decimal; after: Decimal }): RebateException {
	const { rebates, decimals, ...base } = lineCheckBase(line, shares);
	const m = (v: Decimal) => money(v, decimals);
	return exception({
		...base,
		reason: 'NEGATIVE_MARGIN',
		figures: { amount: m(line.amount), cost: m(line.cost!), marginBeforeRebate: m(figures.before), rebates, totalRebate: m(figures.rebate), marginAfterRebate: m(figures.after) },
		message: `Line ${line.id} of ${line.partner} sells for ${m(line.amount)} at a cost of ${m(line.cost!)}; after rebates of ${m(figures.rebate)} its margin is ${m(figures.after)}.`,
		action: `Check the line's cost and price. Approve to accrue the rebate anyway, or deny and take the line out of the rebate (the accrual is not changed automatically).`,
	});
}

export function invalidLine(item: number, message: string, hint: string, itemKey: string, partner?: string): RebateException {
	return {
		id: exceptionId(`${partner ?? ''}|||${itemKey}|INVALID_LINE`),
		reason: 'INVALID_LINE',
		partner: partner ?? '',
		program: '',
		programName: '',
		period: '',
		accrualIds: [],
		lines: [],
		lineDetails: [],
		figures: { item },
		message,
		action: hint,
		items: [item],
	};
}
