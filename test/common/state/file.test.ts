import { spawn, spawnSync } from 'node:child_process';
import { promises as fs, existsSync, readdirSync, readFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';

import { defaultStateFolder, FileStateStore } from '../../../nodes/common/state';
import { fileSafeName } from '../../../nodes/common/state/util';
import { FakeClock, stateStoreContract } from './contract';
import { compileWorker } from './fixtures/compile';

let root: string;
let worker: { script: string; env: NodeJS.ProcessEnv };
beforeAll(async () => {
	root = await fs.mkdtemp(join(tmpdir(), 'erp-interop-file-store-'));
	worker = compileWorker(join(root, 'compiled'));
});
afterAll(async () => {
	await fs.rm(root, { recursive: true, force: true });
});

let counter = 0;
const newFolder = () => join(root, `s${++counter}`);

describe('file state store: contract', () => {
	let folder: string;
	beforeAll(() => {
		folder = newFolder();
	});
	// A small journal limit so that the contract also runs through compactions.
	stateStoreContract(() => ({
		open: async (clock) => new FileStateStore({ folder, clock, compactAfterBytes: 1500 }),
	}));
});

function startWorker(args: string[]) {
	const child = spawn(process.execPath, [worker.script, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: worker.env });
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
	return { child, exited, output: () => stdout, errors: () => stderr };
}

const journalFiles = (folder: string, base: string) =>
	readdirSync(folder).filter((name) => name.startsWith(`${base}.`) && name.endsWith('.journal'));

describe('file state store: files, crashes and processes', () => {
	it('defaults to <n8n user folder>/.n8n/erp-interop-state', () => {
		expect(defaultStateFolder({ N8N_USER_FOLDER: '/srv/n8n', HOME: '/root' })).toBe('/srv/n8n/.n8n/erp-interop-state');
		expect(defaultStateFolder({ HOME: '/home/node' })).toBe('/home/node/.n8n/erp-interop-state');
		const previous = process.env.N8N_USER_FOLDER;
		process.env.N8N_USER_FOLDER = '/data/n8n-home';
		try {
			expect(new FileStateStore().folder).toBe('/data/n8n-home/.n8n/erp-interop-state');
		} finally {
			if (previous === undefined) delete process.env.N8N_USER_FOLDER;
			else process.env.N8N_USER_FOLDER = previous;
		}
	});

	it('ignores and repairs a journal line torn by a crash mid-append', async () => {
		const folder = newFolder();
		const store = new FileStateStore({ folder });
		const v1 = await store.put('torn', 'k', { good: 1 });
		const base = `kv-${fileSafeName('torn')}`;
		const [journal] = journalFiles(folder, base);
		// What a writer killed mid-append leaves: a line without its newline.
		await fs.appendFile(join(folder, journal), '{"q":99,"w":[["k",{"v":"{\\"bad');

		const reopened = new FileStateStore({ folder });
		expect(await reopened.get('torn', 'k')).toMatchObject({ value: { good: 1 }, version: v1 });
		const v2 = await reopened.put('torn', 'k', { good: 2 });
		expect(v2).toBe(v1 + 1);
		const lines = readFileSync(join(folder, journal), 'utf8').split('\n');
		expect(lines.pop()).toBe('');
		expect(lines.map((line) => JSON.parse(line) as unknown)).toHaveLength(2);
		expect(await new FileStateStore({ folder }).get('torn', 'k')).toMatchObject({ value: { good: 2 } });
	});

	it('compacts the journal into an atomically replaced snapshot', async () => {
		const folder = newFolder();
		const store = new FileStateStore({ folder, compactAfterBytes: 1024 });
		for (let i = 0; i < 200; i++) await store.put('compact', `k${i % 20}`, { i, pad: 'y'.repeat(50) });
		const base = `kv-${fileSafeName('compact')}`;
		const snapshot = JSON.parse(readFileSync(join(folder, `${base}.snapshot.json`), 'utf8')) as { gen: number };
		expect(snapshot.gen).toBeGreaterThan(5);
		// Only the current generation's journal is left.
		expect(journalFiles(folder, base)).toEqual([`${base}.${snapshot.gen}.journal`]);
		const reopened = new FileStateStore({ folder });
		const page = await reopened.list<{ i: number }>('compact', { limit: 100 });
		expect(page.items).toHaveLength(20);
		expect(page.items.find((e) => e.key === 'k7')?.value.i).toBe(187);
	});

	it('keeps the old snapshot and the journal when a compaction crashes before its rename', async () => {
		const folder = newFolder();
		const store = new FileStateStore({ folder, compactAfterBytes: 600 });
		for (let i = 0; i < 5; i++) await store.put('crash', `k${i}`, 'z'.repeat(100));
		const base = `kv-${fileSafeName('crash')}`;
		const snapshotPath = join(folder, `${base}.snapshot.json`);
		const before = existsSync(snapshotPath) ? readFileSync(snapshotPath, 'utf8') : undefined;
		const rename = jest.spyOn(fs, 'rename').mockRejectedValue(new Error('simulated crash'));
		try {
			// The put itself is durable in the journal, so it succeeds although compaction fails.
			for (let i = 5; i < 12; i++) await store.put('crash', `k${i}`, 'z'.repeat(100));
		} finally {
			rename.mockRestore();
		}
		expect(existsSync(snapshotPath) ? readFileSync(snapshotPath, 'utf8') : undefined).toBe(before);
		expect(readdirSync(folder).filter((name) => name.includes('.tmp-'))).toEqual([]);
		const reopened = new FileStateStore({ folder });
		expect((await reopened.list('crash')).items.map((e) => e.key)).toHaveLength(12);
		// A leftover temporary snapshot (from a kill -9) is ignored and cleaned up.
		await fs.writeFile(`${snapshotPath}.tmp-1-x`, '{"partial');
		await reopened.put('crash', 'k12', 'after');
		expect(readdirSync(folder).filter((name) => name.includes('.tmp-'))).toEqual([]);
		expect((await new FileStateStore({ folder }).list('crash')).items).toHaveLength(13);
	});

	it('recovers a consistent state after the writing process is killed (kill -9), repeatedly', async () => {
		const folder = newFolder();
		for (let round = 0; round < 3; round++) {
			const worker = startWorker(['put-forever', folder, 'killed']);
			const target = 40 + round * 23;
			while (!worker.output().includes(`\n${target}\n`)) {
				if (worker.child.exitCode !== null) throw new Error(`worker died: ${worker.errors()}`);
				await new Promise((resolve) => setTimeout(resolve, 5));
			}
			worker.child.kill('SIGKILL');
			await worker.exited;
			const acked = Math.max(...worker.output().trim().split('\n').filter((l) => /^\d+$/.test(l)).map(Number));
			const store = new FileStateStore({ folder, lockTimeoutMs: 5000 });
			const value = (await store.get<{ i: number }>('killed', 'k'))?.value.i;
			expect([acked, acked + 1]).toContain(value);
			// The dead writer's lock (if it held one) does not block the next writer.
			await store.put('killed', 'after-crash', round);
			expect((await store.list('killed')).items.length).toBeGreaterThanOrEqual(8);
		}
	}, 20_000);

	it('keeps counters unique and gap-free across processes', async () => {
		const folder = newFolder();
		const workers = [1, 2].map(() => startWorker(['increment', folder, 'x12:isa', '150']));
		const store = new FileStateStore({ folder });
		while (!workers.every((w) => w.output().startsWith('ready\n'))) {
			if (workers.some((w) => w.child.exitCode !== null)) throw new Error(workers.map((w) => w.errors()).join('\n'));
			await new Promise((resolve) => setTimeout(resolve, 5));
		}
		for (const w of workers) w.child.stdin!.write('go\n');
		const mine: number[] = [];
		for (let i = 0; i < 150; i++) mine.push(await store.increment('x12:isa'));
		const codes = await Promise.all(workers.map((w) => w.exited));
		expect(codes).toEqual([0, 0]);
		const theirs = workers.map((w) => JSON.parse(w.output().slice('ready\n'.length)) as number[]);
		expect([...mine, ...theirs.flat()].sort((a, b) => a - b)).toEqual(Array.from({ length: 450 }, (_, i) => i + 1));
		// They really ran at the same time: in number order, the owner changes again and again.
		const owner = new Map<number, number>();
		[mine, ...theirs].forEach((values, process) => values.forEach((value) => owner.set(value, process)));
		let switches = 0;
		for (let n = 2; n <= 450; n++) if (owner.get(n) !== owner.get(n - 1)) switches++;
		expect(switches).toBeGreaterThan(10);
	}, 20_000);

	it('takes over a lock left by a dead process, waits for a live one and times out', async () => {
		const folder = newFolder();
		const store = new FileStateStore({ folder, lockTimeoutMs: 300, staleLockMs: 60_000 });
		await store.increment('c');
		const lock = join(folder, 'counters.lock');
		const deadPid = spawnSync(process.execPath, ['-e', '0']).pid;
		await fs.writeFile(lock, JSON.stringify({ pid: deadPid, host: hostname(), token: 't' }));
		expect(await store.increment('c')).toBe(2);
		expect(existsSync(lock)).toBe(false);

		// Held by a live process (this one, from another store instance's point of view).
		await fs.writeFile(lock, JSON.stringify({ pid: process.pid, host: hostname(), token: 't' }));
		const started = Date.now();
		await expect(store.increment('c')).rejects.toMatchObject({ code: 'LOCK_TIMEOUT' });
		expect(Date.now() - started).toBeGreaterThanOrEqual(300);
		// ...until it is older than staleLockMs.
		const old = new Date(Date.now() - 120_000);
		await fs.utimes(lock, old, old);
		expect(await store.increment('c')).toBe(3);
	});

	it('sees changes made by another instance (another process) without reopening', async () => {
		const folder = newFolder();
		const clock = new FakeClock();
		const a = new FileStateStore({ folder, clock: clock.now, compactAfterBytes: 512 });
		const b = new FileStateStore({ folder, clock: clock.now, compactAfterBytes: 512 });
		for (let i = 0; i < 50; i++) {
			const writer = i % 2 ? a : b;
			const reader = i % 2 ? b : a;
			await writer.put('shared', 'k', i);
			expect((await reader.get('shared', 'k'))?.value).toBe(i);
		}
		await a.append('log', 1);
		await b.append('log', 2);
		expect((await a.readLog('log')).items.map((e) => e.entry)).toEqual([1, 2]);
	});

	it('measures put and increment throughput (fsync on)', async () => {
		const store = new FileStateStore({ folder: newFolder() });
		const measure = async (op: (i: number) => Promise<unknown>) => {
			const started = process.hrtime.bigint();
			let n = 0;
			while (process.hrtime.bigint() - started < 300_000_000n) await op(n++);
			return { n, perSecond: Math.round(n / (Number(process.hrtime.bigint() - started) / 1e9)) };
		};
		const put = await measure((i) => store.put('bench', `k${i % 100}`, { i, name: 'item' }));
		const increment = await measure(() => store.increment('bench'));
		process.stdout.write(`file store: put ${put.perSecond} ops/s, increment ${increment.perSecond} ops/s\n`);
		// Timing depends on the machine's disk; what must hold is that every operation counted.
		expect(await store.getCounter('bench')).toBe(increment.n);
		expect((await store.get<{ i: number }>('bench', `k${(put.n - 1) % 100}`))?.value.i).toBe(put.n - 1);
	});
});
