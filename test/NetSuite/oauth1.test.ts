import { NetSuiteTbaApi } from '../../credentials/NetSuiteTbaApi.credentials';
import { baseStringUri, normalizeParameters, oauth1Header, percentEncode, requestParameters, signatureBaseString } from '../../nodes/common/auth/oauth1';
import { expectedTbaSignature, parseOAuthHeader } from '../../sandbox/netsuite/auth';
import type { SandboxRequest } from '../../sandbox';

const keys = { consumerKey: 'ck~1', consumerSecret: 'c s&ecret', token: 'tok/2', tokenSecret: 't*secret!', realm: '1234567_SB1' };

function sandboxRequest(method: string, url: string): SandboxRequest {
	return { method, url: new URL(url), path: '', query: new URL(url).searchParams, headers: {}, baseUrl: '', params: {}, rawBody: Buffer.alloc(0), json: () => ({}) };
}

describe('OAuth 1.0a signing (RFC 5849)', () => {
	it('percent-encodes per RFC 3986: unreserved kept, everything else upper-case %XX', () => {
		expect(percentEncode("a-b._~ *!'()/+=&é")).toBe('a-b._~%20%2A%21%27%28%29%2F%2B%3D%26%C3%A9');
	});

	it('builds the base string URI without query, default port or case differences', () => {
		expect(baseStringUri('HTTPS://Example.COM:443/services/rest/record/v1/customer?limit=5#x')).toBe('https://example.com/services/rest/record/v1/customer');
		expect(baseStringUri('http://127.0.0.1:4010/netsuite/services/rest')).toBe('http://127.0.0.1:4010/netsuite/services/rest');
	});

	it('sorts parameters by encoded name, then value, and includes repeated names', () => {
		expect(normalizeParameters([['b', '2'], ['a', 'z'], ['a', 'y'], ['c d', ' ']])).toBe('a=y&a=z&b=2&c%20d=%20');
	});

	it('signs query parameters and leaves realm out of the base string', () => {
		const url = 'https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/record/v1/customer?q=companyName%20START_WITH%20%22A%22&limit=10';
		const header = oauth1Header('GET', url, requestParameters(url), keys, { timestamp: 1_700_000_000, nonce: 'abcdef123456' });
		const parsed = parseOAuthHeader(header)!;
		expect(parsed.get('realm')).toBe('1234567_SB1');
		expect(parsed.get('oauth_signature_method')).toBe('HMAC-SHA256');
		const base = signatureBaseString('GET', url, [...requestParameters(url), ...[...parsed].filter(([k]) => k !== 'realm' && k !== 'oauth_signature')]);
		expect(base).not.toContain('realm');
		expect(base).toContain('q%3DcompanyName%2520START_WITH%2520%2522A%2522');
		// The sandbox's independent implementation computes the same signature.
		expect(parsed.get('oauth_signature')).toBe(expectedTbaSignature(sandboxRequest('GET', url), parsed, keys.consumerSecret, keys.tokenSecret));
	});

	it('a different token secret gives a different signature', () => {
		const url = 'https://x.suitetalk.api.netsuite.com/services/rest/query/v1/suiteql?limit=1000&offset=0';
		const a = parseOAuthHeader(oauth1Header('POST', url, requestParameters(url), keys, { timestamp: 1, nonce: 'nonce01' }))!;
		const b = parseOAuthHeader(oauth1Header('POST', url, requestParameters(url), { ...keys, tokenSecret: 'other' }, { timestamp: 1, nonce: 'nonce01' }))!;
		expect(a.get('oauth_signature')).not.toBe(b.get('oauth_signature'));
	});

	it('the credential signs the final request (baseURL + url + qs) with a fresh nonce each time', async () => {
		const credential = new NetSuiteTbaApi();
		const creds = { accountId: '1234567-sb1', consumerKey: 'ck', consumerSecret: 'cs', tokenId: 'tk', tokenSecret: 'ts' };
		const one = await credential.authenticate(creds, { method: 'GET', baseURL: 'https://h.example/', url: '/services/rest/record/v1/metadata-catalog', qs: { select: 'customer' } });
		const two = await credential.authenticate(creds, { method: 'GET', url: 'https://h.example/services/rest/record/v1/metadata-catalog?select=customer' });
		const p1 = parseOAuthHeader(String(one.headers?.Authorization))!;
		const p2 = parseOAuthHeader(String(two.headers?.Authorization))!;
		expect(p1.get('realm')).toBe('1234567_SB1');
		expect(p1.get('oauth_nonce')).not.toBe(p2.get('oauth_nonce'));
		expect(p1.get('oauth_nonce')!.length).toBeGreaterThanOrEqual(20);
		const url = 'https://h.example/services/rest/record/v1/metadata-catalog?select=customer';
		expect(p1.get('oauth_signature')).toBe(expectedTbaSignature(sandboxRequest('GET', url), p1, 'cs', 'ts'));
	});
});
