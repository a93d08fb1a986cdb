/** The whole configuration of a calculation, validated up front (errors name the program/row and field). */
import { parseBaselines } from './baselines';
import { parseCertifications } from './certifications';
import { RebateConfigError } from './errors';
import { assertTimeZone } from './periods';
import { parsePrograms } from './programs';
import type { PeriodKind, PeriodRule, RebateConfig } from './types';
import { isoDate } from './values';

export interface RawConfig {
	programs: unknown;
	certifications?: unknown;
	baselines?: unknown;
	period: PeriodKind | 'fixed';
	periodStart?: string;
	periodEnd?: string;
	timeZone?: string;
}

export function parseConfig(raw: RawConfig): RebateConfig {
	const timeZone = raw.timeZone?.trim() || 'UTC';
	assertTimeZone(timeZone);
	let period: PeriodRule = { kind: raw.period, timeZone };
	if (raw.period === 'fixed') {
		const start = isoDate(raw.periodStart, 'Fixed period', 'Period Start');
		const end = isoDate(raw.periodEnd, 'Fixed period', 'Period End');
		if (!start || !end) throw new RebateConfigError('A fixed period needs Period Start and Period End', 'Set both dates (inclusive), e.g. 2025-01-01 and 2025-03-31.');
		if (start > end) throw new RebateConfigError(`Period Start ${start} is after Period End ${end}`, 'Swap or correct the dates.');
		period = { ...period, start, end };
	}
	const programs = parsePrograms(raw.programs);
	const certifications = parseCertifications(raw.certifications);
	const baselines = parseBaselines(raw.baselines);
	const byId = new Map(programs.map((p) => [p.id, p]));
	baselines.forEach((b, i) => {
		if (b.program === undefined) return;
		const program = byId.get(b.program);
		if (!program) throw new RebateConfigError(`Prior period row ${i} (partner "${b.partner}"): program "${b.program}" is not defined`, `Use one of: ${[...byId.keys()].join(', ')}, or leave program empty.`);
		if (b.currency && b.currency !== program.currency) {
			throw new RebateConfigError(`Prior period row ${i} (partner "${b.partner}"): currency ${b.currency} differs from program "${program.id}" (${program.currency})`, `State the prior amount in ${program.currency}.`);
		}
	});
	return { programs, certifications, baselines, period };
}
