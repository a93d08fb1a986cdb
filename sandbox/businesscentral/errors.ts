import type { SandboxResponse } from '../core/types';

/** Business Central's OData error body: `{ error: { code, message } }` (message ends with a correlation id). */
export function bcError(status: number, code: string, message: string, headers: Record<string, string> = {}): SandboxResponse {
	const correlation = `CorrelationId:  ${correlationId()}.`;
	return { status, headers, body: { error: { code, message: `${message}  ${correlation}` } } };
}

let counter = 0;
function correlationId(): string {
	counter = (counter + 1) % 0xffffff;
	return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

export class BcHttpError extends Error {
	constructor(readonly response: SandboxResponse) {
		super(`HTTP ${response.status}`);
	}
}

export const fail = (status: number, code: string, message: string): BcHttpError => new BcHttpError(bcError(status, code, message));

export function unauthorized(message = 'The credentials provided are incorrect'): SandboxResponse {
	return bcError(401, 'Authentication_InvalidCredentials', message, {
		'WWW-Authenticate': 'Bearer authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="invalid_token"',
	});
}

/** Business Central answers throttling with 429 and `Application_TooManyRequests`. */
export function tooManyRequests(retryAfterSec: number): SandboxResponse {
	return bcError(429, 'Application_TooManyRequests', 'Too many requests reached. Please retry after a short wait.', {
		'Retry-After': String(retryAfterSec),
	});
}
