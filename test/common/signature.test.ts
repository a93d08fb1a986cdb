import { createHmac } from 'node:crypto';

import {
	hmacDigest,
	parseSignatureHeader,
	safeEqual,
	verifyHmac,
	verifyTimestampedHmac,
} from '../../nodes/common/webhooks/signature';

const hexToBase64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64');

// Published known-answer vectors, so the expected digests do not come from the code under test.
const VECTORS = [
	// RFC 2202 test case 1 and 2 (HMAC-SHA1)
	{ algorithm: 'sha1', key: Buffer.alloc(20, 0x0b), data: 'Hi There', hex: 'b617318655057264e28bc0b6fb378c8ef146be00' },
	{ algorithm: 'sha1', key: 'Jefe', data: 'what do ya want for nothing?', hex: 'effcdf6ae5eb2fa2d27416d5f184df9c259a7c79' },
	// RFC 4231 test case 1 and 2 (HMAC-SHA256)
	{
		algorithm: 'sha256',
		key: Buffer.alloc(20, 0x0b),
		data: 'Hi There',
		hex: 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
	},
	{
		algorithm: 'sha256',
		key: 'Jefe',
		data: 'what do ya want for nothing?',
		hex: '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
	},
	// RFC 4231 test case 2 (HMAC-SHA512)
	{
		algorithm: 'sha512',
		key: 'Jefe',
		data: 'what do ya want for nothing?',
		hex:
			'164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737',
	},
] as const;

describe('hmacDigest and verifyHmac', () => {
	it.each(VECTORS)('$algorithm known answer ($data)', ({ algorithm, key, data, hex }) => {
		expect(hmacDigest(algorithm, key, data, 'hex')).toBe(hex);
		expect(hmacDigest(algorithm, key, data, 'base64')).toBe(hexToBase64(hex));
		expect(verifyHmac({ algorithm, key, payload: data, signature: hex, encoding: 'hex' })).toBe(true);
		expect(verifyHmac({ algorithm, key, payload: data, signature: hex.toUpperCase(), encoding: 'hex' })).toBe(true);
		expect(verifyHmac({ algorithm, key, payload: Buffer.from(data), signature: hexToBase64(hex), encoding: 'base64' })).toBe(true);
	});

	const { key, data, hex } = VECTORS[3];

	it('handles a scheme prefix, case-insensitively, and requires it when configured', () => {
		const check = { algorithm: 'sha256' as const, key, payload: data, encoding: 'hex' as const, prefix: 'sha256=' };
		expect(verifyHmac({ ...check, signature: `sha256=${hex}` })).toBe(true);
		expect(verifyHmac({ ...check, signature: `SHA256=${hex}` })).toBe(true);
		expect(verifyHmac({ ...check, signature: hex })).toBe(false);
		expect(verifyHmac({ ...check, signature: `sha1=${hex}` })).toBe(false);
	});

	it('rejects a tampered body, a tampered or truncated signature, a wrong key and a missing header', () => {
		const check = { algorithm: 'sha256' as const, key, payload: data, encoding: 'hex' as const, signature: hex };
		expect(verifyHmac({ ...check, payload: `${data} ` })).toBe(false);
		expect(verifyHmac({ ...check, signature: `${hex.slice(0, -1)}${hex.endsWith('3') ? '4' : '3'}` })).toBe(false);
		expect(verifyHmac({ ...check, signature: hex.slice(0, 32) })).toBe(false);
		expect(verifyHmac({ ...check, key: 'jefe' })).toBe(false);
		expect(verifyHmac({ ...check, signature: undefined })).toBe(false);
		expect(verifyHmac({ ...check, signature: '' })).toBe(false);
		// base64 is case-sensitive
		const b64 = hexToBase64(hex);
		expect(verifyHmac({ ...check, encoding: 'base64', signature: b64.toLowerCase() })).toBe(b64 === b64.toLowerCase());
	});

	it('safeEqual compares content and length', () => {
		expect(safeEqual('abc', 'abc')).toBe(true);
		expect(safeEqual('abc', 'abd')).toBe(false);
		expect(safeEqual('abc', 'abcd')).toBe(false);
		expect(safeEqual('', '')).toBe(true);
	});
});

