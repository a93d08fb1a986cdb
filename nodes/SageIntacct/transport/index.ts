import { createHash, randomUUID } from 'node:crypto';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, INode, JsonObject } from 'n8n-workflow';

import { redact, secretsOf, toNodeOperationError } from '../../common/errors';
import type { VendorError } from '../../common/errors';
import { getRateLimiter, sendRequest } from '../../common/transport';
import type { RawResponse, RequestContext } from '../../common/transport';
import { buildRequest, parseResponse } from './envelope';
import type { IntacctFunction, IntacctResponse, IntacctResult, Level } from './envelope';
import { createErrorMapper, failureOf, vendorErrorOf } from './errorMapper';
import { accountKey, IntacctLoginError, loginFailureSince, readCredentials, RENEW_HEADER } from './session';
import { XmlError } from './xml';

export * from './envelope';
export { INTACCT_CODES, classifyErrorNo, describeErrors } from './errorMapper';

export const CREDENTIAL_TYPE = 'sageIntacctApi';
/** Sage Intacct's default concurrency per company (performance tier 1). */
export const DEFAULT_MAX_CONCURRENT = 2;

function safeParse(body: unknown): IntacctResponse | undefined {
	try {
		return parseResponse(body);
	} catch {
		return undefined;
	}
}

export const intacctErrorMapper = createErrorMapper((response) => safeParse(response.body));

export interface CallOptions {
	/** All functions or none (`<operation transaction="true">`). */
	transaction?: boolean;
	/** Sends `<uniqueid>true</uniqueid>` with a stable control ID: a resend after a lost response is refused instead of applied twice. */
	uniqueId?: boolean;
	/** The request's control ID; derived from the execution and `controlKey` when uniqueId is on. */
	controlKey?: string;
	itemIndex?: number;
	/** Safe to resend after a network error (reads, or writes with uniqueId). */
	idempotent?: boolean;
}

/** A stable control ID for one request of one execution (the gateway allows up to 256 characters). */
export function stableControlId(ctx: RequestContext, key: string): string {
	const execution = 'getExecutionId' in ctx && typeof ctx.getExecutionId === 'function' ? ctx.getExecutionId() : '';
	return createHash('sha256').update(`${execution}|${ctx.getNode().id}|${key}`).digest('hex').slice(0, 40);
}

async function credentialsOf(ctx: RequestContext): Promise<ICredentialDataDecryptedObject> {
	return await ctx.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE);
}

/** The NodeApiError of a gateway-level or function-level failure: vendor code, record context, no secrets. */
export function intacctError(
	node: INode,
	vendor: VendorError,
	{ itemIndex, secrets = [], subject, raw }: { itemIndex?: number; secrets?: string[]; subject?: string; raw?: unknown },
): NodeApiError {
	const code = vendor.code ? ` [${vendor.code}]` : '';
	const message = redact(`Sage Intacct${code}: ${vendor.message}${subject ? ` (${subject})` : ''}`, secrets);
	const error = new NodeApiError(
		node,
		{ code: vendor.code ?? null, errorClass: vendor.errorClass, response: redact(JSON.stringify(raw ?? null), secrets) } as JsonObject,
		{ message, description: redact([vendor.description, hint(vendor)].filter(Boolean).join(' '), secrets), itemIndex },
	);
	error.context.errorClass = vendor.errorClass;
	if (vendor.code) error.context.vendorCode = vendor.code;
	return error;
}

function hint(vendor: VendorError): string {
	switch (vendor.errorClass) {
		case 'duplicate':
			return 'A record with the same ID exists: use Upsert, or update it instead.';
		case 'not_found':
			return 'Check the key (RECORDNO or ID) and the object.';
		case 'rate_limit':
			return 'Lower Max Concurrent Requests in the credential or try later.';
		case 'transient':
			return 'Nothing was changed by this function; it can be sent again.';
		default:
			return '';
	}
}

/** The error of one failed function result, naming the function, the object and the item. */
export function resultError(
	node: INode,
	result: IntacctResult,
	{ itemIndex, secrets, subject }: { itemIndex?: number; secrets?: string[]; subject?: string },
): NodeApiError {
	const vendor = vendorErrorOf('result', result.errors);
	const where = [`function ${result.function || '?'}`, `controlid ${result.controlId}`, subject].filter(Boolean).join(', ');
	const aborted = result.status === 'aborted' ? { ...vendor, errorClass: 'transient' as const } : vendor;
	return intacctError(node, aborted, { itemIndex, secrets, subject: where, raw: result.raw });
}

