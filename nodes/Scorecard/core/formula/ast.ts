import type { Decimal } from '../../../common/canonical/decimal';

/** Positions are 1-based character columns in the formula text; `end` is exclusive. */
export interface Span {
	pos: number;
	end: number;
}

export type AggregateName = 'sum' | 'avg' | 'min' | 'max' | 'count' | 'countIf' | 'sumIf' | 'avgIf' | 'countDistinct';

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

export type Literal = { kind: 'number'; value: Decimal } | { kind: 'text'; value: string } | { kind: 'boolean'; value: boolean };

/** `field op literal`, e.g. `revenue_type = "recurring"` or `days > 30`. */
export interface Condition extends Span {
	field: string;
	op: CompareOp;
	literal: Literal;
}

export type Expr =
	| (Span & { kind: 'number'; value: Decimal })
	| (Span & { kind: 'metric'; name: string })
	| (Span & { kind: 'negate'; operand: Expr })
	| (Span & { kind: 'binary'; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr })
	| (Span & {
			kind: 'aggregate';
			fn: AggregateName;
			/** The row expression (sum, avg, min, max, sumIf, avgIf). */
			arg?: Expr;
			/** The counted field (count with an argument, countDistinct). */
			field?: string;
			condition?: Condition;
			/** A bare metric outside any aggregate: read as the sum over the group's rows. */
			implicit?: boolean;
	  });

/** Every metric (field) name the expression reads, in order of first use. */
export function metricsOf(expr: Expr, into: string[] = []): string[] {
	const add = (name: string) => {
		if (!into.includes(name)) into.push(name);
	};
	switch (expr.kind) {
		case 'metric':
			add(expr.name);
			break;
		case 'negate':
			metricsOf(expr.operand, into);
			break;
		case 'binary':
			metricsOf(expr.left, into);
			metricsOf(expr.right, into);
			break;
		case 'aggregate':
			if (expr.arg) metricsOf(expr.arg, into);
			if (expr.field) add(expr.field);
			if (expr.condition) add(expr.condition.field);
			break;
		default:
			break;
	}
	return into;
}
