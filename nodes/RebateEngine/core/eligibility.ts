/**
 * Which programs a line may earn from.
 * - Filters (a program's partners, items, categories, validFrom/validTo; empty lists = all) decide
 *   silently: a line outside them is simply not part of the program.
 * - A line inside the filters can still be left out, and that is reported: a currency other than the
 *   program's (CURRENCY_MISMATCH), or a required certification that had expired on the line's date
 *   (CERTIFICATION_EXPIRED). A partner that never held the level (or not yet) is outside the program.
 * - Stacking: programs are taken in their configured order; a line earns from the first program it
 *   qualifies for, and from each later one only if that program and every program already chosen are
 *   stackable. A program passed over for this reason lists the line as excluded ("not_stackable").
 */
import { certificationOn } from './certifications';
import type { Certification, Program, RebateLine } from './types';

export function matchesFilters(line: RebateLine, program: Program): boolean {
	if (program.partners.length > 0 && !program.partners.includes(line.partner)) return false;
	if (program.items.length > 0 && (!line.sku || !program.items.includes(line.sku))) return false;
	if (program.categories.length > 0 && (!line.category || !program.categories.includes(line.category))) return false;
	if (program.validFrom && line.date < program.validFrom) return false;
	if (program.validTo && line.date > program.validTo) return false;
	return true;
}

export type Admission =
	| { status: 'admitted' }
	| { status: 'outside' }
	| { status: 'currency_mismatch'; currency?: string }
	| { status: 'certification_expired'; certification: Certification };

/** `assumedCurrency`: the currency of lines that state none (none given: such lines fit any program). */
export function admit(line: RebateLine, program: Program, certifications: Certification[], assumedCurrency?: string): Admission {
	if (!matchesFilters(line, program)) return { status: 'outside' };
	const currency = line.currency ?? assumedCurrency;
	if (currency !== undefined && currency !== program.currency) return { status: 'currency_mismatch', currency };
	if (program.certificationLevels.length > 0) {
		const held = certificationOn(certifications, line.partner, program.certificationLevels, line.date);
		if (held.status === 'expired') return { status: 'certification_expired', certification: held.certification };
		if (held.status === 'none') return { status: 'outside' };
	}
	return { status: 'admitted' };
}

/** Splits admitted programs (in configured order) into those the line earns from and those passed over. */
export function selectStackable(programs: Program[]): { chosen: Program[]; passedOver: Array<{ program: Program; because: Program }> } {
	const chosen: Program[] = [];
	const passedOver: Array<{ program: Program; because: Program }> = [];
	for (const program of programs) {
		const blocker = chosen.length === 0 ? undefined : program.stackable ? chosen.find((p) => !p.stackable) : chosen[0];
		if (blocker) passedOver.push({ program, because: blocker });
		else chosen.push(program);
	}
	return { chosen, passedOver };
}
