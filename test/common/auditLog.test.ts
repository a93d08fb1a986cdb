import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { AuditLog, canonicalJson, digestOf, type AuditEntry } from '../../nodes/common/auditLog';
import { FileStateStore } from '../../nodes/common/state';

describe('AuditLog', () => {
	let dir: string;
	let store: FileStateStore;
	let log: AuditLog;
	const NS = 'audit:rebates';
	const key = (i: number) => `e:${String(i).padStart(12, '0')}`;

	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'audit-'));
		store = new FileStateStore({ folder: dir });
		log = new AuditLog(store, 'rebates', () => new Date('2026-11-23T10:00:00Z'));
	});
	afterEach(async () => {
		await store.close();
		rmSync(dir, { recursive: true, force: true });
	});

	async function seed(n: number): Promise<AuditEntry[]> {
		const out: AuditEntry[] = [];
		for (let i = 1; i <= n; i++) {
			out.push(
				await log.append({
					actor: 'approver@msp.example',
					action: 'approve',
					entityType: 'accrual',
					entityId: `ACC-${i % 2}`,
					before: { amount: '10.00', status: 'pending' },
					after: { amount: '10.00', status: 'approved' },
					decision: 'approved',
					reason: `batch ${i}`,
				}),
			);
		}
		return out;
	}

	it('chains entries and verifies an untouched log', async () => {
		const entries = await seed(5);
		expect(entries.map((e) => e.index)).toEqual([1, 2, 3, 4, 5]);
		expect(entries[1].prevHash).toBe(entries[0].hash);
		expect(entries[0].beforeDigest).toBe(digestOf({ status: 'pending', amount: '10.00' }));
		expect(entries[0].before).toBeUndefined();
		const result = await log.verify();
		expect(result).toMatchObject({ valid: true, entries: 5, lastHash: entries[4].hash, problems: [] });
	});

	it('keeps a consistent chain under concurrent writers', async () => {
		await Promise.all(Array.from({ length: 25 }, (_, i) => log.append({ actor: `w${i}`, action: 'sync', entityType: 'item', entityId: String(i) })));
		const result = await log.verify();
		expect(result.valid).toBe(true);
		expect(result.entries).toBe(25);
	});

	it('names an edited entry', async () => {
		await seed(4);
		const entry = (await store.get<AuditEntry>(NS, key(3)))!.value;
		await store.put(NS, key(3), { ...entry, decision: 'rejected' });
		const result = await log.verify();
		expect(result.valid).toBe(false);
		expect(result.problems).toEqual([expect.objectContaining({ index: 3, kind: 'edited' })]);
	});

	it('names a deleted entry in the middle and at the end', async () => {
		await seed(5);
		await store.delete(NS, key(2));
		expect((await log.verify()).problems).toEqual([expect.objectContaining({ index: 2, kind: 'deleted' })]);
		await store.delete(NS, key(5));
		const problems = (await log.verify()).problems;
		expect(problems.map((p) => [p.index, p.kind])).toEqual([
			[2, 'deleted'],
			[5, 'deleted'],
		]);
		expect(problems[1].message).toContain('missing from the end');
	});

	it('names reordered entries, even when each entry is intact', async () => {
		await seed(4);
		const two = (await store.get<AuditEntry>(NS, key(2)))!.value;
		const three = (await store.get<AuditEntry>(NS, key(3)))!.value;
		await store.put(NS, key(2), three);
		await store.put(NS, key(3), two);
		const result = await log.verify();
		expect(result.valid).toBe(false);
		expect(result.problems.some((p) => p.kind === 'reordered' || p.kind === 'broken-link' || p.kind === 'deleted')).toBe(true);
		expect(result.problems[0].index).toBe(2);
	});

	it('queries by entity, oldest first', async () => {
		await seed(5);
		expect((await log.byEntity('accrual', 'ACC-1')).map((e) => e.index)).toEqual([1, 3, 5]);
		expect((await log.byEntity('accrual', 'ACC-1', 2)).map((e) => e.index)).toEqual([1, 3]);
		expect(await log.byEntity('accrual', 'ACC-9')).toEqual([]);
	});

	it('serialises canonically: key order does not change the digest', () => {
		expect(canonicalJson({ b: 1, a: [{ d: 2, c: null }] })).toBe('{"a":[{"c":null,"d":2}],"b":1}');
		expect(digestOf({ x: 1, y: 2 })).toBe(digestOf({ y: 2, x: 1 }));
	});
});
