/**
 * Record collection filtering (`GET /record/v1/{type}?q=…`): `field OPERATOR value` terms joined by
 * AND / OR, with parentheses. Values are bare words or "double-quoted"; ANY_OF and BETWEEN take lists.
 */
export class QFilterError extends Error {}

const UNARY = new Set(['EMPTY', 'EMPTY_NOT']);
const OPERATORS = new Set([
	'IS', 'IS_NOT', 'EQUAL', 'EQUAL_NOT', 'GREATER', 'GREATER_OR_EQUAL', 'LESS', 'LESS_OR_EQUAL', 'CONTAIN', 'CONTAIN_NOT',
	'START_WITH', 'START_WITH_NOT', 'END_WITH', 'END_WITH_NOT', 'AFTER', 'BEFORE', 'ON', 'ON_OR_AFTER', 'ON_OR_BEFORE',
	'ANY_OF', 'ANY_OF_NOT', 'BETWEEN', 'BETWEEN_NOT', 'WITHIN', 'EMPTY', 'EMPTY_NOT',
]);

type Node =
	| { kind: 'term'; field: string; op: string; values: string[] }
	| { kind: 'and' | 'or'; left: Node; right: Node };

function tokenize(q: string): string[] {
	const out: string[] = [];
	let i = 0;
	while (i < q.length) {
		const c = q[i];
		if (/\s/.test(c)) i++;
		else if (c === '(' || c === ')' || c === ',' || c === '[' || c === ']') {
			out.push(c);
			i++;
		} else if (c === '"') {
			const end = q.indexOf('"', i + 1);
			if (end < 0) throw new QFilterError('Unterminated quoted value');
			out.push(`"${q.slice(i + 1, end)}`);
			i = end + 1;
		} else {
			const m = /^[^\s(),[\]"]+/.exec(q.slice(i)) as RegExpExecArray;
			out.push(m[0]);
			i += m[0].length;
		}
	}
	return out;
}

export function parseQ(q: string): Node {
	const tokens = tokenize(q);
	let pos = 0;
	const value = (): string => {
		const t = tokens[pos++];
		if (t === undefined) throw new QFilterError('A value is missing at the end of the filter');
		return t.startsWith('"') ? t.slice(1) : t;
	};
	const term = (): Node => {
		if (tokens[pos] === '(') {
			pos++;
			const inner = or();
			if (tokens[pos++] !== ')') throw new QFilterError('Missing closing parenthesis');
			return inner;
		}
		const field = tokens[pos++];
		const op = (tokens[pos++] ?? '').toUpperCase();
		if (!field || !OPERATORS.has(op)) throw new QFilterError(`Unknown operator "${op}" after "${field ?? ''}"`);
		if (UNARY.has(op)) return { kind: 'term', field, op, values: [] };
		const values = [value()];
		while (tokens[pos] === ',') {
			pos++;
			values.push(value());
		}
		return { kind: 'term', field, op, values };
	};
	const and = (): Node => {
		let left = term();
		while ((tokens[pos] ?? '').toUpperCase() === 'AND') {
			pos++;
			left = { kind: 'and', left, right: term() };
		}
		return left;
	};
	const or = (): Node => {
		let left = and();
		while ((tokens[pos] ?? '').toUpperCase() === 'OR') {
			pos++;
			left = { kind: 'or', left, right: and() };
		}
		return left;
	};
	const tree = or();
	if (pos < tokens.length) throw new QFilterError(`Unexpected "${tokens[pos]}"`);
	return tree;
}

function fieldValue(record: Record<string, unknown>, field: string): unknown {
	const key = Object.keys(record).find((k) => k.toLowerCase() === field.toLowerCase());
	const v = key === undefined ? undefined : record[key];
	if (v && typeof v === 'object' && 'id' in (v as object)) return (v as { id: unknown }).id;
	return v;
}

/** NetSuite q dates are M/D/YYYY (the user's preference) or ISO. */
function asTime(value: string): number {
	const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
	if (us) return Date.UTC(Number(us[3]), Number(us[1]) - 1, Number(us[2]));
	const t = Date.parse(value);
	if (Number.isNaN(t)) throw new QFilterError(`"${value}" is not a date`);
	return t;
}

export function matchQ(node: Node, record: Record<string, unknown>, knownField: (f: string) => boolean): boolean {
	if (node.kind !== 'term') {
		return node.kind === 'and'
			? matchQ(node.left, record, knownField) && matchQ(node.right, record, knownField)
			: matchQ(node.left, record, knownField) || matchQ(node.right, record, knownField);
	}
	if (!knownField(node.field)) throw new QFilterError(`Invalid field "${node.field}" in the query filter`);
	const raw = fieldValue(record, node.field);
	const s = raw === undefined || raw === null ? '' : String(raw);
	const [v, w] = node.values;
	const negate = node.op.endsWith('_NOT') && node.op !== 'EMPTY_NOT';
	const op = negate ? node.op.slice(0, -4) : node.op;
	let result: boolean;
	switch (op) {
		case 'EMPTY':
			result = s === '';
			break;
		case 'EMPTY_NOT':
			result = s !== '';
			break;
		case 'IS':
			result = s.toLowerCase() === String(v).toLowerCase();
			break;
		case 'EQUAL':
			result = Number(s) === Number(v);
			break;
		case 'GREATER':
			result = Number(s) > Number(v);
			break;
		case 'GREATER_OR_EQUAL':
			result = Number(s) >= Number(v);
			break;
		case 'LESS':
			result = Number(s) < Number(v);
			break;
		case 'LESS_OR_EQUAL':
			result = Number(s) <= Number(v);
			break;
		case 'CONTAIN':
			result = s.toLowerCase().includes(String(v).toLowerCase());
			break;
		case 'START_WITH':
			result = s.toLowerCase().startsWith(String(v).toLowerCase());
			break;
		case 'END_WITH':
			result = s.toLowerCase().endsWith(String(v).toLowerCase());
			break;
		case 'ANY_OF':
			result = node.values.some((x) => x.toLowerCase() === s.toLowerCase());
			break;
		case 'BETWEEN':
			result = Number(s) >= Number(v) && Number(s) <= Number(w);
			break;
		case 'AFTER':
			result = s !== '' && asTime(s) > asTime(String(v));
			break;
		case 'BEFORE':
			result = s !== '' && asTime(s) < asTime(String(v));
			break;
		case 'ON':
			result = s !== '' && new Date(asTime(s)).toISOString().slice(0, 10) === new Date(asTime(String(v))).toISOString().slice(0, 10);
			break;
		case 'ON_OR_AFTER':
			result = s !== '' && asTime(s) >= asTime(String(v));
			break;
		case 'ON_OR_BEFORE':
			result = s !== '' && asTime(s) <= asTime(String(v));
			break;
		default:
			throw new QFilterError(`Operator ${node.op} is not supported for field "${node.field}"`);
	}
	return negate ? !result : result;
}
