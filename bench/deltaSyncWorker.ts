/**
 * One Delta Sync benchmark step in its own process (so its peak RSS is its own). Prints one JSON line.
 * Modes: `seed <folder> <n>` commits the snapshot; `diff <folder> <n>` diffs a run with 1 % changes and
 * confirms the changes; `compare <n>` runs n8n's Compare Datasets node on the same two datasets.
 */
import { FileStateStore, PostgresStateStore, type StateStore } from '../nodes/common/state';
import { DeltaSync, type DeltaConfig } from '../nodes/DeltaSync/core/engine';

export const FIELDS = 20;
const BATCH = 10_000;
/** Every 100th record differs in the second run: 1 %. */
export const CHANGE_EVERY = 100;

const CONFIG: DeltaConfig = {
	keyFields: ['sku'],
	compareMode: 'all',
	compareFields: [],
	// DELTA_BENCH_KEEP_VALUES=0 measures the fingerprint-only mode (no old values for changed records).
	keepValues: process.env.DELTA_BENCH_KEEP_VALUES !== '0',
	looseEmpty: false,
};

/** Record `i` of the catalog: a key and 19 more fields of the kinds an item master has. */
export function record(i: number, changed: boolean): Record<string, unknown> {
	const r: Record<string, unknown> = {
		sku: `SKU-${String(i).padStart(8, '0')}`,
		name: `Item ${i} ${['bolt', 'nut', 'gear', 'valve', 'pump'][i % 5]}`,
		price: ((i % 9973) / 100 + 1).toFixed(2),
		cost: ((i % 7919) / 100 + 0.5).toFixed(2),
		qty: i % 500,
		uom: ['EA', 'CS', 'BX'][i % 3],
		category: `CAT-${i % 120}`,
		supplier: `SUP-${i % 800}`,
		gtin: String(10_000_000_000_000 + i),
		weight: (i % 250) / 10,
		active: i % 17 !== 0,
	};
	for (let f = Object.keys(r).length; f < FIELDS; f++) r[`attr${f}`] = `v${(i * 31 + f) % 100_003}`;
	if (changed && i % CHANGE_EVERY === 0) r.price = ((i % 9973) / 100 + 2).toFixed(2);
	return r;
}

function* batches(n: number, changed: boolean): Generator<Array<Record<string, unknown>>> {
	for (let start = 0; start < n; start += BATCH) {
		yield Array.from({ length: Math.min(BATCH, n - start) }, (_, j) => record(start + j, changed));
	}
}

/** `folder` is a file-store folder, or `postgres:` + the JSON connection settings of a PostgreSQL store. */
function openStore(target: string): StateStore {
	if (target.startsWith('postgres:')) return new PostgresStateStore({ backend: 'postgres', ...(JSON.parse(target.slice('postgres:'.length)) as object) });
	return new FileStateStore({ folder: target });
}

async function runDelta(target: string, n: number, changed: boolean): Promise<Record<string, unknown>> {
	const store = openStore(target);
	// Only the engine is timed: the records stand for what n8n hands the node, so making them is not.
	let engineNs = 0n;
	const timed = async <T>(work: () => Promise<T>): Promise<T> => {
		const at = process.hrtime.bigint();
		try {
			return await work();
		} finally {
			engineNs += process.hrtime.bigint() - at;
		}
	};
	const engine = new DeltaSync(store, 'bench', CONFIG);
	const counts = { new: 0, changed: 0, unchanged: 0, deleted: 0 };
	const toConfirm: string[] = [];
	let index = 0;
	for (const batch of batches(n, changed)) {
		for (const result of await timed(() => engine.diff(batch, { firstIndex: index, commit: !changed }))) {
			counts[result.status]++;
			if (result.status === 'changed') toConfirm.push(result.key);
		}
		index += batch.length;
	}
	await timed(async () => {
		for await (const batch of engine.deleted()) counts.deleted += batch.length;
		if (!changed) await engine.flush();
	});
	const diffMs = Number(engineNs) / 1e6;
	const confirmStarted = process.hrtime.bigint();
	if (changed) await new DeltaSync(store, 'bench', CONFIG).confirm(toConfirm);
	const confirmMs = Number(process.hrtime.bigint() - confirmStarted) / 1e6;
	await store.close();
	return { counts, diffMs, confirmMs, ms: diffMs + confirmMs };
}

/** n8n's Compare Datasets node (from the pinned n8n install) on the same data: A = last run, B = this run. */
async function runCompare(nodesBase: string, n: number): Promise<Record<string, unknown>> {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { CompareDatasets } = require(`${nodesBase}/dist/nodes/CompareDatasets/CompareDatasets.node.js`) as {
		CompareDatasets: new () => { execute(this: unknown): Promise<Array<Array<unknown>>> };
	};
	const toItems = (changed: boolean) => {
		const items: Array<{ json: Record<string, unknown> }> = [];
		for (const batch of batches(n, changed)) for (const r of batch) items.push({ json: r });
		return items;
	};
	const inputs = [toItems(false), toItems(true)];
	const parameters: Record<string, unknown> = {
		'mergeByFields.values': [{ field1: 'sku', field2: 'sku' }],
		options: {},
		fuzzyCompare: false,
		resolve: 'preferInput2',
	};
	const context = {
		getNodeParameter: (name: string, _i: number, fallback?: unknown) => (name in parameters ? parameters[name] : fallback),
		getInputData: (input = 0) => inputs[input],
		getNode: () => ({ name: 'Compare Datasets', typeVersion: 2.3, type: 'n8n-nodes-base.compareDatasets', parameters }),
	};
	const started = process.hrtime.bigint();
	const outputs = await new CompareDatasets().execute.call(context);
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	const [inAOnly, same, different, inBOnly] = outputs.map((o) => o.length);
	return { counts: { new: inBOnly, changed: different, unchanged: same, deleted: inAOnly }, ms };
}

async function main(): Promise<void> {
	const [mode, a, b] = process.argv.slice(2);
	let result: Record<string, unknown>;
	if (mode === 'seed') result = await runDelta(a, Number(b), false);
	else if (mode === 'diff') result = await runDelta(a, Number(b), true);
	else if (mode === 'compare') result = await runCompare(a, Number(b));
	else throw new Error(`unknown mode ${mode}`);
	process.stdout.write(`${JSON.stringify({ mode, ...result, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}

if (require.main === module) {
	main().catch((error: unknown) => {
		process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exit(1);
	});
}
