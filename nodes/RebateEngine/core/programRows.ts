/**
 * Programs as table rows (a spreadsheet or a Set node): one row per tier, the program's fields repeated
 * or left empty on the other rows of the same program, e.g.
 *   program | currency | measure | method      | tierFrom | tierRate | cap
 *   VOL-Q   | USD      | amount  | retroactive | 0        | 1        | 5000
 *   VOL-Q   |          |         |             | 10000    | 2        |
 * Growth settings are flat columns: growthMode, growthCompareTo, growthMinPercent.
 */
import { RebateConfigError } from './errors';
import { isBlank, type Raw } from './values';

const TIER_COLUMNS: Record<string, string> = { tierFrom: 'from', tierRate: 'rate', tierPerUnit: 'perUnit' };
const GROWTH_COLUMNS: Record<string, string> = { growthMode: 'mode', growthCompareTo: 'compareTo', growthMinPercent: 'minPercent' };

/** A row describes one tier when it has a `tierFrom` column and no `tiers` array. */
export function isProgramRow(row: Raw): boolean {
	return !Array.isArray(row.tiers) && 'tierFrom' in row;
}

function cell(value: unknown): string {
	return typeof value === 'object' ? JSON.stringify(value) : String(value).trim();
}

/** Folds tier rows into program objects; program objects pass through. Order: first appearance. */
export function groupProgramRows(entries: Array<{ row: Raw; index: number }>): Array<{ row: Raw; index: number }> {
	const out: Array<{ row: Raw; index: number }> = [];
	const byId = new Map<string, Raw>();
	for (const { row, index } of entries) {
		if (!isProgramRow(row)) {
			out.push({ row, index });
			continue;
		}
		const id = row.program ?? row.id;
		if (isBlank(id)) throw new RebateConfigError(`Program row ${index}: "program" is required`, 'Every tier row names its program id in the "program" column.');
		const where = `Program "${cell(id)}" (row ${index})`;
		let program = byId.get(cell(id));
		if (!program) {
			program = { id: cell(id), tiers: [] };
			byId.set(cell(id), program);
			out.push({ row: program, index });
		}
		const tier: Raw = {};
		const growth: Raw = (program.growth as Raw | undefined) ?? {};
		for (const [column, value] of Object.entries(row)) {
			if (column === 'program' || column === 'id' || isBlank(value)) continue;
			if (column in TIER_COLUMNS) {
				tier[TIER_COLUMNS[column]] = value;
				continue;
			}
			const [target, field] = column in GROWTH_COLUMNS ? [growth, GROWTH_COLUMNS[column]] : [program, column];
			if (field === 'tiers') continue;
			const before = target[field];
			if (before !== undefined && cell(before) !== cell(value)) {
				throw new RebateConfigError(`${where}: rows disagree on "${column}" (${cell(before)} vs ${cell(value)})`, `Give ${column} once, or the same value on every row of the program.`);
			}
			target[field] = value;
		}
		if (Object.keys(growth).length > 0) program.growth = growth;
		(program.tiers as Raw[]).push(tier);
	}
	return out;
}
