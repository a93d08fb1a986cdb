import { createHash } from 'node:crypto';
import { sleep } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

import { DEFAULT_RETRY_POLICY, retryDelayMs } from '../../common/transport/retry';

import type { VendorError } from '../../common/errors';
import { buildRequest, fillSlots, loginXml, parseResponse, senderXml, sessionXml } from './envelope';
import { failureOf, vendorErrorOf } from './errorMapper';
import { XmlError } from './xml';

/**
 * Sage Intacct sessions, kept in the credential itself: `preAuthentication` calls getAPISession
 * with the user's login and n8n stores the session (encrypted, in its database) in the hidden
 * expirable `sessionToken` field, so every execution, worker and restart reuses it until it
 * expires. The credential's `authenticate` writes the sender and the session into the XML
 * envelope (the gateway has no HTTP auth header).
 *
 * The gateway answers an expired session with HTTP 200 and an authentication failure, but n8n
 * renews a credential only when a request fails with 401. So the transport resends such a
 * request once with RENEW_HEADER ("renew a session created before this time"), and
 * `authenticate` answers it with a 401-shaped error while the stored session is that old: n8n
 * then runs `preAuthentication` again, saves the new session and calls `authenticate` once more,
 * which now sends the request. A session renewed meanwhile by another execution is simply used.
 */

export const DEFAULT_ENDPOINT = 'https://api.intacct.com/ia/xml/xmlgw.phtml';
export const RENEW_HEADER = 'x-erp-interop-intacct-renew-before';
/** Renew this long before the expiry the gateway stated, so a request never races the timeout. */
const EXPIRY_MARGIN_MS = 60_000;

export interface IntacctCredentials {
	endpointUrl: string;
	senderId: string;
	senderPassword: string;
	companyId: string;
	entityId: string;
	userId: string;
	userPassword: string;
	sessionToken: string;
	sessionEndpoint: string;
	sessionCreatedAt: number;
	sessionExpiresAt: number;
	/** Whose session it is (a hash of endpoint, company, entity, user and sender). */
	sessionAccount: string;
}

export function readCredentials(data: ICredentialDataDecryptedObject): IntacctCredentials {
	const str = (key: string) => (typeof data[key] === 'string' ? (data[key] as string).trim() : data[key] === undefined || data[key] === null ? '' : String(data[key]));
	return {
		endpointUrl: normaliseEndpoint(str('endpointUrl')),
		senderId: str('senderId'),
		senderPassword: typeof data.senderPassword === 'string' ? data.senderPassword : '',
		companyId: str('companyId'),
		entityId: str('entityId'),
		userId: str('userId'),
		userPassword: typeof data.userPassword === 'string' ? data.userPassword : '',
		sessionToken: str('sessionToken'),
		sessionEndpoint: str('sessionEndpoint'),
		sessionCreatedAt: Number(data.sessionCreatedAt) || 0,
		sessionExpiresAt: Number(data.sessionExpiresAt) || 0,
		sessionAccount: str('sessionAccount'),
	};
}

export function normaliseEndpoint(value: string): string {
	const trimmed = value.trim() || DEFAULT_ENDPOINT;
	return /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
}

/**
 * The endpoint getAPISession names is used only when it is on the configured gateway's origin, or
 * an https host of intacct.com while the configured gateway is one too: a response can never send
 * the session (or the sender password) to a host the user did not choose.
 */
export function trustedEndpoint(configured: string, returned: string): string {
	if (!returned) return configured;
	try {
		const base = new URL(configured);
		const next = new URL(returned);
		if (next.origin === base.origin) return next.toString();
		const intacct = (host: string) => host === 'intacct.com' || host.endsWith('.intacct.com');
		if (next.protocol === 'https:' && intacct(next.hostname) && intacct(base.hostname)) return next.toString();
	} catch {
		// An unparseable endpoint is ignored.
	}
	return configured;
}

