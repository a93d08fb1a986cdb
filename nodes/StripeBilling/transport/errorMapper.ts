import { classifyStatus } from '../../common/errors';
import type { ErrorClass, ErrorMapper, VendorError } from '../../common/errors';
import type { RawResponse } from '../../common/transport';

/**
 * Stripe error bodies are `{ error: { type, code?, param?, message, doc_url?, decline_code? } }`.
 * The class comes from `type` and `code` (then the status); the message is shown, never parsed.
 */
interface StripeErrorBody {
	type?: string;
	code?: string;
	param?: string;
	message?: string;
	doc_url?: string;
	decline_code?: string;
}

const CODE_CLASSES: Record<string, ErrorClass> = {
	resource_missing: 'not_found',
	resource_already_exists: 'duplicate',
	rate_limit: 'rate_limit',
	lock_timeout: 'rate_limit',
	idempotency_key_in_use: 'conflict',
	invoice_not_editable: 'conflict',
	api_key_expired: 'auth',
	secret_key_required: 'auth',
	testmode_charges_only: 'permission',
};

/** What to do next, for the codes users meet most in billing flows. */
const CODE_HINTS: Record<string, string> = {
	resource_missing: 'The ID does not exist in this Stripe account and mode (test keys only see test data, live keys only live data).',
	parameter_missing: 'Set the named parameter in the node (or in Additional Parameters).',
	parameter_unknown: 'This API version does not know the named parameter; remove it or pin another API version in the credential.',
	parameter_invalid_integer: 'The named parameter needs a whole number (amounts are converted to minor units by the node).',
	invoice_not_editable: 'Only draft invoices can be changed or finalized; fetch the invoice to see its status.',
	lock_timeout: 'Another request was changing the same object; the node retried with backoff and the same Idempotency-Key.',
	rate_limit: 'Stripe throttled the account; the node retried with backoff. Lower the credential’s request rate or spread the runs.',
	card_declined: 'The customer’s payment method was declined; ask them to update it or use another payment method.',
};

function errorOf(response: RawResponse): StripeErrorBody {
	let body: unknown = response.body;
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body === 'string') {
		const text = body;
		try {
			body = JSON.parse(text) as unknown;
		} catch {
			return { message: text.trim().slice(0, 300) || undefined };
		}
	}
	const error = (body as { error?: unknown } | null)?.error;
	return typeof error === 'object' && error !== null ? (error as StripeErrorBody) : {};
}

function classOf(status: number, error: StripeErrorBody): ErrorClass {
	if (status === 401) return 'auth';
	if (status === 403) return 'permission';
	if (error.type === 'idempotency_error') return 'conflict';
	if (error.code && Object.hasOwn(CODE_CLASSES, error.code)) return CODE_CLASSES[error.code];
	// A meter event whose identifier Stripe already holds: that usage was recorded before.
	if (status === 400 && error.type === 'invalid_request_error' && error.param === 'identifier' && !error.code) return 'duplicate';
	if (error.type === 'card_error') return 'validation';
	if (error.type === 'api_error') return 'transient';
	if (error.code?.startsWith('parameter_')) return 'validation';
	return classifyStatus(status);
}

export const stripeErrorMapper: ErrorMapper = {
	system: 'Stripe',
	map(response: RawResponse): VendorError {
		const error = errorOf(response);
		const errorClass = classOf(response.statusCode, error);
		const code = error.code ?? error.type;
		if (errorClass === 'auth') {
			return {
				errorClass,
				code: code ?? 'authentication_error',
				message: 'Stripe rejected the API key',
				description:
					'Check the Secret Key in the credential (Developers > API keys in the Stripe Dashboard; sk_test_… for test mode, sk_live_… or a restricted rk_… key for live) and that the Base URL points at Stripe or the sandbox.',
			};
		}
		const parts = [error.message ?? `Stripe returned HTTP ${response.statusCode}`];
		if (error.param) parts.push(`(parameter: ${error.param})`);
		if (error.decline_code) parts.push(`(decline code: ${error.decline_code})`);
		const hints: string[] = [];
		if (error.type === 'idempotency_error') {
			hints.push(
				'This Idempotency-Key was already used in the last 24 hours with other parameters: the same input item was sent before with a different node configuration. Nothing was changed. Set the Idempotency Key option to a new value (e.g. include a version) if this is meant to be a new request.',
			);
		}
		if (error.code && CODE_HINTS[error.code]) hints.push(CODE_HINTS[error.code]);
		if (errorClass === 'permission') hints.push('A restricted key needs the write permission of this resource (Developers > API keys > edit the restricted key).');
		if (error.doc_url) hints.push(`See ${error.doc_url}`);
		return {
			errorClass,
			code,
			message: parts.join(' '),
			description: hints.join(' ') || undefined,
			...(error.param ? { fieldErrors: [{ field: error.param, code: error.code, message: error.message ?? 'invalid' }] } : {}),
		};
	},
};
