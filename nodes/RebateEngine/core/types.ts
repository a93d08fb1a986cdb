/**
 * The Rebate Engine's data model. Programs, certifications and prior-period figures are data
 * (JSON or table rows, validated by `programs.ts` and friends); lines come from canonical Invoice /
 * CreditMemo records or flat line rows (`lines.ts`). Money and quantities are decimal strings.
 */
import type { Decimal } from '../../common/canonical/decimal';

export type PeriodKind = 'month' | 'quarter' | 'year';
/** What tier thresholds are measured in. */
export type Measure = 'amount' | 'quantity';
/** retroactive: the reached tier's value applies to the whole base; incremental: each band at its own value. */
export type TierMethod = 'retroactive' | 'incremental';
/** increase: the base is the growth over the prior period; threshold: tiers apply to the whole base once growth ≥ minPercent. */
export type GrowthMode = 'increase' | 'threshold';
export type GrowthCompareTo = 'samePeriodLastYear' | 'previousPeriod';

export interface Tier {
	/** Inclusive lower bound of the tier, in the program's measure. */
	from: Decimal;
	/** Percent of the amount base (e.g. "2.5" = 2.5 %). */
	rate?: Decimal;
	/** Currency amount per unit of the quantity base. */
	perUnit?: Decimal;
}

export interface GrowthRule {
	mode: GrowthMode;
	compareTo: GrowthCompareTo;
	/** For `threshold`: growth in percent that must be reached (inclusive). */
	minPercent?: Decimal;
}

export interface Program {
	id: string;
	name: string;
	/** Every accrual of the program is in this currency; lines in another currency are not mixed in. */
	currency: string;
	/** Minor-unit decimals of the currency (from ISO 4217 unless given). */
	decimals: number;
	/** Overrides the node's period, unless the node uses a fixed period. */
	period?: PeriodKind;
	measure: Measure;
	method: TierMethod;
	/** Sorted by `from`, strictly ascending. */
	tiers: Tier[];
	growth?: GrowthRule;
	/** Empty = all. */
	partners: string[];
	items: string[];
	categories: string[];
	/** Inclusive ISO dates limiting which line dates are eligible. */
	validFrom?: string;
	validTo?: string;
	/** Most a partner may earn from the program in one period (program currency). */
	cap?: Decimal;
	/** Certification levels that qualify a partner (any of them), checked on each line's date. Empty = none needed. */
	certificationLevels: string[];
	/** Whether a line may also earn from other programs. */
	stackable: boolean;
	/** Most discount + rebates a line may carry, in percent of its value before discount. */
	maxCombinedPercent?: Decimal;
}

export interface Certification {
	partner: string;
	level: string;
	/** Inclusive ISO dates; absent = open-ended. */
	validFrom?: string;
	validTo?: string;
}

/** A prior-period figure for growth programs. */
export interface Baseline {
	partner: string;
	/** The PRIOR period's key, e.g. "2024-Q1". */
	period: string;
	/** Only for this program; absent = every growth program of the matching measure. */
	program?: string;
	amount?: Decimal;
	quantity?: Decimal;
	currency?: string;
}

export type DocumentKind = 'invoice' | 'credit_memo';

/** One sales line, normalised. Credit memo lines carry negative quantity and amount. */
export interface RebateLine {
	/** Stable id: `INV:<document>:<line>` / `CM:<document>:<line>`, or the row's own `lineId`. */
	id: string;
	/** Index of the input item it came from (for pairedItem). */
	item: number;
	kind: DocumentKind;
	partner: string;
	document: string;
	lineNumber: string;
	sku?: string;
	category?: string;
	/** Calendar date of the line in the configured time zone. */
	date: string;
	currency?: string;
	quantity: Decimal;
	/** Net amount (after discount). */
	amount: Decimal;
	/** Extended cost of the line, when known. */
	cost?: Decimal;
	discountAmount: Decimal;
}

export interface PeriodRule {
	kind: PeriodKind | 'fixed';
	/** For `fixed`: inclusive ISO dates. */
	start?: string;
	end?: string;
	/** IANA zone in which date-times become calendar dates (default UTC). */
	timeZone: string;
}

