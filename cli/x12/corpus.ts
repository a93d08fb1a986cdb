import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildHlTree } from '../../nodes/X12/core/loops/hl';
import { toCanonical, transactionSets, type TransactionSetRef } from '../../nodes/X12/core/mapping/dispatch';
import { parseX12 } from '../../nodes/X12/core/tokenizer';
import { elementValue } from '../../nodes/X12/core/types';
import { checkEnvelopes, validateX12, type ValidationResult } from '../../nodes/X12/core/validate';
import { UsageError } from './io';

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
/** A missing or malformed expectations file is a usage error (exit 2), not a corpus failure. */
function readJson(file: string): unknown {
	const text = readFileSync(file, 'utf8');
	try {
		return JSON.parse(text) as unknown;
	} catch (error) {
		throw new UsageError(`${file} is not JSON: ${(error as Error).message}`);
	}
}

export function loadExpectations(dir: string, file = join(dir, 'expectations.json')): Record<string, CorpusExpectation> {
	const data = readJson(file);
	if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new UsageError(`${file} must map file names to expectations`);
	for (const [name, value] of Object.entries(data as Record<string, unknown>)) {
		const expectation = value as Partial<CorpusExpectation> | null;
		if (!expectation || typeof expectation.sets !== 'object' || !['valid', 'invalid', 'unspecified'].includes(String(expectation.validity))) {
			throw new UsageError(`${file}: "${name}" needs "sets" and "validity" (valid, invalid or unspecified)`);
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

/** What the corpus documentation states about one file; per-set arrays follow file order, null = not stated. */
export interface CorpusFacts {
	interchanges?: number;
	groups?: number;
	setsPerGroup?: number[];
	sets?: Record<string, number>;
	/** Segments from ST to SE per set (the real count, not SE01). */
	segments?: Array<number | null>;
	/** PO1 (850/855) or IT1 (810) segments per set. */
	lines?: Array<number | null>;
	/** Σ quantity × unit price (PO102×PO104, IT102×IT104) per set. */
	amounts?: Array<number | null>;
	/** HL segments per set. */
	hl?: Array<number | null>;
	/** HL03 level codes counted per set. */
	hlLevels?: Array<Record<string, number> | null>;
	/** Σ SN102 per set. */
	units?: Array<number | null>;
	/** Diagnostic codes that must be reported (any severity). */
	diagnostics?: string[];
	/** Diagnostic codes that must not be reported. */
	absentDiagnostics?: string[];
}

export interface FactMismatch {
	file: string;
	fact: string;
	expected: unknown;
	got: unknown;
}

const LINE_SETS = new Set(['850', '855', '810']);
const cents = (value: number) => Math.round(value * 100) / 100;

/** Order lines through our canonical mapping (850 PurchaseOrder, 855 OrderAck, 810 Invoice); [] for other sets. */
function mappedLines(ref: TransactionSetRef): Array<{ quantity?: unknown; unitPrice?: unknown }> {
	if (!LINE_SETS.has(ref.setId)) return [];
	const record = toCanonical(ref.setId, ref.segments, ref.context)[0] as { lines?: Array<{ quantity?: unknown; unitPrice?: unknown }> };
	return record.lines ?? [];
}

/** The facts our validator, parser, loops and mappings find in one file, in the shape of {@link CorpusFacts}. */
export function computeFacts(input: Buffer | string): Required<Omit<CorpusFacts, 'absentDiagnostics'>> {
	const report = checkEnvelopes(input);
	const sets: Record<string, number> = {};
	for (const set of report.transactionSets) sets[set.code] = (sets[set.code] ?? 0) + 1;
	const parsed = parseX12(input).interchanges.flatMap((interchange) => transactionSets(interchange));
	const lines = parsed.map(mappedLines);
	const trees = parsed.map((ref) => buildHlTree(ref.segments).nodes);
	const num = (value: unknown) => Number(value ?? 0) || 0;
	return {
		interchanges: report.interchanges.length,
		groups: report.groups.length,
		setsPerGroup: report.groups.map((group) => group.transactionSets),
		sets,
		segments: report.transactionSets.map((set) => set.segmentCount),
		lines: lines.map((list) => list.length),
		amounts: lines.map((list) => cents(list.reduce((sum, line) => sum + num(line.quantity) * num(line.unitPrice), 0))),
		hl: trees.map((nodes) => nodes.length),
		hlLevels: trees.map((nodes) => {
			const counts: Record<string, number> = {};
			for (const node of nodes) counts[node.level] = (counts[node.level] ?? 0) + 1;
			return counts;
		}),
		units: trees.map((nodes) =>
			nodes.flatMap((node) => node.segments.filter((seg) => seg.id === 'SN1')).reduce((sum, seg) => sum + num(elementValue(seg, 2)), 0),
		),
		diagnostics: [...new Set(report.diagnostics.map((d) => d.code))],
	};
}

const same = (a: unknown, b: unknown): boolean => {
	if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 0.005;
	if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => same(v, b[i]));
	if (a && b && typeof a === 'object' && typeof b === 'object') {
		const x = a as Record<string, unknown>;
		const y = b as Record<string, unknown>;
		return [...new Set([...Object.keys(x), ...Object.keys(y)])].every((key) => same(x[key] ?? 0, y[key] ?? 0));
	}
	return a === b;
};

/** Compares one file's stated facts with what we compute; each difference is one mismatch. */
export function compareFacts(file: string, expected: CorpusFacts, input: Buffer | string): FactMismatch[] {
	const out: FactMismatch[] = [];
	let got: ReturnType<typeof computeFacts>;
	try {
		got = computeFacts(input);
	} catch (error) {
		return [{ file, fact: 'crash', expected: 'no crash', got: (error as Error).message }];
	}
	for (const fact of ['interchanges', 'groups', 'setsPerGroup', 'sets'] as const) {
		if (expected[fact] !== undefined && !same(expected[fact], got[fact])) out.push({ file, fact, expected: expected[fact], got: got[fact] });
	}
	for (const fact of ['segments', 'lines', 'amounts', 'hl', 'hlLevels', 'units'] as const) {
		const stated = expected[fact];
		if (!stated) continue;
		const computed = got[fact] as unknown[];
		if (computed.length !== stated.length) {
			out.push({ file, fact: `${fact}.length`, expected: stated.length, got: computed.length });
			continue;
		}
		stated.forEach((value, i) => {
			if (value !== null && !same(value, computed[i])) out.push({ file, fact: `${fact}[${i}]`, expected: value, got: computed[i] });
		});
	}
	for (const code of expected.diagnostics ?? []) {
		if (!got.diagnostics.includes(code)) out.push({ file, fact: 'diagnostics', expected: code, got: got.diagnostics });
	}
	for (const code of expected.absentDiagnostics ?? []) {
		if (got.diagnostics.includes(code)) out.push({ file, fact: 'absentDiagnostics', expected: `no ${code}`, got: got.diagnostics });
	}
	return out;
}

/** `{"files": {name: CorpusFacts}}` from a facts file (other top-level keys such as "source" are notes). */
export function loadFacts(file: string): Record<string, CorpusFacts> {
	const data = readJson(file) as { files?: unknown } | null;
	if (!data || typeof data.files !== 'object' || data.files === null || Array.isArray(data.files)) throw new UsageError(`${file} needs a "files" object`);
	return data.files as Record<string, CorpusFacts>;
}

/** Checks the facts of every file in `dir` that the facts name (files absent from `dir` are skipped). */
export function runFacts(dir: string, facts: Record<string, CorpusFacts>): { checked: string[]; mismatches: FactMismatch[] } {
	const present = new Set(readdirSync(dir));
	const checked = Object.keys(facts).filter((file) => present.has(file)).sort();
	return { checked, mismatches: checked.flatMap((file) => compareFacts(file, facts[file], readFileSync(join(dir, file)))) };
}

/** One line per mismatch, then "facts: N files match, N differ". */
export function formatFactMismatches(report: { checked: string[]; mismatches: FactMismatch[] }): string {
	const lines = report.mismatches.map((m) => `${m.file}: ${m.fact} expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.got)}`);
	const differ = new Set(report.mismatches.map((m) => m.file)).size;
	lines.push(`facts: ${report.checked.length - differ} files match, ${differ} differ`);
	return lines.join('\n');
}
