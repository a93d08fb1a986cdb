/**
 * One durable map of records for the file store: a snapshot file plus an append-only journal.
 *
 *   <base>.snapshot.json   {"format","gen","seq","records":[[key, record], ...]}  (atomic rename)
 *   <base>.<gen>.journal   one JSON line per change: {"q": seq, "w": [[key, record | null], ...]}
 *
 * A change is one journal line appended and fsynced under the collection's lock, so it is
 * all-or-nothing: a crash mid-append leaves a torn last line without its newline, which readers
 * ignore and the next writer cuts off. When the journal outgrows the snapshot, the state is
 * written to a temporary file, fsynced and renamed over the snapshot with the next generation,
 * and the old journal is deleted; a crash at any point leaves either the old snapshot with its
 * journal or the new one. Other processes notice changes by the journal's size (or its
 * disappearance after a compaction) and read only what was appended.
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';

import { withFileLock, type FileLockOptions } from './fileLock';
import { appendDurably, fsyncDir, ignoreMissing, statIfExists } from './fsUtil';
import type { KeyedMutex } from './mutex';
import { StateStoreError } from './types';
import { compareKeys } from './util';

export type StoredRecord = Record<string, unknown>;
export type RecordWrite = [key: string, record: StoredRecord | null];

export interface CollectionData {
	/** Grows with every change; the file store takes versions and ids from it. */
	seq: number;
	records: ReadonlyMap<string, StoredRecord>;
}

export interface Change<T> {
	result: T;
	writes?: RecordWrite[];
	/** New seq (default: unchanged). */
	seq?: number;
}

export interface CollectionOptions {
	lock: FileLockOptions;
	compactAfterBytes: number;
	fsync: boolean;
}

const FORMAT = 'erp-interop-state/1';
const NEWLINE = 0x0a;

interface JournalEntry {
	q: number;
	w: RecordWrite[];
}

function snapshotIdentity(stat: { ino: number; size: number; mtimeMs: number } | undefined): string {
	return stat ? `${stat.ino}:${stat.size}:${stat.mtimeMs}` : 'none';
}

export class Collection {
	private loaded = false;
	private gen = 0;
	private seq = 0;
	private records = new Map<string, StoredRecord>();
	/** Bytes of the current journal already applied. */
	private offset = 0;
	private snapshotBytes = 0;
	/** Identity of the snapshot file we loaded; a different one means another process compacted. */
	private snapshotId = '';
	private cleaned = false;
	private keySetVersion = 0;
	private sorted: { version: number; keys: string[] } | undefined;

	constructor(
		private readonly dir: string,
		readonly base: string,
		private readonly options: CollectionOptions,
		private readonly mutex: KeyedMutex,
	) {}

	private get snapshotPath() {
		return join(this.dir, `${this.base}.snapshot.json`);
	}

	private journalPath(gen = this.gen) {
		return join(this.dir, `${this.base}.${gen}.journal`);
	}

	private get lockPath() {
		return join(this.dir, `${this.base}.lock`);
	}

	private get data(): CollectionData {
		return { seq: this.seq, records: this.records };
	}

	/** Runs `fn` on an up-to-date view (without the cross-process lock). */
	async read<T>(fn: (data: CollectionData) => T): Promise<T> {
		return await this.mutex.run(this.base, async () => {
			await this.sync(false);
			return fn(this.data);
		});
	}

	/** Runs `fn` under the lock on an up-to-date view and durably applies the change it returns. */
	async mutate<T>(fn: (data: CollectionData) => Change<T>): Promise<T> {
		return await this.mutex.run(this.base, () =>
			withFileLock(this.lockPath, this.options.lock, async () => {
				await this.sync(true);
				if (!this.cleaned) await this.removeLeftovers();
				const change = fn(this.data);
				const seq = change.seq ?? this.seq;
				const writes = change.writes ?? [];
				if (writes.length === 0 && seq === this.seq) return change.result;
				await this.append({ q: seq, w: writes });
				if (this.offset > Math.max(this.options.compactAfterBytes, this.snapshotBytes)) {
					// The change is already durable in the journal: a failed compaction must not fail it,
					// and the next write retries.
					await this.compact().catch(() => undefined);
				}
				return change.result;
			}),
		);
	}

	/** Keys in code point order, cached until a key is added or removed. */
	sortedKeys(): string[] {
		if (this.sorted?.version !== this.keySetVersion) {
			this.sorted = { version: this.keySetVersion, keys: [...this.records.keys()].sort(compareKeys) };
		}
		return this.sorted.keys;
	}

	private apply(entry: JournalEntry) {
		for (const [key, record] of entry.w) {
			if (record === null) {
				if (this.records.delete(key)) this.keySetVersion++;
			} else {
				if (!this.records.has(key)) this.keySetVersion++;
				this.records.set(key, record);
			}
		}
		this.seq = entry.q;
	}

	private async sync(underLock: boolean): Promise<void> {
		if (this.loaded) {
			const journal = statIfExists(this.journalPath());
			const snapshot = statIfExists(this.snapshotPath);
			// A missing journal or another snapshot file means another process compacted
			// (or, for a missing journal, that nothing was ever written).
			if (journal && snapshotIdentity(snapshot) === this.snapshotId) {
				if (journal.size === this.offset) return;
				if (journal.size > this.offset && (await this.readJournal(underLock))) return;
			}
		}
		// A snapshot whose journal is missing was compacted away between our two reads: read again.
		let attempts = 1;
		while (!(await this.load(underLock)) && attempts < 10) attempts++;
	}

