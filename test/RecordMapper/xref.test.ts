import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createStateStore, PostgresStateStore, type StateStore } from '../../nodes/common/state';
import { CrossReferenceConflictError } from '../../nodes/RecordMapper/core/errors';
import { CrossReferenceTable, STALE_MS } from '../../nodes/RecordMapper/core/xref';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';

let folder: string;
const stores: StateStore[] = [];
/** An independent store instance on the shared folder: what another worker process would have. */
const worker = () => {
	const store = createStateStore({ backend: 'file', folder });
	stores.push(store);
	return store;
};

beforeAll(() => {
	folder = mkdtempSync(join(tmpdir(), 'xref-'));
});
afterAll(async () => {
	await Promise.all(stores.map(async (store) => await store.close()));
	rmSync(folder, { recursive: true, force: true });
});

let n = 0;
const tableName = () => `t${++n}`;

describe('cross-reference tables', () => {
	it('links one customer across ERP, PSA, EDI and billing, and finds it by each system’s ID', async () => {
		const table = new CrossReferenceTable(worker(), tableName());
		const ids = { netSuite: '412', connectWisePsa: '250', 'x12:ACMEEDI': 'ACME-01', stripe: 'cus_Q1' };
		const { entity, created } = await table.upsert({ ids, label: 'Harbor Hardware' });
		expect(created).toBe(true);
		expect(entity).toMatchObject({ ids, label: 'Harbor Hardware' });
		for (const [system, id] of Object.entries(ids)) {
			expect(await table.lookup(system, id)).toEqual(entity);
		}
		// Not across systems: the same value under another system is another ID.
		expect(await table.lookup('connectWisePsa', '412')).toBeUndefined();
		expect(await table.lookupMany([{ system: 'stripe', id: 'cus_Q1' }, { system: 'netSuite', id: 'nope' }])).toEqual([entity, undefined]);
	});

	it('merges later IDs into the entity one of them already belongs to; repeating changes nothing', async () => {
		const table = new CrossReferenceTable(worker(), tableName());
		const first = await table.upsert({ ids: { netSuite: '412', connectWisePsa: '250' } });
		const second = await table.upsert({ ids: { connectWisePsa: 250 as unknown as string, chargebeeBilling: 'c1', stripe: '' } });
		expect(second).toMatchObject({ created: false, changed: true });
		expect(second.entity.id).toBe(first.entity.id);
		expect(second.entity.ids).toEqual({ netSuite: '412', connectWisePsa: '250', chargebeeBilling: 'c1' });
		const again = await table.upsert({ ids: { netSuite: '412', chargebeeBilling: 'c1' } });
		expect(again).toMatchObject({ created: false, changed: false });
		expect(again.entity.updatedAt).toBe(second.entity.updatedAt);
	});

	it('refuses a second ID for a system unless told to replace it; replacing drops the old index entry', async () => {
		const table = new CrossReferenceTable(worker(), tableName());
		const { entity } = await table.upsert({ ids: { netSuite: '412', connectWisePsa: '250' } });
		await expect(table.upsert({ ids: { connectWisePsa: '250', netSuite: '999' } })).rejects.toThrow(
			new RegExp(`Entity ${entity.id} \\(netSuite "412", connectWisePsa "250"\\) of table "t\\d+" already has netSuite "412"; linking netSuite "999" to it \\(found by connectWisePsa "250"\\)`),
		);
		expect(await table.lookup('netSuite', '999')).toBeUndefined();
		const replaced = await table.upsert({ ids: { connectWisePsa: '250', netSuite: '999' }, replace: true });
		expect(replaced.entity.ids.netSuite).toBe('999');
		expect(await table.lookup('netSuite', '412')).toBeUndefined();
		expect((await table.lookup('netSuite', '999'))?.id).toBe(entity.id);
	});

	it('names both entities when the given IDs already belong to two different ones', async () => {
		const table = new CrossReferenceTable(worker(), tableName());
		const a = await table.upsert({ ids: { netSuite: '1', connectWisePsa: '10' } });
		const b = await table.upsert({ ids: { netSuite: '2', connectWisePsa: '20' } });
		const error = await table.upsert({ ids: { netSuite: '1', connectWisePsa: '20' } }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(CrossReferenceConflictError);
		expect((error as Error).message).toContain(`entity ${a.entity.id}`);
		expect((error as Error).message).toContain(`entity ${b.entity.id}`);
		expect((error as CrossReferenceConflictError).errorClass).toBe('conflict');
	});

	it('links to a given entity ID (a canonical ID), and refuses an ID another entity holds', async () => {
		const table = new CrossReferenceTable(worker(), tableName());
		await table.upsert({ ids: { netSuite: '5' }, entityId: 'CUST-0005' });
		expect((await table.lookup('netSuite', '5'))?.id).toBe('CUST-0005');
		await expect(table.upsert({ ids: { netSuite: '5' }, entityId: 'CUST-0006' })).rejects.toThrow(/netSuite "5" already belongs to entity CUST-0005/);
	});

	it('deletes an entity with every index entry, and unlinks one system’s ID', async () => {
		const store = worker();
		const name = tableName();
		const table = new CrossReferenceTable(store, name);
		const { entity } = await table.upsert({ ids: { netSuite: '7', connectWisePsa: '70', stripe: 'cus_7' } });
		const unlinked = await table.unlink('stripe', 'cus_7');
		expect(unlinked?.ids).toEqual({ netSuite: '7', connectWisePsa: '70' });
		expect(await table.lookup('stripe', 'cus_7')).toBeUndefined();
		expect(await table.unlink('stripe', 'cus_7')).toBeUndefined();

		expect(await table.deleteEntity(entity.id)).toMatchObject({ id: entity.id });
		expect(await table.lookup('netSuite', '7')).toBeUndefined();
		expect(await table.lookup('connectWisePsa', '70')).toBeUndefined();
		expect((await store.list(`xref:${name}`)).items).toEqual([]);
		expect(await table.deleteEntity(entity.id)).toBeUndefined();
		// The IDs are free again.
		expect((await table.upsert({ ids: { netSuite: '7' } })).created).toBe(true);
	});

	it('updates: sets IDs (replacing), removes systems and keeps the index exact', async () => {
		const store = worker();
		const name = tableName();
		const table = new CrossReferenceTable(store, name);
		const { entity } = await table.upsert({ ids: { netSuite: '8', connectWisePsa: '80', stripe: 'cus_8' }, label: 'Old' });
		const { entity: updated } = await table.update(entity.id, { set: { netSuite: '88', haloPsa: '800' }, remove: ['stripe'], label: 'New' });
		expect(updated).toMatchObject({ id: entity.id, label: 'New', ids: { netSuite: '88', connectWisePsa: '80', haloPsa: '800' } });
		const keys = (await store.list(`xref:${name}`)).items.map((item) => item.key).filter((key) => key.startsWith('i:'));
		expect(keys.sort()).toEqual(['i:connectWisePsa:80', 'i:haloPsa:800', 'i:netSuite:88']);
		await expect(table.update('nope', { set: { netSuite: '1' } })).rejects.toThrow(/Entity nope does not exist/);
	});

	it('lists entities in pages, filtered by the systems they have or miss', async () => {
		const table = new CrossReferenceTable(worker(), tableName());
		for (let i = 0; i < 25; i++) {
			await table.upsert({ ids: { netSuite: `${i}`, ...(i % 3 === 0 ? { stripe: `cus_${i}` } : {}) }, entityId: `E${String(i).padStart(2, '0')}` });
		}
		const seen: string[] = [];
		let after: string | undefined;
		let pages = 0;
		do {
			const page = await table.list({ limit: 10, after });
			expect(page.items.length).toBeLessThanOrEqual(10);
			seen.push(...page.items.map((e) => e.id));
			after = page.next;
			pages++;
		} while (after);
		expect(pages).toBe(3);
		expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `E${String(i).padStart(2, '0')}`));
		const withStripe = await table.list({ limit: 100, withSystems: ['stripe'] });
		expect(withStripe.items.map((e) => e.id)).toEqual(['E00', 'E03', 'E06', 'E09', 'E12', 'E15', 'E18', 'E21', 'E24']);
		const without = await table.list({ limit: 5, withoutSystems: ['stripe'] });
		expect(without.items.map((e) => e.id)).toEqual(['E01', 'E02', 'E04', 'E05', 'E07']);
		expect((await table.list({ limit: 100, after: without.next, withoutSystems: ['stripe'] })).items).toHaveLength(11);
	});

	it('ignores an index entry left by a writer that stopped, and takes it over once it is stale', async () => {
		const store = worker();
		const name = tableName();
		let now = Date.parse('2030-01-01T00:00:00Z');
		const table = new CrossReferenceTable(store, name, () => new Date(now));
		// A writer claimed netSuite 9 for entity GHOST and stopped before writing the entity.
		await store.put(`xref:${name}`, 'i:netSuite:9', { entity: 'GHOST', at: new Date(now).toISOString() });
		expect(await table.lookup('netSuite', '9')).toBeUndefined();
		// While the claim is young it may be a run still at work: linking the ID elsewhere is a conflict.
		await expect(table.upsert({ ids: { netSuite: '9', connectWisePsa: '90' }, entityId: 'CUST-9' })).rejects.toThrow(
			/netSuite "9" already belongs to entity GHOST, which another run is linking right now/,
		);
		expect(await table.lookup('connectWisePsa', '90')).toBeUndefined();
		now += STALE_MS + 1;
		const { entity } = await table.upsert({ ids: { netSuite: '9', connectWisePsa: '90' }, entityId: 'CUST-9' });
		expect(entity.id).toBe('CUST-9');
		expect((await table.lookup('netSuite', '9'))?.id).toBe('CUST-9');
	});

	it('joins the entity another run is creating when the same ID is being linked without an entity ID', async () => {
		const store = worker();
		const name = tableName();
		const table = new CrossReferenceTable(store, name);
		await store.put(`xref:${name}`, 'i:netSuite:11', { entity: 'IN-PROGRESS', at: new Date().toISOString() });
		const { entity } = await table.upsert({ ids: { netSuite: '11', stripe: 'cus_11' } });
		expect(entity.id).toBe('IN-PROGRESS');
		expect((await table.lookup('stripe', 'cus_11'))?.id).toBe('IN-PROGRESS');
	});

	it('validates table names, systems and IDs with messages that say what to do', async () => {
		expect(() => new CrossReferenceTable(worker(), 'bad name!')).toThrow(/table name "bad name!" is not valid/);
		const table = new CrossReferenceTable(worker(), tableName());
		await expect(table.upsert({ ids: {} })).rejects.toThrow(/no system id was given/);
		await expect(table.upsert({ ids: { netSuite: { id: 1 } as unknown as string } })).rejects.toThrow(/netSuite id .* is not valid/);
		await expect(table.lookup('', '1')).rejects.toThrow(/not a valid system name/);
	});
});

