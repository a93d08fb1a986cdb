import { classifyStatus } from '../../common/errors';
import type { ErrorClass, ErrorMapper, VendorError } from '../../common/errors';
import type { RawResponse } from '../../common/transport';

/**
 * Autotask error bodies are `{ "errors": ["…", …] }` with no error codes, so the class comes from
 * the HTTP status alone; the texts are shown to the user, never inspected.
 */
function errorsOf(body: unknown): string[] {
	let value = body;
	if (Buffer.isBuffer(value)) value = value.toString('utf8');
	if (typeof value === 'string') {
		const text = value;
		try {
			value = JSON.parse(text) as unknown;
		} catch {
			return text.trim() ? [text.trim().slice(0, 300)] : [];
		}
	}
	if (typeof value !== 'object' || value === null) return [];
	const { errors, message, Message } = value as { errors?: unknown; message?: unknown; Message?: unknown };
	if (Array.isArray(errors)) return errors.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))).filter(Boolean);
	const single = message ?? Message;
	return typeof single === 'string' && single ? [single] : [];
}

const DEFAULT_MESSAGES: Record<ErrorClass, string> = {
	auth: 'Autotask PSA rejected the credentials',
	permission: 'The API user is not allowed to do this',
	validation: 'Autotask PSA rejected the request as invalid',
	not_found: 'The record was not found',
	conflict: 'The record conflicts with its current state',
	duplicate: 'The record already exists',
	rate_limit: 'Autotask PSA is throttling requests (thread limit or hourly API threshold)',
	transient: 'Autotask PSA had a temporary failure',
	unknown: 'Autotask PSA returned an error',
};

export const autotaskErrorMapper: ErrorMapper = {
	system: 'Autotask PSA',
	map(response: RawResponse): VendorError {
		const errorClass = classifyStatus(response.statusCode);
		const errors = errorsOf(response.body);
		if (errorClass === 'auth') {
			return {
				errorClass,
				code: 'Unauthorized',
				message: 'Autotask PSA rejected the credentials (API user name, secret or integration code)',
				description:
					'Check the API User Name, Secret and API Integration Code in the credential; the user must be an API-only resource that is active, and the zone must be the one serving its database.',
			};
		}
		if (errorClass === 'rate_limit') {
			return {
				errorClass,
				code: 'TooManyRequests',
				message: errors[0] ?? DEFAULT_MESSAGES.rate_limit,
				description:
					'Autotask allows 3 requests in flight per endpoint and integration code, and 10,000 requests per hour per database. Lower "Parallel Requests", spread the work over time, and check the usage with Threshold Information.',
			};
		}
		return {
			errorClass,
			message: errors.length ? errors.join('; ') : DEFAULT_MESSAGES[errorClass],
			...(errors.length > 1 ? { fieldErrors: errors.map((message) => ({ message })) } : {}),
		};
	},
};
