/**
 * Cross-process exclusion for one file of the file store: a lock file created with O_EXCL
 * (`wx`), holding the owner's pid, host and a random token. Held only for one operation
 * (milliseconds), so a lock whose owner is dead (same host) or that is older than `staleMs`
 * is taken over. Waiters announce themselves so that a busy process cannot starve them (see
 * `yieldToWaiter`). This protects processes sharing a local file system on one host; it is not
 * meant for network file systems or several hosts (use the PostgreSQL backend there).
 */
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, promises as fs, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { sleep } from 'n8n-workflow';

import { errorCode, ignoreMissing, statIfExists } from './fsUtil';
import { StateStoreError } from './types';

export interface FileLockOptions {
	timeoutMs: number;
	staleMs: number;
}

interface LockOwner {
	pid?: number;
	host?: string;
	token?: string;
}

const HOST = hostname();

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: the process exists but belongs to another user.
		return errorCode(error) === 'EPERM';
	}
}

async function readOwner(path: string): Promise<{ text: string; owner: LockOwner; mtimeMs: number } | undefined> {
	const [text, stat] = await Promise.all([ignoreMissing(fs.readFile(path, 'utf8')), ignoreMissing(fs.stat(path))]);
	if (text === undefined || stat === undefined) return undefined;
	let owner: LockOwner = {};
	try {
		owner = JSON.parse(text) as LockOwner;
	} catch {
		// Created but not yet written (or torn by a crash): judged by age alone.
		owner = {};
	}
	return { text, owner, mtimeMs: stat.mtimeMs };
}

/** A lock file without content (its creator was killed between creating and writing it). */
const EMPTY_LOCK_GRACE_MS = 2000;

function isStale(found: { owner: LockOwner; mtimeMs: number }, staleMs: number): boolean {
	const { pid, host, token } = found.owner;
	if (host === HOST && typeof pid === 'number' && pid !== process.pid && !isAlive(pid)) return true;
	const age = Date.now() - found.mtimeMs;
	return age > staleMs || (token === undefined && age > EMPTY_LOCK_GRACE_MS);
}

/** Moves a stale lock aside; puts it back if it turned out to be a fresh one taken meanwhile. */
async function breakLock(path: string, judgedText: string): Promise<void> {
	const aside = `${path}.stale-${randomUUID()}`;
	const moved = await fs.rename(path, aside).then(
		() => true,
		(error: unknown) => {
			if (errorCode(error) === 'ENOENT') return false;
			throw error;
		},
	);
	if (!moved) return;
	const text = await fs.readFile(aside, 'utf8');
	if (text !== judgedText) {
		// link() never overwrites: if yet another owner exists, theirs stands.
		await fs.link(aside, path).catch(() => undefined);
	}
	await fs.unlink(aside);
}

/**
 * Creates the lock file with its content synchronously: no other code of this process runs
 * between creating and writing it, so an empty lock file can only be left by a process killed
 * in that instant, and is taken over after a short grace period.
 */
function tryCreate(path: string, content: string): boolean {
	let fd: number | undefined;
	let failure: unknown;
	try {
		fd = openSync(path, 'wx');
	} catch (error) {
		failure = error;
	}
	if (fd === undefined) {
		if (errorCode(failure) === 'EEXIST') return false;
		throw failure;
	}
	try {
		writeSync(fd, content);
	} finally {
		closeSync(fd);
	}
	return true;
}

function readLockSync(path: string): string | undefined {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		return undefined;
	}
}

/** How long a process that just held the lock lets an announced waiter go first. */
const YIELD_MAX_MS = 250;

function removeIfOurs(path: string, content: string): void {
	if (readLockSync(path) === content) unlinkSync(path);
}

/**
 * Fairness: a process running operations back to back would otherwise re-take the lock within
 * microseconds of releasing it, and a waiter that polls would starve. A waiter announces itself
 * in `<lock>.want`; anyone about to take the lock first lets the announced waiter go (until it
 * removes the file on getting the lock, or for at most YIELD_MAX_MS if it died).
 */
async function yieldToWaiter(wantPath: string): Promise<void> {
	const started = Date.now();
	for (;;) {
		const want = statIfExists(wantPath);
		if (!want) return;
		if (Date.now() - want.mtimeMs > YIELD_MAX_MS) {
			// Left by a waiter that died or gave up without cleaning up.
			const text = readLockSync(wantPath);
			if (text !== undefined) removeIfOurs(wantPath, text);
			return;
		}
		if (Date.now() - started > YIELD_MAX_MS) return;
		await sleep(1);
	}
}

async function acquire(path: string, content: string, options: FileLockOptions): Promise<void> {
	const wantPath = `${path}.want`;
	await yieldToWaiter(wantPath);
	const deadline = Date.now() + options.timeoutMs;
	let announced = false;
	let wait = 1;
	try {
		while (!tryCreate(path, content)) {
			announced ||= tryCreate(wantPath, content);
			const found = await readOwner(path);
			if (found && isStale(found, options.staleMs)) {
				await breakLock(path, found.text);
				continue;
			}
			if (Date.now() > deadline) {
				const holder = found?.owner.pid ? ` (held by process ${found.owner.pid})` : '';
				throw new StateStoreError(
					`Timed out after ${options.timeoutMs} ms waiting for the state store lock ${path}${holder}`,
					'LOCK_TIMEOUT',
				);
			}
			await sleep(wait + Math.random() * wait);
			wait = Math.min(wait * 2, 5);
		}
	} finally {
		if (announced) removeIfOurs(wantPath, content);
	}
}

export async function withFileLock<T>(path: string, options: FileLockOptions, fn: () => Promise<T>): Promise<T> {
	const content = JSON.stringify({ pid: process.pid, host: HOST, token: randomUUID() });
	await acquire(path, content, options);
	try {
		return await fn();
	} finally {
		// Only remove our own lock: after a take-over the file belongs to someone else.
		removeIfOurs(path, content);
	}
}
