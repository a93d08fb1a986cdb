import { compareDecimals, toDecimal, type Decimal } from '../../common/canonical/decimal';
import { KPI_DOC_HINT, ScorecardConfigError } from './errors';
import { metricsOf } from './formula/ast';
import { FormulaError } from './formula/errors';
import { parseCondition, parseFormula } from './formula/parser';
import { UNITS, type Direction, type Kpi, type KpiUnit } from './types';

const FIELDS = ['id', 'name', 'domain', 'description', 'formula', 'unit', 'currency', 'target', 'direction', 'amber', 'red', 'groupBy', 'splitBy', 'decimals', 'filter'];
/** Columns that spreadsheet and database sources add to every row. */
const IGNORED = ['row_number', 'notes', '_id'];
const UNIT_ALIASES: Record<string, KpiUnit> = { percent: '%', pct: '%', percentage: '%', money: 'currency', amount: 'currency', day: 'days', hour: 'hours', h: 'hours', number: 'count' };
const DIRECTIONS: Record<string, Direction> = { up: 'up', higher: 'up', 'higher is better': 'up', down: 'down', lower: 'down', 'lower is better': 'down' };
const DEFAULT_DECIMALS: Record<KpiUnit, number> = { '%': 1, currency: 2, days: 1, hours: 1, count: 0, ratio: 2 };
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

type RawKpi = Record<string, unknown>;

/** The KPI list from a parameter: a JSON text, an array of objects, or `{ kpis: [...] }`. */
export function kpiRows(input: unknown, source = 'KPI Definitions'): RawKpi[] {
	let value = input;
	if (typeof value === 'string') {
		if (value.trim() === '') return [];
		const parsed = parseJson(value);
		if (!parsed.ok) throw new ScorecardConfigError(`${source} is not valid JSON: ${parsed.message}`, KPI_DOC_HINT);
		value = parsed.value;
	}
	if (value && typeof value === 'object' && !Array.isArray(value) && Array.isArray((value as RawKpi).kpis)) value = (value as RawKpi).kpis;
	if (value && typeof value === 'object' && !Array.isArray(value)) value = [value];
	if (!Array.isArray(value)) throw new ScorecardConfigError(`${source} must be a list of KPI objects`, KPI_DOC_HINT);
	return value.map((row, i) => {
		if (!row || typeof row !== 'object' || Array.isArray(row)) throw new ScorecardConfigError(`${source}: entry ${i + 1} is not an object`, KPI_DOC_HINT);
		// Rows from a Set node or a spreadsheet may arrive as items: { json: {...} }.
		const inner = (row as RawKpi).json;
		return (inner && typeof inner === 'object' && !Array.isArray(inner) ? inner : row) as RawKpi;
	});
}

/** A list field given as an array or as comma-separated text. */
function fieldList(value: unknown, label: () => string, field: string): string[] | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : undefined;
	if (!list || list.some((entry) => typeof entry !== 'string')) throw fail(label(), `${field} must be a list of field names (or comma-separated text)`);
	const names = (list as string[]).map((entry) => entry.trim()).filter(Boolean);
	return names;
}

function fail(label: string, problem: string, description = KPI_DOC_HINT): ScorecardConfigError {
	return new ScorecardConfigError(`${label}: ${problem}`, description);
}

function number(raw: RawKpi, field: string, label: string, required: boolean): Decimal | undefined {
	const value = raw[field];
	if (value === undefined || value === null || value === '') {
		if (required) throw fail(label, `${field} is required (a number in the KPI's unit)`);
		return undefined;
	}
	const decimal = typeof value === 'number' || typeof value === 'string' ? toDecimal(value) : undefined;
	if (decimal === undefined) throw fail(label, `${field} ${JSON.stringify(value)} is not a number`);
	return decimal;
}

function text(raw: RawKpi, field: string, label: string): string | undefined {
	const value = raw[field];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string' && typeof value !== 'number') throw fail(label, `${field} must be text`);
	return String(value).trim() || undefined;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch (error) {
		return { ok: false, message: (error as Error).message };
	}
}

/** The parsers throw only FormulaError (nesting is bounded, so no stack overflow). */
function tryParse<T>(source: string, parse: (text: string) => T): { ok: true; value: T } | { ok: false; error: FormulaError } {
	try {
		return { ok: true, value: parse(source) };
	} catch (error) {
		return { ok: false, error: error instanceof FormulaError ? error : new FormulaError(String(error), 1, source) };
	}
}

function compile<T>(label: string, what: 'formula' | 'filter', source: string, parse: (text: string) => T): T {
	const parsed = tryParse(source, parse);
	if (parsed.ok) return parsed.value;
	const { error } = parsed;
	throw fail(label, `${what} error at position ${error.position}: ${error.reason}`, `${error.pointer}\n${KPI_DOC_HINT}`);
}

