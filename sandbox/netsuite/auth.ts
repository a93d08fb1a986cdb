import { constants, createHmac, randomBytes, verify, type KeyObject } from 'node:crypto';

import { headerValue } from '../core/http';
import type { SandboxRequest, SandboxResponse } from '../core/types';
import {
	certificateKeys,
	NS_ACCOUNTS,
	NS_CLIENT_ID,
	NS_CONSUMER_KEY,
	NS_CONSUMER_SECRET,
	NS_EC_CERTIFICATE_ID,
	NS_RSA_CERTIFICATE_ID,
	NS_TIMESTAMP_WINDOW_S,
	NS_TOKEN_ID,
	NS_TOKEN_LIFETIME_S,
	NS_TOKEN_SECRET,
} from './constants';
import { invalidLogin } from './errors';

/** Who a request runs as once authenticated. */
export interface NsPrincipal {
	account: string;
	via: 'tba' | 'oauth2';
	scopes: string[];
}

/** RFC 3986 percent-encoding as RFC 5849 §3.6 requires (written here, independently of the node). */
function enc(value: string): string {
	return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `OAuth realm="x", oauth_…="…"` → map of decoded values. */
export function parseOAuthHeader(header: string): Map<string, string> | undefined {
	const match = /^OAuth\s+(.*)$/is.exec(header.trim());
	if (!match) return undefined;
	const out = new Map<string, string>();
	for (const part of match[1].matchAll(/([A-Za-z0-9_]+)\s*=\s*"([^"]*)"/g)) {
		try {
			out.set(part[1], decodeURIComponent(part[2]));
		} catch {
			return undefined;
		}
	}
	return out;
}

/** The signature a correct client sends for this request (RFC 5849 §3.4, HMAC-SHA256). */
export function expectedTbaSignature(req: SandboxRequest, oauth: Map<string, string>, consumerSecret: string, tokenSecret: string): string {
	const url = req.url;
	const defaultPort = (url.protocol === 'http:' && url.port === '80') || (url.protocol === 'https:' && url.port === '443');
	const baseUri = `${url.protocol}//${url.hostname.toLowerCase()}${url.port && !defaultPort ? `:${url.port}` : ''}${url.pathname}`;
	const params: Array<[string, string]> = [];
	for (const [k, v] of url.searchParams) params.push([k, v]);
	for (const [k, v] of oauth) if (k !== 'realm' && k !== 'oauth_signature') params.push([k, v]);
	const normalized = params
		.map(([k, v]) => [enc(k), enc(v)])
		.sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) : a[0] < b[0] ? -1 : 1))
		.map(([k, v]) => `${k}=${v}`)
		.join('&');
	const base = `${req.method.toUpperCase()}&${enc(baseUri)}&${enc(normalized)}`;
	return createHmac('sha256', `${enc(consumerSecret)}&${enc(tokenSecret)}`).update(base).digest('base64');
}

function safeEqual(a: string, b: string): boolean {
	const ha = createHmac('sha256', 'cmp').update(a).digest();
	const hb = createHmac('sha256', 'cmp').update(b).digest();
	return ha.equals(hb) && a === b;
}

interface IssuedToken {
	account: string;
	scopes: string[];
	expiresAt: number;
}

/** What a login failed on; NetSuite shows it only in the Login Audit Trail, the sandbox keeps it for tests. */
export interface LoginAudit {
	at: string;
	reason: string;
}

/** Token-based auth (OAuth 1.0a) verification and the OAuth 2.0 client-credentials token service. */
export class NsAuth {
	private readonly nonces = new Map<string, number>();
	private readonly tokens = new Map<string, IssuedToken>();
	readonly audit: LoginAudit[] = [];

	constructor(private readonly now: () => Date) {}

	reset(): void {
		this.nonces.clear();
		this.tokens.clear();
		this.audit.length = 0;
	}

	/** Makes every issued access token expire, as an hour passing would. */
	expireTokens(): void {
		for (const token of this.tokens.values()) token.expiresAt = 0;
	}

