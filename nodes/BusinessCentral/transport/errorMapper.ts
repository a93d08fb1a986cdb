import { classifyStatus } from '../../common/errors';
import type { ErrorClass, ErrorMapper, VendorError } from '../../common/errors';
import type { RawResponse } from '../../common/transport';

/**
 * Business Central answers errors as OData JSON: `{ error: { code, message } }`, the message ending in
 * "CorrelationId: ...". The class comes from `code` (exact codes first, then the documented code
 * families: Authentication_, Authorization_, BadRequest_, Application_, Internal_), then the status.
 * The message text is only displayed, never inspected.
 */
const CODE_CLASSES: Record<string, ErrorClass> = {
	Authentication_InvalidCredentials: 'auth',
	Request_EntityChanged: 'conflict',
	Internal_EntityWithSameKeyExists: 'duplicate',
	Internal_RecordNotFound: 'not_found',
	Internal_CompanyNotFound: 'not_found',
	BadRequest_NotFound: 'not_found',
	BadRequest_ResourceNotFound: 'not_found',
	BadRequest_MethodNotAllowed: 'validation',
	Application_TooManyRequests: 'rate_limit',
	Internal_TenantUnavailable: 'transient',
	Internal_ServiceUnavailable: 'transient',
	Internal_ServerError: 'transient',
};

const FAMILY_CLASSES: Array<[string, ErrorClass]> = [
	['Authentication_', 'auth'],
	['Authorization_', 'permission'],
	['BadRequest', 'validation'],
	['Application_', 'validation'],
];

/** What to do, per code: the message says what happened, these say how to fix it. */
const CODE_HINTS: Record<string, string> = {
	Request_EntityChanged:
		'The record was changed in Business Central since it was read (its ETag no longer matches). Read it again and repeat the update, or leave ETag empty so the node reads the current version first.',
	Internal_CompanyNotFound: 'Pick the company from the list, or check the company ID (GET /companies lists them).',
	Internal_EntityWithSameKeyExists: 'A record with the same number already exists. Use Create or Update (upsert) to make the write safe to repeat.',
	BadRequest_MethodNotAllowed: 'Business Central does not allow this operation on this entity (posted documents and shipments are read-only).',
	Application_StringExceededLength: 'Shorten the value to the length Business Central allows for the field.',
	Application_TooManyRequests: 'Business Central allows 6,000 requests per 5 minutes and 5 concurrent requests per user; lower the concurrency or spread the load.',
};

interface ODataErrorBody {
	error?: { code?: unknown; message?: unknown };
	error_description?: unknown;
}

function bodyOf(response: RawResponse): ODataErrorBody {
	let body: unknown = response.body;
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body === 'string') {
		const text = body;
		try {
			body = JSON.parse(text) as unknown;
		} catch {
			return { error: { message: text.trim().slice(0, 300) || undefined } };
		}
	}
	return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as ODataErrorBody) : {};
}

export function classOfCode(code: string | undefined, statusCode: number): ErrorClass {
	if (statusCode === 401) return 'auth';
	if (statusCode === 412) return 'conflict';
	if (code) {
		if (Object.hasOwn(CODE_CLASSES, code)) return CODE_CLASSES[code];
		const family = FAMILY_CLASSES.find(([prefix]) => code.startsWith(prefix));
		// A family's 404 is still a missing record, whatever the family.
		if (family && statusCode !== 404) return family[1];
	}
	return classifyStatus(statusCode);
}

/** Splits "message  CorrelationId:  x." into the message and the correlation id. */
function splitCorrelation(message: string): { text: string; correlation?: string } {
	const index = message.indexOf('CorrelationId:');
	if (index < 0) return { text: message.trim() };
	return { text: message.slice(0, index).trim(), correlation: message.slice(index + 'CorrelationId:'.length).trim().replace(/\.$/, '') };
}

export const businessCentralErrorMapper: ErrorMapper = {
	system: 'Business Central',
	map(response: RawResponse): VendorError {
		const body = bodyOf(response);
		const code = typeof body.error?.code === 'string' && body.error.code ? body.error.code : undefined;
		const errorClass = classOfCode(code, response.statusCode);
		const raw = typeof body.error?.message === 'string' ? body.error.message : '';
		const { text, correlation } = splitCorrelation(raw);
		const correlationNote = correlation ? `Business Central correlation ID: ${correlation}.` : undefined;
		if (errorClass === 'auth') {
			return {
				errorClass,
				code: code ?? 'Authentication_InvalidCredentials',
				message: 'Business Central rejected the access token',
				description: [
					text && `Business Central said: ${text}.`,
					'Check the Tenant ID, Client ID and Client Secret, that the app registration has the API.ReadWrite.All application permission with admin consent, and that the app is added on the "Microsoft Entra Applications" page in Business Central with permission sets.',
					correlationNote,
				]
					.filter(Boolean)
					.join(' '),
			};
		}
		const hint = code ? CODE_HINTS[code] : undefined;
		return {
			errorClass,
			code,
			message: text || (response.statusCode === 412 ? 'The record changed since it was read' : `HTTP ${response.statusCode}`),
			description: [hint, correlationNote].filter(Boolean).join(' ') || undefined,
		};
	},
};
