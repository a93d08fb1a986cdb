import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, INode, JsonObject } from 'n8n-workflow';

import type { RawResponse } from './transport/types';

/** Error classes shared by every system; the exception queue and retry policy key on them. */
export type ErrorClass =
	| 'auth'
	| 'permission'
	| 'validation'
	| 'not_found'
	| 'conflict'
	| 'duplicate'
	| 'rate_limit'
	| 'transient'
	| 'unknown';

export interface FieldError {
	field?: string;
	code?: string;
	message: string;
}

/** What a system's mapper reads out of a vendor error response. */
export interface VendorError {
	message: string;
	description?: string;
	code?: string;
	errorClass: ErrorClass;
	fieldErrors?: FieldError[];
}

/** One per system: turns a vendor error response into a VendorError, keyed on the vendor's codes. */
export interface ErrorMapper {
	/** Display name used in messages, e.g. "ConnectWise PSA". */
	system: string;
	map(response: RawResponse): VendorError;
}

export function classifyStatus(statusCode: number): ErrorClass {
	if (statusCode === 401) return 'auth';
	if (statusCode === 403) return 'permission';
	if (statusCode === 404) return 'not_found';
	if (statusCode === 409) return 'conflict';
	if (statusCode === 429) return 'rate_limit';
	if (statusCode === 400 || statusCode === 422) return 'validation';
	if (statusCode >= 500) return 'transient';
	return 'unknown';
}

const HINTS: Record<ErrorClass, string> = {
	auth: 'Check the credential: the service rejected it. Re-enter the keys and use the credential test.',
	permission: 'The credential is valid but lacks permission for this record or operation; grant it in the vendor’s security settings.',
	validation: 'Fix the listed field(s) in the input item and run again.',
	not_found: 'Check the ID: the record does not exist or the credential cannot see it.',
	conflict: 'The record changed or already exists; fetch it again before updating.',
	duplicate: 'A record with the same key already exists; update it instead of creating it.',
	rate_limit: 'The service is throttling requests; retries were exhausted. Lower concurrency or try again later.',
	transient: 'The service had a temporary failure; retries were exhausted. Try again later.',
	unknown: 'See the response body for details.',
};

export function hintFor(errorClass: ErrorClass): string {
	return HINTS[errorClass];
}

const SECRET_FIELD = /(secret|password|private|token|key|signature|credential)/i;
// Non-secret fields that merely contain "key" or "token" in their name.
const PUBLIC_FIELD = /^(publicKey|apiKeyName|keyId|token_type|tokenType)$/;

/**
 * The credential values that must never appear in an error, log or output: string fields named
 * like a secret, including those nested in objects such as OAuth2's `oauthTokenData`.
 */
export function secretsOf(credentials: ICredentialDataDecryptedObject | undefined): string[] {
	const secrets = new Set<string>();
	const visit = (value: unknown, name: string, depth: number) => {
		if (typeof value === 'string') {
			if (value.length >= 4 && SECRET_FIELD.test(name) && !PUBLIC_FIELD.test(name)) secrets.add(value);
		} else if (value && typeof value === 'object' && depth < 4) {
			for (const [key, child] of Object.entries(value)) visit(child, key, depth + 1);
		}
	};
	visit(credentials ?? {}, '', 0);
	return [...secrets];
}

/** The forms a secret takes on the wire: raw, base64 (padded or not, URL-safe), URL/form-encoded. */
function secretForms(secret: string): string[] {
	const base64 = Buffer.from(secret).toString('base64');
	const url = encodeURIComponent(secret);
	return [
		...new Set([secret, base64, base64.replace(/=+$/, ''), Buffer.from(secret).toString('base64url'), url, url.replace(/%20/g, '+')]),
	]
		.filter((form) => form.length > 0)
		// Longest first, so a form is not half-replaced by a shorter one it contains.
		.sort((a, b) => b.length - a.length);
}

/** Replaces every occurrence of each secret (and its base64 and URL-encoded forms) with "***". */
export function redact(text: string, secrets: string[]): string {
	let out = text;
	for (const secret of secrets) {
		if (!secret) continue;
		for (const form of secretForms(secret)) out = out.split(form).join('***');
	}
	return out;
}

