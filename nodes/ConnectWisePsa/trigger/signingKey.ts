import { createHash } from 'node:crypto';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { verifyHmac } from '../../common/webhooks/signature';
import { sendRequest } from '../../common/transport';
import type { RequestContext } from '../../common/transport';
import { CREDENTIAL_TYPE, apiBaseUrl, connectWiseErrorMapper } from '../transport';

/**
 * The callback's `Metadata.key_url` is attacker-controlled until the signature is checked, so the
 * key is fetched only from the configured ConnectWise site (same scheme, host and port), never
 * from a URL with credentials in it. Anything else is refused before any request is made.
 */
export function trustedKeyUrl(keyUrl: unknown, credentials: ICredentialDataDecryptedObject): URL | undefined {
	if (typeof keyUrl !== 'string' || keyUrl.length > 2048) return undefined;
	let url: URL;
	let site: URL;
	try {
		url = new URL(keyUrl);
		site = new URL(apiBaseUrl(credentials));
	} catch {
		return undefined;
	}
	if (url.username || url.password) return undefined;
	if (url.protocol !== site.protocol || url.host.toLowerCase() !== site.host.toLowerCase()) return undefined;
	return url;
}

interface CachedKey {
	key: string;
	fetchedAt: number;
}

/** Signing keys per key URL in this process; bounded, oldest dropped first. */
const MAX_KEYS = 64;
const KEY_TTL_MS = 60 * 60_000;
/** A cached key that fails a signature is refetched (key rotation) at most this often per key URL. */
const REFETCH_AFTER_MS = 60_000;
const keys = new Map<string, CachedKey>();

export function clearSigningKeyCache(): void {
	keys.clear();
}

async function fetchSigningKey(ctx: RequestContext, url: URL): Promise<string | undefined> {
	const response = await sendRequest<IDataObject>(ctx, {
		credentialType: CREDENTIAL_TYPE,
		errorMapper: connectWiseErrorMapper,
		retry: { maxAttempts: 2, maxTotalWaitMs: 2_000 },
		acceptStatus: [400, 401, 403, 404],
		request: {
			method: 'GET',
			url: url.toString(),
			json: true,
			headers: { Accept: 'application/json' },
			timeout: 10_000,
			sendCredentialsOnCrossOriginRedirect: false,
		},
	});
	const key = response.statusCode < 300 ? response.body?.signing_key : undefined;
	return typeof key === 'string' && key !== '' ? key : undefined;
}

function remember(url: string, key: string): void {
	keys.delete(url);
	keys.set(url, { key, fetchedAt: Date.now() });
	while (keys.size > MAX_KEYS) keys.delete(keys.keys().next().value as string);
}

/** ConnectWise: `x-content-signature` = base64(HMAC-SHA256(key = SHA256(signing_key), raw body)). */
export function signatureMatches(signingKey: string, rawBody: Buffer | string, signature: string | undefined): boolean {
	const key = createHash('sha256').update(signingKey, 'utf8').digest();
	return verifyHmac({ algorithm: 'sha256', key, payload: rawBody, signature, encoding: 'base64' });
}

/**
 * Checks a callback's signature with the key behind its (already trusted) key URL, from the cache
 * when possible. A cached key that no longer matches is refetched once a minute at most.
 */
export async function verifyCallbackSignature(
	ctx: RequestContext,
	keyUrl: URL,
	rawBody: Buffer | string,
	signature: string | undefined,
): Promise<boolean> {
	if (!signature) return false;
	const cacheKey = keyUrl.toString();
	const cached = keys.get(cacheKey);
	const fresh = cached && Date.now() - cached.fetchedAt < KEY_TTL_MS ? cached : undefined;
	if (fresh && signatureMatches(fresh.key, rawBody, signature)) return true;
	if (fresh && Date.now() - fresh.fetchedAt < REFETCH_AFTER_MS) return false;
	const key = await fetchSigningKey(ctx, keyUrl);
	if (!key) return false;
	remember(cacheKey, key);
	return signatureMatches(key, rawBody, signature);
}