/** Whose session it is: a changed sender, company, entity or user is a different session. */
export function accountKey(c: Pick<IntacctCredentials, 'endpointUrl' | 'companyId' | 'entityId' | 'userId' | 'senderId'>): string {
	return [c.endpointUrl, c.companyId, c.entityId, c.userId, c.senderId].join('|');
}

/** The account a session belongs to, as stored beside it (no secret in it). */
export function accountFingerprint(c: Parameters<typeof accountKey>[0]): string {
	return createHash('sha256').update(accountKey(c)).digest('hex').slice(0, 24);
}

/**
 * The last sign-in failure per account, so the transport can report it as an authentication
 * error (n8n passes only the message of an error thrown by preAuthentication).
 */
const loginFailures = new Map<string, { at: number; error: VendorError }>();

export function loginFailureSince(key: string, since: number): VendorError | undefined {
	const failure = loginFailures.get(key);
	return failure && failure.at >= since ? failure.error : undefined;
}

export class IntacctLoginError extends Error {
	readonly description: string;
	constructor(readonly vendor: VendorError) {
		super(`Sage Intacct${vendor.code ? ` [${vendor.code}]` : ''}: ${vendor.message}`);
		this.name = 'IntacctLoginError';
		this.description = vendor.description ?? '';
	}
}

/** getAPISession with the user's login: the `preAuthentication` of the credential. */
export async function openSession(helpers: IHttpRequestHelper['helpers'], data: ICredentialDataDecryptedObject): Promise<IDataObject> {
	const c = readCredentials(data);
	const key = accountKey(c);
	const missing = (
		[
			['senderId', 'Sender ID'],
			['senderPassword', 'Sender Password'],
			['companyId', 'Company ID'],
			['userId', 'User ID'],
			['userPassword', 'User Password'],
		] as const
	).filter(([name]) => !c[name]);
	if (missing.length > 0) {
		const error: VendorError = {
			errorClass: 'auth',
			message: `The credential is missing ${missing.map(([, label]) => label).join(', ')}`,
			description: 'Fill in every required field of the Sage Intacct credential.',
		};
		loginFailures.set(key, { at: Date.now(), error });
		throw new IntacctLoginError(error);
	}
	const body = fillSlots(
		buildRequest([{ controlId: 'getAPISession', xml: c.entityId ? `<getAPISession><locationid>${escape(c.entityId)}</locationid></getAPISession>` : '<getAPISession/>' }], {
			controlId: `session-${Date.now()}`,
		}),
		senderXml(c.senderId, c.senderPassword),
		loginXml({ userId: c.userId, companyId: c.companyId, password: c.userPassword, entityId: c.entityId || undefined }),
	);
	const raw = await signIn(helpers, c.endpointUrl, body);
	let error: VendorError | undefined;
	let session: IDataObject | undefined;
	try {
		const response = parseResponse(raw.body);
		const failure = failureOf(response);
		if (failure) {
			error = vendorErrorOf(failure.level, failure.errors, raw.statusCode);
			if (failure.level === 'result') error = { ...error, errorClass: 'auth', message: `getAPISession failed: ${error.message}` };
		} else {
			const api = response.results[0]?.records[0] as { sessionid?: string; endpoint?: string } | undefined;
			if (!api?.sessionid) {
				error = { errorClass: 'auth', message: 'getAPISession returned no session ID' };
			} else {
				const now = Date.now();
				const stated = response.sessionTimeout ? Date.parse(response.sessionTimeout) : Number.NaN;
				session = {
					sessionToken: api.sessionid,
					sessionEndpoint: trustedEndpoint(c.endpointUrl, api.endpoint ?? ''),
					sessionCreatedAt: now,
					sessionAccount: accountFingerprint(c),
					// Without a stated timeout, fall back to renewing on the gateway's refusal only.
					sessionExpiresAt: Number.isFinite(stated) ? stated : 0,
				};
			}
		}
	} catch (parseError) {
		error = {
			errorClass: raw.statusCode === 429 ? 'rate_limit' : raw.statusCode >= 500 ? 'transient' : 'unknown',
			message: `Signing in to Sage Intacct failed (HTTP ${raw.statusCode}): ${parseError instanceof XmlError ? parseError.message : 'unreadable response'}`,
			description: 'Check the Endpoint URL of the credential.',
		};
	}
	if (error || !session) {
		const failure = error ?? { errorClass: 'auth' as const, message: 'Signing in to Sage Intacct failed' };
		loginFailures.set(key, { at: Date.now(), error: failure });
		throw new IntacctLoginError(failure);
	}
	loginFailures.delete(key);
	return session;
}