/** Redacts every string (and key) inside a JSON-like value; walking it, not its JSON text, so escaped characters cannot hide a secret. */
function redactDeep<T>(value: T, secrets: string[], depth = 0): T {
	if (secrets.length === 0) return value;
	if (typeof value === 'string') return redact(value, secrets) as T;
	if (value === null || typeof value !== 'object' || depth > 32) return value;
	if (Array.isArray(value)) return value.map((entry) => redactDeep(entry, secrets, depth + 1)) as T;
	if (Buffer.isBuffer(value)) return redact(value.toString('utf8'), secrets) as T;
	const out: Record<string, unknown> = {};
	for (const [key, entry] of Object.entries(value)) out[redact(key, secrets)] = redactDeep(entry, secrets, depth + 1);
	return out as T;
}

export interface ApiErrorOptions {
	itemIndex?: number;
	secrets?: string[];
}

/** Builds the NodeApiError a user sees for a failed vendor response: status, vendor code, a hint, no secrets. */
export function toNodeApiError(
	node: INode,
	response: RawResponse,
	mapper: ErrorMapper,
	{ itemIndex, secrets = [] }: ApiErrorOptions = {},
): NodeApiError {
	// Redact what the vendor said once, up front, so no field of the error can carry a secret.
	const vendor = redactDeep(mapper.map(response), secrets);
	const fields = (vendor.fieldErrors ?? [])
		.map((f) => (f.field ? `${f.field}: ${f.message}` : f.message))
		.join('; ');
	const code = vendor.code ? ` [${vendor.code}]` : '';
	const message = redact(`${mapper.system} ${response.statusCode}${code}: ${vendor.message}`, secrets);
	const description = redact(
		[fields && `Fields: ${fields}.`, vendor.description, hintFor(vendor.errorClass)].filter(Boolean).join(' '),
		secrets,
	);
	const error = new NodeApiError(
		node,
		{
			statusCode: response.statusCode,
			code: vendor.code ?? null,
			errorClass: vendor.errorClass,
			fieldErrors: (vendor.fieldErrors ?? []) as unknown as JsonObject[],
			body: redactDeep((response.body ?? null) as JsonObject, secrets),
		},
		{ message, description, httpCode: String(response.statusCode), itemIndex },
	);
	error.context.errorClass = vendor.errorClass;
	if (vendor.code) error.context.vendorCode = vendor.code;
	if (vendor.fieldErrors?.length) error.context.fieldErrors = vendor.fieldErrors;
	return error;
}

/** For failures with no HTTP response (network, timeout, bad input): a NodeOperationError without secrets. */
export function toNodeOperationError(
	node: INode,
	error: unknown,
	{ itemIndex, secrets = [], errorClass = 'transient', description }: ApiErrorOptions & {
		errorClass?: ErrorClass;
		description?: string;
	} = {},
): NodeOperationError {
	const raw = error instanceof Error ? error.message : String(error);
	const out = new NodeOperationError(node, redact(raw, secrets), {
		itemIndex,
		description: redact(description ?? hintFor(errorClass), secrets),
	});
	out.context.errorClass = errorClass;
	return out;
}

/** The error class recorded on an error built by this module, if any. */
export function errorClassOf(error: unknown): ErrorClass {
	const context = (error as { context?: { errorClass?: ErrorClass } })?.context;
	return context?.errorClass ?? 'unknown';
}

/**
 * A vendor error response's body as an object: the parsed JSON (also from a Buffer or string body), or
 * `{ message }` holding the start of a body that is not JSON (a proxy's HTML page, a plain-text error).
 */
export function errorBodyOf(response: RawResponse): Record<string, unknown> {
	let body: unknown = response.body;
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body === 'string') {
		const raw = body;
		try {
			body = JSON.parse(raw) as unknown;
		} catch {
			return raw.trim() ? { message: raw.trim().slice(0, 300) } : {};
		}
	}
	return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}