/** Two workers on one store, each with its own store instance, writing at the same moment. */
function concurrency(label: string, open: () => StateStore | Promise<StateStore>) {
	describe(`concurrent writers (${label})`, () => {
		it('linking one ID to two different entities: one wins, the other gets a conflict naming both', async () => {
			const [s1, s2] = [await open(), await open()];
			for (let round = 0; round < 15; round++) {
				const name = `race${round}`;
				const a = new CrossReferenceTable(s1, name);
				const b = new CrossReferenceTable(s2, name);
				const results = await Promise.allSettled([
					a.upsert({ ids: { connectWisePsa: '250', netSuite: '412' } }),
					b.upsert({ ids: { connectWisePsa: '251', netSuite: '412' } }),
				]);
				const won = results.filter((r) => r.status === 'fulfilled');
				const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
				expect([won.length, lost.length]).toEqual([1, 1]);
				const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<CrossReferenceTable['upsert']>>>).value.entity;
				const error = lost[0].reason as Error;
				expect(error).toBeInstanceOf(CrossReferenceConflictError);
				// Both entities are named: the one that holds netSuite 412 and the IDs of the one that wanted it.
				const loserCw = winner.ids.connectWisePsa === '250' ? '251' : '250';
				expect(error.message).toContain(winner.id);
				expect(error.message).toContain(`connectWisePsa "${winner.ids.connectWisePsa}"`);
				expect(error.message).toContain(`connectWisePsa "${loserCw}"`);
				expect(error.message).toContain('netSuite "412"');
				// The store is consistent: 412 leads to the winner, the loser's other ID was given back.
				expect((await a.lookup('netSuite', '412'))?.id).toBe(winner.id);
				expect(await b.lookup('connectWisePsa', loserCw)).toBeUndefined();
				expect((await a.upsert({ ids: { connectWisePsa: loserCw } })).created).toBe(true);
			}
		});

		it('two writers linking different systems to one entity at once: both IDs end up on it', async () => {
			const [s1, s2] = [await open(), await open()];
			const a = new CrossReferenceTable(s1, 'merge');
			const b = new CrossReferenceTable(s2, 'merge');
			const { entity } = await a.upsert({ ids: { netSuite: '500' } });
			for (let i = 0; i < 10; i++) {
				await Promise.all([a.upsert({ ids: { netSuite: '500', [`psa${i}`]: `p${i}` } }), b.upsert({ ids: { netSuite: '500', [`bill${i}`]: `b${i}` } })]);
			}
			const final = await b.lookup('netSuite', '500');
			expect(final?.id).toBe(entity.id);
			expect(Object.keys(final!.ids).length).toBe(21);
			for (let i = 0; i < 10; i++) expect((await a.lookup(`bill${i}`, `b${i}`))?.id).toBe(entity.id);
		});

		it('the same new IDs from two writers at once make one entity, not two', async () => {
			const [s1, s2] = [await open(), await open()];
			for (let round = 0; round < 10; round++) {
				const name = `same${round}`;
				const [r1, r2] = await Promise.all([
					new CrossReferenceTable(s1, name).upsert({ ids: { netSuite: '1', stripe: 'cus_1' } }),
					new CrossReferenceTable(s2, name).upsert({ ids: { netSuite: '1', stripe: 'cus_1' } }),
				]);
				expect(r1.entity.id).toBe(r2.entity.id);
				expect((await new CrossReferenceTable(s1, name).list()).items).toHaveLength(1);
			}
		});
	});
}

concurrency('file store, two instances on one folder', () => worker());

describe('on PostgreSQL (queue mode)', () => {
	let pg: TestPostgres;
	const pools: StateStore[] = [];
	beforeAll(async () => {
		pg = await startTestPostgres();
	}, 60_000);
	afterAll(async () => {
		await Promise.all(pools.map(async (store) => await store.close()));
		await pg?.stop();
	});
	concurrency('PostgreSQL, two pools', () => {
		const store = new PostgresStateStore({ ...pg.connection, schema: pg.schema, sharePool: false });
		pools.push(store);
		return store;
	});
});
