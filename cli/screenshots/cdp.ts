/**
 * Headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`: commands
 * go to the browser's fd 3, answers and events come from its fd 4, each message JSON ended by NUL),
 * so no WebSocket client or browser-automation package is needed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/** Splits a byte stream into NUL-terminated messages. */
export class NulFramer {
	private pending: Buffer[] = [];

	constructor(private readonly onMessage: (text: string) => void) {}

	push(chunk: Buffer): void {
		let start = 0;
		for (let i = chunk.indexOf(0); i !== -1; i = chunk.indexOf(0, start)) {
			this.pending.push(chunk.subarray(start, i));
			this.onMessage(Buffer.concat(this.pending).toString('utf8'));
			this.pending = [];
			start = i + 1;
		}
		if (start < chunk.length) this.pending.push(chunk.subarray(start));
	}
}

interface Waiting {
	resolve: (result: Record<string, unknown>) => void;
	reject: (error: Error) => void;
	method: string;
}

export interface CdpEvent {
	method: string;
	params: Record<string, unknown>;
	sessionId?: string;
}

export class CdpConnection {
	private nextId = 1;
	private readonly waiting = new Map<number, Waiting>();
	private readonly listeners = new Set<(event: CdpEvent) => void>();
	private closedError: Error | undefined;

	constructor(
		private readonly output: Writable,
		input: Readable,
	) {
		const framer = new NulFramer((text) => this.receive(text));
		input.on('data', (chunk: Buffer) => framer.push(chunk));
		input.on('close', () => this.close(new Error('the browser closed the DevTools pipe')));
	}

	send<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<T> {
		if (this.closedError) return Promise.reject(this.closedError);
		const id = this.nextId++;
		return new Promise<T>((resolve, reject) => {
			this.waiting.set(id, { resolve: resolve as Waiting['resolve'], reject, method });
			this.output.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
		});
	}

	on(listener: (event: CdpEvent) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	/** The next event matching the predicate, or a timeout error naming what was awaited. */
	waitFor(what: string, predicate: (event: CdpEvent) => boolean, timeoutMs: number): Promise<CdpEvent> {
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => {
				off();
				reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
			}, timeoutMs);
			const off = this.on((event) => {
				if (!predicate(event)) return;
				clearTimeout(timer);
				off();
				resolve(event);
			});
		});
	}

	close(error = new Error('the DevTools connection is closed')): void {
		if (this.closedError) return;
		this.closedError = error;
		for (const waiting of this.waiting.values()) waiting.reject(new Error(`${waiting.method}: ${error.message}`));
		this.waiting.clear();
	}

	private receive(text: string): void {
		let message: { id?: number; result?: Record<string, unknown>; error?: { message: string; code?: number }; method?: string; params?: Record<string, unknown>; sessionId?: string };
		try {
			message = JSON.parse(text) as typeof message;
		} catch {
			return;
		}
		if (message.id !== undefined) {
			const waiting = this.waiting.get(message.id);
			if (!waiting) return;
			this.waiting.delete(message.id);
			if (message.error) waiting.reject(new Error(`${waiting.method}: ${message.error.message}`));
			else waiting.resolve(message.result ?? {});
		} else if (message.method) {
			for (const listener of [...this.listeners]) listener({ method: message.method, params: message.params ?? {}, sessionId: message.sessionId });
		}
	}
}

/** The Chromium of the Debian package `chromium` (or CHROMIUM_PATH). */
export function findChromium(): string {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter((c): c is string => !!c);
	const found = candidates.find((candidate) => existsSync(candidate));
	if (!found) throw new Error(`no Chromium found (tried ${candidates.join(', ')}); install the Debian package: apt-get install -y chromium`);
	return found;
}

export interface Browser {
	cdp: CdpConnection;
	close(): Promise<void>;
}

export async function launchChromium(options: { width: number; height: number; executable?: string }): Promise<Browser> {
	const profile = mkdtempSync(join(tmpdir(), 'erp-interop-chromium-'));
	const args = [
		'--headless=new',
		'--remote-debugging-pipe',
		'--no-first-run',
		'--no-default-browser-check',
		'--disable-gpu',
		'--disable-dev-shm-usage',
		'--disable-extensions',
		'--hide-scrollbars',
		'--mute-audio',
		`--window-size=${options.width},${options.height}`,
		`--user-data-dir=${profile}`,
		// Chromium's sandbox needs user namespaces and refuses to run as root without this.
		...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
		'about:blank',
	];
	const child: ChildProcess = spawn(options.executable ?? findChromium(), args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
	let stderr = '';
	child.stderr?.on('data', (chunk: Buffer) => {
		stderr = (stderr + chunk.toString('utf8')).slice(-4000);
	});
	const cdp = new CdpConnection(child.stdio[3] as Writable, child.stdio[4] as Readable);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	child.once('exit', (code, signal) => cdp.close(new Error(`Chromium exited (${signal ?? code}): ${stderr.trim().split('\n').slice(-3).join(' | ')}`)));
	try {
		await cdp.send('Browser.getVersion');
	} catch (error) {
		child.kill('SIGKILL');
		rmSync(profile, { recursive: true, force: true });
		throw error;
	}
	return {
		cdp,
		async close() {
			try {
				await Promise.race([cdp.send('Browser.close'), new Promise((resolve) => setTimeout(resolve, 3000))]);
			} catch {
				// already gone
			}
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
			await exited;
			rmSync(profile, { recursive: true, force: true });
		},
	};
}
