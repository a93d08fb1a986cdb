import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { OutgoingWebhook, WebhookDelivery } from './types';

const DEFAULT_TIMEOUT_MS = 5000;
const MAX_KEPT = 5000;

/**
 * POSTs vendor events to subscribers. Never throws: a dead subscriber is just a recorded failure.
 * Every attempt (vendor redeliveries and injected duplicates included) is recorded for inspection.
 */
export class WebhookEmitter {
	private readonly log: WebhookDelivery[] = [];
	private seq = 0;
	private pending = 0;
	private idleWaiters: Array<() => void> = [];
	private readonly timers = new Map<NodeJS.Timeout, () => void>();
	private readonly inflight = new Set<() => void>();
	private closed = false;

	/** Queues the event, plus `duplicates` extra copies sent after the original. */
	send(hook: OutgoingWebhook, duplicates = 0): void {
		if (this.closed) return;
		this.pending++;
		void (async () => {
			try {
				for (let copy = 0; copy <= duplicates && !this.closed; copy++) await this.deliver(hook, copy);
			} finally {
				this.pending--;
				if (this.pending === 0) this.flushIdle();
			}
		})();
	}

	deliveries(system?: string): WebhookDelivery[] {
		return this.log.filter((d) => !system || d.system === system).map((d) => ({ ...d, headers: { ...d.headers } }));
	}

	clear(): void {
		this.log.length = 0;
	}

	get pendingCount(): number {
		return this.pending;
	}

	/** Resolves once nothing is queued, in flight or waiting for a redelivery. */
	idle(): Promise<void> {
		if (this.pending === 0) return Promise.resolve();
		return new Promise((resolve) => this.idleWaiters.push(resolve));
	}

	/** Cancels redelivery timers and in-flight posts. */
	close(): void {
		this.closed = true;
		for (const [t, resolve] of this.timers) {
			clearTimeout(t);
			resolve();
		}
		this.timers.clear();
		for (const abort of this.inflight) abort();
		this.inflight.clear();
	}

	private async deliver(hook: OutgoingWebhook, copy: number): Promise<void> {
		const delays = hook.retry?.delaysMs ?? [];
		for (let attempt = 1; attempt <= delays.length + 1 && !this.closed; attempt++) {
			if (attempt > 1) await this.wait(delays[attempt - 2]);
			if (this.closed) return;
			const status = await this.attempt(hook, attempt, copy);
			if (status === undefined || !hook.retry?.statuses.includes(status)) return;
		}
	}

	private async attempt(hook: OutgoingWebhook, attempt: number, copy: number): Promise<number | undefined> {
		const started = Date.now();
		const record: WebhookDelivery = {
			seq: ++this.seq,
			system: hook.system,
			eventId: hook.eventId,
			url: hook.url,
			attempt,
			copy,
			at: new Date(started).toISOString(),
			durationMs: 0,
			headers: { ...hook.headers },
			body: hook.body,
		};
		try {
			record.status = await this.post(hook);
		} catch (error) {
			record.error = error instanceof Error ? error.message : String(error);
		}
		record.durationMs = Date.now() - started;
		this.log.push(record);
		if (this.log.length > MAX_KEPT) this.log.splice(0, this.log.length - MAX_KEPT);
		return record.status;
	}

	private post(hook: OutgoingWebhook): Promise<number> {
		return new Promise((resolve, reject) => {
			let url: URL;
			try {
				url = new URL(hook.url);
			} catch {
				reject(new Error('invalid subscriber URL'));
				return;
			}
			const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
			const req = send(
				url,
				{
					method: 'POST',
					agent: false,
					headers: { ...hook.headers, 'Content-Length': String(Buffer.byteLength(hook.body)) },
					timeout: hook.timeoutMs ?? DEFAULT_TIMEOUT_MS,
				},
				(res) => {
					res.resume();
					res.on('end', () => resolve(res.statusCode ?? 0));
					res.on('error', reject);
				},
			);
			const abort = () => req.destroy(new Error('sandbox closed'));
			this.inflight.add(abort);
			req.on('close', () => this.inflight.delete(abort));
			req.on('timeout', () => req.destroy(new Error('subscriber timed out')));
			req.on('error', reject);
			req.end(hook.body);
		});
	}

	private wait(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const t = setTimeout(() => {
				this.timers.delete(t);
				resolve();
			}, ms);
			// close() clears the timer and resolves, so the delivery loop can end.
			this.timers.set(t, resolve);
		});
	}

	private flushIdle(): void {
		const waiters = this.idleWaiters;
		this.idleWaiters = [];
		for (const w of waiters) w();
	}
}
