import { sleep } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { secretsOf, toNodeApiError, toNodeOperationError } from '../errors';
import type { ErrorMapper } from '../errors';
import type { RateLimiter } from './rateLimiter';
import { DEFAULT_RETRY_POLICY, backoffMs, isIdempotent, networkErrorCode, retryDelayMs } from './retry';
import type { RetryPolicy } from './retry';
import type { RawResponse, RequestContext } from './types';

export interface SendOptions {
	credentialType: string;
	request: IHttpRequestOptions;
	errorMapper: ErrorMapper;
	limiter?: RateLimiter;
	retry?: Partial<RetryPolicy>;
	/** Declares a write safe to resend after a network error (idempotency key, upsert by external id). */
	idempotent?: boolean;
	itemIndex?: number;
	/**
	 * Resend once after a 401 so n8n can renew an expiring credential (OAuth2 token, preAuthentication
	 * session). Off for static keys, where a 401 is final and a resend only repeats it.
	 */
	renewOn401?: boolean;
	/** Statuses returned to the caller instead of raised, e.g. 404 for an existence check. */
	acceptStatus?: number[];
}

function normaliseHeaders(headers: unknown): Record<string, string> {
	const out: Record<string, string> = {};
	if (!headers || typeof headers !== 'object') return out;
	const source =
		typeof (headers as { toJSON?: unknown }).toJSON === 'function'
			? (headers as { toJSON(): IDataObject }).toJSON()
			: (headers as IDataObject);
	for (const [name, value] of Object.entries(source)) {
		if (value === undefined || value === null) continue;
		out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
	}
	return out;
}

// A write that failed with 500/502/504 may still have been applied, so only statuses that
// guarantee the request was not processed are retried for non-idempotent calls.
const NOT_PROCESSED = new Set([429, 503]);

function shouldRetryStatus(statusCode: number, policy: RetryPolicy, idempotent: boolean): boolean {
	if (!policy.retryOnStatus.includes(statusCode)) return false;
	return idempotent || NOT_PROCESSED.has(statusCode);
}

async function credentialSecrets(ctx: RequestContext, credentialType: string): Promise<string[]> {
	try {
		return secretsOf(await ctx.getCredentials<ICredentialDataDecryptedObject>(credentialType));
	} catch {
		// No readable credential means nothing of it can leak into the message either.
		return [];
	}
}

/**
 * The one way nodes send HTTP: n8n's httpRequestWithAuthentication (so n8n's proxy, credential and
 * logging features apply) plus the pack's rate limiting, bounded retries and error mapping.
 * Returns the full response; non-success statuses become NodeApiError unless accepted.
 */
export async function sendRequest<T = unknown>(ctx: RequestContext, options: SendOptions): Promise<RawResponse<T>> {
	const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
	const retryNetwork = isIdempotent(options.request.method, options.idempotent);
	let waited = 0;
	let reauthenticated = false;

	const send = async (ignoreHttpStatusErrors: boolean): Promise<RawResponse<T>> => {
		const call = async () =>
			(await ctx.helpers.httpRequestWithAuthentication.call(ctx, options.credentialType, {
				...freshCopy(options.request),
				returnFullResponse: true,
				ignoreHttpStatusErrors,
			})) as { statusCode: number; headers: unknown; body: T };
		const raw = options.limiter ? await options.limiter.schedule(call) : await call();
		return { statusCode: raw.statusCode, headers: normaliseHeaders(raw.headers), body: raw.body };
	};

	for (let attempt = 1; ; attempt++) {
		const last = attempt >= policy.maxAttempts;
		let response: RawResponse<T>;
		try {
			response = await send(true);
		} catch (error) {
			const code = networkErrorCode(error);
			const delay = backoffMs(attempt, policy);
			if (code && retryNetwork && !last && waited + delay <= policy.maxTotalWaitMs) {
				waited += delay;
				await sleep(delay);
				continue;
			}
			throw toNodeOperationError(ctx.getNode(), error, {
				itemIndex: options.itemIndex,
				secrets: await credentialSecrets(ctx, options.credentialType),
				errorClass: code ? 'transient' : 'unknown',
				description: code
					? `The request could not reach the service (${code}) after ${attempt} attempt(s). Check the base URL and network, then retry.`
					: undefined,
			});
		}

		if (response.statusCode === 401 && options.renewOn401 && !reauthenticated) {
			reauthenticated = true;
			// n8n renews expiring credentials (OAuth2 tokens, preAuthentication sessions) only when a
			// request throws a 401, which ignoreHttpStatusErrors prevents: resend once and let it. Only
			// a success comes back this way; a failure loses its body inside n8n's error.
			const renewed = await send(false).catch((error: unknown) => ({ failed: httpStatusOf(error) }));
			if (!('failed' in renewed)) return renewed;
			// n8n's error no longer says whether the renewal or the renewed request failed. A 4xx other than
			// 401/403 may be the request refused for another reason (e.g. a 400 on the body, not applied), so
			// one more send reads the real answer instead of the stale 401; if the renewal was what failed,
			// that send gets the 401 again and the auth error stands. A 5xx is read again only when resending
			// is safe.
			const status = renewed.failed;
			if (status !== undefined && status !== 401 && status !== 403 && (status < 500 || retryNetwork)) {
				const stale = response;
				// A network failure of this extra read keeps the answer we have.
				response = await send(true).catch(() => stale);
			}
		}

		const { statusCode } = response;
		if (statusCode < 400 || options.acceptStatus?.includes(statusCode)) return response;

		if (shouldRetryStatus(statusCode, policy, retryNetwork) && !last) {
			const delay = retryDelayMs(attempt, statusCode, response.headers, policy);
			if (waited + delay <= policy.maxTotalWaitMs) {
				waited += delay;
				await sleep(delay);
				continue;
			}
		}
		throw toNodeApiError(ctx.getNode(), response, options.errorMapper, {
			itemIndex: options.itemIndex,
			secrets: await credentialSecrets(ctx, options.credentialType),
		});
	}
}

/** The HTTP status of an error thrown by n8n's request helpers (axios error or NodeApiError). */
function httpStatusOf(error: unknown): number | undefined {
	if (!error || typeof error !== 'object') return undefined;
	const e = error as { httpCode?: unknown; statusCode?: unknown; response?: { status?: unknown } };
	const status = Number(e.response?.status ?? e.statusCode ?? e.httpCode);
	return Number.isInteger(status) && status >= 100 && status < 600 ? status : undefined;
}

function isPlainObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * n8n's generic authenticate writes credential values into the request's own headers, qs and body
 * objects; copying them keeps secrets out of the caller's objects (which may be logged or reused).
 */
function freshCopy(request: IHttpRequestOptions): IHttpRequestOptions {
	return {
		...request,
		...(request.headers ? { headers: { ...request.headers } } : {}),
		...(request.qs ? { qs: { ...request.qs } } : {}),
		...(isPlainObject(request.body) ? { body: { ...request.body } } : {}),
	};
}
