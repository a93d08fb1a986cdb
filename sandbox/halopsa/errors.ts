import type { SandboxResponse } from '../core/types';

/**
 * Halo answers errors from its ASP.NET stack: framework errors as `{ "Message": ... }`, its own
 * exceptions as `{ "ClassName": ..., "Message": ... }` (the shapes the community PowerShell module
 * handles), and OAuth errors of the token endpoint as RFC 6749 `{ "error", "error_description" }`.
 */
export function haloError(status: number, className: string, message: string, headers: Record<string, string> = {}): SandboxResponse {
	return { status, body: { ClassName: className, Message: message }, headers };
}

export function notFound(message: string): SandboxResponse {
	return haloError(404, 'HaloNotFoundException', message);
}

export function badRequest(message: string): SandboxResponse {
	return haloError(400, 'HaloValidationException', message);
}

/** 401 of the resource server: the ASP.NET message plus a Bearer challenge naming the reason. */
export function unauthorized(reason: 'missing' | 'invalid' | 'expired'): SandboxResponse {
	const description =
		reason === 'expired' ? 'The access token expired' : reason === 'missing' ? 'No access token was sent' : 'The access token is not valid';
	return {
		status: 401,
		body: { Message: 'Authorization has been denied for this request.' },
		headers: {
			'WWW-Authenticate': reason === 'missing' ? 'Bearer' : `Bearer error="invalid_token", error_description="${description}"`,
		},
	};
}

export function forbidden(scope: string): SandboxResponse {
	return haloError(403, 'HaloPermissionException', `The application is not granted the ${scope} scope`);
}

export function oauthError(status: number, error: string, description: string): SandboxResponse {
	return { status, body: { error, error_description: description }, headers: { 'Cache-Control': 'no-store' } };
}

export function tooManyRequests(retryAfterSec: number): SandboxResponse {
	return {
		status: 429,
		body: { Message: 'Too many requests. Please retry later.' },
		headers: { 'Retry-After': String(retryAfterSec) },
	};
}
