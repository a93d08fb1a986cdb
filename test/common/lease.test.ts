/** The store lease behind every cross-worker lock: exclusive, released, taken over once it expires. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { FileStateStore } from '../../nodes/common/state';
import { withLease } from '../../nodes/common/state/lease';

describe('withLease', () => {
	let dir: string;
	let store: FileStateStore;

	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'lease-'));
		store = new FileStateStore({ folder: dir });
	});
	afterEach(async () => {
		await store.close();
		rmSync(dir, { recursive: true, force: true });
	});

	const options = { ttlMs: 10_000, busyMessage: 'busy' };

	it('lets one holder in at a time and releases the lease afterwards', async () => {
		let inside = 0;
		let most = 0;
		const body = async () => {
			inside++;
			most = Math.max(most, inside);
			await new Promise((resolve) => setTimeout(resolve, 5));
			inside--;
		};
		await Promise.all(Array.from({ length: 8 }, () => withLease(store, 'locks', 'k', options, body)));
		expect(most).toBe(1);
		expect(await store.get('locks', 'k')).toBeUndefined();
	});

	it('releases the lease when the body throws', async () => {
		await expect(withLease(store, 'locks', 'k', options, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
		expect(await store.get('locks', 'k')).toBeUndefined();
	});

	it('says what is locked after waiting in vain, and takes over a lease whose holder died', async () => {
		// A holder that never releases (a killed worker): its lease is left in the store.
		await store.compareAndSet('locks', 'k', null, { owner: 'dead' }, { ttlMs: 300 });
		await expect(withLease(store, 'locks', 'k', { ttlMs: 300, waitMs: 50, busyMessage: 'ledger "q1" is locked' }, async () => 1)).rejects.toThrow(
			'ledger "q1" is locked',
		);
		await expect(withLease(store, 'locks', 'k', { ttlMs: 300, busyMessage: 'busy' }, async () => 'took over')).resolves.toBe('took over');
	});
});