describe('verifyTimestampedHmac', () => {
	const secret = 'whsec_test_secret';
	const payload = '{"id":"evt_1","type":"invoice.paid"}';
	const now = 1_700_000_000;
	// Computed here with node:crypto directly, per Stripe's documented scheme: HMAC-SHA256 of "t.payload".
	const sign = (t: number, body: string | Buffer = payload, key = secret) =>
		createHmac('sha256', key).update(Buffer.concat([Buffer.from(`${t}.`), Buffer.from(body)])).digest('hex');

	it('accepts a fresh, correctly signed delivery', () => {
		expect(verifyTimestampedHmac({ header: `t=${now},v1=${sign(now)}`, payload, secret, nowSeconds: now })).toEqual({
			valid: true,
			timestamp: now,
		});
	});

	it('accepts when any of several v1 signatures matches (secret rotation), ignoring other schemes', () => {
		const header = `t=${now},v1=${sign(now, payload, 'old_secret')},v0=${'0'.repeat(64)},v1=${sign(now)}`;
		expect(verifyTimestampedHmac({ header, payload, secret, nowSeconds: now }).valid).toBe(true);
		const none = `t=${now},v1=${sign(now, payload, 'old_secret')},v0=${sign(now)}`;
		expect(verifyTimestampedHmac({ header: none, payload, secret, nowSeconds: now })).toEqual({
			valid: false,
			reason: 'signature mismatch',
		});
	});

	it.each([
		['exactly at the tolerance', -300, true],
		['too old', -301, false],
		['too far in the future', 301, false],
		['slightly in the future', 30, true],
	])('timestamp %s', (_label, offset, valid) => {
		const t = now + offset;
		const result = verifyTimestampedHmac({ header: `t=${t},v1=${sign(t)}`, payload, secret, nowSeconds: now, toleranceSeconds: 300 });
		expect(result.valid).toBe(valid);
	});

	it('rejects a tampered body, a replayed signature with a new timestamp, and malformed headers', () => {
		const check = { payload, secret, nowSeconds: now };
		expect(verifyTimestampedHmac({ ...check, header: `t=${now},v1=${sign(now)}`, payload: payload.replace('paid', 'void') }).valid).toBe(false);
		expect(verifyTimestampedHmac({ ...check, header: `t=${now + 1},v1=${sign(now)}` }).valid).toBe(false);
		expect(verifyTimestampedHmac({ ...check, header: undefined })).toMatchObject({ valid: false });
		expect(verifyTimestampedHmac({ ...check, header: `v1=${sign(now)}` })).toMatchObject({ valid: false });
		expect(verifyTimestampedHmac({ ...check, header: `t=abc,v1=${sign(now)}` })).toMatchObject({ valid: false });
		expect(verifyTimestampedHmac({ ...check, header: `t=${now}` })).toMatchObject({ valid: false });
	});

	it('verifies the raw bytes of a Buffer body, even when they are not valid UTF-8', () => {
		const latin1 = Buffer.from('{"name":"Caf\xe9"}', 'latin1');
		expect(verifyTimestampedHmac({ header: `t=${now},v1=${sign(now, latin1)}`, payload: latin1, secret, nowSeconds: now }).valid).toBe(true);
	});

	it('supports other keys, encodings and signed-payload layouts', () => {
		const signed = `${payload}:${now}`;
		const sig = createHmac('sha512', secret).update(signed).digest('base64');
		const result = verifyTimestampedHmac({
			header: `ts=${now}, sig=${sig}`,
			payload,
			secret,
			algorithm: 'sha512',
			encoding: 'base64',
			timestampKey: 'ts',
			signatureKey: 'sig',
			signedPayload: (t, body) => `${body}:${t}`,
			nowSeconds: now,
		});
		expect(result.valid).toBe(true);
	});

	it('parseSignatureHeader keeps repeated keys in order and tolerates spaces', () => {
		const parts = parseSignatureHeader('t=1, v1=a ,v1=b,junk,=x');
		expect(parts.get('t')).toEqual(['1']);
		expect(parts.get('v1')).toEqual(['a', 'b']);
		expect(parts.size).toBe(2);
	});
});