	/** False when a snapshot was read but its journal had already been compacted away. */
	private async load(underLock: boolean): Promise<boolean> {
		this.loaded = false;
		this.records = new Map();
		this.keySetVersion++;
		this.gen = 0;
		this.seq = 0;
		this.offset = 0;
		this.snapshotBytes = 0;
		const handle = await ignoreMissing(fs.open(this.snapshotPath, 'r'));
		let text: string | undefined;
		if (handle) {
			try {
				this.snapshotId = snapshotIdentity(await handle.stat());
				text = await handle.readFile('utf8');
			} finally {
				await handle.close();
			}
		} else {
			this.snapshotId = snapshotIdentity(undefined);
		}
		if (text !== undefined) {
			let snapshot: { format?: string; gen?: number; seq?: number; records?: Array<[string, StoredRecord]> };
			try {
				snapshot = JSON.parse(text) as typeof snapshot;
			} catch {
				snapshot = {};
			}
			if (snapshot.format !== FORMAT || !Array.isArray(snapshot.records)) {
				throw new StateStoreError(`State store file ${this.snapshotPath} is not a valid snapshot`, 'CORRUPT');
			}
			this.gen = Number(snapshot.gen);
			this.seq = Number(snapshot.seq);
			this.records = new Map(snapshot.records);
			this.snapshotBytes = Buffer.byteLength(text);
		}
		this.loaded = true;
		return (await this.readJournal(underLock)) || text === undefined;
	}

	/**
	 * Applies the complete lines after `offset`; under the lock a torn tail is cut off.
	 * False when the journal does not exist.
	 */
	private async readJournal(underLock: boolean): Promise<boolean> {
		const path = this.journalPath();
		const handle = await ignoreMissing(fs.open(path, 'r'));
		if (!handle) return false;
		let tail: Buffer;
		try {
			const { size } = await handle.stat();
			tail = Buffer.alloc(Math.max(0, size - this.offset));
			let read = 0;
			while (read < tail.length) {
				const { bytesRead } = await handle.read(tail, read, tail.length - read, this.offset + read);
				if (bytesRead === 0) break;
				read += bytesRead;
			}
			tail = tail.subarray(0, read);
		} finally {
			await handle.close();
		}
		const end = tail.lastIndexOf(NEWLINE) + 1;
		let start = 0;
		while (start < end) {
			const stop = tail.indexOf(NEWLINE, start);
			const line = tail.toString('utf8', start, stop);
			let entry: JournalEntry | undefined;
			try {
				entry = JSON.parse(line) as JournalEntry;
			} catch {
				entry = undefined;
			}
			if (!entry || !Array.isArray(entry.w) || typeof entry.q !== 'number') {
				throw new StateStoreError(
					`State store journal ${path} is corrupt at byte ${this.offset + start}`,
					'CORRUPT',
				);
			}
			this.apply(entry);
			start = stop + 1;
		}
		this.offset += end;
		if (underLock && end < tail.length) {
			// Left by a writer that died mid-append (writers hold the lock, so none is active now).
			await fs.truncate(path, this.offset);
		}
		return true;
	}

	private async append(entry: JournalEntry): Promise<void> {
		const path = this.journalPath();
		const created = this.offset === 0;
		const bytes = Buffer.from(`${JSON.stringify(entry)}\n`);
		await appendDurably(path, bytes, this.options.fsync);
		if (created && this.options.fsync) await fsyncDir(this.dir);
		this.apply(entry);
		this.offset += bytes.length;
	}

	private async compact(): Promise<void> {
		const next = this.gen + 1;
		// The next journal exists before the snapshot that names it, so readers never miss it.
		await fs.writeFile(this.journalPath(next), '');
		const body = JSON.stringify({ format: FORMAT, gen: next, seq: this.seq, records: [...this.records] });
		const temp = `${this.snapshotPath}.tmp-${process.pid}-${randomUUID()}`;
		try {
			const handle = await fs.open(temp, 'w');
			try {
				await handle.writeFile(body);
				if (this.options.fsync) await handle.sync();
				this.snapshotId = snapshotIdentity(await handle.stat());
			} finally {
				await handle.close();
			}
			await fs.rename(temp, this.snapshotPath);
		} finally {
			await ignoreMissing(fs.unlink(temp));
		}
		const old = this.journalPath();
		this.gen = next;
		this.offset = 0;
		this.snapshotBytes = Buffer.byteLength(body);
		if (this.options.fsync) await fsyncDir(this.dir);
		// Deleting the old journal tells other processes (which watch it) to reload.
		await ignoreMissing(fs.unlink(old));
	}

	/** Removes what crashed compactions leave: temporary snapshots and superseded journals. */
	private async removeLeftovers(): Promise<void> {
		this.cleaned = true;
		const names = await fs.readdir(this.dir);
		const prefix = `${this.base}.`;
		for (const name of names) {
			if (!name.startsWith(prefix)) continue;
			const rest = name.slice(prefix.length);
			const journal = /^(\d+)\.journal$/.exec(rest);
			const stale =
				rest.startsWith('snapshot.json.tmp-') || (journal !== null && Number(journal[1]) !== this.gen);
			if (stale) await ignoreMissing(fs.unlink(join(this.dir, name)));
		}
	}
}
