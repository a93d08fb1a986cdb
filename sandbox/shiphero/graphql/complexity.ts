import type { Executor } from './executor';
import { literal } from './executor';
import type { FieldNode } from './parser';

/**
 * ShipHero's cost model as documented ("Throttling & Quotas"): every root operation costs at least
 * one credit and each record a connection may return costs one more (times what it nests), so a
 * connection's cost scales with `first`/`last` (default 100). The estimate decides whether a call
 * may run; the charge counts the records actually returned.
 */
export const DEFAULT_CONNECTION_SIZE = 100;

function nodeSelections(field: FieldNode): FieldNode[] {
	const edges = field.selections?.find((f) => f.name === 'edges');
	return edges?.selections?.find((f) => f.name === 'node')?.selections ?? [];
}

function requested(field: FieldNode, variables: Record<string, unknown>): number {
	for (const name of ['first', 'last']) {
		const value = field.args[name] ? literal(field.args[name], variables) : undefined;
		if (typeof value === 'number' && value >= 0) return value;
	}
	return DEFAULT_CONNECTION_SIZE;
}

/** Estimated cost of a selection set on `type`. */
export function estimate(executor: Executor, fields: FieldNode[], type: string, variables: Record<string, unknown>): number {
	let total = 0;
	for (const field of fields) {
		const fieldType = executor.fieldType(type, field.name);
		if (!fieldType || executor.isLeaf(fieldType)) continue;
		if (fieldType.endsWith('Connection')) {
			const nodeType = fieldType.slice(0, -'Connection'.length);
			total += 1 + requested(field, variables) * (1 + estimate(executor, nodeSelections(field), nodeType, variables));
		} else {
			total += estimate(executor, field.selections ?? [], fieldType, variables);
		}
	}
	return total;
}

/** Cost of what a selection set returned. */
export function charged(executor: Executor, fields: FieldNode[], type: string, result: unknown): number {
	if (result === null || typeof result !== 'object') return 0;
	if (Array.isArray(result)) return result.reduce((sum: number, entry) => sum + charged(executor, fields, type, entry), 0);
	let total = 0;
	for (const field of fields) {
		const fieldType = executor.fieldType(type, field.name);
		if (!fieldType || executor.isLeaf(fieldType)) continue;
		const value = (result as Record<string, unknown>)[field.alias ?? field.name];
		if (fieldType.endsWith('Connection')) {
			const nodeType = fieldType.slice(0, -'Connection'.length);
			const edges = ((value as { edges?: unknown[] } | null)?.edges ?? []) as Array<{ node?: unknown }>;
			total += 1 + edges.reduce((sum, edge) => sum + 1 + charged(executor, nodeSelections(field), nodeType, edge?.node), 0);
		} else {
			total += charged(executor, field.selections ?? [], fieldType, value);
		}
	}
	return total;
}
