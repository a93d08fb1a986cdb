import { randomBytes } from 'node:crypto';

import { headerValue, queryParam } from '../core/http';
import type { SandboxRequest, SandboxResponse } from '../core/types';
import { HALO_CLIENT_ID, HALO_CLIENT_SECRET, HALO_SCOPES, HALO_TENANT } from './constants';
import { oauthError, unauthorized } from './errors';

interface Token {
	expiresAt: number;
	scopes: string[];
}

/** Client-credentials tokens of the authorisation server; the resource server checks them. */
export class HaloTokens {
	private readonly tokens = new Map<string, Token>();
	issued = 0;

	constructor(
		private lifetimeSec: number,
		private readonly now: () => number,
	) {}

	setLifetime(seconds: number): void {
		this.lifetimeSec = seconds;
	}

	get lifetime(): number {
		return this.lifetimeSec;
	}

	clear(): void {
		this.tokens.clear();
		this.issued = 0;
	}

	/** `POST /auth/token?tenant=` with `grant_type=client_credentials`; client auth in the form or as Basic. */
	issue(req: SandboxRequest): SandboxResponse {
		const tenant = queryParam(req.query, 'tenant');
		if (!tenant) return oauthError(400, 'invalid_request', 'The tenant query parameter is required for hosted instances');
		if (tenant.toLowerCase() !== HALO_TENANT) return oauthError(400, 'invalid_request', `Unknown tenant "${tenant}"`);
		const contentType = headerValue(req.headers['content-type']) ?? '';
		if (!contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
			return oauthError(400, 'invalid_request', 'The token request must be application/x-www-form-urlencoded');
		}
		const form = new URLSearchParams(req.rawBody.toString('utf8'));
		let clientId = form.get('client_id') ?? undefined;
		let clientSecret = form.get('client_secret') ?? undefined;
		const basic = /^Basic\s+(.+)$/i.exec(headerValue(req.headers.authorization) ?? '');
		if (basic) {
			const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
			const colon = decoded.indexOf(':');
			clientId = decodeURIComponent(decoded.slice(0, colon < 0 ? undefined : colon));
			clientSecret = colon < 0 ? '' : decodeURIComponent(decoded.slice(colon + 1));
		}
		if (form.get('grant_type') !== 'client_credentials') {
			return oauthError(400, 'unsupported_grant_type', 'Only client_credentials is enabled for this application');
		}
		if (clientId !== HALO_CLIENT_ID || clientSecret !== HALO_CLIENT_SECRET) return oauthError(400, 'invalid_client', 'Invalid client');
		const requested = (form.get('scope') ?? 'all').split(/\s+/).filter(Boolean);
		const unknown = requested.filter((s) => !HALO_SCOPES.includes(s));
		if (unknown.length > 0) return oauthError(400, 'invalid_scope', `Unknown scope(s): ${unknown.join(' ')}`);
		const token = randomBytes(24).toString('base64url');
		this.tokens.set(token, { expiresAt: this.now() + this.lifetimeSec * 1000, scopes: requested });
		this.issued++;
		return {
			status: 200,
			body: { access_token: token, token_type: 'Bearer', expires_in: this.lifetimeSec, scope: requested.join(' ') },
			headers: { 'Cache-Control': 'no-store' },
		};
	}

	/** The scopes of a valid bearer token, or the 401 to answer. */
	check(req: SandboxRequest): { scopes: string[] } | { denied: SandboxResponse } {
		const match = /^Bearer\s+(\S+)$/i.exec(headerValue(req.headers.authorization)?.trim() ?? '');
		if (!match) return { denied: unauthorized('missing') };
		const token = this.tokens.get(match[1]);
		if (!token) return { denied: unauthorized('invalid') };
		if (token.expiresAt <= this.now()) {
			this.tokens.delete(match[1]);
			return { denied: unauthorized('expired') };
		}
		return { scopes: token.scopes };
	}
}

/** `all`, or `read:x` / `edit:x` (edit implies read). */
export function hasScope(scopes: string[], area: string, write: boolean): boolean {
	if (scopes.includes('all')) return true;
	return scopes.includes(`edit:${area}`) || (!write && scopes.includes(`read:${area}`));
}