/**
 * Posts the sign-in, waiting out 429 (the company's concurrency limit) and 503 like every other
 * request: nothing was processed then, so sending it again is safe.
 */
async function signIn(helpers: IHttpRequestHelper['helpers'], url: string, body: string): Promise<{ statusCode: number; body: unknown }> {
	for (let attempt = 1; ; attempt++) {
		const raw = (await helpers.httpRequest({
			method: 'POST',
			url,
			body,
			headers: { 'Content-Type': 'application/xml', Accept: 'application/xml' },
			json: false,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as { statusCode: number; body: unknown; headers?: Record<string, string> };
		if ((raw.statusCode !== 429 && raw.statusCode !== 503) || attempt >= DEFAULT_RETRY_POLICY.maxAttempts) return raw;
		await sleep(retryDelayMs(attempt, raw.statusCode, lowerCase(raw.headers), DEFAULT_RETRY_POLICY));
	}
}

function lowerCase(headers: Record<string, unknown> | undefined): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(headers ?? {})) out[k.toLowerCase()] = String(v);
	return out;
}

function escape(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function header(request: IHttpRequestOptions, name: string): string | undefined {
	const headers = (request.headers ?? {}) as IDataObject;
	const found = Object.keys(headers).find((k) => k.toLowerCase() === name);
	return found === undefined ? undefined : String(headers[found]);
}

function withoutHeader(request: IHttpRequestOptions, name: string): IDataObject {
	const headers = { ...((request.headers ?? {}) as IDataObject) };
	for (const key of Object.keys(headers)) if (key.toLowerCase() === name) delete headers[key];
	return headers;
}

/** What n8n's 401 handling recognises; thrown only to make n8n renew the session. */
function sessionExpired(): Error {
	return Object.assign(new Error('The Sage Intacct session expired; signing in again'), { response: { status: 401 } });
}

/** The credential's `authenticate`: sender and session into the envelope, the session's endpoint as URL. */
export async function authenticateRequest(
	data: ICredentialDataDecryptedObject,
	request: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const c = readCredentials(data);
	const renewBefore = Number(header(request, RENEW_HEADER));
	if (Number.isFinite(renewBefore) && renewBefore > 0 && c.sessionCreatedAt <= renewBefore) throw sessionExpired();
	// The credential was edited (another company, entity, user or sender): that session is not this account's.
	if (c.sessionToken && c.sessionAccount !== accountFingerprint(c)) throw sessionExpired();
	if (c.sessionExpiresAt > 0 && Date.now() >= c.sessionExpiresAt - EXPIRY_MARGIN_MS) {
		// Known to be expired: renew before sending instead of after a refusal. A session that is
		// younger than the margin is kept (a gateway stating a very short timeout must not loop).
		if (Date.now() - c.sessionCreatedAt > EXPIRY_MARGIN_MS) throw sessionExpired();
	}
	const body = typeof request.body === 'string' ? request.body : undefined;
	return {
		...request,
		// The session's own endpoint (absolute, so any baseURL of the credential test is dropped).
		...(c.sessionEndpoint ? { url: trustedEndpoint(c.endpointUrl, c.sessionEndpoint), baseURL: undefined } : {}),
		headers: withoutHeader(request, RENEW_HEADER),
		...(body !== undefined ? { body: fillSlots(body, senderXml(c.senderId, c.senderPassword), sessionXml(c.sessionToken)) } : {}),
	};
}
