import { constants, createPrivateKey, randomUUID, sign } from 'node:crypto';

/** JWS algorithms a certificate-signed client assertion may use (RFC 7518 §3). */
export type JwtAlgorithm = 'PS256' | 'PS384' | 'PS512' | 'RS256' | 'ES256' | 'ES384' | 'ES512';

export const JWT_ALGORITHMS: JwtAlgorithm[] = ['PS256', 'PS384', 'PS512', 'RS256', 'ES256', 'ES384', 'ES512'];

function base64url(input: Buffer | string): string {
	return Buffer.from(input).toString('base64url');
}

function digestOf(alg: JwtAlgorithm): string {
	return `sha${alg.slice(2)}`;
}

/**
 * Signs a compact JWS. PS* use RSA-PSS with a salt as long as the digest; ES* use the raw r||s
 * (IEEE P1363) signature form JWS requires, not DER.
 */
export function signJwt(
	header: Record<string, unknown>,
	payload: Record<string, unknown>,
	privateKeyPem: string,
	alg: JwtAlgorithm,
): string {
	if (!JWT_ALGORITHMS.includes(alg)) throw new Error(`Unsupported JWT algorithm "${String(alg)}"`);
	const key = createPrivateKey(normalizePem(privateKeyPem));
	const input = `${base64url(JSON.stringify({ ...header, alg }))}.${base64url(JSON.stringify(payload))}`;
	const digest = digestOf(alg);
	let signature: Buffer;
	if (alg.startsWith('PS')) {
		signature = sign(digest, Buffer.from(input), {
			key,
			padding: constants.RSA_PKCS1_PSS_PADDING,
			saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
		});
	} else if (alg.startsWith('ES')) {
		signature = sign(digest, Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
	} else {
		signature = sign(digest, Buffer.from(input), key);
	}
	return `${input}.${base64url(signature)}`;
}

/**
 * A PEM pasted into a one-line field often arrives with its newlines turned into spaces or "\n"
 * literals; rebuild the lines so the key parser accepts it.
 */
export function normalizePem(pem: string): string {
	const text = pem.replace(/\\n/g, '\n').trim();
	const match = /^(-----BEGIN [A-Z ]+-----)([\s\S]*?)(-----END [A-Z ]+-----)$/.exec(text);
	if (!match) return text;
	const body = match[2].replace(/\s+/g, '');
	return `${match[1]}\n${body.replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n${match[3]}\n`;
}

export function newJwtId(): string {
	return randomUUID();
}