/** Thresholds must be ordered the KPI's way: up: red ≤ amber ≤ target; down: red ≥ amber ≥ target. */
function checkThresholds(label: string, kpi: Pick<Kpi, 'direction' | 'target' | 'amber' | 'red'>): void {
	const better = kpi.direction === 'up' ? 1 : -1;
	const word = kpi.direction === 'up' ? 'above' : 'below';
	if (compareDecimals(kpi.amber, kpi.target) === better) {
		throw fail(label, `amber threshold ${kpi.amber} is ${word} the target ${kpi.target}; with direction "${kpi.direction}" it must not be better than the target`);
	}
	if (kpi.red !== undefined && compareDecimals(kpi.red, kpi.amber) === better) {
		throw fail(label, `red threshold ${kpi.red} is ${word} the amber threshold ${kpi.amber}; with direction "${kpi.direction}" it must not be better than amber`);
	}
}

/** Validates and compiles one KPI definition. `position` is 1-based, for messages. */
export function compileKpi(raw: RawKpi, position: number): Kpi {
	const rawId = raw.id;
	const id = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId).trim() : '';
	const label = id ? `KPI "${id}" (entry ${position})` : `KPI entry ${position}`;
	if (!ID.test(id)) throw fail(label, 'id is required: letters, digits, "_", "-" or "." (up to 64 characters), e.g. "renewal_rate"');
	const unknown = Object.keys(raw).filter((key) => !FIELDS.includes(key) && !IGNORED.includes(key));
	if (unknown.length) throw fail(label, `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')} (known: ${FIELDS.join(', ')})`);

	// Not trimmed: error positions count from the first character the user wrote.
	const formula = typeof raw.formula === 'string' || typeof raw.formula === 'number' ? String(raw.formula) : '';
	if (!formula.trim()) throw fail(label, 'formula is required, e.g. "sum(renewals_won) / sum(renewals_due) * 100"');
	const unitText = (text(raw, 'unit', label) ?? '').toLowerCase();
	const unit = (UNITS as readonly string[]).includes(unitText) ? (unitText as KpiUnit) : UNIT_ALIASES[unitText];
	if (!unit) throw fail(label, `unit ${JSON.stringify(raw.unit ?? '')} is not one of ${UNITS.join(', ')}`);
	const direction = DIRECTIONS[(text(raw, 'direction', label) ?? 'up').toLowerCase()];
	if (!direction) throw fail(label, `direction ${JSON.stringify(raw.direction)} must be "up" (higher is better) or "down" (lower is better)`);
	const target = number(raw, 'target', label, true) as Decimal;
	const amber = number(raw, 'amber', label, false) ?? target;
	const red = number(raw, 'red', label, false);
	checkThresholds(label, { direction, target, amber, red });

	const decimalsRaw = raw.decimals ?? DEFAULT_DECIMALS[unit];
	const decimals = typeof decimalsRaw === 'string' && decimalsRaw.trim() !== '' ? Number(decimalsRaw) : decimalsRaw;
	if (typeof decimals !== 'number' || !Number.isInteger(decimals) || decimals < 0 || decimals > 6) throw fail(label, `decimals ${JSON.stringify(decimalsRaw)} must be a whole number from 0 to 6`);
	const currency = text(raw, 'currency', label)?.toUpperCase();
	if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) throw fail(label, `currency "${currency}" must be a 3-letter ISO 4217 code such as USD`);

	const expr = compile(label, 'formula', formula, parseFormula);
	const filter = typeof raw.filter === 'string' && raw.filter.trim() ? raw.filter : undefined;
	const filterCondition = filter ? compile(label, 'filter', filter, parseCondition) : undefined;
	return {
		id,
		name: text(raw, 'name', label) ?? id,
		domain: text(raw, 'domain', label) ?? 'General',
		description: text(raw, 'description', label),
		formula,
		unit,
		currency,
		target,
		direction,
		amber,
		red,
		groupBy: fieldList(raw.groupBy, () => label, 'groupBy'),
		splitBy: fieldList(raw.splitBy, () => label, 'splitBy') ?? [],
		decimals,
		filter,
		expr,
		filterCondition,
		metrics: metricsOf(expr),
	};
}

/** Validates a whole KPI set: every entry compiles and ids are unique. */
export function compileKpis(rows: RawKpi[]): Kpi[] {
	const seen = new Map<string, number>();
	return rows.map((raw, i) => {
		const kpi = compileKpi(raw, i + 1);
		const first = seen.get(kpi.id);
		if (first !== undefined) throw fail(`KPI "${kpi.id}" (entry ${i + 1})`, `id is already used by entry ${first}; every KPI needs its own id`);
		seen.set(kpi.id, i + 1);
		return kpi;
	});
}

/** The default set with entries of `overrides` merged over the default KPI of the same id, new ids added. */
export function mergeKpiRows(defaults: RawKpi[], overrides: RawKpi[]): RawKpi[] {
	const merged = defaults.map((row) => ({ ...row }));
	for (const override of overrides) {
		const index = merged.findIndex((row) => String(row.id) === String(override.id ?? ''));
		if (index >= 0) merged[index] = { ...merged[index], ...override };
		else merged.push(override);
	}
	return merged;
}
