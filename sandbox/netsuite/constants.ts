import { generateKeyPairSync, type KeyObject } from 'node:crypto';

/** A production-style test-drive account and a sandbox account; both answer on the same sandbox. */
export const NS_ACCOUNTS = ['TSTDRV1234567', '1234567_SB1'] as const;
export const NS_DEFAULT_ACCOUNT = '1234567_SB1';

/** Token-based auth: the integration record's consumer pair and the access token of the integration user. */
export const NS_CONSUMER_KEY = 'ns-sbx-consumer-key-5f0c2a7d9e1b4c3a8d6e';
export const NS_CONSUMER_SECRET = 'ns-sbx-consumer-secret-91b7e4c2a0d35f68';
export const NS_TOKEN_ID = 'ns-sbx-token-id-3c9a1e7f5b2d4086ae71';
export const NS_TOKEN_SECRET = 'ns-sbx-token-secret-c4e81f2a9b7d0536';

/** OAuth 2.0 M2M: the integration's client id and the certificate ids mapped to it. */
export const NS_CLIENT_ID = 'ns-sbx-m2m-client-7d2f4b9a1c6e3085';
export const NS_RSA_CERTIFICATE_ID = 'sbxRsaCert0001-4f1d';
export const NS_EC_CERTIFICATE_ID = 'sbxEcCert0002-9b2e';

/** Seconds an OAuth 1.0a timestamp may differ from the server clock. */
export const NS_TIMESTAMP_WINDOW_S = 300;
/** Lifetime of an M2M access token. */
export const NS_TOKEN_LIFETIME_S = 3600;

/** Default and maximum page size; offsets at or past the cap are refused (no SuiteAnalytics Connect). */
export const NS_MAX_PAGE = 1000;
export const NS_OFFSET_CAP = 100_000;

export interface CertificateKeys {
	rsa: { privatePem: string; publicKey: KeyObject };
	ec: { privatePem: string; publicKey: KeyObject };
}

let keys: CertificateKeys | undefined;

/**
 * The certificates' key pairs: made once per process (an RSA key takes ~50 ms), so no private key
 * is ever stored in the repository. The sandbox hands the private key out as a credential value.
 */
export function certificateKeys(): CertificateKeys {
	if (!keys) {
		const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
		const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
		keys = {
			rsa: { privatePem: rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKey: rsa.publicKey },
			ec: { privatePem: ec.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKey: ec.publicKey },
		};
	}
	return keys;
}
