import { SandboxHttpError } from '../core/http';
import type { SandboxResponse } from '../core/types';

export interface NsErrorDetail {
	detail: string;
	'o:errorCode': string;
	'o:errorPath'?: string;
	'o:errorQueryParam'?: string;
	'o:errorUrl'?: string;
	'o:errorHeader'?: string;
}

const TITLES: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	405: 'Method Not Allowed',
	413: 'Payload Too Large',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	503: 'Service Unavailable',
};

/** NetSuite's RFC 7807 error body ("Error Handling in REST Web Services"). */
export function nsError(
	status: number,
	code: string,
	detail: string,
	extra: Partial<NsErrorDetail> = {},
	headers: Record<string, string> = {},
): SandboxResponse {
	return {
		status,
		headers: { 'Content-Type': 'application/vnd.oracle.resource+json; type=error; charset=UTF-8', ...headers },
		body: {
			type: 'https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html',
			title: TITLES[status] ?? 'Error',
			status,
			'o:errorDetails': [{ detail, 'o:errorCode': code, ...extra }],
		},
	};
}

/** NetSuite says the same thing for every rejected login, whatever was wrong. */
export function invalidLogin(): SandboxResponse {
	return nsError(
		401,
		'INVALID_LOGIN',
		'Invalid login attempt. For more details, see the Login Audit Trail in the NetSuite UI at Setup > Users/Roles > User Management > View Login Audit Trail.',
	);
}

export function concurrencyExceeded(): SandboxResponse {
	return nsError(
		429,
		'CONCURRENCY_LIMIT_EXCEEDED',
		'Concurrent request limit exceeded. Request blocked.',
	);
}

export function invalidParameter(detail: string, queryParam?: string): SandboxResponse {
	return nsError(400, 'INVALID_PARAMETER', detail, queryParam ? { 'o:errorQueryParam': queryParam } : {});
}

export function nonexistentId(type: string, id: string): SandboxResponse {
	return nsError(404, 'NONEXISTENT_ID', `The record instance does not exist. Provide a valid record instance ID. (${type} ${id})`);
}

export function userError(detail: string, path?: string): SandboxResponse {
	return nsError(400, 'USER_ERROR', detail, path ? { 'o:errorPath': path } : {});
}

/** Throw a prepared NetSuite error from deep inside a handler. */
export function fail(response: SandboxResponse): never {
	throw new SandboxHttpError(response);
}