/**
 * The one request function of Sage Intacct: the functions in one envelope, sent by n8n with the
 * credential (sender and session filled in by it), through the company's concurrency limiter with
 * bounded retries on 429/5xx. A refused session is renewed once and the request sent again.
 * Control- and authentication-level failures throw; function results are returned as they are.
 */
export async function intacctCall(ctx: RequestContext, functions: IntacctFunction[], options: CallOptions = {}): Promise<IntacctResponse> {
	const data = await credentialsOf(ctx);
	const credentials = readCredentials(data);
	const secrets = secretsOf(data);
	const maxConcurrent = Math.max(1, Math.floor(Number(data.maxConcurrent) || DEFAULT_MAX_CONCURRENT));
	const limiter = getRateLimiter(`sageIntacct|${credentials.endpointUrl}|${credentials.companyId}`, { maxConcurrent });
	// The same functions sent again by the same execution (a retry) get the same control ID; a
	// different write of the same item (upsert's create, then update) gets its own.
	const content = functions.map((f) => f.xml).join('');
	const controlId =
		options.uniqueId && options.controlKey
			? stableControlId(ctx, `${options.controlKey}|${createHash('sha256').update(content).digest('hex')}`)
			: randomUUID();
	const body = buildRequest(functions, { controlId, uniqueId: options.uniqueId, transaction: options.transaction });
	const node = ctx.getNode();
	const key = accountKey(credentials);

	const send = async (renewBefore?: number): Promise<RawResponse> => {
		const started = Date.now();
		let failure: unknown;
		try {
			return await sendRequest(ctx, {
				credentialType: CREDENTIAL_TYPE,
				errorMapper: intacctErrorMapper,
				limiter,
				itemIndex: options.itemIndex,
				idempotent: options.idempotent ?? false,
				request: {
					method: 'POST',
					url: credentials.endpointUrl,
					body,
					json: false,
					headers: {
						'Content-Type': 'application/xml',
						Accept: 'application/xml',
						...(renewBefore !== undefined ? { [RENEW_HEADER]: String(renewBefore) } : {}),
					},
				},
			});
		} catch (error) {
			failure = error;
		}
		// A failed sign-in inside n8n's preAuthentication reaches us as a plain message.
		const login = loginFailureSince(key, started) ?? (failure instanceof IntacctLoginError ? failure.vendor : undefined);
		if (login) throw intacctError(node, login, { itemIndex: options.itemIndex, secrets });
		throw failure;
	};
	const read = (raw: RawResponse): IntacctResponse => {
		try {
			return parseResponse(raw.body);
		} catch (error) {
			throw toNodeOperationError(node, error, {
				itemIndex: options.itemIndex,
				secrets,
				errorClass: 'unknown',
				description:
					error instanceof XmlError
						? 'The endpoint did not answer with a Sage Intacct XML response. Check the Endpoint URL of the credential.'
						: undefined,
			});
		}
	};

	const firstSent = Date.now();
	let response = read(await send());
	let failure = failureOf(response);
	if (failure?.level === 'authentication') {
		// The session expired or was ended: one new session, one resend.
		response = read(await send(firstSent));
		failure = failureOf(response);
	}
	if (failure && failure.level !== 'result') {
		throw intacctError(node, vendorErrorOf(failure.level as Level, failure.errors), {
			itemIndex: options.itemIndex,
			secrets,
			raw: { control: response.controlErrors, authentication: response.authErrors },
		});
	}
	return response;
}

/** The result with `controlId`, or an error saying the gateway did not answer that function. */
export function resultFor(node: INode, response: IntacctResponse, controlId: string, itemIndex?: number): IntacctResult {
	const result = response.results.find((r) => r.controlId === controlId);
	if (!result) {
		throw new NodeOperationError(node, `Sage Intacct returned no result for function ${controlId}`, { itemIndex });
	}
	return result;
}

/** The secrets of the node's credential, for redacting messages built outside intacctCall. */
export async function credentialSecrets(ctx: RequestContext): Promise<string[]> {
	try {
		return secretsOf(await credentialsOf(ctx));
	} catch {
		return [];
	}
}
