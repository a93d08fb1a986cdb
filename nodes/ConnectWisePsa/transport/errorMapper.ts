import { classifyStatus, errorBodyOf } from '../../common/errors';
import type { ErrorClass, ErrorMapper, FieldError, VendorError } from '../../common/errors';
import type { RawResponse } from '../../common/transport';

/**
 * ConnectWise error bodies are `{ code, message, errors?: [{ code, message, resource, field }] }`.
 * The class comes from `code` (then from the status when the code is missing or unknown);
 * the message text is only displayed, never inspected.
 */
const CODE_CLASSES: Record<string, ErrorClass> = {
	Unauthorized: 'auth',
	Forbidden: 'permission',
	NotFound: 'not_found',
	InvalidObject: 'validation',
	InvalidRequest: 'validation',
	BadRequest: 'validation',
	Conflict: 'conflict',
	TooManyRequests: 'rate_limit',
};

interface ConnectWiseErrorBody {
	code?: unknown;
	message?: unknown;
	errors?: unknown;
}

const bodyOf = (response: RawResponse) => errorBodyOf(response) as ConnectWiseErrorBody;

function fieldErrorsOf(errors: unknown): FieldError[] {
	if (!Array.isArray(errors)) return [];
	return errors
		.filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
		.map((e) => ({
			field: typeof e.field === 'string' && e.field ? e.field : undefined,
			code: typeof e.code === 'string' ? e.code : undefined,
			message: typeof e.message === 'string' && e.message ? e.message : String(e.code ?? 'invalid'),
		}));
}

const DEFAULT_MESSAGES: Record<ErrorClass, string> = {
	auth: 'ConnectWise PSA rejected the credentials',
	permission: 'The API member is not allowed to do this',
	validation: 'ConnectWise PSA rejected the request as invalid',
	not_found: 'The record was not found',
	conflict: 'The record conflicts with its current state',
	duplicate: 'The record already exists',
	rate_limit: 'ConnectWise PSA is throttling requests',
	transient: 'ConnectWise PSA had a temporary failure',
	unknown: 'ConnectWise PSA returned an error',
};

export const connectWiseErrorMapper: ErrorMapper = {
	system: 'ConnectWise PSA',
	map(response: RawResponse): VendorError {
		const body = bodyOf(response);
		const code = typeof body.code === 'string' && body.code ? body.code : undefined;
		// A 401 is always the credential, whatever the body says.
		const errorClass: ErrorClass =
			response.statusCode === 401 ? 'auth' : ((code && Object.hasOwn(CODE_CLASSES, code) ? CODE_CLASSES[code] : undefined) ??
					classifyStatus(response.statusCode));
		const vendorMessage = typeof body.message === 'string' && body.message ? body.message : undefined;
		const fieldErrors = fieldErrorsOf(body.errors);

		if (errorClass === 'auth') {
			return {
				errorClass,
				code: code ?? 'Unauthorized',
				message:
					'ConnectWise PSA rejected the credentials (company ID, public key, private key or client ID)',
				description:
					'Check the Company ID, the API member’s Public and Private Key, and the Client ID in the credential, and that the Site URL and Codebase point at your ConnectWise PSA.',
			};
		}
		// The message names the rejected fields; the description lists what is wrong with each.
		const fields = [...new Set(fieldErrors.map((f) => f.field).filter(Boolean))];
		const message = vendorMessage ?? DEFAULT_MESSAGES[errorClass];
		return {
			errorClass,
			code,
			message: fields.length ? `${message} (${fields.join(', ')})` : message,
			...(fieldErrors.length ? { fieldErrors } : {}),
		};
	},
};
