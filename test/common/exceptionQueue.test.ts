import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { classifyMessage, ExceptionQueue } from '../../nodes/common/exceptionQueue';
import { FileStateStore } from '../../nodes/common/state';

describe('ExceptionQueue', () => {
	let dir: string;
	let store: FileStateStore;
	let now: Date;
	let queue: ExceptionQueue;

	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'exq-'));
		store = new FileStateStore({ folder: dir });
		now = new Date('2026-11-23T10:00:00Z');
		queue = new ExceptionQueue(store, 'orders', () => now);
	});
	afterEach(async () => {
		await store.close();
		rmSync(dir, { recursive: true, force: true });
	});

	const failure = (key: string | undefined, message = 'Field "shipTo" is required', payload: unknown = { po: key }) => ({
		payload: payload as never,
		key,
		message,
		system: 'netsuite',
		entity: 'salesOrder',
	});

	it('keeps one unresolved item per key: a repeat failure adds an attempt and keeps the newest payload and error', async () => {
		const first = await queue.add(failure('PO-1'));
		now = new Date('2026-11-23T10:05:00Z');
		const second = await queue.add({ ...failure('PO-1', 'HTTP 503 Service Unavailable'), payload: { po: 'PO-1', fixed: false } });
		expect(first.created).toBe(true);
		expect(second.created).toBe(false);
		expect(second.item.id).toBe(first.item.id);
		expect(second.item.attempts).toBe(2);
		expect(second.item.payload).toEqual({ po: 'PO-1', fixed: false });
		expect(second.item.meta.errorClass).toBe('transient');
		expect(second.item.meta.firstFailedAt).toBe('2026-11-23T10:00:00.000Z');
		expect(second.item.meta.history.map((h) => h.errorClass)).toEqual(['validation', 'transient']);
		expect((await queue.add(failure(undefined))).created).toBe(true);
		expect(await queue.list()).toHaveLength(2);
	});

	it('filters by class, system, entity, status and age', async () => {
		await queue.add(failure('A', 'HTTP 401 Unauthorized'));
		now = new Date('2026-11-23T12:00:00Z');
		await queue.add({ ...failure('B'), system: 'businesscentral' });
		await queue.add({ ...failure('C'), entity: 'invoice' });
		expect((await queue.list({ errorClass: 'auth' })).map((i) => i.key)).toEqual(['A']);
		expect((await queue.list({ system: 'netsuite' })).map((i) => i.key)).toEqual(['A', 'C']);
		expect((await queue.list({ entity: 'salesOrder' })).map((i) => i.key)).toEqual(['A', 'B']);
		expect((await queue.list({ olderThanMs: 60 * 60_000 })).map((i) => i.key)).toEqual(['A']);
		expect(await queue.list({ limit: 2 })).toHaveLength(2);
		const [c] = await queue.list({ key: 'C' });
		await queue.resolve(c.id, 'fixed by hand');
		expect((await queue.list({ status: 'open' })).map((i) => i.key)).toEqual(['A', 'B']);
		expect((await queue.list({ status: 'resolved' }))[0].meta.resolution).toBe('fixed by hand');
	});

	it('lets only one of two concurrent replays claim an item', async () => {
		const { item } = await queue.add(failure('PO-7'));
		const claims = await Promise.all([queue.claimForReplay(item.id), queue.claimForReplay(item.id), queue.claimForReplay(item.id)]);
		expect(claims.filter(Boolean)).toHaveLength(1);
		expect((await queue.get(item.id))?.status).toBe('replayed');
		expect(await queue.claimForReplay(item.id)).toBeUndefined();
		expect((await queue.claimForReplay(item.id, { includeReplayed: true }))?.meta.replays).toBe(2);
	});

	it('a replayed record that fails again is open again with one more attempt; success of its key resolves it', async () => {
		const { item } = await queue.add(failure('PO-9'));
		await queue.claimForReplay(item.id);
		const again = await queue.add(failure('PO-9', 'still missing shipTo'));
		expect(again.item.id).toBe(item.id);
		expect(again.item.status).toBe('open');
		expect(again.item.attempts).toBe(2);
		const resolved = await queue.succeeded('PO-9');
		expect(resolved.map((r) => r.id)).toEqual([item.id]);
		expect((await queue.get(item.id))?.status).toBe('resolved');
		expect(await queue.succeeded('PO-9')).toEqual([]);
		// After resolution a new failure of the same key is a new exception.
		expect((await queue.add(failure('PO-9'))).created).toBe(true);
	});

	it('edits the payload and keeps the queues apart', async () => {
		const { item } = await queue.add(failure('PO-3'));
		const edited = await queue.edit(item.id, { payload: { po: 'PO-3', shipTo: 'Store 42' }, note: 'added ship-to' });
		expect(edited?.payload).toEqual({ po: 'PO-3', shipTo: 'Store 42' });
		expect(await new ExceptionQueue(store, 'invoices').list()).toEqual([]);
	});

	it.each([
		['Authorization failed: invalid API key', 'auth'],
		['403 Forbidden', 'permission'],
		['429 Too Many Requests', 'rate_limit'],
		['Record already exists', 'duplicate'],
		['The record changed since you read it (412)', 'conflict'],
		['404 Not Found', 'not_found'],
		['connect ECONNREFUSED 127.0.0.1:443', 'transient'],
		['Field "qty" must be a number', 'validation'],
		['Something odd', 'unknown'],
	])('classifies "%s" as %s', (message, expected) => {
		expect(classifyMessage(message)).toBe(expected);
	});
});