	/** Authenticates an API request (OAuth 1.0a or Bearer); a NetSuite 401 when it fails. */
	authenticate(req: SandboxRequest): NsPrincipal | SandboxResponse {
		const header = headerValue(req.headers.authorization)?.trim() ?? '';
		if (/^Bearer\s+/i.test(header)) return this.bearer(header.replace(/^Bearer\s+/i, '').trim());
		if (/^OAuth\s/i.test(header)) return this.tba(req, header);
		return this.refuse('no Authorization header (OAuth 1.0a or Bearer)');
	}

	/** Which account a request counts against for concurrency, read without verifying it. */
	accountOf(req: SandboxRequest): string | undefined {
		const header = headerValue(req.headers.authorization)?.trim() ?? '';
		if (/^Bearer\s+/i.test(header)) return this.tokens.get(header.replace(/^Bearer\s+/i, '').trim())?.account;
		return parseOAuthHeader(header)?.get('realm');
	}

	private refuse(reason: string): SandboxResponse {
		this.audit.push({ at: this.now().toISOString(), reason });
		if (this.audit.length > 200) this.audit.shift();
		return invalidLogin();
	}

	private tba(req: SandboxRequest, header: string): NsPrincipal | SandboxResponse {
		const oauth = parseOAuthHeader(header);
		if (!oauth) return this.refuse('malformed OAuth header');
		const realm = oauth.get('realm');
		if (!realm || !(NS_ACCOUNTS as readonly string[]).includes(realm)) return this.refuse(`unknown realm "${realm ?? ''}" (the account id in upper case with _)`);
		if (oauth.get('oauth_signature_method') !== 'HMAC-SHA256') return this.refuse('signature method must be HMAC-SHA256');
		if (oauth.has('oauth_version') && oauth.get('oauth_version') !== '1.0') return this.refuse('oauth_version must be 1.0');
		if (oauth.get('oauth_consumer_key') !== NS_CONSUMER_KEY) return this.refuse('unknown consumer key');
		if (oauth.get('oauth_token') !== NS_TOKEN_ID) return this.refuse('unknown token');
		const timestamp = Number(oauth.get('oauth_timestamp'));
		const nowS = Math.floor(this.now().getTime() / 1000);
		if (!Number.isInteger(timestamp) || Math.abs(nowS - timestamp) > NS_TIMESTAMP_WINDOW_S) return this.refuse('timestamp outside the allowed window');
		const nonce = oauth.get('oauth_nonce') ?? '';
		if (nonce.length < 6 || nonce.length > 64) return this.refuse('nonce must be 6 to 64 characters');
		const signature = oauth.get('oauth_signature') ?? '';
		if (!safeEqual(signature, expectedTbaSignature(req, oauth, NS_CONSUMER_SECRET, NS_TOKEN_SECRET))) return this.refuse('signature mismatch');
		// A nonce may be used once per timestamp and token; checked after the signature, so a forgery cannot burn one.
		const nonceKey = `${NS_TOKEN_ID}|${timestamp}|${nonce}`;
		this.pruneNonces(nowS);
		if (this.nonces.has(nonceKey)) return this.refuse('nonce already used');
		this.nonces.set(nonceKey, timestamp);
		return { account: realm, via: 'tba', scopes: ['rest_webservices', 'restlets'] };
	}

	private pruneNonces(nowS: number): void {
		if (this.nonces.size < 10_000) return;
		for (const [key, ts] of this.nonces) if (Math.abs(nowS - ts) > NS_TIMESTAMP_WINDOW_S) this.nonces.delete(key);
	}

	private bearer(token: string): NsPrincipal | SandboxResponse {
		const issued = this.tokens.get(token);
		if (!issued) return this.refuse('unknown access token');
		if (issued.expiresAt <= this.now().getTime()) return this.refuse('access token expired');
		return { account: issued.account, via: 'oauth2', scopes: issued.scopes };
	}

