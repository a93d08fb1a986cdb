/**
 * File helpers of the file store. Metadata calls on tiny files (stat, lock files, opening the
 * journal) are synchronous: they take microseconds, less than a thread-pool round trip, and
 * nothing else of the process can interleave with them. fsync and bulk reads stay asynchronous.
 */
import { closeSync, fdatasync, fsync, openSync, statSync, writeSync, type Stats } from 'node:fs';
import { promisify } from 'node:util';

const fdatasyncAsync = promisify(fdatasync);
const fsyncAsync = promisify(fsync);

export const errorCode = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;

export function ignoreMissing<T>(promise: Promise<T>): Promise<T | undefined> {
	return promise.catch((error: unknown) => {
		if (errorCode(error) === 'ENOENT') return undefined;
		throw error;
	});
}

export function statIfExists(path: string): Stats | undefined {
	return statSync(path, { throwIfNoEntry: false });
}

/** Appends all bytes and (when asked) waits until they are on disk. */
export async function appendDurably(path: string, bytes: Buffer, sync: boolean): Promise<void> {
	const fd = openSync(path, 'a');
	try {
		let written = 0;
		while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
		if (sync) await fdatasyncAsync(fd);
	} finally {
		closeSync(fd);
	}
}

/** Makes a new or renamed directory entry durable. */
export async function fsyncDir(dir: string): Promise<void> {
	const fd = openSync(dir, 'r');
	try {
		await fsyncAsync(fd);
	} finally {
		closeSync(fd);
	}
}
