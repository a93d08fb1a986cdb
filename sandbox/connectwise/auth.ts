import { headerValue } from '../core/http';
import type { SandboxRequest, SandboxResponse } from '../core/types';
import { CW_COMPANY_ID, CW_PRIVATE_KEY, CW_PUBLIC_KEY } from './constants';
import { unauthorized } from './errors';

/**
 * Every API call needs `Authorization: Basic base64("{companyId}+{publicKey}:{privateKey}")` and a
 * registered `clientId` header. Messages say what is wrong without echoing any secret.
 */
export function authenticate(req: SandboxRequest, clientIds: ReadonlySet<string>): SandboxResponse | undefined {
	const header = headerValue(req.headers.authorization)?.trim();
	if (!header) return unauthorized('Authorization header is missing; send Basic base64(companyId+publicKey:privateKey)');
	const match = /^Basic\s+([A-Za-z0-9+/=_-]+)$/i.exec(header);
	if (!match) return unauthorized('Authorization must use the Basic scheme with companyId+publicKey:privateKey');
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	const user = colon < 0 ? decoded : decoded.slice(0, colon);
	const secret = colon < 0 ? '' : decoded.slice(colon + 1);
	const plus = user.indexOf('+');
	if (plus < 0) return unauthorized('The username must be companyId+publicKey');
	const company = user.slice(0, plus);
	const publicKey = user.slice(plus + 1);
	// The login company is matched without case; keys are exact.
	if (company.toLowerCase() !== CW_COMPANY_ID.toLowerCase()) return unauthorized('Unknown company id');
	if (publicKey !== CW_PUBLIC_KEY || secret !== CW_PRIVATE_KEY) return unauthorized('The public/private API key pair is not valid');

	const clientId = headerValue(req.headers.clientid)?.trim();
	if (!clientId) return unauthorized('A clientId header is required on every request (developer.connectwise.com/ClientID)');
	if (!clientIds.has(clientId.toLowerCase())) return unauthorized('The clientId is not registered');
	return undefined;
}

/** Requests count against their clientId, as ConnectWise monitors integrations per clientId. */
export function clientIdKey(req: SandboxRequest): string {
	return headerValue(req.headers.clientid)?.trim().toLowerCase() || '(no clientId)';
}
