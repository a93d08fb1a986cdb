import type { SandboxResponse } from '../core/types';
import { CW_API_VERSION } from './constants';

/** `ValidationError` of ConnectWise's `Error` schema. */
export interface CwValidationError {
	code: string;
	message: string;
	resource: string;
	field: string;
}

export function cwHeaders(extra: Record<string, string> = {}): Record<string, string> {
	return { 'api-current-version': CW_API_VERSION, ...extra };
}

/** ConnectWise's error body: `{ code, message, errors }`; `errors` is null unless validation failed. */
export function cwError(
	status: number,
	code: string,
	message: string,
	errors: CwValidationError[] | null = null,
	headers: Record<string, string> = {},
): SandboxResponse {
	return { status, headers: cwHeaders(headers), body: { code, message, errors } };
}

export function invalidObject(resource: string, errors: CwValidationError[]): SandboxResponse {
	return cwError(400, 'InvalidObject', `${resource} object is invalid`, errors);
}

export function badRequest(message: string, field = ''): SandboxResponse {
	return cwError(400, 'InvalidObject', message, [{ code: 'InvalidField', message, resource: 'request', field }]);
}

export function notFound(message: string): SandboxResponse {
	return cwError(404, 'NotFound', message);
}

export function unauthorized(message: string): SandboxResponse {
	return cwError(401, 'Unauthorized', message);
}

/** The documented 429 body (Developer Guide, "Rate Limiting") with the documented `Retry-After`. */
export function tooManyRequests(retryAfterSec: number): SandboxResponse {
	return {
		status: 429,
		headers: cwHeaders({ 'Retry-After': String(retryAfterSec) }),
		body: { error: 'ConnectWiseAPI', message: `Too many requests. Please try again in ${retryAfterSec} seconds.` },
	};
}
