import { readdirSync, readFileSync } from 'node:fs';
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
		.filter((file) => file !== 'expectations.json' && !file.endsWith('.md'))
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
