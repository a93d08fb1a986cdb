/**
 * Periods from line dates. A date-only value ("2025-03-31") is that calendar day as written; a
 * date-time with an offset or "Z" is converted to the configured time zone (IANA, default UTC) and
 * its calendar day there is used; a date-time without a zone is read as UTC (the canonical model's
 * rule) and then converted likewise. Calendar periods: month "2025-03", quarter "2025-Q1" (Q1 =
 * January–March), year "2025"; a fixed period's key is "<start>/<end>" (inclusive ISO dates).
 */
import { isIsoDate } from '../../common/canonical/dates';
import { RebateConfigError } from './errors';
import type { GrowthCompareTo, Period, PeriodKind, PeriodRule } from './types';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const NO_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

export function assertTimeZone(timeZone: string): void {
	let known = true;
	try {
		new Intl.DateTimeFormat('en-CA', { timeZone });
	} catch {
		known = false;
	}
	if (!known) throw new RebateConfigError(`Time zone "${timeZone}" is not an IANA time zone`, 'Use a zone such as UTC, Europe/Berlin or America/Chicago.');
}

function formatter(timeZone: string): Intl.DateTimeFormat {
	let f = formatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
		formatters.set(timeZone, f);
	}
	return f;
}

/** The calendar date of a line date in `timeZone`; undefined when it is not a date. */
export function calendarDate(value: unknown, timeZone: string): string | undefined {
	if (typeof value !== 'string') return undefined;
	const textValue = value.trim();
	if (DATE_ONLY.test(textValue)) return isIsoDate(textValue) ? textValue : undefined;
	const iso = NO_ZONE.test(textValue) ? `${textValue.replace(' ', 'T')}Z` : textValue;
	if (!/^\d{4}-\d{2}-\d{2}T/.test(iso)) return undefined;
	const instant = new Date(iso);
	if (Number.isNaN(instant.getTime())) return undefined;
	const parts = Object.fromEntries(formatter(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
	return `${parts.year}-${parts.month}-${parts.day}`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function calendarPeriod(year: number, month: number, kind: PeriodKind): Period {
	if (kind === 'month') return { key: `${year}-${pad(month)}`, start: `${year}-${pad(month)}-01`, end: `${year}-${pad(month)}-${pad(lastDay(year, month))}` };
	if (kind === 'quarter') {
		const q = Math.floor((month - 1) / 3) + 1;
		const last = q * 3;
		return { key: `${year}-Q${q}`, start: `${year}-${pad(last - 2)}-01`, end: `${year}-${pad(last)}-${pad(lastDay(year, last))}` };
	}
	return { key: String(year), start: `${year}-01-01`, end: `${year}-12-31` };
}

export function fixedPeriod(start: string, end: string): Period {
	return { key: `${start}/${end}`, start, end };
}

/** The period of a calendar date; undefined when a fixed period does not contain it. */
export function periodOf(date: string, rule: Pick<PeriodRule, 'kind' | 'start' | 'end'>, programKind?: PeriodKind): Period | undefined {
	if (rule.kind === 'fixed') return date >= rule.start! && date <= rule.end! ? fixedPeriod(rule.start!, rule.end!) : undefined;
	return calendarPeriod(Number(date.slice(0, 4)), Number(date.slice(5, 7)), programKind ?? rule.kind);
}

function addDays(date: string, days: number): string {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

function shiftYear(date: string, years: number): string {
	const year = Number(date.slice(0, 4)) + years;
	const month = Number(date.slice(5, 7));
	// 29 February becomes 28 February in a common year.
	return `${year}-${pad(month)}-${pad(Math.min(Number(date.slice(8, 10)), lastDay(year, month)))}`;
}

const kindOfKey = (key: string): PeriodKind => (/^\d{4}-Q\d$/.test(key) ? 'quarter' : /^\d{4}-\d{2}$/.test(key) ? 'month' : 'year');

/**
 * The period a growth program compares with: the same period one year earlier, or the period just
 * before (a fixed period: the same number of days ending the day before it starts).
 */
export function priorPeriod(period: Period, compareTo: GrowthCompareTo, fixed: boolean): Period {
	if (fixed) {
		if (compareTo === 'samePeriodLastYear') return fixedPeriod(shiftYear(period.start, -1), shiftYear(period.end, -1));
		const days = Math.round((Date.parse(`${period.end}T00:00:00Z`) - Date.parse(`${period.start}T00:00:00Z`)) / 86_400_000) + 1;
		return fixedPeriod(addDays(period.start, -days), addDays(period.start, -1));
	}
	const kind = kindOfKey(period.key);
	const year = Number(period.start.slice(0, 4));
	const month = Number(period.start.slice(5, 7));
	if (compareTo === 'samePeriodLastYear') return calendarPeriod(year - 1, month, kind);
	const step = kind === 'month' ? 1 : kind === 'quarter' ? 3 : 12;
	const index = year * 12 + (month - 1) - step;
	return calendarPeriod(Math.floor(index / 12), (index % 12) + 1, kind);
}
