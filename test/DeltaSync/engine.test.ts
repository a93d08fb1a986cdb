import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { bucketOf, BUCKETS, DeltaSync, type DeltaConfig } from '../../nodes/DeltaSync/core/engine';
import { FileStateStore } from '../../nodes/common/state';

const CONFIG: DeltaConfig = { keyFields: ['sku'], compareMode: 'all', compareFields: [], keepValues: true, looseEmpty: false };

describe('DeltaSync engine', () => {
	let dir: string;
	let store: FileStateStore;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'delta-'));
		store = new FileStateStore({ folder: dir });
	});
	afterEach(async () => {
		await store.close();
		rmSync(dir, { recursive: true, force: true });
	});

	const sync = (config: Partial<DeltaConfig> = {}) => new DeltaSync(store, 'items', { ...CONFIG, ...config });
	const catalog = () => [
		{ sku: 'A', name: 'Widget', price: '9.99', qty: 5 },
		{ sku: 'B', name: 'Gadget', price: '19.99', qty: 0 },
		{ sku: 'C', name: 'Doohickey', price: '4.50', qty: 12 },
	];
	/** A run with auto-commit: diff, then write the snapshot. */
	async function commitRun(engine: DeltaSync, records: Array<Record<string, unknown>>) {
		const results = await engine.diff(records, { commit: true });
		await engine.flush();
		return results;
	}
	async function allDeleted(engine: DeltaSync, commit = false) {
		const out = [];
		for await (const batch of engine.deleted({ commit })) out.push(...batch);
		return out;
	}

	it('first run: everything is new; with Confirm the second run finds nothing new', async () => {
		const first = sync();
		const results = await first.diff(catalog());
		expect(results.map((r) => r.status)).toEqual(['new', 'new', 'new']);
		// Not confirmed: the next run offers them again.
		expect((await sync().diff(catalog())).map((r) => r.status)).toEqual(['new', 'new', 'new']);
		expect(await sync().confirm(['A', 'B', 'C', 'Z'])).toEqual({ confirmed: ['A', 'B', 'C'], missing: ['Z'] });
		expect((await sync().diff(catalog())).map((r) => r.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
	});

	it('reports changed fields with old and new values, and commits only what was confirmed', async () => {
		await commitRun(sync(), catalog());
		const next = catalog();
		next[0].price = '10.49';
		next[2].qty = 11;
		next[2].name = 'Doohickey XL';
		const results = await sync().diff(next);
		expect(results.map((r) => r.status)).toEqual(['changed', 'unchanged', 'changed']);
		expect(results[0].changes).toEqual([{ field: 'price', old: '9.99', new: '10.49' }]);
		expect(results[2].changes).toEqual([
			{ field: 'name', old: 'Doohickey', new: 'Doohickey XL' },
			{ field: 'qty', old: 12, new: 11 },
		]);
		// Only A's write succeeded downstream.
		await sync().confirm(['A']);
		expect((await sync().diff(next)).map((r) => r.status)).toEqual(['unchanged', 'unchanged', 'changed']);
	});

	it('finds deletions (keys absent since the last commit) and commits them on confirm', async () => {
		await commitRun(sync(), catalog());
		const engine = sync();
		await engine.diff(catalog().filter((r) => r.sku !== 'B'));
		const deleted = await allDeleted(engine);
		expect(deleted).toEqual([{ key: 'B', old: { name: 'Gadget', price: '19.99', qty: 0 } }]);
		// Unconfirmed: still reported next run.
		const again = sync();
		await again.diff(catalog().filter((r) => r.sku !== 'B'));
		expect((await allDeleted(again)).map((d) => d.key)).toEqual(['B']);
		await sync().confirm(['B']);
		const after = sync();
		await after.diff(catalog().filter((r) => r.sku !== 'B'));
		expect(await allDeleted(after)).toEqual([]);
		// B coming back is new.
		expect((await sync().diff(catalog()))[1].status).toBe('new');
	});

	it('compares only or all-but the chosen fields, and loosely when asked', async () => {
		await commitRun(sync({ compareMode: 'only', compareFields: ['price'] }), catalog());
		const next = catalog().map((r) => ({ ...r, qty: r.qty + 1 }));
		expect((await sync({ compareMode: 'only', compareFields: ['price'] }).diff(next)).map((r) => r.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);

		const loose = new DeltaSync(store, 'loose', { ...CONFIG, compareMode: 'except', compareFields: ['qty'], looseEmpty: true });
		await commitRun(loose, [{ sku: 'A', name: 'Widget ', note: null, qty: 1 }]);
		const same = new DeltaSync(store, 'loose', { ...CONFIG, compareMode: 'except', compareFields: ['qty'], looseEmpty: true });
		expect((await same.diff([{ sku: 'A', name: 'Widget', note: '', qty: 9 }]))[0].status).toBe('unchanged');
	});

	it('builds composite keys and names the item with a missing or repeated key', async () => {
		const engine = sync({ keyFields: ['warehouse', 'sku'] });
		const [result] = await engine.diff([{ warehouse: 'W1', sku: 'A', qty: 1 }]);
		expect(result.key).toBe('["W1","A"]');
		await expect(engine.diff([{ warehouse: 'W1', qty: 1 }], { firstIndex: 1 })).rejects.toThrow('Item 1 has no value in key field "sku"');
		await expect(sync().diff([{ sku: 'A' }, { sku: 'A' }])).rejects.toThrow('Item 1 repeats key A');
	});

	it('does not lose updates when two commits of the same scope run at once', async () => {
		const rows = Array.from({ length: 400 }, (_, i) => ({ sku: `S${i}`, qty: i }));
		await Promise.all([commitRun(sync(), rows.slice(0, 200)), commitRun(sync(), rows.slice(200))]);
		const check = sync();
		expect((await check.diff(rows)).every((r) => r.status === 'unchanged')).toBe(true);
	});

	it('fingerprints the same data the same way whatever the field order, and tells apart values a naive join would not', () => {
		const engine = sync();
		const a = engine.fingerprint({ sku: 'A', name: 'x', qty: 1 });
		expect(engine.fingerprint({ qty: 1, sku: 'A', name: 'x' })).toBe(a);
		expect(engine.fingerprint({ sku: 'A', name: 'x', qty: 1, extra: true })).not.toBe(a);
		expect(engine.fingerprint({ sku: 'A', name: 'x', qty: '1' })).not.toBe(a);
		// "a,b" + "c" vs "a" + "b,c": the length prefix keeps them apart.
		expect(engine.fingerprint({ sku: 'A', p: 'a,b', q: 'c' })).not.toBe(engine.fingerprint({ sku: 'A', p: 'a', q: 'b,c' }));
		expect(engine.fingerprint({ sku: 'A', p: { y: 1, x: 2 } })).toBe(engine.fingerprint({ sku: 'A', p: { x: 2, y: 1 } }));
	});

	it('spreads keys over the buckets', () => {
		const counts = new Array(BUCKETS).fill(0);
		for (let i = 0; i < 100_000; i++) counts[bucketOf(`SKU-${i}`)]++;
		expect(Math.max(...counts)).toBeLessThan(200);
		expect(Math.min(...counts)).toBeGreaterThan(30);
	});
});
