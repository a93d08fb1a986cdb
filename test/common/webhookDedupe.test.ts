import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { FileStateStore } from '../../nodes/common/state';
import { firstDeliveryInStore, RecentKeys } from '../../nodes/common/webhooks/dedupe';

describe('webhook delivery dedupe', () => {
	it('memory: a repeat within the ttl is refused, after it accepted again', () => {
		let now = 1_000;
		const keys = new RecentKeys(10, () => now);
		expect(keys.firstTime('evt_1', 100)).toBe(true);
		expect(keys.firstTime('evt_1', 100)).toBe(false);
		now += 101;
		expect(keys.firstTime('evt_1', 100)).toBe(true);
	});

	it('memory: stays bounded, forgetting the oldest first', () => {
		const keys = new RecentKeys(3, () => 0);
		for (const id of ['a', 'b', 'c', 'd']) expect(keys.firstTime(id, 1_000)).toBe(true);
		expect(keys.firstTime('d', 1_000)).toBe(false);
		expect(keys.firstTime('a', 1_000)).toBe(true);
	});

	describe('state store', () => {
		let dir: string;
		let store: FileStateStore;
		beforeEach(() => {
			dir = mkdtempSync(join(tmpdir(), 'dedupe-'));
			store = new FileStateStore({ folder: dir });
		});
		afterEach(async () => {
			await store.close();
			rmSync(dir, { recursive: true, force: true });
		});

		it('accepts exactly one of many concurrent deliveries of the same event', async () => {
			const results = await Promise.all(Array.from({ length: 20 }, () => firstDeliveryInStore(store, 'wf:node:evt_9')));
			expect(results.filter(Boolean)).toHaveLength(1);
			expect(await firstDeliveryInStore(store, 'wf:node:evt_10')).toBe(true);
		});
	});
});
