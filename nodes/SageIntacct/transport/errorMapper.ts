import { classifyStatus } from '../../common/errors';
import type { ErrorClass, ErrorMapper, VendorError } from '../../common/errors';
import type { RawResponse } from '../../common/transport';
import type { IntacctError, IntacctResponse, Level } from './envelope';

/**
 * Sage Intacct answers most failures with HTTP 200 and an <errormessage> at one of three levels
 * (control, authentication, function result). The class comes from the errorno (then its prefix:
 * GW- gateway, XL03 request/authentication, BL business logic, DL/PL data and platform layers);
 * the description texts are only shown, never inspected.
 */
const CODES: Record<string, ErrorClass> = {
	'GW-0010': 'rate_limit',
	'GW-0011': 'validation',
	XL03000003: 'validation',
	XL03000006: 'auth',
	XL03000009: 'transient',
	// A function refused because a record with the same ID exists.
	BL34000061: 'duplicate',
	// A record key that does not exist (read/update/delete).
	BL01001973: 'not_found',
	// Required field missing / invalid field value.
	BL03000018: 'validation',
	PL04000055: 'permission',
};

/** The codes this pack names in its own messages and decisions. */
export const INTACCT_CODES = {
	rateLimited: 'GW-0010',
	authentication: 'XL03000006',
	rolledBack: 'XL03000009',
	duplicate: 'BL34000061',
	notFound: 'BL01001973',
	invalidField: 'BL03000018',
	/** A control ID sent again with uniqueid=true: the first request was processed already. */
	replayedControlId: 'XL03000011',
} as const;

export function classifyErrorNo(errorNo: string, level: Level): ErrorClass {
	if (level === 'authentication') return 'auth';
	if (errorNo === INTACCT_CODES.replayedControlId) return 'duplicate';
	if (Object.hasOwn(CODES, errorNo)) return CODES[errorNo];
	if (/^GW-/i.test(errorNo)) return 'transient';
	if (/^BL/i.test(errorNo)) return 'validation';
	if (/^PL/i.test(errorNo)) return 'permission';
	return 'unknown';
}

const LEVEL_TEXT: Record<Level, string> = {
	control: 'The gateway refused the request',
	authentication: 'Sage Intacct refused the sign-in',
	result: 'The function failed',
};

/** One readable line of a list of Intacct errors: "BL34000061 Another Customer … (correction)". */
export function describeErrors(errors: IntacctError[], { firstCode = true } = {}): string {
	return errors
		.map((e, i) => {
			const said = [e.description, e.description2].filter(Boolean).join(': ');
			const code = i === 0 && !firstCode ? '' : e.errorNo;
			return [[code, said].filter(Boolean).join(' '), e.correction && `(${e.correction})`].filter(Boolean).join(' ');
		})
		.join(' - ');
}

/** The errors of a response and the level they sit at. */
export function failureOf(response: IntacctResponse): { level: Level; errors: IntacctError[] } | undefined {
	if (response.controlStatus !== 'success' || response.controlErrors.length > 0) {
		return { level: 'control', errors: response.controlErrors };
	}
	if (response.authStatus !== undefined && response.authStatus !== 'success') {
		return { level: 'authentication', errors: response.authErrors };
	}
	const failed = response.results.find((r) => r.status !== 'success');
	if (failed) return { level: 'result', errors: failed.errors };
	return undefined;
}

export function vendorErrorOf(level: Level, errors: IntacctError[], statusCode = 200): VendorError {
	const first = errors[0];
	const code = first?.errorNo || undefined;
	const errorClass = code ? classifyErrorNo(code, level) : statusCode >= 400 ? classifyStatus(statusCode) : 'unknown';
	const detail = describeErrors(errors);
	// The first code is already in the message's [brackets].
	const said = describeErrors(errors, { firstCode: false });
	if (level === 'control' && errorClass === 'auth') {
		return {
			errorClass,
			code,
			message: 'Sage Intacct refused the Web Services sender ID or sender password',
			description: `${detail}. Check Sender ID and Sender Password, and that the sender ID is authorised for the company (Company > Setup > Configuration > Security > Web Services authorizations).`,
		};
	}
	if (level === 'authentication') {
		return {
			errorClass: 'auth',
			code,
			message: 'Sage Intacct refused the sign-in (company ID, user ID, user password or entity)',
			description: `${detail}. Check Company ID, User ID, User Password and Entity ID of the credential; the user must be a Web Services user.`,
		};
	}
	return {
		errorClass,
		code,
		message: said || LEVEL_TEXT[level],
		...(first?.correction ? { description: first.correction } : {}),
	};
}

/** For sendRequest: the error of a non-2xx response (429 GW-0010, 5xx pages). Bodies that are not XML keep the status only. */
export function createErrorMapper(parsed: (response: RawResponse) => IntacctResponse | undefined): ErrorMapper {
	return {
		system: 'Sage Intacct',
		map(response: RawResponse): VendorError {
			const body = parsed(response);
			const failure = body ? failureOf(body) : undefined;
			if (failure && failure.errors.length > 0) return vendorErrorOf(failure.level, failure.errors, response.statusCode);
			const errorClass = classifyStatus(response.statusCode);
			return {
				errorClass,
				message:
					errorClass === 'rate_limit'
						? 'Sage Intacct is throttling requests (too many concurrent requests for the company)'
						: `Sage Intacct answered HTTP ${response.statusCode}`,
			};
		},
	};
}
