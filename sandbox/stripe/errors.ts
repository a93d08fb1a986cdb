import type { SandboxResponse } from '../core/types';

export type StripeErrorType = 'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error';

export interface StripeErrorDetails {
	code?: string;
	param?: string;
	declineCode?: string;
	headers?: Record<string, string>;
}

/** Stripe's error body: `{ error: { type, code?, param?, message, doc_url?, request_log_url } }`. */
export function stripeError(status: number, type: StripeErrorType, message: string, details: StripeErrorDetails = {}): SandboxResponse {
	const error: Record<string, unknown> = { type, message };
	if (details.code) {
		error.code = details.code;
		error.doc_url = `https://stripe.com/docs/error-codes/${details.code.replace(/_/g, '-')}`;
	}
	if (details.declineCode) error.decline_code = details.declineCode;
	if (details.param) error.param = details.param;
	return { status, headers: details.headers, body: { error } };
}

export function invalidRequest(message: string, param?: string, code?: string): SandboxResponse {
	return stripeError(400, 'invalid_request_error', message, { param, code });
}

export function missingParam(param: string): SandboxResponse {
	return stripeError(400, 'invalid_request_error', `Missing required param: ${param}.`, { code: 'parameter_missing', param });
}

export function invalidParam(param: string, message: string): SandboxResponse {
	return stripeError(400, 'invalid_request_error', message, { code: 'parameter_invalid_empty', param });
}

export function unknownParam(param: string): SandboxResponse {
	return stripeError(400, 'invalid_request_error', `Received unknown parameter: ${param}`, { code: 'parameter_unknown', param });
}

export function noSuch(kind: string, id: string, param = 'id'): SandboxResponse {
	return stripeError(404, 'invalid_request_error', `No such ${kind}: '${id}'`, { code: 'resource_missing', param });
}

export function rateLimited(): SandboxResponse {
	return stripeError(
		429,
		'invalid_request_error',
		'Request rate limit exceeded. You can learn more about rate limits here https://stripe.com/docs/rate-limits.',
		{ code: 'rate_limit' },
	);
}

export function lockTimeout(kind: string, id: string): SandboxResponse {
	return stripeError(
		429,
		'invalid_request_error',
		`This object cannot be accessed right now because another API request or Stripe process is currently accessing it. If you see this error intermittently, retry the request. (${kind} ${id})`,
		{ code: 'lock_timeout', headers: { 'Stripe-Should-Retry': 'true' } },
	);
}

/** A bad key is named with all but its last four characters hidden, as Stripe does. */
export function maskKey(key: string): string {
	const prefix = /^(sk|rk|pk)_(test|live)_/.exec(key)?.[0] ?? '';
	return `${prefix}${'*'.repeat(Math.max(4, key.length - prefix.length - 4))}${key.slice(-4)}`;
}
