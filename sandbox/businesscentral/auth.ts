import { createHmac, timingSafeEqual } from 'node:crypto';
import { headerValue } from '../core/http';
import type { SandboxRequest, SandboxResponse } from '../core/types';
import { BC_AUDIENCE, BC_CLIENT_ID, BC_CLIENT_SECRET, BC_SCOPE, BC_TENANT_ID } from './constants';
import { unauthorized } from './errors';

const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

export interface TokenClaims {
	aud: string;
	iss: string;
	tid: string;
	appid: string;
	roles: string[];
	iat: number;
	nbf: number;
	exp: number;
	jti: string;
}

/** Signs and checks the sandbox's JWT-shaped access tokens (HS256 over a per-seed key). */
export class TokenIssuer {
	private key = 'unseeded';
	private issued = 0;

	constructor(
		private readonly now: () => Date,
		private readonly lifetimeSec: () => number,
	) {}

	reseed(seed: number): void {
		this.key = `bc-sandbox-signing-${seed}`;
		this.issued = 0;
	}

	get count(): number {
		return this.issued;
	}

	issue(): { token: string; expiresIn: number } {
		const iat = Math.floor(this.now().getTime() / 1000);
		const expiresIn = this.lifetimeSec();
		this.issued++;
		const claims: TokenClaims = {
			aud: BC_AUDIENCE,
			iss: `https://sts.windows.net/${BC_TENANT_ID}/`,
			tid: BC_TENANT_ID,
			appid: BC_CLIENT_ID,
			roles: ['API.ReadWrite.All'],
			iat,
			nbf: iat,
			exp: iat + expiresIn,
			jti: `${iat}-${this.issued}`,
		};
		const head = b64url(JSON.stringify({ typ: 'JWT', alg: 'HS256', kid: 'sandbox' }));
		const body = b64url(JSON.stringify(claims));
		return { token: `${head}.${body}.${this.sign(`${head}.${body}`)}`, expiresIn };
	}

	/** The claims of a valid, unexpired token, or the reason it is refused. */
	verify(token: string): { ok: true; claims: TokenClaims } | { ok: false; reason: string } {
		const parts = token.split('.');
		if (parts.length !== 3) return { ok: false, reason: 'The access token is malformed' };
		const expected = Buffer.from(this.sign(`${parts[0]}.${parts[1]}`));
		const given = Buffer.from(parts[2]);
		if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'The access token signature is invalid' };
		let claims: TokenClaims;
		try {
			claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as TokenClaims;
		} catch {
			return { ok: false, reason: 'The access token is malformed' };
		}
		if (claims.aud !== BC_AUDIENCE) return { ok: false, reason: 'The access token audience is not Business Central' };
		if (claims.exp * 1000 <= this.now().getTime()) return { ok: false, reason: 'The access token has expired' };
		return { ok: true, claims };
	}

	private sign(data: string): string {
		return createHmac('sha256', this.key).update(data).digest('base64url');
	}
}

function entraError(status: number, error: string, code: number, description: string): SandboxResponse {
	return {
		status,
		body: {
			error,
			error_description: `AADSTS${code}: ${description}`,
			error_codes: [code],
			timestamp: new Date().toISOString().replace('T', ' ').replace(/\..*$/, 'Z'),
			trace_id: '00000000-0000-0000-0000-000000000000',
			correlation_id: '00000000-0000-0000-0000-000000000000',
		},
	};
}

/**
 * `POST /{tenant}/oauth2/v2.0/token` with `grant_type=client_credentials`: client id and secret in the form
 * body or as HTTP Basic (both are accepted by Entra ID), scope `https://api.businesscentral.dynamics.com/.default`.
 */
export function tokenEndpoint(req: SandboxRequest, tenant: string, issuer: TokenIssuer): SandboxResponse {
	if (tenant.toLowerCase() !== BC_TENANT_ID) {
		return entraError(400, 'invalid_request', 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID.`);
	}
	const form = new URLSearchParams(req.rawBody.toString('utf8'));
	let clientId = form.get('client_id') ?? undefined;
	let secret = form.get('client_secret') ?? undefined;
	const basic = /^Basic\s+(.+)$/i.exec(headerValue(req.headers.authorization) ?? '');
	if (basic) {
		const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		clientId = decodeURIComponent(decoded.slice(0, colon));
		secret = decodeURIComponent(decoded.slice(colon + 1));
	}
	if (form.get('grant_type') !== 'client_credentials') {
		return entraError(400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type.');
	}
	if (!clientId || clientId.toLowerCase() !== BC_CLIENT_ID) {
		return entraError(400, 'unauthorized_client', 700016, `Application with identifier '${clientId ?? ''}' was not found in the directory.`);
	}
	if (secret !== BC_CLIENT_SECRET) {
		return entraError(401, 'invalid_client', 7000215, 'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.');
	}
	const scopes = (form.get('scope') ?? '').split(/\s+/).filter(Boolean);
	if (!scopes.includes(BC_SCOPE)) {
		return entraError(400, 'invalid_scope', 1002012, `The provided value for scope ${scopes.join(' ')} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.`);
	}
	const { token, expiresIn } = issuer.issue();
	return { status: 200, body: { token_type: 'Bearer', expires_in: expiresIn, ext_expires_in: expiresIn, access_token: token } };
}

/** Every API call needs `Authorization: Bearer <token>` with a valid, unexpired token. */
export function authenticate(req: SandboxRequest, issuer: TokenIssuer): SandboxResponse | undefined {
	const header = headerValue(req.headers.authorization)?.trim() ?? '';
	const match = /^Bearer\s+(\S+)$/i.exec(header);
	if (!match) return unauthorized('The credentials provided are incorrect');
	const result = issuer.verify(match[1]);
	if (!result.ok) return unauthorized(`The credentials provided are incorrect. ${result.reason}`);
	return undefined;
}

/** Requests count against the calling app (service principal), as Business Central's per-user limits do. */
export function principalKey(req: SandboxRequest): string {
	const match = /^Bearer\s+[^.]+\.([^.]+)\./i.exec(headerValue(req.headers.authorization) ?? '');
	if (!match) return '(anonymous)';
	try {
		return String((JSON.parse(Buffer.from(match[1], 'base64url').toString('utf8')) as { appid?: string }).appid ?? '(anonymous)');
	} catch {
		return '(anonymous)';
	}
}
