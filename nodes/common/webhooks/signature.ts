import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export type HmacAlgorithm = 'sha1' | 'sha256' | 'sha512';
export type DigestEncoding = 'hex' | 'base64';

export function hmacDigest(
	algorithm: HmacAlgorithm,
	key: string | Buffer,
	payload: string | Buffer,
	encoding: DigestEncoding,
): string {
	return createHmac(algorithm, key).update(payload).digest(encoding);
}

/** Constant-time string comparison that leaks neither content nor length. */
export function safeEqual(a: string, b: string): boolean {
	const ha = createHash('sha256').update(a).digest();
	const hb = createHash('sha256').update(b).digest();
	return timingSafeEqual(ha, hb) && a.length === b.length;
}

export interface HmacCheck {
	algorithm: HmacAlgorithm;
	key: string | Buffer;
	/** The raw request body exactly as received. */
	payload: string | Buffer;
	/** The header value as sent by the vendor. */
	signature: string | undefined;
	encoding: DigestEncoding;
	/** A scheme prefix in the header, e.g. "sha256=". */
	prefix?: string;
}

export function verifyHmac({ algorithm, key, payload, signature, encoding, prefix = '' }: HmacCheck): boolean {
	if (!signature) return false;
	let received = signature.trim();
	if (prefix) {
		if (!received.toLowerCase().startsWith(prefix.toLowerCase())) return false;
		received = received.slice(prefix.length);
	}
	const expected = hmacDigest(algorithm, key, payload, encoding);
	// Hex digests are case-insensitive; base64 is not.
	return encoding === 'hex' ? safeEqual(expected, received.toLowerCase()) : safeEqual(expected, received);
}

/** Parses `t=1700000000,v1=abc,v1=def` style headers (Stripe, and schemes modelled on it). */
export function parseSignatureHeader(header: string): Map<string, string[]> {
	const parts = new Map<string, string[]>();
	for (const piece of header.split(',')) {
		const eq = piece.indexOf('=');
		if (eq <= 0) continue;
		const name = piece.slice(0, eq).trim();
		const value = piece.slice(eq + 1).trim();
		parts.set(name, [...(parts.get(name) ?? []), value]);
	}
	return parts;
}

export interface TimestampedCheck {
	header: string | undefined;
	payload: string | Buffer;
	secret: string | Buffer;
	algorithm?: HmacAlgorithm;
	encoding?: DigestEncoding;
	timestampKey?: string;
	signatureKey?: string;
	/** Seconds a delivery may be old (or early) before it is refused as a possible replay. */
	toleranceSeconds?: number;
	nowSeconds?: number;
	/** The signed string; by default `${timestamp}.${payload}` (Stripe), over the payload's raw bytes. */
	signedPayload?: (timestamp: string, payload: string) => string;
}

export type TimestampedResult = { valid: true; timestamp: number } | { valid: false; reason: string };

/** Verifies a timestamped HMAC header with a tolerance window (replay protection). */
export function verifyTimestampedHmac({
	header,
	payload,
	secret,
	algorithm = 'sha256',
	encoding = 'hex',
	timestampKey = 't',
	signatureKey = 'v1',
	toleranceSeconds = 300,
	nowSeconds = Math.floor(Date.now() / 1000),
	signedPayload,
}: TimestampedCheck): TimestampedResult {
	if (!header) return { valid: false, reason: 'missing signature header' };
	const parts = parseSignatureHeader(header);
	const timestamp = parts.get(timestampKey)?.[0];
	const signatures = parts.get(signatureKey) ?? [];
	if (!timestamp || !/^\d+$/.test(timestamp)) return { valid: false, reason: 'missing or invalid timestamp' };
	if (signatures.length === 0) return { valid: false, reason: 'no signature for the expected scheme' };
	const age = Math.abs(nowSeconds - Number(timestamp));
	if (age > toleranceSeconds) return { valid: false, reason: `timestamp outside the ${toleranceSeconds}s tolerance` };
	// Decoding a Buffer to text would alter bytes that are not valid UTF-8 and break the signature.
	const signed = signedPayload
		? signedPayload(timestamp, payload.toString())
		: Buffer.concat([Buffer.from(`${timestamp}.`), Buffer.isBuffer(payload) ? payload : Buffer.from(payload)]);
	const expected = hmacDigest(algorithm, secret, signed, encoding);
	const match = signatures.some((candidate) => safeEqual(expected, encoding === 'hex' ? candidate.toLowerCase() : candidate));
	return match ? { valid: true, timestamp: Number(timestamp) } : { valid: false, reason: 'signature mismatch' };
}
