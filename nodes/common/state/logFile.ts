/**
 * An append-only log of the file store: one JSON line per entry, `{"s": seq, "a": at, "e": entry}`,
 * appended and fsynced under the log's lock. The n-th complete line has seq n, so the process keeps
 * only the byte offset of each line and reads a page straight from the file. A torn last line
 * (a writer killed mid-append) is ignored by readers and cut off by the next writer.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';

import { withFileLock, type FileLockOptions } from './fileLock';
import { appendDurably, errorCode, fsyncDir } from './fsUtil';
import type { KeyedMutex } from './mutex';
import type { LogEntry, Page } from './types';
import { StateStoreError } from './types';

const NEWLINE = 0x0a;
const CHUNK = 1 << 20;

export class LogFile {
	/** offsets[i] is where the line of seq i + 1 starts. */
	private readonly offsets: number[] = [];
	/** Bytes covered by complete lines. */
	private end = 0;

	constructor(
		private readonly dir: string,
		private readonly base: string,
		private readonly lock: FileLockOptions,
		private readonly fsync: boolean,
		private readonly mutex: KeyedMutex,
	) {}

	private get path() {
		return join(this.dir, `${this.base}.jsonl`);
	}

	async append(at: string, entryJson: string): Promise<number> {
		return await this.mutex.run(this.base, () =>
			withFileLock(join(this.dir, `${this.base}.lock`), this.lock, async () => {
				await this.sync(true);
				const seq = this.offsets.length + 1;
				const bytes = Buffer.from(`{"s":${seq},"a":${JSON.stringify(at)},"e":${entryJson}}\n`);
				const created = this.end === 0;
				await appendDurably(this.path, bytes, this.fsync);
				if (created && this.fsync) await fsyncDir(this.dir);
				this.offsets.push(this.end);
				this.end += bytes.length;
				return seq;
			}),
		);
	}

	async read<T>(after: number, limit: number): Promise<Page<LogEntry<T>, number>> {
		return await this.mutex.run(this.base, async () => {
			await this.sync(false);
			const count = this.offsets.length;
			if (after >= count) return { items: [] };
			const last = Math.min(count, after + limit);
			const from = this.offsets[after];
			const to = last < count ? this.offsets[last] : this.end;
			const handle = await fs.open(this.path, 'r');
			const buffer = Buffer.alloc(to - from);
			try {
				let read = 0;
				while (read < buffer.length) {
					const { bytesRead } = await handle.read(buffer, read, buffer.length - read, from + read);
					if (bytesRead === 0) break;
					read += bytesRead;
				}
			} finally {
				await handle.close();
			}
			const items: Array<LogEntry<T>> = [];
			let start = 0;
			for (let seq = after + 1; seq <= last; seq++) {
				const stop = buffer.indexOf(NEWLINE, start);
				const line = JSON.parse(buffer.toString('utf8', start, stop)) as { s: number; a: string; e: T };
				if (line.s !== seq) {
					throw new StateStoreError(`State store log ${this.path} is corrupt near seq ${seq}`, 'CORRUPT');
				}
				items.push({ seq, at: line.a, entry: line.e });
				start = stop + 1;
			}
			return last < count ? { items, next: last } : { items };
		});
	}

	/** Indexes lines appended since the last call; under the lock a torn tail is cut off. */
	private async sync(underLock: boolean): Promise<void> {
		const handle = await fs.open(this.path, 'r').catch((error: unknown) => {
			if (errorCode(error) === 'ENOENT') return undefined;
			throw error;
		});
		if (!handle) return;
		let size = 0;
		try {
			size = (await handle.stat()).size;
			if (size < this.end) {
				throw new StateStoreError(`State store log ${this.path} shrank: it was changed outside the store`, 'CORRUPT');
			}
			const buffer = Buffer.alloc(Math.min(CHUNK, Math.max(0, size - this.end)));
			let position = this.end;
			let lineStart = this.end;
			while (position < size) {
				const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, size - position), position);
				if (bytesRead === 0) break;
				let index = buffer.indexOf(NEWLINE, 0);
				while (index !== -1 && index < bytesRead) {
					this.offsets.push(lineStart);
					lineStart = position + index + 1;
					index = buffer.indexOf(NEWLINE, index + 1);
				}
				position += bytesRead;
			}
			this.end = lineStart;
		} finally {
			await handle.close();
		}
		if (underLock && size > this.end) await fs.truncate(this.path, this.end);
	}
}