	/**
	 * `POST /services/rest/auth/oauth2/v1/token` with the client-credentials grant and a JWT client
	 * assertion signed PS256/384/512 or ES256/384/512 with a mapped certificate's key.
	 */
	token(req: SandboxRequest, account: string): SandboxResponse {
		const refuse = (error: string, reason: string): SandboxResponse => {
			this.audit.push({ at: this.now().toISOString(), reason });
			return { status: 400, body: { error } };
		};
		const contentType = headerValue(req.headers['content-type']) ?? '';
		if (!contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) return refuse('invalid_request', 'body must be form-encoded');
		const form = new URLSearchParams(req.rawBody.toString('utf8'));
		if (form.get('grant_type') !== 'client_credentials') return refuse('unsupported_grant_type', 'grant_type must be client_credentials');
		if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') {
			return refuse('invalid_request', 'client_assertion_type must be jwt-bearer');
		}
		const parts = (form.get('client_assertion') ?? '').split('.');
		if (parts.length !== 3) return refuse('invalid_request', 'client_assertion is not a compact JWT');
		let header: Record<string, unknown>;
		let payload: Record<string, unknown>;
		try {
			header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as Record<string, unknown>;
			payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Record<string, unknown>;
		} catch {
			return refuse('invalid_request', 'client_assertion is not valid JSON');
		}
		if (header.typ !== undefined && header.typ !== 'JWT') return refuse('invalid_request', 'typ must be JWT');
		const keys = certificateKeys();
		const certs: Record<string, { key: KeyObject; kind: 'rsa' | 'ec' }> = {
			[NS_RSA_CERTIFICATE_ID]: { key: keys.rsa.publicKey, kind: 'rsa' },
			[NS_EC_CERTIFICATE_ID]: { key: keys.ec.publicKey, kind: 'ec' },
		};
		const cert = typeof header.kid === 'string' ? certs[header.kid] : undefined;
		if (!cert) return refuse('invalid_client', 'kid is not a certificate mapped to the integration');
		const alg = String(header.alg ?? '');
		const allowed = cert.kind === 'rsa' ? ['PS256', 'PS384', 'PS512'] : ['ES256', 'ES384', 'ES512'];
		if (!allowed.includes(alg)) return refuse('invalid_request', `algorithm ${alg} is not accepted for this certificate`);
		const digest = `sha${alg.slice(2)}`;
		const signed = Buffer.from(`${parts[0]}.${parts[1]}`);
		const signature = Buffer.from(parts[2], 'base64url');
		const ok =
			cert.kind === 'rsa'
				? verify(digest, signed, { key: cert.key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST }, signature)
				: verify(digest, signed, { key: cert.key, dsaEncoding: 'ieee-p1363' }, signature);
		if (!ok) return refuse('invalid_client', 'assertion signature does not verify');
		if (payload.iss !== NS_CLIENT_ID) return refuse('invalid_client', 'iss is not the integration client id');
		const audience = `${req.baseUrl}/services/rest/auth/oauth2/v1/token`;
		if (payload.aud !== audience) return refuse('invalid_request', `aud must be ${audience}`);
		const nowS = Math.floor(this.now().getTime() / 1000);
		const iat = Number(payload.iat);
		const exp = Number(payload.exp);
		if (!Number.isFinite(iat) || !Number.isFinite(exp) || exp <= nowS || iat > nowS + 60) return refuse('invalid_grant', 'assertion expired or not yet valid');
		if (exp - iat >= 3600) return refuse('invalid_request', 'exp must be less than 60 minutes after iat');
		const scopes = (Array.isArray(payload.scope) ? payload.scope.map(String) : String(payload.scope ?? '').split(/[\s,]+/)).filter(Boolean);
		const known = ['rest_webservices', 'restlets', 'suite_analytics'];
		if (scopes.length === 0 || scopes.some((s) => !known.includes(s))) return refuse('invalid_scope', 'scope must list rest_webservices, restlets or suite_analytics');
		const accessToken = randomBytes(24).toString('base64url');
		this.tokens.set(accessToken, { account, scopes, expiresAt: this.now().getTime() + NS_TOKEN_LIFETIME_S * 1000 });
		return { status: 200, body: { access_token: accessToken, expires_in: String(NS_TOKEN_LIFETIME_S), token_type: 'bearer' } };
	}
}
