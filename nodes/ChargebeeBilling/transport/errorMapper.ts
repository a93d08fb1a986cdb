import { classifyStatus, errorBodyOf } from '../../common/errors';
import type { ErrorClass, ErrorMapper, VendorError } from '../../common/errors';
import type { RawResponse } from '../../common/transport';

/**
 * Chargebee error bodies: `{ message, type, api_error_code, param, error_code, error_msg,
 * error_param, http_status_code }`. The class is keyed on `api_error_code` (then the status);
 * `param` names the rejected input, so the message says which field to fix.
 */
const CODE_CLASSES: Record<string, ErrorClass> = {
	resource_not_found: 'not_found',
	param_wrong_value: 'validation',
	param_not_applicable: 'validation',
	param_required: 'validation',
	invalid_request: 'validation',
	payment_processing_failed: 'validation',
	payment_method_verification_failed: 'validation',
	payment_method_not_present: 'validation',
	payment_gateway_currency_incompatible: 'validation',
	duplicate_entry: 'duplicate',
	invalid_state_for_request: 'conflict',
	resource_limit_exhausted: 'conflict',
	resource_limit_exceeded: 'conflict',
	operation_failed: 'conflict',
	api_request_limit_exceeded: 'rate_limit',
	lock_timeout: 'transient',
	db_connection_failure: 'transient',
	internal_error: 'transient',
	internal_temporary_error: 'transient',
	site_not_ready: 'transient',
	site_read_only_mode: 'transient',
	unauthorized: 'auth',
	basic_authentication_failed: 'auth',
	api_authentication_failed: 'auth',
	api_authentication_invalid_key: 'auth',
	api_authorization_failed: 'permission',
	site_not_found: 'auth',
	configuration_incompatible: 'validation',
	feature_not_enabled: 'permission',
};

const HINTS: Partial<Record<string, string>> = {
	duplicate_entry: 'A record with this id or value already exists: look it up instead of creating it.',
	resource_not_found: 'Check the id: the record does not exist on this site (test and live sites are separate).',
	api_authorization_failed: 'The API key is read-only or restricted: use a full-access key for writes.',
	api_request_limit_exceeded: 'The site’s per-minute API limit was reached; lower the load or spread the workflow over time.',
};


const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

export const chargebeeErrorMapper: ErrorMapper = {
	system: 'Chargebee',
	map(response: RawResponse): VendorError {
		const body = errorBodyOf(response);
		const code = text(body.api_error_code) ?? text(body.error_code);
		const param = text(body.param) ?? text(body.error_param);
		const vendorMessage = text(body.message) ?? text(body.error_msg);
		const status = response.statusCode;
		if (status === 401) {
			return {
				errorClass: 'auth',
				code: code ?? 'api_authentication_failed',
				message: 'Chargebee rejected the API key',
				description: 'Check the API key and the site in the credential (a test-site key does not work on the live site).',
			};
		}
		const errorClass = (code && Object.hasOwn(CODE_CLASSES, code) ? CODE_CLASSES[code] : undefined) ?? classifyStatus(status);
		const message = vendorMessage ?? `Chargebee answered ${status}`;
		return {
			errorClass,
			code,
			message: param && !message.includes(param) ? `${param}: ${message}` : message,
			...(param ? { fieldErrors: [{ field: param, code, message }] } : {}),
			...(code && HINTS[code] ? { description: HINTS[code] } : {}),
		};
	},
};
