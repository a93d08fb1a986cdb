/**
 * One open exception per business key also when the same record fails in several executions at once
 * (a duplicate delivery handled by two queue-mode workers): found by the scale suite, where two copies
 * of an 850 failing together left two exceptions for one PO.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ExceptionQueue } from '../../nodes/common/exceptionQueue';
import { FileStateStore } from '../../nodes/common/state';

describe('ExceptionQueue under concurrent failures of one key', () => {
	let dir: string;
	let store: FileStateStore;

	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'exq-race-'));
		store = new FileStateStore({ folder: dir });
	});
	afterEach(async () => {
		await store.close();
		rmSync(dir, { recursive: true, force: true });
	});

	const failure = (key: string, n: number) => ({ payload: { po: key, copy: n }, key, message: `Invalid item reference key 9999999 (copy ${n}).`, system: 'netsuite' });

	it('keeps a single item and counts every attempt when adds of the same key run at once', async () => {
		// Two queue objects, as two executions (or workers) would have.
		const queues = [new ExceptionQueue(store, 'orders'), new ExceptionQueue(store, 'orders')];
		const added = await Promise.all(Array.from({ length: 6 }, (_, n) => queues[n % 2].add(failure('PO:1', n))));
		const items = await queues[0].list();
		expect(items).toHaveLength(1);
		expect(items[0].attempts).toBe(6);
		expect(added.filter((a) => a.created)).toHaveLength(1);
		expect(new Set(added.map((a) => a.item.id))).toEqual(new Set([items[0].id]));
		expect(items[0].meta.history).toHaveLength(6);
	});

	it('does not hold up adds of other keys, and leaves no lock behind', async () => {
		const queue = new ExceptionQueue(store, 'orders');
		await Promise.all(['PO:1', 'PO:2', 'PO:3', 'PO:1', 'PO:2'].map((key, n) => queue.add(failure(key, n))));
		expect((await queue.list()).map((i) => [i.key, i.attempts])).toEqual([
			['PO:1', 2],
			['PO:2', 2],
			['PO:3', 1],
		]);
		expect((await store.list('exceptions:locks:orders')).items).toEqual([]);
		// Keyless failures are never merged.
		await Promise.all([queue.add({ payload: 1, message: 'a' }), queue.add({ payload: 2, message: 'b' })]);
		expect(await queue.list()).toHaveLength(5);
	});
});
