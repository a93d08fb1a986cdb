import { classifyStatus } from '../../common/errors';
import type { ErrorClass, ErrorMapper, VendorError } from '../../common/errors';
import type { RawResponse } from '../../common/transport';

/**
 * Halo errors come from its ASP.NET stack in three shapes: `{ ClassName, Message }` (Halo's own
 * exceptions), `{ Message }` (framework errors such as a denied token) and, from the token
 * endpoint, RFC 6749 `{ error, error_description }`; some answers are plain text. The class comes
 * from the vendor code (ClassName or OAuth error), then from the status; messages are only shown.
 */
const CODE_CLASSES: Record<string, ErrorClass> = {
	invalid_client: 'auth',
	invalid_grant: 'auth',
	unauthorized_client: 'auth',
	invalid_token: 'auth',
	invalid_scope: 'permission',
	invalid_request: 'validation',
	unsupported_grant_type: 'auth',
	HaloValidationException: 'validation',
	HaloNotFoundException: 'not_found',
	HaloPermissionException: 'permission',
	HaloAuthenticationException: 'auth',
};

interface HaloErrorBody {
	code?: string;
	message?: string;
}

function str(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function bodyOf(body: unknown): HaloErrorBody {
	if (Buffer.isBuffer(body)) return bodyOf(body.toString('utf8'));
	if (typeof body === 'string') {
		try {
			return bodyOf(JSON.parse(body) as unknown);
		} catch {
			return { message: str(body)?.slice(0, 300) };
		}
	}
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return {};
	const b = body as Record<string, unknown>;
	return {
		code: str(b.ClassName) ?? str(b.error) ?? str(b.resultCode),
		message: str(b.Message) ?? str(b.message) ?? str(b.error_description) ?? str(b.errorMessage),
	};
}

/** The short form of a .NET class name ("Halo.Api.HaloValidationException" → "HaloValidationException"). */
function shortCode(code: string | undefined): string | undefined {
	return code?.split('.').pop();
}

const DEFAULT_MESSAGES: Record<ErrorClass, string> = {
	auth: 'HaloPSA rejected the credentials',
	permission: 'The Halo application or its agent is not allowed to do this',
	validation: 'HaloPSA rejected the request as invalid',
	not_found: 'The record was not found',
	conflict: 'The record conflicts with its current state',
	duplicate: 'The record already exists',
	rate_limit: 'HaloPSA is throttling requests',
	transient: 'HaloPSA had a temporary failure',
	unknown: 'HaloPSA returned an error',
};

export const haloErrorMapper: ErrorMapper = {
	system: 'HaloPSA',
	map(response: RawResponse): VendorError {
		const { code, message } = bodyOf(response.body);
		const key = shortCode(code);
		const errorClass: ErrorClass =
			response.statusCode === 401
				? 'auth'
				: ((key && Object.hasOwn(CODE_CLASSES, key) ? CODE_CLASSES[key] : undefined) ?? classifyStatus(response.statusCode));
		if (errorClass === 'auth') {
			return {
				errorClass,
				code: key ?? 'Unauthorized',
				message: 'HaloPSA rejected the credentials (client ID, client secret, tenant or token)',
				description:
					'Check the Client ID and Secret of the Halo API application, the Tenant (hosted instances) and that the Authorisation and Resource Server URLs match Configuration > Integrations > Halo API > API Details.',
			};
		}
		if (errorClass === 'permission') {
			return {
				errorClass,
				code: key,
				message: message ?? DEFAULT_MESSAGES.permission,
				description:
					'Grant the scope to the API application and check the permissions of the agent it logs in as (Configuration > Integrations > Halo API > Applications).',
			};
		}
		return { errorClass, code: key, message: message ?? DEFAULT_MESSAGES[errorClass] };
	},
};
