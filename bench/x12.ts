/**
 * X12 parse + validate throughput and peak memory on generated 50 MiB and 200 MiB files, side by side with
 * a hand-rolled split baseline and node-x12, plus generation throughput; every figure from the same run.
 */
import { execFile } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { buildInterchange } from '../nodes/X12/core';
import { formatTable } from './table';
import { purchaseOrder } from './x12Worker';

const run = promisify(execFile);
const MiB = 1024 * 1024;
const WORKER = join(__dirname, 'x12Worker.js');

interface Result {
	mode: string;
	bytes: number;
	ms: number;
	maxRssMb: number;
}

async function measure(mode: string, arg: string): Promise<Result> {
	// node-x12 holds ~50× the file in memory (≈ 10 GB for 200 MiB); the machine has 24 GB.
	const { stdout } = await run(process.execPath, ['--max-old-space-size=16000', WORKER, mode, arg], { maxBuffer: 1 << 20 });
	return JSON.parse(stdout) as Result;
}

/** Writes interchanges of 1,000 purchase orders each until the file reaches `mib`. */
async function generateFile(path: string, mib: number): Promise<void> {
	const out = createWriteStream(path);
	let written = 0;
	for (let n = 1; written < mib * MiB; n++) {
		const built = await buildInterchange(
			{
				sender: { qualifier: 'ZZ', id: 'BENCHSENDER' },
				receiver: { qualifier: 'ZZ', id: 'BENCHRECEIVER' },
				version: '00401',
				controlNumbers: { interchange: n, group: n, set: 1 },
				groups: [
					{
						functionalId: 'PO',
						appSender: 'BENCHSENDER',
						appReceiver: 'BENCHRECEIVER',
						version: '004010',
						sets: Array.from({ length: 1000 }, (_, i) => ({ id: '850', segments: purchaseOrder(n * 1000 + i) })),
					},
				],
			},
			{ element: '*', component: '>', segment: '~', suffix: '\n' },
		);
		written += Buffer.byteLength(built.text);
		if (!out.write(built.text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
	}
	await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

const mibps = (r: Result) => r.bytes / MiB / (r.ms / 1000);

export async function benchX12(log: (line: string) => void): Promise<string> {
	const dir = join(process.cwd(), '.bench', 'x12');
	mkdirSync(dir, { recursive: true });
	const rows = [['file', 'run', 'MiB', 'MiB/s', 'peak RSS MB', 'vs its split baseline', 'vs node-x12']];
	const label: Record<string, string> = {
		split: 'hand-rolled split, whole file (baseline)',
		'split-stream': 'hand-rolled split, streaming (baseline)',
		parse: 'validate (segments, envelope elements), whole file',
		stream: 'validate (segments, envelope elements), streaming',
		tokens: 'parse every element, whole file',
		'tokens-stream': 'parse every element, streaming',
		'node-x12': 'node-x12 full parse',
	};
	try {
		for (const size of [50, 200]) {
			const file = join(dir, `po-${size}.edi`);
			log(`x12: generating ${size} MiB of 850s`);
			await generateFile(file, size);
			const results = new Map<string, Result>();
			for (const mode of ['split', 'split-stream', 'parse', 'stream', 'tokens', 'tokens-stream', 'node-x12']) {
				log(`x12: ${mode} on ${size} MiB`);
				results.set(mode, await measure(mode, file));
			}
			const nodeX12 = results.get('node-x12');
			const baselineOf: Record<string, string> = {
				split: 'split',
				'split-stream': 'split-stream',
				parse: 'split',
				stream: 'split-stream',
				tokens: 'split',
				'tokens-stream': 'split-stream',
			};
			for (const [mode, r] of results) {
				const base = baselineOf[mode] ? results.get(baselineOf[mode]) : undefined;
				rows.push([
					`${size} MiB`,
					label[mode],
					(r.bytes / MiB).toFixed(0),
					mibps(r).toFixed(1),
					r.maxRssMb.toFixed(0),
					base ? (mibps(r) / mibps(base)).toFixed(2) : '',
					nodeX12 ? (mibps(r) / mibps(nodeX12)).toFixed(1) : '',
				]);
			}
			rmSync(file, { force: true });
		}
		log('x12: generation');
		const generation = await measure('generate', '20000');
		rows.push(['-', 'generate 850s (buildInterchange)', (generation.bytes / MiB).toFixed(0), mibps(generation).toFixed(1), generation.maxRssMb.toFixed(0), '', '']);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
	return [
		'X12 parse + validate: generated 850s (1,000 per interchange), each run in its own process. Ratios are of',
		`throughput: whole-file runs against the whole-file split, streaming runs against the streaming split, and`,
		`everything against node-x12's full parse of the same file. "validate" tokenizes every segment and splits`,
		`the envelope segments (all that envelope validation reads); "parse every element" also splits every`,
		`element of every segment into repetitions and components, as the node's Parse operation does.`,
		'',
		formatTable(rows),
	].join('\n');
}
