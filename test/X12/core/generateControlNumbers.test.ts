import { promises as fs } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { createStateStore, PostgresStateStore } from '../../../nodes/common/state';
import type { StateStore } from '../../../nodes/common/state';
import type { InterchangeInput } from '../../../nodes/X12/core/buildInterchange';
import { buildInterchange } from '../../../nodes/X12/core/buildInterchange';
import { controlNumberCounter, seedControlNumber, stateStoreControlNumbers } from '../../../nodes/X12/core/controlNumbers';
import { segment } from '../../../nodes/X12/core/types';
import { startTestPostgres, type TestPostgres } from '../../helpers/postgres';

let folder: string;
let stores: StateStore[];

beforeEach(async () => {
	folder = await fs.mkdtemp(join(tmpdir(), 'erp-interop-x12-control-'));
	stores = [];
});

afterEach(async () => {
	await Promise.all(stores.map(async (s) => await s.close()));
	await fs.rm(folder, { recursive: true, force: true });
});

function open(): StateStore {
	const store = createStateStore({ backend: 'file', folder, unsafeNoFsync: true });
	stores.push(store);
	return store;
}

const input = (controlNumbers: InterchangeInput['controlNumbers'], sets = 2): InterchangeInput => ({
	sender: { qualifier: 'ZZ', id: 'ACME' },
	receiver: { qualifier: 'ZZ', id: 'RETAILER' },
	version: '00401',
	date: new Date('2026-03-04T05:06:00Z'),
	controlNumbers,
	groups: [
		{
			functionalId: 'PO',
			appSender: 'ACME',
			appReceiver: 'RETAILER',
			version: '004010',
			sets: Array.from({ length: sets }, (_, i) => ({ id: '850', segments: [segment('BEG', '00', 'SA', `PO${i}`)] })),
		},
	],
});

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);

const plain = { element: '*', component: ':', segment: '~' };

/** 100 interchanges built at once, half through each store, must get unique gap-free numbers. */
async function concurrentInterchanges(a: StateStore, b: StateStore): Promise<void> {
	const built = await Promise.all(
		range(100).map(async (i) => await buildInterchange(input(stateStoreControlNumbers(i % 2 ? a : b), 1 + (i % 3)), plain)),
	);
	const isa13 = built.map((x) => x.controlNumbers.interchange);
	expect(sorted(isa13)).toEqual(range(100));
	expect(sorted(built.flatMap((x) => x.controlNumbers.groups))).toEqual(range(100));
	const setCount = range(100).reduce((sum, i) => sum + 1 + (i % 3), 0);
	expect(sorted(built.flatMap((x) => x.controlNumbers.sets.flat()))).toEqual(range(setCount));
	// Each interchange's sets form one consecutive block, and the text carries the numbers.
	for (const x of built) {
		const sets = x.controlNumbers.sets[0];
		expect(sets).toEqual(sets.map((_, i) => sets[0] + i));
		expect(x.text).toContain(`IEA*1*${String(x.controlNumbers.interchange).padStart(9, '0')}~`);
	}
	const key = 'ZZ:ACME>ZZ:RETAILER';
	expect(await a.getCounter(controlNumberCounter(key, 'interchange'))).toBe(100);
	expect(await b.getCounter(controlNumberCounter(key, 'set'))).toBe(setCount);
}

describe('stateStoreControlNumbers', () => {
	it('hands out unique, gap-free numbers to 100 concurrent interchanges (file store, two instances)', async () => {
		await concurrentInterchanges(open(), open());
	});

	it('keeps separate counters per partner', async () => {
		const store = open();
		const one = await buildInterchange(input(stateStoreControlNumbers(store, 'partner-1')), plain);
		const two = await buildInterchange(input(stateStoreControlNumbers(store, 'partner-2')), plain);
		const three = await buildInterchange(input(stateStoreControlNumbers(store, 'partner-1')), plain);
		expect([one, two, three].map((x) => x.controlNumbers.interchange)).toEqual([1, 1, 2]);
		expect(three.controlNumbers.sets).toEqual([[3, 4]]);
	});

	it('continues after a seeded last value and wraps ISA13 from 999999999 to 1', async () => {
		const store = open();
		await seedControlNumber(store, 'p', 'interchange', 999_999_998);
		await seedControlNumber(store, 'p', 'set', 999_999_998);
		const allocate = stateStoreControlNumbers(store, 'p');
		const numbers: number[] = [];
		for (let i = 0; i < 3; i++) numbers.push(await allocate('interchange', 'ignored'));
		expect(numbers).toEqual([999_999_999, 1, 2]);
		const built = await buildInterchange(input(allocate, 3), plain);
		expect(built.controlNumbers.sets).toEqual([[999_999_999, 1, 2]]);
		expect(built.text).toContain('ISA*00*          *00*          *ZZ*ACME           *ZZ*RETAILER       *260304*0506*U*00401*000000003*0*P*:~');
		await expect(seedControlNumber(store, 'p', 'group', -1)).rejects.toThrow(/Invalid/);
	});
});

describe('stateStoreControlNumbers on PostgreSQL', () => {
	let pg: TestPostgres;
	beforeAll(async () => {
		pg = await startTestPostgres();
	}, 60_000);
	afterAll(async () => {
		await pg?.stop();
	});

	it('hands out unique, gap-free numbers to 100 concurrent interchanges from two workers', async () => {
		// Separate pools, like two queue-mode workers.
		const worker = () => {
			const store = new PostgresStateStore({ ...pg.connection, schema: pg.schema, sharePool: false });
			stores.push(store);
			return store;
		};
		await concurrentInterchanges(worker(), worker());
	});
});
