/** Partner certifications: a level valid from/to (inclusive dates), checked on each line's date. */
import { RebateConfigError } from './errors';
import type { Certification } from './types';
import { isoDate, rejectUnknown, text, toRows } from './values';

const FIELDS = ['partner', 'level', 'validFrom', 'validTo'] as const;

export function parseCertifications(value: unknown): Certification[] {
	return toRows(value, 'Certifications', 'certifications').map((row, i) => {
		const where = `Certification row ${i}`;
		rejectUnknown(row, FIELDS, where);
		const partner = text(row.partner, where, 'partner', true);
		const level = text(row.level, `${where} (partner "${partner}")`, 'level', true);
		const validFrom = isoDate(row.validFrom, `${where} (partner "${partner}")`, 'validFrom');
		const validTo = isoDate(row.validTo, `${where} (partner "${partner}")`, 'validTo');
		if (validFrom && validTo && validFrom > validTo) {
			throw new RebateConfigError(`${where} (partner "${partner}"): validFrom ${validFrom} is after validTo ${validTo}`, 'Swap or correct the dates.');
		}
		return { partner, level, ...(validFrom ? { validFrom } : {}), ...(validTo ? { validTo } : {}) };
	});
}

export type CertificationStatus =
	| { status: 'valid'; certification: Certification }
	/** The partner held a qualifying level that ended before the date (the latest such). */
	| { status: 'expired'; certification: Certification }
	| { status: 'none' };

/** Whether `partner` holds one of `levels` on `date` (levels compare case-insensitively). */
export function certificationOn(certifications: Certification[], partner: string, levels: string[], date: string): CertificationStatus {
	const wanted = new Set(levels.map((level) => level.toLowerCase()));
	const held = certifications.filter((c) => c.partner === partner && wanted.has(c.level.toLowerCase()));
	const valid = held.find((c) => (!c.validFrom || c.validFrom <= date) && (!c.validTo || date <= c.validTo));
	if (valid) return { status: 'valid', certification: valid };
	const expired = held.filter((c) => c.validTo !== undefined && c.validTo < date).sort((a, b) => (a.validTo! < b.validTo! ? 1 : -1));
	return expired.length > 0 ? { status: 'expired', certification: expired[0] } : { status: 'none' };
}
