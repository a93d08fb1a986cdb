import { createHmac, randomBytes } from 'node:crypto';

/**
 * OAuth 1.0a request signing (RFC 5849 §3.4) with HMAC-SHA256, as used by NetSuite token-based
 * authentication and other "two-legged" OAuth 1.0a APIs. The base string covers the method, the
 * URL without query, and every oauth_* and query (and form body) parameter, sorted; `realm` is sent
 * in the header but never signed.
 */

/** RFC 3986 unreserved characters stay, everything else is %XX (upper case): RFC 5849 §3.6. */
export function percentEncode(value: string): string {
	return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The base string URI (§3.4.1.2): lower-case scheme and host, default port dropped, no query or fragment. */
export function baseStringUri(url: string): string {
	const parsed = new URL(url);
	const scheme = parsed.protocol.toLowerCase();
	const defaultPort = (scheme === 'http:' && parsed.port === '80') || (scheme === 'https:' && parsed.port === '443');
	const host = parsed.hostname.toLowerCase() + (parsed.port && !defaultPort ? `:${parsed.port}` : '');
	return `${scheme}//${host}${parsed.pathname || '/'}`;
}

export type OAuthParam = [name: string, value: string];

/** The normalized parameter string (§3.4.1.3.2): encode, sort by name then value, join. */
export function normalizeParameters(params: OAuthParam[]): string {
	return params
		.map(([name, value]) => [percentEncode(name), percentEncode(value)] as const)
		.sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
		.map(([name, value]) => `${name}=${value}`)
		.join('&');
}

export function signatureBaseString(method: string, url: string, params: OAuthParam[]): string {
	return [method.toUpperCase(), percentEncode(baseStringUri(url)), percentEncode(normalizeParameters(params))].join('&');
}

/** Query parameters of a URL plus a request's `qs` object (arrays repeat the name), as sent. */
export function requestParameters(url: string, qs?: Record<string, unknown>): OAuthParam[] {
	const out: OAuthParam[] = [];
	for (const [name, value] of new URL(url).searchParams) out.push([name, value]);
	for (const [name, value] of Object.entries(qs ?? {})) {
		if (value === undefined) continue;
		const values = Array.isArray(value) ? value : [value];
		for (const v of values) out.push([name, v === null ? '' : String(v)]);
	}
	return out;
}

export interface OAuth1Keys {
	consumerKey: string;
	consumerSecret: string;
	token: string;
	tokenSecret: string;
	realm?: string;
}

export interface OAuth1Options {
	/** Seconds since the epoch; injectable for tests. */
	timestamp?: number;
	nonce?: string;
}

export function hmacSha256Signature(baseString: string, consumerSecret: string, tokenSecret: string): string {
	const key = `${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`;
	return createHmac('sha256', key).update(baseString).digest('base64');
}

/** A 32-character alphanumeric nonce (NetSuite wants at least 6, ideally 20+, unique per timestamp). */
export function oauthNonce(): string {
	return randomBytes(24).toString('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, 32).padEnd(32, '0');
}

/** The `Authorization: OAuth …` header for one request. */
export function oauth1Header(
	method: string,
	url: string,
	params: OAuthParam[],
	keys: OAuth1Keys,
	options: OAuth1Options = {},
): string {
	const oauth: OAuthParam[] = [
		['oauth_consumer_key', keys.consumerKey],
		['oauth_token', keys.token],
		['oauth_signature_method', 'HMAC-SHA256'],
		['oauth_timestamp', String(options.timestamp ?? Math.floor(Date.now() / 1000))],
		['oauth_nonce', options.nonce ?? oauthNonce()],
		['oauth_version', '1.0'],
	];
	const base = signatureBaseString(method, url, [...params, ...oauth]);
	const signature = hmacSha256Signature(base, keys.consumerSecret, keys.tokenSecret);
	const parts = [
		...(keys.realm !== undefined ? [`realm="${percentEncode(keys.realm)}"`] : []),
		...[...oauth, ['oauth_signature', signature] as OAuthParam].map(([name, value]) => `${name}="${percentEncode(value)}"`),
	];
	return `OAuth ${parts.join(', ')}`;
}
