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
/** node-x12 holds ~50× the file in memory; it is measured on a slice, which a throughput ratio allows. */
const NODE_X12_MIB = 10;

interface Result {
	mode: string;
	bytes: number;
	ms: number;
	maxRssMb: number;
}

async function measure(mode: string, arg: string): Promise<Result> {
	const { stdout } = await run(process.execPath, ['--max-old-space-size=8192', WORKER, mode, arg], { maxBuffer: 1 << 20 });
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
	const rows = [['file', 'run', 'MiB', 'MiB/s', 'peak RSS MB', 'vs split', 'vs node-x12']];
	try {
		const slice = join(dir, `slice-${NODE_X12_MIB}.edi`);
		await generateFile(slice, NODE_X12_MIB);
		log(`x12: node-x12 on ${NODE_X12_MIB} MiB`);
		const nodeX12 = await measure('node-x12', slice);
		for (const size of [50, 200]) {
			const file = join(dir, `po-${size}.edi`);
			log(`x12: generating ${size} MiB of 850s`);
			await generateFile(file, size);
			const results: Result[] = [];
			for (const mode of ['split', 'parse', 'stream']) {
				log(`x12: ${mode} on ${size} MiB`);
				results.push(await measure(mode, file));
			}
			const split = mibps(results[0]);
			for (const r of results) {
				rows.push([
					`${size} MiB`,
					r.mode === 'split' ? 'hand-rolled split (baseline)' : r.mode === 'parse' ? 'parse+validate (whole file)' : 'parse+validate (streaming)',
					(r.bytes / MiB).toFixed(0),
					mibps(r).toFixed(1),
					r.maxRssMb.toFixed(0),
					(mibps(r) / split).toFixed(2),
					(mibps(r) / mibps(nodeX12)).toFixed(1),
				]);
			}
			rmSync(file, { force: true });
		}
		rows.push([`${NODE_X12_MIB} MiB`, 'node-x12 full parse', String(NODE_X12_MIB), mibps(nodeX12).toFixed(1), nodeX12.maxRssMb.toFixed(0), '', '1.0']);
		log('x12: generation');
		const generation = await measure('generate', '20000');
		rows.push(['-', 'generate 850s (buildInterchange)', (generation.bytes / MiB).toFixed(0), mibps(generation).toFixed(1), generation.maxRssMb.toFixed(0), '', '']);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
	return [
		'X12 parse + validate: generated 850s (1,000 per interchange), each run in its own process; "vs split" and',
		`"vs node-x12" are throughput ratios (node-x12 measured on a ${NODE_X12_MIB} MiB slice of the same data).`,
		'',
		formatTable(rows),
	].join('\n');
}
