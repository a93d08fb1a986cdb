import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { validateX12, type ValidationResult } from '../../nodes/X12/core/validate';

/** What a corpus folder's expectations.json says about one file. */
export interface CorpusExpectation {
	sets: Record<string, number>;
	validity: 'valid' | 'invalid' | 'unspecified';
}

export interface CorpusFileResult {
	file: string;
	expected?: CorpusExpectation;
	result?: ValidationResult;
	/** Set counts equal and validity agrees (unspecified accepts either). */
	matches: boolean;
	problems: string[];
}

function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
	const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
	return [...keys].every((key) => (a[key] ?? 0) === (b[key] ?? 0));
}

/** Validates every file in `dir` (except expectations.json and *.md) and compares with the expectations. */
export function runCorpus(dir: string, expectations: Record<string, CorpusExpectation>): CorpusFileResult[] {
	const files = readdirSync(dir)
		.filter((file) => file !== 'expectations.json' && !file.endsWith('.md') && !file.startsWith('.') && statSync(join(dir, file)).isFile())
		.sort();
	return files.map((file) => {
		const expected = expectations[file];
		const problems: string[] = [];
		let result: ValidationResult | undefined;
		try {
			result = validateX12(readFileSync(join(dir, file)));
		} catch (error) {
			problems.push(`crashed: ${(error as Error).message}`);
		}
		if (!expected) problems.push('no expectation recorded');
		if (result && expected) {
			if (!sameCounts(result.transactionSets, expected.sets)) {
				problems.push(`sets ${JSON.stringify(result.transactionSets)} != expected ${JSON.stringify(expected.sets)}`);
			}
			if (expected.validity !== 'unspecified' && result.valid !== (expected.validity === 'valid')) {
				const errors = result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
				problems.push(`valid=${result.valid}, expected ${expected.validity} (errors: ${errors.join(', ') || 'none'})`);
			}
		}
		return { file, expected, result, matches: problems.length === 0, problems };
	});
}

/** `<dir>/expectations.json` (or another file): file name → expected set counts and validity. */
export function loadExpectations(dir: string, file = join(dir, 'expectations.json')): Record<string, CorpusExpectation> {
	const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
	if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error(`${file} must map file names to expectations`);
	for (const [name, value] of Object.entries(data as Record<string, unknown>)) {
		const expectation = value as Partial<CorpusExpectation> | null;
		if (!expectation || typeof expectation.sets !== 'object' || !['valid', 'invalid', 'unspecified'].includes(String(expectation.validity))) {
			throw new Error(`${file}: "${name}" needs "sets" and "validity" (valid, invalid or unspecified)`);
		}
	}
	return data as Record<string, CorpusExpectation>;
}

const setsText = (sets: Record<string, number>) =>
	Object.keys(sets)
		.sort()
		.map((code) => `${code}x${sets[code]}`)
		.join(' ') || '-';

/** A fixed-width table, one row per file, then "N passed, N failed". */
export function formatCorpusTable(results: CorpusFileResult[]): string {
	const rows = results.map((r) => {
		const errors = r.result ? [...new Set(r.result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code))].join(',') : '';
		return [
			r.matches ? 'ok' : 'FAIL',
			r.file,
			r.expected ? `${r.expected.validity} ${setsText(r.expected.sets)}` : '(none)',
			r.result ? `${r.result.valid ? 'valid' : 'invalid'} ${setsText(r.result.transactionSets)}` : 'crashed',
			errors || '-',
		];
	});
	const header = ['', 'file', 'expected', 'actual', 'errors'];
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
	const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
	const out = [line(header), ...rows.map(line)];
	for (const r of results) for (const problem of r.problems) out.push(`${r.file}: ${problem}`);
	const passed = results.filter((r) => r.matches).length;
	out.push(`${passed} passed, ${results.length - passed} failed`);
	return out.join('\n');
}
