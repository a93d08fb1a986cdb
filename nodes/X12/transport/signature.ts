/**
 * The signature of EDI over HTTPS: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>." + raw body)>`,
 * the timestamped scheme of HTTPS intakes in front of AS2/VAN mailboxes (Stripe's header layout). The
 * timestamp bounds how long a captured delivery can be replayed.
 */
import { hmacDigest, verifyTimestampedHmac, type TimestampedResult } from '../../common/webhooks/signature';

/** The bytes a request body goes out as: text and buffers as they are, objects as n8n serialises JSON. */
export function bodyBytes(body: unknown): Buffer {
	if (body === undefined || body === null) return Buffer.alloc(0);
	if (Buffer.isBuffer(body)) return body;
	if (typeof body === 'string') return Buffer.from(body, 'utf8');
	return Buffer.from(JSON.stringify(body), 'utf8');
}

export function ediSignatureHeader(secret: string, body: unknown, unixSeconds: number): string {
	const signed = Buffer.concat([Buffer.from(`${unixSeconds}.`), bodyBytes(body)]);
	return `t=${unixSeconds},v1=${hmacDigest('sha256', secret, signed, 'hex')}`;
}

export function verifyEdiSignature(secret: string, rawBody: Buffer, header: string | undefined, toleranceSeconds: number, nowSeconds?: number): TimestampedResult {
	if (!secret) return { valid: false, reason: 'no shared secret is set in the credential' };
	return verifyTimestampedHmac({ header, payload: rawBody, secret, toleranceSeconds, nowSeconds });
}
