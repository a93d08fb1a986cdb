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
// Non-secret fields that merely contain "key" in their name.
const PUBLIC_FIELD = /^(publicKey|apiKeyName|keyId)$/;

/** The credential values that must never appear in an error, log or output. */
export function secretsOf(credentials: ICredentialDataDecryptedObject | undefined): string[] {
	if (!credentials) return [];
	const secrets: string[] = [];
	for (const [name, value] of Object.entries(credentials)) {
		if (typeof value !== 'string' || value.length < 4) continue;
		if (SECRET_FIELD.test(name) && !PUBLIC_FIELD.test(name)) secrets.push(value);
	}
	return secrets;
}

/** Replaces every occurrence of each secret (and its base64 and URL-encoded forms) with "***". */
export function redact(text: string, secrets: string[]): string {
	let out = text;
	for (const secret of secrets) {
		if (!secret) continue;
		for (const form of new Set([secret, Buffer.from(secret).toString('base64'), encodeURIComponent(secret)])) {
			out = out.split(form).join('***');
		}
	}
	return out;
}

function redactDeep<T>(value: T, secrets: string[]): T {
	if (secrets.length === 0) return value;
	return JSON.parse(redact(JSON.stringify(value ?? null), secrets)) as T;
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
	const vendor = mapper.map(response);
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
		redactDeep(
			{
				statusCode: response.statusCode,
				code: vendor.code ?? null,
				errorClass: vendor.errorClass,
				fieldErrors: (vendor.fieldErrors ?? []) as unknown as JsonObject[],
				body: (response.body ?? null) as JsonObject,
			},
			secrets,
		) as JsonObject,
		{ message, description, httpCode: String(response.statusCode), itemIndex },
	);
	error.context.errorClass = vendor.errorClass;
	if (vendor.code) error.context.vendorCode = vendor.code;
	if (vendor.fieldErrors?.length) error.context.fieldErrors = redactDeep(vendor.fieldErrors, secrets);
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
