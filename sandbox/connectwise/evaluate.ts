import type { CompareOp, ConditionNode, Literal } from './conditions';

/** A condition or orderBy names a field the resource does not have. */
export class UnknownFieldError extends Error {
	constructor(readonly field: string) {
		super(`Unknown field '${field}'`);
	}
}

/** `_info` fields ConnectWise also lets queries name directly (`lastUpdated > [...]`). */
const INFO_ALIASES = new Set(['lastupdated', 'updatedby', 'dateentered', 'enteredby']);

function findKey(obj: Record<string, unknown>, name: string): string | undefined {
	if (name in obj) return name;
	const lower = name.toLowerCase();
	return Object.keys(obj).find((k) => k.toLowerCase() === lower);
}

/**
 * All values at a path (case-insensitive segments); arrays along the way fan out, so
 * `types/name` on `types: [{name: 'Client'}, {name: 'Vendor'}]` yields both names.
 */
export function resolvePath(record: unknown, path: string[]): unknown[] {
	let current: unknown[] = [record];
	path.forEach((segment, depth) => {
		const next: unknown[] = [];
		for (const value of current) {
			for (const item of Array.isArray(value) ? value : [value]) {
				if (item === null || typeof item !== 'object') continue;
				const obj = item as Record<string, unknown>;
				const key = findKey(obj, segment);
				if (key === undefined && depth === 0 && INFO_ALIASES.has(segment.toLowerCase())) {
					const info = obj._info as Record<string, unknown> | undefined;
					const infoKey = info ? findKey(info, segment) : undefined;
					if (info && infoKey) {
						next.push(info[infoKey]);
						continue;
					}
				}
				if (key !== undefined) next.push(obj[key]);
				else next.push(undefined);
			}
		}
		current = next;
	});
	return current.flatMap((v) => (Array.isArray(v) ? v : [v]));
}

/** Checks the first segment of a path against a resource's fields, so typos become 400s as they do on the server. */
export function assertKnownField(path: string[], known: ReadonlySet<string>): void {
	const head = path[0].toLowerCase();
	if (!known.has(head) && !INFO_ALIASES.has(head)) throw new UnknownFieldError(path.join('/'));
}

export function collectFields(node: ConditionNode, out: string[][] = []): string[][] {
	if (node.kind === 'compare') out.push(node.field);
	else if (node.kind === 'not') collectFields(node.expr, out);
	else {
		collectFields(node.left, out);
		collectFields(node.right, out);
	}
	return out;
}

/** SQL three-valued logic: a comparison with a NULL field is unknown, and unknown rows are not returned. */
type Truth = boolean | undefined;

export function evaluate(node: ConditionNode, record: unknown): boolean {
	return evaluate3(node, record) === true;
}

function evaluate3(node: ConditionNode, record: unknown): Truth {
	switch (node.kind) {
		case 'and': {
			const l = evaluate3(node.left, record);
			if (l === false) return false;
			const r = evaluate3(node.right, record);
			if (r === false) return false;
			return l === true && r === true ? true : undefined;
		}
		case 'or': {
			const l = evaluate3(node.left, record);
			if (l === true) return true;
			const r = evaluate3(node.right, record);
			if (r === true) return true;
			return l === false && r === false ? false : undefined;
		}
		case 'not': {
			const v = evaluate3(node.expr, record);
			return v === undefined ? undefined : !v;
		}
		case 'compare': {
			const values = resolvePath(record, node.field);
			const list = Array.isArray(node.value) ? node.value : [node.value];
			const test = (v: unknown): Truth => {
				let result: Truth = false;
				for (const lit of list) {
					const r = compare(v, node.op === 'in' ? '=' : node.op, lit);
					if (r === true) return true;
					if (r === undefined) result = undefined;
				}
				return result;
			};
			// A reference path through an array matches when any element does (SQL EXISTS semantics).
			let hit: Truth = false;
			for (const v of values.length === 0 ? [undefined] : values) {
				const r = test(v);
				if (r === true) {
					hit = true;
					break;
				}
				if (r === undefined) hit = undefined;
			}
			if (hit === undefined) return undefined;
			return node.negate ? !hit : hit;
		}
	}
}

function dateOf(value: unknown): number | undefined {
	if (typeof value !== 'string') return undefined;
	if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
	const t = Date.parse(value);
	return Number.isNaN(t) ? undefined : t;
}

function ordered(a: number | string, b: number | string, op: CompareOp): boolean {
	switch (op) {
		case '=':
			return a === b;
		case '!=':
			return a !== b;
		case '<':
			return a < b;
		case '<=':
			return a <= b;
		case '>':
			return a > b;
		case '>=':
			return a >= b;
		default:
			return false;
	}
}

/** SQL Server's default collation is case-insensitive, and so are ConnectWise string comparisons. */
function compare(value: unknown, op: CompareOp, lit: Literal): Truth {
	if (lit.type === 'null') {
		const isNull = value === null || value === undefined;
		if (op === '=') return isNull;
		if (op === '!=') return !isNull;
		return undefined;
	}
	if (value === null || value === undefined) return undefined;

	if (op === 'contains' || op === 'like') {
		if (lit.type !== 'string') return false;
		const text = String(value).toLowerCase();
		if (op === 'contains') return text.includes(lit.value.toLowerCase());
		return likeToRegExp(lit.value).test(String(value));
	}

	if (lit.type === 'date') {
		const t = dateOf(value);
		return t === undefined ? undefined : ordered(t, lit.value, op);
	}
	if (lit.type === 'boolean') {
		const b = typeof value === 'boolean' ? value : String(value).toLowerCase() === 'true';
		if (op === '=') return b === lit.value;
		if (op === '!=') return b !== lit.value;
		return false;
	}
	if (lit.type === 'number') {
		const n = typeof value === 'number' ? value : Number(value);
		if (typeof value === 'boolean' || Number.isNaN(n)) return undefined;
		return ordered(n, lit.value, op);
	}
	// String literal: numbers and dates convert the way SQL Server converts them implicitly.
	if (typeof value === 'number') {
		const n = Number(lit.value);
		return Number.isNaN(n) ? undefined : ordered(value, n, op);
	}
	const fieldDate = dateOf(value);
	const litDate = dateOf(lit.value);
	if (fieldDate !== undefined && litDate !== undefined) return ordered(fieldDate, litDate, op);
	return ordered(String(value).toLowerCase(), lit.value.toLowerCase(), op);
}

/** `*` (ConnectWise's wildcard) and `%` (SQL's, passed through) match any run; `_` one character. */
export function likeToRegExp(pattern: string): RegExp {
	let source = '';
	for (const ch of pattern) {
		if (ch === '*' || ch === '%') source += '.*';
		else if (ch === '_') source += '.';
		else source += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	}
	return new RegExp(`^${source}$`, 'is');
}
