import { classifyStatus } from '../../common/errors';
import type { ErrorClass, ErrorMapper, FieldError, VendorError } from '../../common/errors';
import type { RawResponse } from '../../common/transport';

/**
 * NetSuite answers errors with an RFC 7807 body: `{ type, title, status, o:errorDetails: [{ detail,
 * o:errorCode, o:errorPath?, o:errorQueryParam?, o:errorUrl?, o:errorHeader? }] }`. The class comes
 * from `o:errorCode`; the field comes from `o:errorPath` (or the query parameter/header named).
 */
const CODE_CLASSES: Record<string, ErrorClass> = {
	INVALID_LOGIN: 'auth',
	INVALID_LOGIN_ATTEMPT: 'auth',
	INVALID_LOGIN_CREDENTIALS: 'auth',
	INSUFFICIENT_PERMISSION: 'permission',
	NONEXISTENT_ID: 'not_found',
	RCRD_DSNT_EXIST: 'not_found',
	INVALID_URL: 'not_found',
	INVALID_ID: 'validation',
	INVALID_RCRD_TYPE: 'validation',
	INVALID_CONTENT: 'validation',
	INVALID_PARAMETER: 'validation',
	INVALID_TRANS_TYP: 'validation',
	USER_ERROR: 'validation',
	METHOD_NOT_ALLOWED: 'validation',
	SSS_INVALID_SCRIPTLET_ID: 'not_found',
	INVALID_SCRIPTLET_ID: 'validation',
	DUP_RCRD: 'duplicate',
	DUP_ENTITY: 'duplicate',
	IDEMPOTENCY_ERROR: 'duplicate',
	RCRD_HAS_BEEN_CHANGED: 'conflict',
	CONCURRENCY_LIMIT_EXCEEDED: 'rate_limit',
	SSS_REQUEST_LIMIT_EXCEEDED: 'rate_limit',
	WS_REQUEST_BLOCKED: 'rate_limit',
	UNEXPECTED_ERROR: 'transient',
};

/** Codes that mean "too many requests in flight": retried with backoff, whatever the HTTP status. */
export const CONCURRENCY_CODES = new Set(['CONCURRENCY_LIMIT_EXCEEDED', 'SSS_REQUEST_LIMIT_EXCEEDED', 'WS_REQUEST_BLOCKED']);

interface ErrorDetail {
	detail?: unknown;
	'o:errorCode'?: unknown;
	'o:errorPath'?: unknown;
	'o:errorQueryParam'?: unknown;
	'o:errorHeader'?: unknown;
	'o:errorUrl'?: unknown;
}

interface ProblemBody {
	title?: unknown;
	detail?: unknown;
	'o:errorDetails'?: unknown;
	error?: unknown;
	message?: unknown;
}

export function problemBody(body: unknown): ProblemBody {
	let value = body;
	if (Buffer.isBuffer(value)) value = value.toString('utf8');
	if (typeof value === 'string') {
		const text = value;
		try {
			value = JSON.parse(text) as unknown;
		} catch {
			return { detail: text.trim().slice(0, 300) || undefined };
		}
	}
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as ProblemBody) : {};
}

function details(body: ProblemBody): ErrorDetail[] {
	const list = body['o:errorDetails'];
	return Array.isArray(list) ? list.filter((d): d is ErrorDetail => typeof d === 'object' && d !== null) : [];
}

/** The first vendor error code of a response, if any. */
export function netSuiteErrorCode(body: unknown): string | undefined {
	const code = details(problemBody(body))[0]?.['o:errorCode'];
	return typeof code === 'string' && code ? code : undefined;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

function fieldOf(detail: ErrorDetail): string | undefined {
	const path = str(detail['o:errorPath']);
	if (path) return path;
	const param = str(detail['o:errorQueryParam']);
	if (param) return `query parameter "${param}"`;
	const header = str(detail['o:errorHeader']);
	return header ? `header "${header}"` : undefined;
}

export const netSuiteErrorMapper: ErrorMapper = {
	system: 'NetSuite',
	map(response: RawResponse): VendorError {
		const body = problemBody(response.body);
		const list = details(body);
		const code = str(list[0]?.['o:errorCode']) ?? (response.statusCode === 429 ? 'CONCURRENCY_LIMIT_EXCEEDED' : undefined);
		const errorClass: ErrorClass =
			response.statusCode === 401 ? 'auth' : ((code && Object.hasOwn(CODE_CLASSES, code) ? CODE_CLASSES[code] : undefined) ?? classifyStatus(response.statusCode));
		if (errorClass === 'auth') {
			return {
				errorClass,
				code: code ?? 'INVALID_LOGIN',
				message: 'NetSuite rejected the login (INVALID_LOGIN)',
				description:
					'For token-based auth check the Account ID (realm), Consumer Key/Secret and Token ID/Secret, and that the token’s role has the REST Web Services permission; for OAuth 2.0 M2M check the Client ID, Certificate ID and key. NetSuite records the exact reason in Setup > Users/Roles > User Management > View Login Audit Trail.',
			};
		}
		const fieldErrors: FieldError[] = list.map((d) => ({
			field: fieldOf(d),
			code: str(d['o:errorCode']),
			message: str(d.detail) ?? str(d['o:errorCode']) ?? 'invalid',
		}));
		const fields = [...new Set(fieldErrors.map((f) => f.field).filter(Boolean))];
		const base = fieldErrors[0]?.message ?? str(body.detail) ?? str(body.title) ?? str(body.error) ?? str(body.message) ?? `HTTP ${response.statusCode}`;
		const rateHint =
			errorClass === 'rate_limit'
				? 'The account’s concurrency limit was exceeded by other integrations as well; lower Max Concurrent Requests on the credential or add SuiteCloud Plus licences.'
				: undefined;
		return {
			errorClass,
			code,
			message: fields.length ? `${base} (field: ${fields.join(', ')})` : base,
			...(rateHint ? { description: rateHint } : {}),
			...(fieldErrors.some((f) => f.field) ? { fieldErrors } : {}),
		};
	},
};
