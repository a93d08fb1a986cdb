/**
 * The sender's side of a load scenario: N messages posted with bounded concurrency, some delivered
 * twice (a VAN's duplicate delivery), and every message whose delivery failed (5xx, dropped
 * connection, no answer) sent again after a pause, as an AS2/VAN sender does, until it gets a
 * definitive answer or runs out of attempts. Records every delivery for the assertions.
 */

export interface DeliveryResponse {
	status: number;
	text: string;
}

export interface Delivery {
	/** 0 = the original, 1 = the duplicate copy. */
	copy: number;
	attempt: number;
	startedAt: number;
	endedAt: number;
	/** HTTP status, or 0 for a network error / timeout. */
	status: number;
	text: string;
	error?: string;
	/** Whether the answer was definitive (no resend needed). */
	final: boolean;
}

export interface MessageResult {
	index: number;
	deliveries: Delivery[];
	/** First send of the original to its first definitive answer (any copy); undefined when none came. */
	latencyMs?: number;
	settled: boolean;
}

export interface LoadOptions {
	total: number;
	/** Messages in flight at once (duplicate copies come on top). */
	concurrency: number;
	send: (index: number, timeoutMs: number) => Promise<DeliveryResponse>;
	/** Definitive answer? (false: send again) Default: HTTP 2xx. */
	isFinal?: (response: DeliveryResponse) => boolean;
	/** Messages delivered twice; the copy follows the original after `duplicateDelayMs`. */
	duplicates?: ReadonlySet<number>;
	duplicateDelayMs?: (index: number) => number;
	maxAttempts?: number;
	resendDelayMs?: number;
	/** Per delivery (a sender gives up on a hanging connection). */
	timeoutMs?: number;
	/** Called after every settled message with the count so far. */
	onSettled?: (settled: number) => void;
}

export interface LoadReport {
	results: MessageResult[];
	startedAt: number;
	endedAt: number;
	durationMs: number;
	/** Settled messages per minute over the whole run. */
	perMinute: number;
	latency: { p50: number; p95: number; p99: number; max: number };
	deliveries: number;
	resends: number;
}

/** The q-quantile (0..1) of values, nearest rank; 0 for none. */
export function quantile(values: number[], q: number): number {
	if (values.length === 0) return 0;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
	return sorted[rank - 1];
}

function delay(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function runLoad(options: LoadOptions): Promise<LoadReport> {
	const isFinal = options.isFinal ?? ((response) => response.status >= 200 && response.status < 300);
	const maxAttempts = options.maxAttempts ?? 6;
	const resendDelayMs = options.resendDelayMs ?? 1000;
	const timeoutMs = options.timeoutMs ?? 60_000;
	const results: MessageResult[] = Array.from({ length: options.total }, (_, index) => ({ index, deliveries: [], settled: false }));
	const startedAt = Date.now();
	let settledCount = 0;

	/** One copy of a message: delivered until definitive or out of attempts; resolves at its first definitive answer. */
	const deliver = async (result: MessageResult, copy: number, firstSentAt: number): Promise<void> => {
		for (let attempt = 1; attempt <= maxAttempts; attempt++) {
			const begun = Date.now();
			let delivery: Delivery;
			try {
				const response = await options.send(result.index, timeoutMs);
				delivery = { copy, attempt, startedAt: begun, endedAt: Date.now(), status: response.status, text: response.text, final: isFinal(response) };
			} catch (error) {
				delivery = { copy, attempt, startedAt: begun, endedAt: Date.now(), status: 0, text: '', error: (error as Error).message, final: false };
			}
			result.deliveries.push(delivery);
			if (delivery.final) {
				if (!result.settled) {
					result.settled = true;
					result.latencyMs = delivery.endedAt - firstSentAt;
					options.onSettled?.(++settledCount);
				}
				return;
			}
			await delay(resendDelayMs);
		}
	};

	let next = 0;
	const lane = async (): Promise<void> => {
		for (;;) {
			const index = next++;
			if (index >= options.total) return;
			const result = results[index];
			const firstSentAt = Date.now();
			const copies = [deliver(result, 0, firstSentAt)];
			if (options.duplicates?.has(index)) {
				const wait = options.duplicateDelayMs?.(index) ?? 0;
				copies.push(delay(wait).then(() => deliver(result, 1, firstSentAt)));
			}
			await Promise.all(copies);
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, lane));

	const endedAt = Date.now();
	const latencies = results.filter((r) => r.latencyMs !== undefined).map((r) => r.latencyMs as number);
	const deliveries = results.reduce((n, r) => n + r.deliveries.length, 0);
	const copies = results.reduce((n, r) => n + new Set(r.deliveries.map((d) => d.copy)).size, 0);
	const durationMs = endedAt - startedAt;
	return {
		results,
		startedAt,
		endedAt,
		durationMs,
		perMinute: durationMs > 0 ? (results.filter((r) => r.settled).length * 60_000) / durationMs : 0,
		latency: { p50: quantile(latencies, 0.5), p95: quantile(latencies, 0.95), p99: quantile(latencies, 0.99), max: quantile(latencies, 1) },
		deliveries,
		resends: deliveries - copies,
	};
}
