import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	IDEMPOTENCY_NAMESPACE,
	IdempotencyTimeoutError,
	runIdempotent,
	withIdempotency,
} from '../../nodes/common/idempotency';
import { FileStateStore } from '../../nodes/common/state';
import { FakeClock } from './state/contract';

let folder: string;
let clock: FakeClock;
let store: FileStateStore;

beforeEach(async () => {
	folder = await fs.mkdtemp(join(tmpdir(), 'erp-interop-idem-'));
	clock = new FakeClock();
	store = new FileStateStore({ folder, clock: clock.now });
});

afterEach(async () => {
	await store.close();
	await fs.rm(folder, { recursive: true, force: true });
});

const deferred = <T>() => {
	let resolve!: (value: T) => void;
	let reject!: (error: unknown) => void;
	const promise = new Promise<T>((res, rej) => {
		resolve = res;
		reject = rej;
	});
	return { promise, resolve, reject };
};

describe('withIdempotency', () => {
	it('runs fn the first time and returns the remembered result afterwards', async () => {
		let runs = 0;
		const fn = async () => ({ orderId: `SO-${++runs}`, at: new Date('2030-01-01T00:00:00Z') });
		const first = await runIdempotent(store, 'po:1', fn);
		expect(first).toEqual({ value: { orderId: 'SO-1', at: new Date('2030-01-01T00:00:00Z') }, replayed: false });
		const second = await runIdempotent(store, 'po:1', fn);
		// Replayed results come back through JSON.
		expect(second).toEqual({ value: { orderId: 'SO-1', at: '2030-01-01T00:00:00.000Z' }, replayed: true });
		expect(runs).toBe(1);
		expect(await withIdempotency(store, 'po:2', fn)).toMatchObject({ orderId: 'SO-2' });
		expect(runs).toBe(2);
		// Even from another instance (another process) on the same store.
		const other = new FileStateStore({ folder, clock: clock.now });
		expect(await withIdempotency(other, 'po:1', fn)).toMatchObject({ orderId: 'SO-1' });
		expect(runs).toBe(2);
	});

	it('runs fn once for concurrent callers with the same key; the others wait for its result', async () => {
		const gate = deferred<string>();
		let runs = 0;
		const fn = async () => {
			runs++;
			return await gate.promise;
		};
		const other = new FileStateStore({ folder, clock: clock.now });
		const calls = [1, 2, 3, 4, 5, 6].map((i) =>
			runIdempotent(i % 2 ? store : other, 'asn:77', fn, { pollIntervalMs: 5 }),
		);
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(runs).toBe(1);
		gate.resolve('sent');
		const outcomes = await Promise.all(calls);
		expect(outcomes.map((o) => o.value)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent', 'sent']);
		expect(outcomes.filter((o) => !o.replayed)).toHaveLength(1);
		expect(runs).toBe(1);
	});

	it('releases the claim when fn fails, so that a retry runs fn again', async () => {
		let runs = 0;
		const failing = async () => {
			runs++;
			throw new Error('vendor said 503');
		};
		await expect(withIdempotency(store, 'inv:9', failing)).rejects.toThrow('vendor said 503');
		expect(await store.get(IDEMPOTENCY_NAMESPACE, 'inv:9')).toBeUndefined();
		expect(await withIdempotency(store, 'inv:9', async () => `ok after ${runs}`)).toBe('ok after 1');
	});

	it('lets a waiting caller take over when the first caller fails', async () => {
		const gate = deferred<string>();
		const first = runIdempotent(store, 'k', async () => await gate.promise, { pollIntervalMs: 5 });
		await new Promise((resolve) => setTimeout(resolve, 20));
		let secondRan = false;
		const second = runIdempotent(
			store,
			'k',
			async () => {
				secondRan = true;
				return 'second';
			},
			{ pollIntervalMs: 5 },
		);
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(secondRan).toBe(false);
		gate.reject(new Error('first failed'));
		await expect(first).rejects.toThrow('first failed');
		expect(await second).toEqual({ value: 'second', replayed: false });
	});

	it('forgets the result after ttlMs (by the store clock)', async () => {
		let runs = 0;
		const fn = async () => ++runs;
		await withIdempotency(store, 'k', fn, { ttlMs: 60_000 });
		clock.advance(59_999);
		expect(await withIdempotency(store, 'k', fn, { ttlMs: 60_000 })).toBe(1);
		clock.advance(1);
		expect(await withIdempotency(store, 'k', fn, { ttlMs: 60_000 })).toBe(2);
	});

	it('gives up waiting after waitTimeoutMs, and takes over a claim whose lease lapsed (crashed caller)', async () => {
		// A caller that claimed the key and died.
		await store.compareAndSet(IDEMPOTENCY_NAMESPACE, 'k', null, { state: 'pending', token: 'dead' }, { ttlMs: 1000 });
		let runs = 0;
		const fn = async () => ++runs;
		const started = Date.now();
		const error = await withIdempotency(store, 'k', fn, { waitTimeoutMs: 60, pollIntervalMs: 10 }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(IdempotencyTimeoutError);
		expect((error as Error).message).toContain('"k"');
		expect(Date.now() - started).toBeGreaterThanOrEqual(60);
		expect(runs).toBe(0);
		clock.advance(1000);
		expect(await withIdempotency(store, 'k', fn)).toBe(1);
		expect(await withIdempotency(store, 'k', fn)).toBe(1);
	});

	it('remembers an undefined result and keeps namespaces apart', async () => {
		let runs = 0;
		const fn = async () => {
			runs++;
			return undefined;
		};
		expect(await runIdempotent(store, 'k', fn)).toEqual({ value: undefined, replayed: false });
		expect(await runIdempotent(store, 'k', fn)).toEqual({ value: undefined, replayed: true });
		expect(runs).toBe(1);
		await runIdempotent(store, 'k', fn, { namespace: 'other' });
		expect(runs).toBe(2);
	});
});
