import { acknowledgeX12Stream, type AckType } from '../../nodes/X12/core/ack';
import { buildInterchange, type FixedControlNumbers } from '../../nodes/X12/core/buildInterchange';
import { X12GenerateError } from '../../nodes/X12/core/generate';
import { validateX12Stream } from '../../nodes/X12/core/validate';
import { parseArgs, type ParsedArgs } from '../args';
import { formatCorpusTable, formatFactMismatches, loadExpectations, loadFacts, runCorpus, runFacts } from '../x12/corpus';
import { generateInput } from '../x12/generate';
import { openInput, printDiagnostics, readInput, UsageError, write } from '../x12/io';
import { writeParseJson } from '../x12/parse';
import type { Command } from './types';

interface Subcommand {
	usage: string;
	booleans: string[];
	run(args: ParsedArgs): Promise<number>;
}

const EXIT = `Exit status: 0 valid, 1 invalid input (diagnostics on stderr), 2 usage error.`;

function onePath(args: ParsedArgs, name: string): string {
	const [path, ...extra] = args.positionals;
	if (!path) throw new UsageError(`x12 ${name}: give a file, or - for stdin`);
	if (extra.length) throw new UsageError(`x12 ${name}: one file at a time (got ${args.positionals.length})`);
	return path;
}

function errorCount(diagnostics: Array<{ severity: string }>): number {
	return diagnostics.filter((d) => d.severity === 'error').length;
}

function controlNumbersFlag(args: ParsedArgs): FixedControlNumbers | undefined {
	const value = args.flags['control-number'];
	if (value === undefined) return undefined;
	const n = Number(value);
	if (value === true || !Number.isSafeInteger(n) || n < 1 || n > 999_999_999) throw new UsageError('--control-number expects an integer from 1 to 999999999');
	return { interchange: n, group: n, set: n };
}

function dateFlag(args: ParsedArgs): Date | undefined {
	const value = args.flags.date;
	if (value === undefined) return undefined;
	const date = new Date(String(value));
	if (value === true || Number.isNaN(date.getTime())) throw new UsageError('--date expects an ISO date-time, e.g. 2026-03-01T12:00:00Z');
	return date;
}

