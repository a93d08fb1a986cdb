import type { IHttpRequestMethods } from 'n8n-workflow';

export interface RetryPolicy {
	/** Total attempts including the first one. */
	maxAttempts: number;
	baseDelayMs: number;
	/** Cap of the computed backoff. Waits the service states itself are not shortened (see retryDelayMs). */
	maxDelayMs: number;
	/** Upper bound of all waits of one request; past it the last error is returned. */
	maxTotalWaitMs: number;
	retryOnStatus: number[];
	/**
	 * Vendor-specific wait read from response headers (quota resets, throttle hints), in ms.
	 * Takes precedence over the computed backoff when it returns a number.
	 */
	vendorWaitMs?: (statusCode: number, headers: Record<string, string>) => number | undefined;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 5,
	baseDelayMs: 500,
	maxDelayMs: 30_000,
	maxTotalWaitMs: 120_000,
	retryOnStatus: [429, 500, 502, 503, 504],
};

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/**
 * A request may be resent after a network error only when sending it twice cannot duplicate a
 * write: idempotent methods, or a write the caller made idempotent (idempotency key, upsert).
 */
export function isIdempotent(method: IHttpRequestMethods | undefined, declared?: boolean): boolean {
	if (declared !== undefined) return declared;
	return IDEMPOTENT_METHODS.has((method ?? 'GET').toUpperCase());
}

/** `Retry-After` as delta-seconds or an HTTP-date, in ms from `now`; undefined when absent or invalid. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	const trimmed = value.trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
	const date = Date.parse(trimmed);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}

/** Full-jitter exponential backoff: a random wait in [base/2, base * 2^(attempt-1)], capped. */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
	const floor = Math.min(ceiling, policy.baseDelayMs / 2);
	return Math.round(floor + random() * (ceiling - floor));
}

/**
 * How long to wait before the next attempt after a retryable response. A wait stated by the
 * service (vendor quota header, Retry-After) is returned in full, not capped: retrying earlier
 * only earns another 429. The caller's maxTotalWaitMs decides whether waiting that long is
 * acceptable or the request fails now.
 */
export function retryDelayMs(
	attempt: number,
	statusCode: number,
	headers: Record<string, string>,
	policy: RetryPolicy,
	random?: () => number,
): number {
	const vendor = policy.vendorWaitMs?.(statusCode, headers);
	if (vendor !== undefined && Number.isFinite(vendor)) return Math.max(0, vendor);
	const retryAfter = parseRetryAfter(headers['retry-after']);
	if (retryAfter !== undefined) return retryAfter;
	return backoffMs(attempt, policy, random);
}

const NETWORK_ERROR_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ENOTFOUND',
	'ENETUNREACH',
	'EHOSTUNREACH',
	'UND_ERR_SOCKET',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

/**
 * The low-level error code of a failed request. n8n wraps it in a NodeApiError that keeps
 * neither the original error nor a `cause` (ExecutionBaseError's class field resets it): the
 * code survives only as `httpCode`, so that is read too.
 */
export function networkErrorCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
		for (const key of ['code', 'httpCode'] as const) {
			const code = (current as Record<string, unknown>)[key];
			if (typeof code === 'string' && NETWORK_ERROR_CODES.has(code)) return code;
		}
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}