export interface Period {
	key: string;
	start: string;
	end: string;
}

export interface RebateConfig {
	programs: Program[];
	certifications: Certification[];
	baselines: Baseline[];
	period: PeriodRule;
}

export type ReasonCode =
	| 'DUPLICATE_CLAIM'
	| 'STACKING_EXCEEDED'
	| 'CERTIFICATION_EXPIRED'
	| 'CAP_EXCEEDED'
	| 'NEGATIVE_MARGIN'
	| 'CURRENCY_MISMATCH'
	| 'MISSING_BASELINE'
	| 'INVALID_LINE';

/** A line of an accrual or an exception, with the figures a reviewer needs. */
export interface LineSummary {
	id: string;
	document: string;
	lineNumber: string;
	kind: DocumentKind;
	date: string;
	sku?: string;
	category?: string;
	currency?: string;
	quantity: Decimal;
	amount: Decimal;
	discountAmount: Decimal;
	cost?: Decimal;
	/** This line's share of the accrual (allocation, 6 decimals). */
	rebate?: Decimal;
}

export interface TierReached {
	index: number;
	from: Decimal;
	rate?: Decimal;
	perUnit?: Decimal;
}

export interface Band {
	from: Decimal;
	/** Exclusive upper bound; absent for the last band. */
	to?: Decimal;
	/** Part of the base inside the band. */
	base: Decimal;
	rate?: Decimal;
	perUnit?: Decimal;
	amount: Decimal;
}

export interface GrowthExplanation {
	mode: GrowthMode;
	compareTo: GrowthCompareTo;
	priorPeriod: string;
	prior: Decimal;
	current: Decimal;
	growth: Decimal;
	/** (current − prior) / prior × 100, 2 decimals; absent when prior is 0. */
	growthPercent?: Decimal;
	minPercent?: Decimal;
	met: boolean;
}

export interface ExcludedLine {
	id: string;
	reason: 'duplicate_in_input' | 'claimed_elsewhere' | 'certification_expired' | 'currency_mismatch' | 'not_stackable';
	detail: string;
}

export interface Explanation {
	rule: string;
	measure: Measure;
	method: TierMethod;
	/** The value compared with tier thresholds (growth for `increase`). */
	measured: Decimal;
	/** What the rates apply to: amount (currency) or quantity (units). */
	base: Decimal;
	tier: TierReached | null;
	rate?: Decimal;
	perUnit?: Decimal;
	bands?: Band[];
	growth?: GrowthExplanation;
	/** Exact rebate before rounding. */
	exactAmount: Decimal;
	/** Rounded half-up to the currency's minor units, before the cap. */
	calculatedAmount: Decimal;
	cap?: Decimal;
	capped: boolean;
	text: string;
}

export interface Accrual {
	id: string;
	key: string;
	partner: string;
	program: string;
	programName: string;
	period: string;
	periodStart: string;
	periodEnd: string;
	currency: string;
	/** Accrued amount, after cap, with the currency's minor units. */
	amount: Decimal;
	explanation: Explanation;
	sourceLines: string[];
	lineCount: number;
	excludedLines: ExcludedLine[];
	exceptionIds: string[];
	/** Per-line detail with each line's share (only when asked for). */
	lines?: LineSummary[];
	/** Input item indices (pairedItem). */
	items: number[];
}

export interface RebateException {
	id: string;
	reason: ReasonCode;
	partner: string;
	/** Program id; line checks spanning programs join them with "+". */
	program: string;
	programName: string;
	period: string;
	currency?: string;
	accrualIds: string[];
	lines: string[];
	/** Figures of the first 100 lines. */
	lineDetails: LineSummary[];
	/** How many lines have no entry in lineDetails. */
	lineDetailsOmitted?: number;
	figures: Record<string, unknown>;
	message: string;
	action: string;
	items: number[];
}

export interface RebateResult {
	accruals: Accrual[];
	exceptions: RebateException[];
}
