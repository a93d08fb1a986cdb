import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';

/**
 * Every child is started in its own process group (detached) so that stopping it also stops what it
 * spawned (n8n's task runners); the groups still alive when this process exits or is signalled are killed.
 */
const liveGroups = new Set<number>();
let hooksInstalled = false;

export function killGroup(pid: number, signal: NodeJS.Signals): boolean {
	try {
		process.kill(-pid, signal);
		return true;
	} catch {
		return false;
	}
}

function killAllGroups(): void {
	for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
	liveGroups.clear();
}

function onSignal(signal: NodeJS.Signals): void {
	killAllGroups();
	// Re-raise with the default action unless someone else (e.g. jest) handles the signal.
	if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function installHooks(): void {
	if (hooksInstalled) return;
	hooksInstalled = true;
	process.once('exit', killAllGroups);
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, onSignal);
}

/** Starts a detached child whose whole process group is killed if this process goes away first. */
export function spawnTracked(
	command: string,
	args: string[],
	options: { cwd?: string; env?: NodeJS.ProcessEnv },
): ChildProcess {
	installHooks();
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: options.env,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const pid = child.pid;
	if (pid !== undefined) {
		liveGroups.add(pid);
		child.once('exit', () => {
			// Sweep anything the leader left behind in its group, then forget it.
			killGroup(pid, 'SIGKILL');
			liveGroups.delete(pid);
		});
	}
	return child;
}

export interface RunOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	/** Kill the process group after this long (default: no limit). */
	timeoutMs?: number;
	/** Append stdout and stderr to this file as well. */
	logFile?: string;
}

export interface RunResult {
	code: number | null;
	signal: NodeJS.Signals | null;
	timedOut: boolean;
	stdout: string;
	stderr: string;
	durationMs: number;
}

export function runProcess(command: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const child = spawnTracked(command, args, options);
		const log = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : undefined;
		const stdout: Buffer[] = [];
		const stderr: Buffer[] = [];
		child.stdout?.on('data', (chunk: Buffer) => {
			stdout.push(chunk);
			log?.write(chunk);
		});
		child.stderr?.on('data', (chunk: Buffer) => {
			stderr.push(chunk);
			log?.write(chunk);
		});
		let timedOut = false;
		const timer =
			options.timeoutMs === undefined
				? undefined
				: setTimeout(() => {
						timedOut = true;
						if (child.pid !== undefined) killGroup(child.pid, 'SIGKILL');
					}, options.timeoutMs);
		child.once('error', (error) => {
			if (timer) clearTimeout(timer);
			log?.end();
			reject(error);
		});
		child.once('close', (code, signal) => {
			if (timer) clearTimeout(timer);
			log?.end();
			resolve({
				code,
				signal,
				timedOut,
				stdout: Buffer.concat(stdout).toString('utf8'),
				stderr: Buffer.concat(stderr).toString('utf8'),
				durationMs: Date.now() - started,
			});
		});
	});
}

function tail(text: string, lines = 15): string {
	return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** Runs a command and throws, with the end of its output, unless it exits 0. */
export async function runChecked(
	what: string,
	command: string,
	args: string[],
	options: RunOptions = {},
): Promise<RunResult> {
	const result = await runProcess(command, args, options);
	if (result.code !== 0) {
		const how = result.timedOut ? `timed out after ${options.timeoutMs} ms` : `exited with ${result.code ?? result.signal}`;
		const where = options.logFile ? ` (log: ${options.logFile})` : '';
		throw new Error(`${what} ${how}${where}\n${tail(result.stderr || result.stdout)}`);
	}
	return result;
}