const SUBCOMMANDS: Record<string, Subcommand> = {
	parse: {
		usage: `erp-interop x12 parse <file|->

Prints the file as JSON, written while it is read (large files are not held in memory):
  {"interchanges": [{"index", "delimiters", "header", "groups": [{"header", "sets": [{"id", "controlNumber",
   "segments": [["ST","850","0001"], ...], "segmentCount"}], "trailer", "other"}], "trailer", "other"}],
   "summary": {"valid", "interchanges", "groups", "transactionSets"}, "diagnostics": [...]}
Segments are rows of plain strings; composites are arrays, repeated elements arrays of arrays.
${EXIT}`,
		booleans: [],
		async run(args) {
			const summary = await writeParseJson(openInput(onePath(args, 'parse')), write);
			if (!summary.valid) printDiagnostics(summary.diagnostics);
			return summary.valid ? 0 : 1;
		},
	},
	validate: {
		usage: `erp-interop x12 validate <file|-> [--json]

Checks envelopes: ISA fields, GS/ST structure, counts, control numbers, duplicates, dates.
  --json   print exactly one JSON object on stdout:
           {"valid", "interchanges", "groups", "transactionSets": {"850": n}, "diagnostics": [{"severity", "code", "message", ...}]}
Without --json: a summary line on stdout, diagnostics on stderr.
Exit status: 1 when there is any error-level diagnostic, 0 otherwise, 2 usage error.`,
		booleans: ['json'],
		async run(args) {
			const path = onePath(args, 'validate');
			const result = await validateX12Stream(openInput(path));
			if (args.flags.json) {
				await write(`${JSON.stringify(result)}\n`);
			} else {
				const sets = Object.entries(result.transactionSets).map(([code, n]) => `${code}x${n}`).join(' ') || 'none';
				const warnings = result.diagnostics.length - errorCount(result.diagnostics);
				await write(
					`${path}: ${result.valid ? 'valid' : 'INVALID'}, ${result.interchanges} interchange(s), ${result.groups} group(s), sets: ${sets}; ${errorCount(result.diagnostics)} error(s), ${warnings} warning(s)\n`,
				);
				printDiagnostics(result.diagnostics);
			}
			return result.valid ? 0 : 1;
		},
	},
	ack: {
		usage: `erp-interop x12 ack <file|-> [--type 997|999] [--ta1] [--json] [--control-number N] [--date ISO]

Prints the acknowledgement interchange(s) for the file: one reply per interchange, parties swapped, a 997
(default) or 999 per functional group (AK3/AK4/AK5/AK9 from the diagnostics; one bad set among good ones is
rejected alone, AK9 P). A rejected interchange gets a TA1 only; acknowledgements (FA groups) are not acknowledged.
  --type 997|999         acknowledgement type (default 997)
  --ta1                  also write a TA1 for every interchange
  --json                 print {"text", "acknowledgements", "interchanges", "ta1"} instead of the X12 text
  --control-number N     first ISA13/GS06/ST02 of the replies (default 1)
  --date ISO             date and time of the replies (default now)
${EXIT}`,
		booleans: ['ta1', 'json'],
		async run(args) {
			const path = onePath(args, 'ack');
			const type = String(args.flags.type ?? '997');
			if (type !== '997' && type !== '999') throw new UsageError('--type must be 997 or 999');
			const result = await acknowledgeX12Stream(openInput(path), {
				type: type as AckType,
				ta1: args.flags.ta1 === true,
				controlNumbers: controlNumbersFlag(args) ?? { interchange: 1, group: 1, set: 1 },
				date: dateFlag(args),
			});
			if (args.flags.json) {
				const { text, acknowledgements, interchanges, ta1 } = result;
				await write(`${JSON.stringify({ text, acknowledgements, interchanges, ta1 })}\n`);
			} else {
				await write(result.text);
			}
			for (const skipped of result.unanswered) process.stderr.write(`erp-interop x12 ack: interchange ${skipped.interchange + 1} not answered: ${skipped.reason}\n`);
			if (!result.text) process.stderr.write('erp-interop x12 ack: nothing to acknowledge (no readable interchange, or only acknowledgements)\n');
			const errors = errorCount(result.report.diagnostics);
			if (errors > 0) printDiagnostics(result.report.diagnostics);
			return errors > 0 || !result.text ? 1 : 0;
		},
	},
	generate: {
		usage: `erp-interop x12 generate <json-file|-> [--control-number N] [--date ISO]

Writes X12 from JSON: {"delimiters"?, "sender": {"qualifier","id"}, "receiver": {...}, "version": "00401",
"usage"?: "P"|"T", "controlNumbers"?: {"interchange","group","set"}, "date"?, "groups": [{"functionalId", "appSender",
"appReceiver", "version", "sets": [{"id": "850", "segments": [["BEG","00","SA","PO1"], ...]}]}]}
Segments are without ST/SE (added here, with counts); composites as arrays. Delimiters default to * : ^ ~ and a newline.
  --control-number N     first ISA13/GS06/ST02 (default 1, or "controlNumbers" in the JSON)
  --date ISO             the interchange date (default "date" in the JSON, else now)
Exit status: 0 written, 1 the document cannot be written as X12, 2 usage error.`,
		booleans: [],
		async run(args) {
			const path = onePath(args, 'generate');
			let document: unknown;
			try {
				document = JSON.parse(await readInput(path));
			} catch (error) {
				throw new UsageError(`${path} is not JSON: ${(error as Error).message}`);
			}
			const { input, delimiters } = generateInput(document, { controlNumbers: controlNumbersFlag(args), date: dateFlag(args) });
			try {
				const built = await buildInterchange(input, delimiters);
				await write(built.text);
				return 0;
			} catch (error) {
				if (!(error instanceof X12GenerateError)) throw error;
				process.stderr.write(`erp-interop x12 generate: ${error.message}\n`);
				return 1;
			}
		},
	},
	corpus: {
		usage: `erp-interop x12 corpus <dir> [--expectations file] [--facts file] [--json]

Validates every file in <dir> and compares set counts and validity with <dir>/expectations.json
({"file": {"sets": {"850": 1}, "validity": "valid"|"invalid"|"unspecified"}}). Prints a table and
"N passed, N failed" (--json: the results as JSON).
--facts file: also compares documented facts ({"files": {"file": {interchanges, groups, setsPerGroup,
sets, lines, amounts, hl, hlLevels, units, diagnostics, absentDiagnostics}}}) for the files present
in <dir>, printing one line per mismatch (file, fact, expected, got).
Exit status: 0 all match, 1 any mismatch or file without expectation, 2 usage error.`,
		booleans: ['json'],
		async run(args) {
			const dir = onePath(args, 'corpus');
			const file = args.flags.expectations;
			const expectations = loadExpectations(dir, typeof file === 'string' ? file : undefined);
			const results = runCorpus(dir, expectations);
			const factsFile = args.flags.facts;
			const facts = typeof factsFile === 'string' ? runFacts(dir, loadFacts(factsFile)) : undefined;
			if (args.flags.json) {
				const rows = results.map(({ file: name, expected, result, matches, problems }) => ({ file: name, expected, result, matches, problems }));
				await write(`${JSON.stringify(facts ? { results: rows, facts } : rows)}\n`);
			} else {
				await write(`${formatCorpusTable(results)}\n`);
				if (facts) await write(`${formatFactMismatches(facts)}\n`);
			}
			return results.every((r) => r.matches) && !facts?.mismatches.length ? 0 : 1;
		},
	},
};

const OVERVIEW = `erp-interop x12 <parse|validate|ack|generate|corpus> <file|-> [options]

X12 EDI on the command line; every subcommand prints to stdout (JSON or X12) and diagnostics to stderr.
  parse      the file as JSON (interchanges, groups, sets, segments), streamed
  validate   envelope checks; --json prints one stable JSON object
  ack        997 or 999 (and TA1) acknowledgement for the file
  generate   X12 from a JSON description
  corpus     validate a folder against its expectations.json
Run \`erp-interop x12 <subcommand> --help\` for its options.`;

export const x12Command: Command = {
	name: 'x12',
	summary: 'parse, validate, acknowledge and generate X12 EDI files',
	// The CLI answers `x12 <sub> --help` with this text before the command runs, so it carries every subcommand's usage.
	usage: [OVERVIEW, ...Object.values(SUBCOMMANDS).map((sub) => sub.usage)].join('\n\n'),
	async run(argv) {
		const [name, ...rest] = argv;
		const sub = name ? SUBCOMMANDS[name] : undefined;
		if (!sub) {
			process.stderr.write(`${name ? `erp-interop x12: unknown subcommand "${name}"\n\n` : ''}${OVERVIEW}\n`);
			return 2;
		}
		if (rest.includes('--help') || rest.includes('-h')) {
			process.stdout.write(`${sub.usage}\n`);
			return 0;
		}
		try {
			return await sub.run(parseArgs(rest, sub.booleans));
		} catch (error) {
			if (error instanceof UsageError || (error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'EISDIR') {
				process.stderr.write(`erp-interop x12 ${name}: ${(error as Error).message}\n`);
				return 2;
			}
			throw error;
		}
	},
};
