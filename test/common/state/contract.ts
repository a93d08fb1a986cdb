/**
 * The behaviour every state store backend must show. `file.test.ts` and `postgres.test.ts` run
 * it; each test works in its own namespaces, so the stores need no reset between tests.
 */
import { randomBytes } from 'node:crypto';

import type { Clock, StateStore } from '../../../nodes/common/state';
import { StateStoreError } from '../../../nodes/common/state';

export interface StoreHarness {
	/**
	 * Opens a store on the shared location. Every call gives an independent instance (own pool,
	 * own in-process state), as another worker would have.
	 */
	open(clock?: Clock): Promise<StateStore>;
}

export class FakeClock {
	constructor(public ms = Date.parse('2030-01-02T03:04:05.006Z')) {}
	readonly now: Clock = () => new Date(this.ms);
	advance(ms: number) {
		this.ms += ms;
	}
}

const unique = (what: string) => `${what}:${randomBytes(5).toString('hex')}`;

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

export function stateStoreContract(getHarness: () => StoreHarness): void {
	let clock: FakeClock;
	let store: StateStore;
	const opened: StateStore[] = [];

	const open = async (c: Clock = clock.now) => {
		const s = await getHarness().open(c);
		opened.push(s);
		return s;
	};

	beforeEach(async () => {
		clock = new FakeClock();
		store = await open();
	});

	afterEach(async () => {
		await Promise.all(opened.splice(0).map(async (s) => await s.close()));
	});

	describe('key/value', () => {
		it('returns undefined for a missing key and the value, version and clock time after put', async () => {
			const ns = unique('kv');
			expect(await store.get(ns, 'a')).toBeUndefined();
			const version = await store.put(ns, 'a', { n: 1 });
			expect(version).toBeGreaterThan(0);
			expect(await store.get(ns, 'a')).toEqual({
				value: { n: 1 },
				version,
				updatedAt: '2030-01-02T03:04:05.006Z',
			});
			clock.advance(1000);
			const second = await store.put(ns, 'a', { n: 2 });
			expect(second).toBeGreaterThan(version);
			expect(await store.get(ns, 'a')).toMatchObject({ value: { n: 2 }, updatedAt: '2030-01-02T03:04:06.006Z' });
		});

		it('round-trips JSON values of every kind, keeping object key order', async () => {
			const ns = unique('kv');
			const values: unknown[] = [
				'text',
				'',
				0,
				-12.5,
				true,
				false,
				null,
				[1, 'two', [3], { four: 4 }],
				{ zeta: 1, alpha: { nested: ['x'] }, 'with space': 'ü € 😀', quote: '"\'\\', nl: 'a\nb' },
			];
			for (const [i, value] of values.entries()) await store.put(ns, `k${i}`, value);
			for (const [i, value] of values.entries()) {
				const got = await store.get(ns, `k${i}`);
				expect(got?.value).toEqual(value);
				if (value && typeof value === 'object' && !Array.isArray(value)) {
					expect(Object.keys(got?.value as object)).toEqual(Object.keys(value));
				}
			}
			// Dates are stored as their JSON (ISO string).
			await store.put(ns, 'date', { at: new Date('2030-05-06T07:08:09.000Z') });
			expect((await store.get(ns, 'date'))?.value).toEqual({ at: '2030-05-06T07:08:09.000Z' });
		});

		it('putMany writes a batch atomically (last duplicate wins) and getMany reads several keys', async () => {
			const ns = unique('batch');
			const before = await store.put(ns, 'b', 'old');
			const versions = await store.putMany(ns, [
				{ key: 'a', value: { n: 1 } },
				{ key: 'b', value: { n: 2 } },
				{ key: 'a', value: { n: 3 } },
			]);
			expect(versions).toHaveLength(3);
			expect(versions[0]).toBe(versions[2]);
			expect(versions[1]).toBeGreaterThan(before);
			const found = await store.getMany(ns, ['a', 'b', 'missing']);
			expect([...found.keys()].sort()).toEqual(['a', 'b']);
			expect(found.get('a')).toEqual({ value: { n: 3 }, version: versions[0], updatedAt: expect.any(String) });
			expect(found.get('b')?.value).toEqual({ n: 2 });
			expect(await store.putMany(ns, [])).toEqual([]);
			expect((await store.getMany(ns, [])).size).toBe(0);

			// One bad value: nothing of the batch is written.
			await expect(
				store.putMany(ns, [
					{ key: 'c', value: 1 },
					{ key: 'd', value: () => 1 },
				]),
			).rejects.toMatchObject({ code: 'NOT_SERIALIZABLE' });
			expect(await store.get(ns, 'c')).toBeUndefined();

			const many = Array.from({ length: 2000 }, (_, i) => ({ key: `k${String(i).padStart(4, '0')}`, value: { i } }));
			await store.putMany(ns, many, { ttlMs: 1000 });
			expect((await store.getMany<{ i: number }>(ns, ['k0000', 'k1999'])).get('k1999')?.value.i).toBe(1999);
			expect((await store.list(ns, { prefix: 'k', limit: 5000 })).items).toHaveLength(2000);
			clock.advance(1000);
			expect((await store.getMany(ns, ['k0000', 'a'])).has('k0000')).toBe(false);
		});

		it('keeps namespaces apart', async () => {
			const a = unique('kv');
			const b = unique('kv');
			await store.put(a, 'k', 'in a');
			expect(await store.get(b, 'k')).toBeUndefined();
			await store.put(b, 'k', 'in b');
			expect((await store.get(a, 'k'))?.value).toBe('in a');
		});

		it('compareAndSet: null means absent, a version must match, failures report the current version', async () => {
			const ns = unique('cas');
			const first = await store.compareAndSet(ns, 'k', null, 'v1');
			expect(first.ok).toBe(true);
			const v1 = first.version as number;
			expect(await store.compareAndSet(ns, 'k', null, 'again')).toEqual({ ok: false, version: v1 });
			expect(await store.compareAndSet(ns, 'k', v1 + 1000, 'wrong')).toEqual({ ok: false, version: v1 });
			const second = await store.compareAndSet(ns, 'k', v1, 'v2');
			expect(second.ok).toBe(true);
			expect(second.version).toBeGreaterThan(v1);
			expect(await store.compareAndSet(ns, 'k', v1, 'stale')).toEqual({ ok: false, version: second.version });
			expect((await store.get(ns, 'k'))?.value).toBe('v2');
			expect(await store.compareAndSet(ns, 'missing', 5, 'x')).toEqual({ ok: false, version: null });
			expect(await store.get(ns, 'missing')).toBeUndefined();
		});

		it('compareAndSet lets exactly one of many concurrent writers win', async () => {
			const ns = unique('cas');
			const other = await open();
			const claims = await Promise.all(
				range(30).map((i) => (i % 2 ? store : other).compareAndSet(ns, 'lock', null, { owner: i })),
			);
			expect(claims.filter((c) => c.ok)).toHaveLength(1);
			const winner = claims.find((c) => c.ok)?.version as number;
			const updates = await Promise.all(
				range(30).map((i) => (i % 2 ? store : other).compareAndSet(ns, 'lock', winner, { next: i })),
			);
			expect(updates.filter((c) => c.ok)).toHaveLength(1);
		});

		it('compareAndSet retry loops lose no update under contention', async () => {
			const ns = unique('cas');
			const other = await open();
			await store.put(ns, 'total', 0);
			const worker = async (s: StateStore) => {
				for (let i = 0; i < 10; i++) {
					for (;;) {
						const current = await s.get<number>(ns, 'total');
						const result = await s.compareAndSet(ns, 'total', current!.version, current!.value + 1);
						if (result.ok) break;
					}
				}
			};
			await Promise.all(range(6).map((i) => worker(i % 2 ? store : other)));
			expect((await store.get(ns, 'total'))?.value).toBe(60);
		});

		it('delete: true only for a live key, honours expectedVersion, and versions are not reused', async () => {
			const ns = unique('del');
			expect(await store.delete(ns, 'k')).toBe(false);
			const v1 = await store.put(ns, 'k', 1);
			expect(await store.delete(ns, 'k', { expectedVersion: v1 + 1 })).toBe(false);
			expect((await store.get(ns, 'k'))?.value).toBe(1);
			expect(await store.delete(ns, 'k', { expectedVersion: v1 })).toBe(true);
			expect(await store.get(ns, 'k')).toBeUndefined();
			expect(await store.delete(ns, 'k')).toBe(false);
			const v2 = await store.put(ns, 'k', 2);
			expect(v2).toBeGreaterThan(v1);
			// A CAS holding the old version cannot hit the re-created key.
			expect((await store.compareAndSet(ns, 'k', v1, 'old holder')).ok).toBe(false);
			expect(await store.delete(ns, 'k')).toBe(true);
		});

		it('entries written with a TTL expire by the store clock', async () => {
			const ns = unique('ttl');
			const v = await store.put(ns, 'short', 'x', { ttlMs: 60_000 });
			await store.put(ns, 'forever', 'y');
			expect(await store.get(ns, 'short')).toEqual({
				value: 'x',
				version: v,
				updatedAt: '2030-01-02T03:04:05.006Z',
				expiresAt: '2030-01-02T03:05:05.006Z',
			});
			clock.advance(59_999);
			expect((await store.get(ns, 'short'))?.value).toBe('x');
			clock.advance(1);
			expect(await store.get(ns, 'short')).toBeUndefined();
			expect((await store.list(ns)).items.map((e) => e.key)).toEqual(['forever']);
			expect((await store.compareAndSet(ns, 'short', v, 'z')).ok).toBe(false);
			expect(await store.delete(ns, 'short')).toBe(false);

			await store.put(ns, 'short2', 'x', { ttlMs: 10 });
			clock.advance(10);
			const replaced = await store.compareAndSet(ns, 'short2', null, 'new');
			expect(replaced.ok).toBe(true);
			expect((await store.get(ns, 'short2'))?.value).toBe('new');

			await store.put(ns, 'gone1', 1, { ttlMs: 5 });
			await store.put(ns, 'gone2', 2, { ttlMs: 5 });
			clock.advance(5);
			expect(await store.purgeExpired(ns)).toBe(2);
			expect(await store.purgeExpired(ns)).toBe(0);
			expect((await store.list(ns)).items.map((e) => e.key)).toEqual(['forever', 'short2']);
		});

		it('lists keys in code point order, paged, with prefix and after', async () => {
			const ns = unique('list');
			// '\uff01' sorts before '😀' by code point but after it by UTF-16 unit.
			const keys = ['b', 'a', 'a/2', 'a/10', 'a/1', 'A', 'B', '😀', '\uff01', 'é', 'z', 'a/3'];
			for (const key of keys) await store.put(ns, key, key.length);
			const expected = ['A', 'B', 'a', 'a/1', 'a/10', 'a/2', 'a/3', 'b', 'z', 'é', '\uff01', '😀'];
			const seen: string[] = [];
			let after: string | undefined;
			let pages = 0;
			do {
				const page = await store.list(ns, { limit: 5, after });
				pages++;
				seen.push(...page.items.map((e) => e.key));
				after = page.next;
			} while (after !== undefined);
			expect(seen).toEqual(expected);
			expect(pages).toBe(3);

			const first = await store.list<number>(ns, { limit: 1 });
			expect(first.items[0]).toMatchObject({ key: 'A', value: 1 });
			expect(typeof first.items[0].version).toBe('number');

			const prefixed = await store.list(ns, { prefix: 'a/' });
			expect(prefixed.items.map((e) => e.key)).toEqual(['a/1', 'a/10', 'a/2', 'a/3']);
			expect(prefixed.next).toBeUndefined();
			const paged = await store.list(ns, { prefix: 'a/', limit: 2, after: 'a/10' });
			expect(paged.items.map((e) => e.key)).toEqual(['a/2', 'a/3']);
			expect(paged.next).toBeUndefined();
			const exact = await store.list(ns, { prefix: 'a/', limit: 4 });
			expect(exact.items).toHaveLength(4);
			expect(exact.next).toBeUndefined();
			expect((await store.list(unique('empty'))).items).toEqual([]);
			// LIKE wildcards in a prefix are plain characters.
			await store.put(ns, 'p%_x', 1);
			expect((await store.list(ns, { prefix: 'p%' })).items.map((e) => e.key)).toEqual(['p%_x']);
			expect((await store.list(ns, { prefix: 'p_' })).items).toEqual([]);
		});

		it('rejects invalid names, keys, limits and values with a StateStoreError', async () => {
			const ns = unique('bad');
			await expect(store.get('', 'k')).rejects.toBeInstanceOf(StateStoreError);
			await expect(store.put(ns, '', 1)).rejects.toThrow(/key/);
			await expect(store.put(ns, 'a\u0000b', 1)).rejects.toThrow(/NUL/);
			await expect(store.put(ns, 'x'.repeat(1001), 1)).rejects.toThrow(/longer/);
			await expect(store.put(ns, 'k', undefined)).rejects.toMatchObject({ code: 'NOT_SERIALIZABLE' });
			const cyclic: Record<string, unknown> = { a: 1 };
			cyclic.self = cyclic;
			await expect(store.put(ns, 'k', cyclic)).rejects.toMatchObject({ code: 'NOT_SERIALIZABLE' });
			await expect(store.put(ns, 'k', () => 1)).rejects.toMatchObject({ code: 'NOT_SERIALIZABLE' });
			await expect(store.list(ns, { limit: 0 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
			await expect(store.put(ns, 'k', 1, { ttlMs: -1 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
			await expect(store.increment(unique('c'), 0)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
			expect(await store.get(ns, 'k')).toBeUndefined();
		});
	});

	describe('counters', () => {
		it('start at 0, add by 1 or more, can be read and set', async () => {
			const counter = unique('counter');
			expect(await store.getCounter(counter)).toBe(0);
			expect(await store.increment(counter)).toBe(1);
			expect(await store.increment(counter, 5)).toBe(6);
			expect(await store.getCounter(counter)).toBe(6);
			await store.setCounter(counter, 999_999_998);
			expect(await store.increment(counter)).toBe(999_999_999);
			await store.setCounter(counter, 0);
			expect(await store.increment(counter)).toBe(1);
			expect(await store.getCounter(unique('counter'))).toBe(0);
		});

		it('hands out unique, gap-free numbers to 200 concurrent callers', async () => {
			const counter = unique('counter');
			const values = await Promise.all(range(200).map(() => store.increment(counter)));
			expect([...values].sort((a, b) => a - b)).toEqual(range(200));
			expect(await store.getCounter(counter)).toBe(200);
		});

		it('stays unique and gap-free across independent store instances', async () => {
			const counter = unique('counter');
			const others = [await open(), await open()];
			const all = [store, ...others];
			const values = await Promise.all(range(300).map((i) => all[i % 3].increment(counter)));
			expect([...values].sort((a, b) => a - b)).toEqual(range(300));
		});
	});

	describe('logs', () => {
		it('appends with seq 1, 2, 3 ... and pages with after/limit', async () => {
			const log = unique('log');
			expect((await store.readLog(log)).items).toEqual([]);
			expect(await store.append(log, { n: 1 })).toBe(1);
			clock.advance(1);
			expect(await store.append(log, { n: 2 }, { at: '2031-01-01T00:00:00Z' })).toBe(2);
			expect(await store.append(log, 'three')).toBe(3);
			const all = await store.readLog(log);
			expect(all).toEqual({
				items: [
					{ seq: 1, at: '2030-01-02T03:04:05.006Z', entry: { n: 1 } },
					{ seq: 2, at: '2031-01-01T00:00:00.000Z', entry: { n: 2 } },
					{ seq: 3, at: '2030-01-02T03:04:05.007Z', entry: 'three' },
				],
			});
			const page1 = await store.readLog(log, { limit: 2 });
			expect(page1.items.map((e) => e.seq)).toEqual([1, 2]);
			expect(page1.next).toBe(2);
			const page2 = await store.readLog(log, { after: page1.next, limit: 2 });
			expect(page2.items.map((e) => e.seq)).toEqual([3]);
			expect(page2.next).toBeUndefined();
			expect((await store.readLog(log, { after: 3 })).items).toEqual([]);
			expect((await store.readLog(unique('log'))).items).toEqual([]);
		});

		it('gives concurrent appends (from several instances) unique, gap-free seqs in file order', async () => {
			const log = unique('log');
			const other = await open();
			const seqs = await Promise.all(range(100).map((i) => (i % 2 ? store : other).append(log, { i })));
			expect([...seqs].sort((a, b) => a - b)).toEqual(range(100));
			const entries = (await other.readLog<{ i: number }>(log, { limit: 1000 })).items;
			expect(entries.map((e) => e.seq)).toEqual(range(100));
			// Each append's seq points at its own entry.
			for (const [index, seq] of seqs.entries()) expect(entries[seq - 1].entry.i).toBe(index + 1);
		});
	});

	describe('queues', () => {
		it('enqueues items with defaults and reads them back', async () => {
			const queue = unique('queue');
			const id = await store.enqueue(queue, {
				payload: { order: 'SO-1', lines: [1, 2] },
				key: 'order:SO-1',
				meta: { errorClass: 'validation', message: 'bad sku' },
			});
			expect(id).toMatch(/^\d+$/);
			const item = await store.getQueueItem(queue, id);
			expect(item).toEqual({
				id,
				queue,
				key: 'order:SO-1',
				status: 'open',
				attempts: 0,
				payload: { order: 'SO-1', lines: [1, 2] },
				meta: { errorClass: 'validation', message: 'bad sku' },
				version: expect.any(Number),
				createdAt: '2030-01-02T03:04:05.006Z',
				updatedAt: '2030-01-02T03:04:05.006Z',
			});
			const bare = await store.enqueue(queue, { payload: 'x', status: 'resolved', attempts: 2 });
			expect(Number(bare)).toBeGreaterThan(Number(id));
			const bareItem = await store.getQueueItem(queue, bare);
			expect(bareItem).toMatchObject({ status: 'resolved', attempts: 2, payload: 'x' });
			expect(bareItem).not.toHaveProperty('key');
			expect(bareItem).not.toHaveProperty('meta');
			expect(await store.getQueueItem(queue, '999999999')).toBeUndefined();
			expect(await store.getQueueItem(queue, 'not-an-id')).toBeUndefined();
			expect(await store.getQueueItem(unique('queue'), id)).toBeUndefined();
		});

		it('lists by id, filtered by status or key, paged', async () => {
			const queue = unique('queue');
			const ids: string[] = [];
			for (const i of range(7)) {
				ids.push(await store.enqueue(queue, { payload: i, key: `k${i % 2}`, status: i === 4 ? 'resolved' : 'open' }));
			}
			const seen: string[] = [];
			let after: string | undefined;
			do {
				const page = await store.listQueue(queue, { limit: 3, after });
				seen.push(...page.items.map((item) => item.id));
				after = page.next;
			} while (after !== undefined);
			expect(seen).toEqual(ids);
			const open = await store.listQueue<number>(queue, { status: 'open' });
			expect(open.items.map((item) => item.payload)).toEqual([1, 2, 3, 5, 6, 7]);
			const byKey = await store.listQueue<number>(queue, { key: 'k0' });
			expect(byKey.items.map((item) => item.payload)).toEqual([2, 4, 6]);
			const both = await store.listQueue<number>(queue, { key: 'k0', status: 'open', limit: 1 });
			expect(both.items.map((item) => item.payload)).toEqual([2]);
			expect(both.next).toBe(ids[1]);
			const rest = await store.listQueue<number>(queue, { key: 'k0', status: 'open', after: both.next });
			expect(rest.items.map((item) => item.payload)).toEqual([6]);
			expect(rest.next).toBeUndefined();
		});

		it('updates status, attempts, payload and meta, with ifStatus / ifVersion conditions', async () => {
			const queue = unique('queue');
			const id = await store.enqueue(queue, { payload: { qty: 1 }, meta: { note: 'a' } });
			const before = (await store.getQueueItem(queue, id))!;
			clock.advance(5000);
			const edited = await store.updateQueueItem(queue, id, { payload: { qty: 2 }, addAttempts: 1 });
			expect(edited).toMatchObject({ payload: { qty: 2 }, attempts: 1, status: 'open', meta: { note: 'a' } });
			expect(edited!.version).toBeGreaterThan(before.version);
			expect(edited!.createdAt).toBe(before.createdAt);
			expect(edited!.updatedAt).toBe('2030-01-02T03:04:10.006Z');
			expect(await store.getQueueItem(queue, id)).toEqual(edited);

			expect(await store.updateQueueItem(queue, id, { status: 'resolved', ifStatus: 'replayed' })).toBeUndefined();
			expect(await store.updateQueueItem(queue, id, { status: 'resolved', ifVersion: before.version })).toBeUndefined();
			expect((await store.getQueueItem(queue, id))?.status).toBe('open');
			const replayed = await store.updateQueueItem(queue, id, {
				status: 'replayed',
				ifStatus: 'open',
				ifVersion: edited!.version,
				attempts: 5,
				addAttempts: 1,
				meta: null,
			});
			expect(replayed).toMatchObject({ status: 'replayed', attempts: 6 });
			expect(replayed).not.toHaveProperty('meta');
			const meta = await store.updateQueueItem(queue, id, { meta: { errorClass: 'transient' } });
			expect(meta?.meta).toEqual({ errorClass: 'transient' });
			expect(await store.updateQueueItem(queue, '424242424', { status: 'resolved' })).toBeUndefined();
			await expect(
				store.updateQueueItem(queue, id, { status: 'closed' as unknown as 'open' }),
			).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
		});

		it('lets one of many concurrent claimers win ifStatus and counts concurrent attempts exactly', async () => {
			const queue = unique('queue');
			const other = await open();
			const id = await store.enqueue(queue, { payload: 'p' });
			const claims = await Promise.all(
				range(20).map((i) =>
					(i % 2 ? store : other).updateQueueItem(queue, id, { status: 'replayed', ifStatus: 'open' }),
				),
			);
			expect(claims.filter((c) => c !== undefined)).toHaveLength(1);
			await Promise.all(range(40).map((i) => (i % 2 ? store : other).updateQueueItem(queue, id, { addAttempts: 1 })));
			expect((await store.getQueueItem(queue, id))?.attempts).toBe(40);
		});
	});

	it('keeps everything across closing and re-opening', async () => {
		const ns = unique('persist');
		const counter = unique('counter');
		const log = unique('log');
		const queue = unique('queue');
		const version = await store.put(ns, 'k', { kept: true });
		await store.increment(counter, 41);
		await store.append(log, 'first');
		const id = await store.enqueue(queue, { payload: 'item', key: 'k' });
		await store.updateQueueItem(queue, id, { addAttempts: 3 });
		await store.close();

		const reopened = await open();
		expect(await reopened.get(ns, 'k')).toEqual({ value: { kept: true }, version, updatedAt: expect.any(String) });
		expect(await reopened.increment(counter)).toBe(42);
		expect(await reopened.append(log, 'second')).toBe(2);
		expect((await reopened.readLog(log)).items.map((e) => e.entry)).toEqual(['first', 'second']);
		expect(await reopened.getQueueItem(queue, id)).toMatchObject({ payload: 'item', attempts: 3, key: 'k' });
		expect(await reopened.put(ns, 'k', 'newer')).toBeGreaterThan(version);
	});

	it('refuses to work after close', async () => {
		const closing = await open();
		await closing.close();
		await expect(closing.get(unique('ns'), 'k')).rejects.toMatchObject({ code: 'CLOSED' });
		await expect(closing.increment(unique('c'))).rejects.toMatchObject({ code: 'CLOSED' });
	});
}
