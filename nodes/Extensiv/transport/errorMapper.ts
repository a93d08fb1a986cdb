import { classifyStatus, errorBodyOf } from '../../common/errors';
import type { ErrorClass, ErrorMapper, FieldError, VendorError } from '../../common/errors';
import type { RawResponse } from '../../common/transport';

/**
 * 3PL Warehouse Manager errors are WmsException bodies: `{ ErrorCode, Message, Hint, Properties }`
 * (camelCase when asked for HAL+JSON). The class comes from the status that carries optimistic
 * concurrency (412/409) first, then from `ErrorCode`, then from the status; messages are only shown.
 */
const CODE_CLASSES: Record<string, ErrorClass> = {
	NotFound: 'not_found',
	EntityNotFound: 'not_found',
	InvalidArgument: 'validation',
	ArgumentNull: 'validation',
	ArgumentOutOfRange: 'validation',
	ValidationFailed: 'validation',
	InvalidRql: 'validation',
	DuplicateReferenceNum: 'duplicate',
	DuplicateSku: 'duplicate',
	ConcurrencyConflict: 'conflict',
	EtagMismatch: 'conflict',
	InvalidState: 'conflict',
	Unauthorized: 'auth',
	Forbidden: 'permission',
	TooManyRequests: 'rate_limit',
};

function pick(body: Record<string, unknown>, name: string): unknown {
	const key = Object.keys(body).find((k) => k.toLowerCase() === name.toLowerCase());
	return key === undefined ? undefined : body[key];
}


const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

export const extensivErrorMapper: ErrorMapper = {
	system: 'Extensiv',
	map(response: RawResponse): VendorError {
		const body = errorBodyOf(response);
		const code = text(pick(body, 'ErrorCode')) ?? text(pick(body, 'error'));
		const vendorMessage = text(pick(body, 'Message')) ?? text(pick(body, 'error_description'));
		const hint = text(pick(body, 'Hint'));
		const properties = pick(body, 'Properties');
		const fieldErrors: FieldError[] =
			typeof properties === 'object' && properties !== null && !Array.isArray(properties)
				? Object.entries(properties as Record<string, unknown>).map(([field, value]) => ({
						field,
						message: typeof value === 'string' ? value : JSON.stringify(value),
					}))
				: [];
		const status = response.statusCode;

		if (status === 401) {
			return {
				errorClass: 'auth',
				code: code ?? 'Unauthorized',
				message: 'Extensiv rejected the credentials or the access token',
				description:
					'Check the Client ID, Client Secret and User in the credential, and that the 3PL has not revoked the REST API access.',
			};
		}
		if (status === 412 || (status === 409 && code !== 'DuplicateReferenceNum' && code !== 'DuplicateSku')) {
			return {
				errorClass: 'conflict',
				code: code ?? (status === 412 ? 'PreconditionFailed' : 'Conflict'),
				message: `The record has changed since you read it${vendorMessage ? ` (${vendorMessage})` : ''}`,
				description:
					'Extensiv uses the ETag of the last read to protect updates: get the record again, apply your change to the fresh copy and send it with its new ETag.',
			};
		}
		const errorClass = (code && Object.hasOwn(CODE_CLASSES, code) ? CODE_CLASSES[code] : undefined) ?? classifyStatus(status);
		const fields = [...new Set(fieldErrors.map((f) => f.field).filter(Boolean))];
		const message = vendorMessage ?? `Extensiv answered ${status}`;
		return {
			errorClass,
			code,
			message: fields.length ? `${message} (${fields.join(', ')})` : message,
			...(hint ? { description: `Hint: ${hint}.` } : {}),
			...(fieldErrors.length ? { fieldErrors } : {}),
		};
	},
};
