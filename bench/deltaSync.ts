/**
 * Delta Sync: 1,000,000 records of 20 fields diffed against a committed snapshot with 1 % changes (file
 * state store, the single-n8n default), side by side with n8n's Compare Datasets node from the pinned n8n
 * doing the same comparison. Each step runs in its own process so that its peak RSS is its own.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { defaultN8nVersion, ensureN8n } from '../cli/runtime';
import { startThrowawayPostgres } from '../cli/runtime/postgres';
import { formatTable } from './table';

const run = promisify(execFile);
const WORKER = join(__dirname, 'deltaSyncWorker.js');
const RECORDS = Number(process.env.DELTA_BENCH_RECORDS ?? 1_000_000);
/**
 * Compare Datasets looks up every record of one input by scanning the other (O(n²)): at 200,000 records
 * it had not finished after 10 CPU minutes. It runs at these sizes, and its 1,000,000 time is extrapolated.
 */
const SIDE_BY_SIDE = (process.env.DELTA_BENCH_SIDE_BY_SIDE ?? '10000,20000,40000').split(',').map(Number);

interface Result {
	mode: string;
	counts: Record<string, number>;
	ms: number;
	diffMs?: number;
	confirmMs?: number;
	maxRssMb: number;
}

async function step(args: string[], heapMb: number): Promise<Result> {
	const { stdout } = await run(process.execPath, [`--max-old-space-size=${heapMb}`, WORKER, ...args], { maxBuffer: 1 << 20, timeout: 60 * 60_000 });
	return JSON.parse(stdout) as Result;
}

const counts = (r: Result) => `${r.counts.new} new, ${r.counts.changed} changed, ${r.counts.unchanged} unchanged, ${r.counts.deleted} deleted`;
const seconds = (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);

/** Seeds a snapshot of `n` records (file store in a fresh folder, or the given PostgreSQL), then measures the diff with 1 % changes (+ confirm). */
async function deltaRun(n: number, log: (line: string) => void, postgres?: string): Promise<{ seed: Result; diff: Result }> {
	const folder = mkdtempSync(join(tmpdir(), 'delta-bench-'));
	const target = postgres ?? folder;
	const where = postgres ? 'PostgreSQL' : 'file store';
	try {
		log(`delta-sync: committing a snapshot of ${n.toLocaleString('en-US')} records (${where})`);
		const seed = await step(['seed', target, String(n)], 4096);
		log(`delta-sync: diff of ${n.toLocaleString('en-US')} records with 1 % changes, then confirm (${where})`);
		return { seed, diff: await step(['diff', target, String(n)], 4096) };
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}

export async function benchDeltaSync(log: (line: string) => void): Promise<string> {
	const runtime = await ensureN8n(defaultN8nVersion(), log);
	const nodesBase = join(runtime.home, 'node_modules', 'n8n-nodes-base');
	const compareLabel = `n8n ${runtime.version} Compare Datasets`;
	const rows = [['records', 'run', 'result', 's', 'peak RSS MB', 'Compare Datasets time / Delta Sync time']];
	let largest: { n: number; ms: number } | undefined;
	for (const n of SIDE_BY_SIDE) {
		const { diff } = await deltaRun(n, log);
		log(`delta-sync: ${compareLabel} on ${n.toLocaleString('en-US')} records`);
		const compare = await step(['compare', nodesBase, String(n)], 16_000);
		largest = { n, ms: compare.ms };
		const size = n.toLocaleString('en-US');
		rows.push([size, 'Delta Sync: diff + confirm', counts(diff), seconds(diff.ms), diff.maxRssMb.toFixed(0), (compare.ms / diff.ms).toFixed(1)]);
		rows.push([size, compareLabel, counts(compare), seconds(compare.ms), compare.maxRssMb.toFixed(0), '']);
	}
	const { seed, diff } = await deltaRun(RECORDS, log);
	const size = RECORDS.toLocaleString('en-US');
	rows.push([size, 'Delta Sync: first run, commit the snapshot (setup)', counts(seed), seconds(seed.ms), seed.maxRssMb.toFixed(0), '']);
	rows.push([size, 'Delta Sync: diff vs the snapshot', counts(diff), seconds(diff.diffMs ?? diff.ms), '', '']);
	const estimate = largest ? largest.ms * (RECORDS / largest.n) ** 2 : undefined;
	rows.push([
		size,
		'Delta Sync: diff + confirm the changes',
		'',
		seconds(diff.ms),
		diff.maxRssMb.toFixed(0),
		estimate ? `≈ ${(estimate / diff.ms).toFixed(0)} (extrapolated)` : '',
	]);
	if (estimate) rows.push([size, `${compareLabel} (not run: O(n²) from the ${largest!.n.toLocaleString('en-US')} run)`, '', `≈ ${(estimate / 1000).toFixed(0)}`, '', '']);
	// The same on PostgreSQL, the queue-mode backend (a throwaway local server, fsync off).
	const pg = await startThrowawayPostgres();
	try {
		const onPg = await deltaRun(RECORDS, log, `postgres:${JSON.stringify({ ...pg.connection, schema: pg.schema })}`);
		rows.push([size, 'Delta Sync on PostgreSQL: first run, commit the snapshot (setup)', counts(onPg.seed), seconds(onPg.seed.ms), onPg.seed.maxRssMb.toFixed(0), '']);
		rows.push([size, 'Delta Sync on PostgreSQL: diff vs the snapshot', counts(onPg.diff), seconds(onPg.diff.diffMs ?? onPg.diff.ms), '', '']);
		rows.push([size, 'Delta Sync on PostgreSQL: diff + confirm the changes', '', seconds(onPg.diff.ms), onPg.diff.maxRssMb.toFixed(0), '']);
	} finally {
		await pg.stop();
	}
	return [
		'Delta Sync: records of 20 fields, 1 % changed, diffed against a committed snapshot in the file state store',
		'(the single-n8n default; at 1,000,000 also PostgreSQL, the queue-mode backend) and the changes confirmed.',
		'Compare Datasets gets last run and this run as its two inputs (it keeps no state of its own).',
		'Targets at 1,000,000 records: diff ≤ 15 s, ≤ 1 GB peak RSS.',
		'',
		formatTable(rows),
	].join('\n');
}
