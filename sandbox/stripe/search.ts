/**
 * Stripe's search query language (docs.stripe.com/search#search-query-language): clauses
 * `field:value` (exact), `field~"value"` (substring, 3+ characters), `field>value` (also <, >=, <=,
 * numbers only), `-` to negate, `metadata["key"]:"value"`, `field:null`; joined by AND or by OR
 * (not both in one query). Strings are quoted; numbers are not.
 */
export class SearchSyntaxError extends Error {}

type Operator = ':' | '~' | '>' | '<' | '>=' | '<=';

interface Clause {
	negate: boolean;
	field: string;
	metadataKey?: string;
	operator: Operator;
	value: string | number | null;
}

export interface SearchQuery {
	join: 'AND' | 'OR';
	clauses: Clause[];
}

const CLAUSE =
	/^\s*(-)?([a-z_][a-z0-9_.]*)(?:\[\s*(?:"([^"]*)"|'([^']*)')\s*\])?\s*(>=|<=|:|~|>|<)\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(-?\d+(?:\.\d+)?)|(null))\s*/i;

export function parseSearch(query: string): SearchQuery {
	let rest = query.trim();
	if (!rest) throw new SearchSyntaxError('The query is empty.');
	const clauses: Clause[] = [];
	const joins = new Set<string>();
	for (;;) {
		const match = CLAUSE.exec(rest);
		if (!match) throw new SearchSyntaxError(`Invalid query syntax near: ${rest.slice(0, 40)}`);
		const [whole, neg, field, mq1, mq2, op, dq, sq, num, nul] = match;
		const operator = op as Operator;
		const value = nul ? null : num !== undefined ? Number(num) : (dq ?? sq ?? '').replace(/\\(.)/g, '$1');
		if ((operator === '>' || operator === '<' || operator === '>=' || operator === '<=') && typeof value !== 'number') {
			throw new SearchSyntaxError(`The ${operator} operator needs a number (${field}).`);
		}
		if (operator === '~' && (typeof value !== 'string' || value.length < 3)) {
			throw new SearchSyntaxError(`The ~ operator needs a string of at least 3 characters (${field}).`);
		}
		clauses.push({ negate: neg === '-', field: field.toLowerCase(), metadataKey: mq1 ?? mq2, operator, value });
		rest = rest.slice(whole.length);
		if (!rest) break;
		const join = /^(AND|OR)\s+/i.exec(rest);
		if (!join) throw new SearchSyntaxError(`Expected AND or OR near: ${rest.slice(0, 40)}`);
		joins.add(join[1].toUpperCase());
		rest = rest.slice(join[0].length);
	}
	if (joins.size > 1) throw new SearchSyntaxError('A query cannot mix AND and OR.');
	return { join: joins.has('OR') ? 'OR' : 'AND', clauses };
}

function fieldValue(record: Record<string, unknown>, clause: Clause): unknown {
	if (clause.field === 'metadata') return (record.metadata as Record<string, unknown> | undefined)?.[clause.metadataKey ?? ''];
	let value: unknown = record;
	for (const part of clause.field.split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
	return value;
}

function matches(record: Record<string, unknown>, clause: Clause): boolean {
	const actual = fieldValue(record, clause);
	let result: boolean;
	if (clause.value === null) result = actual === null || actual === undefined || actual === '';
	else if (clause.operator === ':') result = actual !== null && actual !== undefined && String(actual).toLowerCase() === String(clause.value).toLowerCase();
	else if (clause.operator === '~') result = typeof actual === 'string' && actual.toLowerCase().includes(String(clause.value).toLowerCase());
	else {
		const n = Number(actual);
		const v = clause.value as number;
		result =
			Number.isFinite(n) &&
			(clause.operator === '>' ? n > v : clause.operator === '<' ? n < v : clause.operator === '>=' ? n >= v : n <= v);
	}
	return clause.negate ? !result : result;
}

/** Whether a record matches; `allowed` are the searchable fields of the resource. */
export function evaluateSearch(query: SearchQuery, record: Record<string, unknown>): boolean {
	return query.join === 'AND' ? query.clauses.every((c) => matches(record, c)) : query.clauses.some((c) => matches(record, c));
}

export function unsupportedField(query: SearchQuery, allowed: readonly string[]): string | undefined {
	return query.clauses.find((c) => !allowed.includes(c.field))?.field;
}
