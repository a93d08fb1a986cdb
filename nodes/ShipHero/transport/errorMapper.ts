import { classifyStatus, errorBodyOf } from '../../common/errors';
import type { ErrorClass, ErrorMapper, FieldError, VendorError } from '../../common/errors';
import type { RawResponse } from '../../common/transport';

/**
 * ShipHero answers GraphQL errors with HTTP 200 (400 for documents that do not validate):
 * `{ errors: [{ message, code, operation, field, request_id, locations, path }], data }`.
 * The class comes from `code` (ShipHero numbers its errors like gRPC status codes, 30 = not
 * enough credits), then from the HTTP status; the message is displayed, never inspected.
 */
export const THROTTLE_CODE = 30;

const CODE_CLASSES: Record<number, ErrorClass> = {
	3: 'validation',
	5: 'not_found',
	6: 'duplicate',
	7: 'permission',
	9: 'conflict',
	10: 'conflict',
	13: 'transient',
	14: 'transient',
	16: 'auth',
	[THROTTLE_CODE]: 'rate_limit',
};

export interface GraphqlError {
	message?: unknown;
	code?: unknown;
	operation?: unknown;
	field?: unknown;
	path?: unknown;
	locations?: unknown;
	request_id?: unknown;
	required_credits?: unknown;
	remaining_credits?: unknown;
	time_remaining?: unknown;
}


export function graphqlErrors(body: unknown): GraphqlError[] {
	const errors = (body as { errors?: unknown } | undefined)?.errors;
	return Array.isArray(errors) ? errors.filter((e): e is GraphqlError => typeof e === 'object' && e !== null) : [];
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/** Where an error points: the field path (`order_update.data.line_items`) or the field name. */
function fieldOf(error: GraphqlError): string | undefined {
	if (Array.isArray(error.path) && error.path.length > 0) return error.path.map(String).join('.');
	return str(error.field);
}

function codeOf(error: GraphqlError | undefined): number | undefined {
	const code = Number(error?.code);
	return error?.code !== undefined && error.code !== null && Number.isInteger(code) ? code : undefined;
}

const DEFAULT_MESSAGES: Record<ErrorClass, string> = {
	auth: 'ShipHero rejected the access token',
	permission: 'The ShipHero user is not allowed to do this',
	validation: 'ShipHero rejected the request as invalid',
	not_found: 'The record was not found',
	conflict: 'The record is not in a state that allows this',
	duplicate: 'The record already exists',
	rate_limit: 'ShipHero has not enough API credits left for this request',
	transient: 'ShipHero had a temporary failure',
	unknown: 'ShipHero returned an error',
};

export const shipHeroErrorMapper: ErrorMapper = {
	system: 'ShipHero',
	map(response: RawResponse): VendorError {
		const body = errorBodyOf(response);
		const errors = graphqlErrors(body);
		const first = errors[0];
		const code = codeOf(first);
		const byCode = code !== undefined && Object.hasOwn(CODE_CLASSES, code) ? CODE_CLASSES[code] : undefined;
		// GraphQL validation errors carry no code: a document the schema refuses is a validation error.
		const errorClass: ErrorClass =
			response.statusCode === 401 ? 'auth' : (byCode ?? (errors.length > 0 && response.statusCode < 500 ? 'validation' : classifyStatus(response.statusCode)));

		if (errorClass === 'auth') {
			return {
				errorClass,
				code: code !== undefined ? String(code) : 'Unauthorized',
				message: 'ShipHero rejected the access token obtained with the refresh token',
				description:
					'Check the Refresh Token in the credential (a Third-Party Developer user’s token; it stops working when the user is removed) and the Base URL.',
			};
		}
		const fieldErrors: FieldError[] = errors.map((error) => ({
			field: fieldOf(error),
			code: codeOf(error) !== undefined ? String(codeOf(error)) : undefined,
			message: str(error.message) ?? 'invalid',
		}));
		const operation = str(first?.operation);
		const where = [operation && `operation ${operation}`, fieldOf(first ?? {}) && `field ${fieldOf(first ?? {})}`].filter(Boolean).join(', ');
		const message = str(first?.message) ?? str(body.message) ?? DEFAULT_MESSAGES[errorClass];
		const requestId = str(first?.request_id);
		return {
			errorClass,
			code: code !== undefined ? String(code) : undefined,
			message: where ? `${message} (${where})` : message,
			...(requestId ? { description: `ShipHero request id ${requestId} (quote it to ShipHero support).` } : {}),
			...(fieldErrors.length > 1 || (fieldErrors.length === 1 && fieldErrors[0].field) ? { fieldErrors } : {}),
		};
	},
};
