import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { safeEqual } from '../../common/webhooks/signature';

/** Shortest secret the credential test accepts: a webhook secret is the only thing guarding the URL. */
export const MIN_SECRET_LENGTH = 16;

function header(headers: IDataObject, name: string): string | undefined {
	const value = headers[name.toLowerCase()];
	if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : undefined;
	return typeof value === 'string' ? value : undefined;
}

/** Why the credential cannot protect a webhook, or undefined when it can. */
export function credentialProblem(credentials: ICredentialDataDecryptedObject): string | undefined {
	if (credentials.authentication === 'headerAuth') {
		if (!String(credentials.headerName ?? '').trim()) return 'Header Name is empty';
		if (String(credentials.headerValue ?? '').trim().length < MIN_SECRET_LENGTH) {
			return `Header Value must be at least ${MIN_SECRET_LENGTH} characters`;
		}
		return undefined;
	}
	if (!String(credentials.user ?? '')) return 'Username is empty';
	if (String(credentials.password ?? '').length < MIN_SECRET_LENGTH) return `Password must be at least ${MIN_SECRET_LENGTH} characters`;
	return undefined;
}

/**
 * Halo signs nothing: a webhook proves itself with the Basic credentials, bearer token or API-key
 * header configured on it in Halo. Compared in constant time; an unset secret never matches.
 */
export function webhookAuthorised(credentials: ICredentialDataDecryptedObject, headers: IDataObject): boolean {
	if (credentials.authentication === 'headerAuth') {
		const name = String(credentials.headerName ?? '').trim();
		const expected = String(credentials.headerValue ?? '').trim();
		if (!name || !expected) return false;
		const received = header(headers, name);
		return received !== undefined && safeEqual(received.trim(), expected);
	}
	const user = String(credentials.user ?? '');
	const password = String(credentials.password ?? '');
	if (!user || !password) return false;
	const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header(headers, 'authorization')?.trim() ?? '');
	if (!match) return false;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	// Both halves are compared whatever the first result, so timing tells nothing about either.
	const userOk = safeEqual(colon < 0 ? decoded : decoded.slice(0, colon), user);
	const passwordOk = safeEqual(colon < 0 ? '' : decoded.slice(colon + 1), password);
	return colon >= 0 && userOk && passwordOk;
}
