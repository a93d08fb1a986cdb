import type { Decimal } from '../../common/canonical/decimal';
import type { Condition, Expr } from './formula/ast';

export const UNITS = ['%', 'currency', 'days', 'hours', 'count', 'ratio'] as const;
export type KpiUnit = (typeof UNITS)[number];

export type Direction = 'up' | 'down';
export type Status = 'green' | 'amber' | 'red' | 'n/a';

/** A KPI as configured, validated and compiled. Thresholds are in the KPI's unit. */
export interface Kpi {
	id: string;
	name: string;
	domain: string;
	description?: string;
	formula: string;
	unit: KpiUnit;
	/** ISO 4217 code shown with currency values. */
	currency?: string;
	target: Decimal;
	direction: Direction;
	/** Worse than this is amber (default: the target). */
	amber: Decimal;
	/** Worse than this is red (none: never red). */
	red?: Decimal;
	/** Grouping fields; undefined: the node's Group By. */
	groupBy?: string[];
	/** Fields added to the grouping (e.g. service_line on top of partner). */
	splitBy: string[];
	decimals: number;
	/** Only rows matching this condition count for the KPI. */
	filter?: string;
	// compiled
	expr: Expr;
	filterCondition?: Condition;
	metrics: string[];
}

/** One KPI value for one group and period. `value` is rounded to the KPI's decimals; `exact` is not. */
export interface KpiValue {
	value?: Decimal;
	exact?: Decimal;
	/** Why there is no value (division by zero, no data, ...). */
	reason?: string;
	status: Status;
}

/** A group's field values, in the KPI's grouping order. */
export type GroupValues = Array<[field: string, value: string]>;
