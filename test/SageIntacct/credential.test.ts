import { AUTH_SLOT, SENDER_SLOT } from '../../nodes/SageIntacct/transport';
import { accountFingerprint, readCredentials, RENEW_HEADER, trustedEndpoint } from '../../nodes/SageIntacct/transport/session';
import { credentialType } from './helpers';

const data = (overrides: Record<string, unknown> = {}) => withAccount({
	endpointUrl: 'https://api.intacct.com/ia/xml/xmlgw.phtml',
	senderId: 'snd',
	senderPassword: 'sp',
	companyId: 'C',
	entityId: '',
	userId: 'u',
	userPassword: 'up',
	sessionToken: 'S1',
	sessionEndpoint: '',
	sessionCreatedAt: 1000,
	sessionExpiresAt: 0,
	...overrides,
});
function withAccount(values: Record<string, unknown>) {
	return { sessionAccount: accountFingerprint(readCredentials({ ...values, sessionAccount: '' } as never)), ...values };
}
const request = (headers: Record<string, string> = {}) => ({ url: 'https://api.intacct.com/ia/xml/xmlgw.phtml', method: 'POST' as const, headers, body: `<request><control>${SENDER_SLOT}</control><operation><authentication>${AUTH_SLOT}</authentication></operation></request>` });

describe('Sage Intacct credential', () => {
	it('fills the sender and the session into the envelope', async () => {
		const out = await credentialType.authenticate(data(), request());
		expect(out.body).toBe('<request><control><senderid>snd</senderid><password>sp</password></control><operation><authentication><sessionid>S1</sessionid></authentication></operation></request>');
	});

	it('answers a renewal request with a 401 only while the stored session is older than the failed request', async () => {
		await expect(credentialType.authenticate(data(), request({ [RENEW_HEADER]: '2000' }))).rejects.toMatchObject({ response: { status: 401 } });
		const renewed = await credentialType.authenticate(data({ sessionCreatedAt: 3000, sessionToken: 'S2' }), request({ [RENEW_HEADER]: '2000' }));
		expect(renewed.headers).toEqual({});
		expect(String(renewed.body)).toContain('<sessionid>S2</sessionid>');
	});

	it('does not use a session of another company or user after the credential was edited', async () => {
		const stale = { ...data(), companyId: 'OTHER' };
		await expect(credentialType.authenticate(stale, request())).rejects.toMatchObject({ response: { status: 401 } });
	});

	it('renews a session past the expiry the gateway stated', async () => {
		await expect(credentialType.authenticate(data({ sessionExpiresAt: Date.now() - 1 }), request())).rejects.toMatchObject({ response: { status: 401 } });
	});

	it('follows a session endpoint only on the configured origin or on intacct.com', () => {
		expect(trustedEndpoint('https://api.intacct.com/ia/xml/xmlgw.phtml', 'https://eu.intacct.com/ia/xml/xmlgw.phtml')).toBe('https://eu.intacct.com/ia/xml/xmlgw.phtml');
		expect(trustedEndpoint('https://api.intacct.com/ia/xml/xmlgw.phtml', 'https://intacct.com.evil.example/x')).toBe('https://api.intacct.com/ia/xml/xmlgw.phtml');
		expect(trustedEndpoint('http://127.0.0.1:4010/intacct/ia/xml/xmlgw.phtml', 'https://api.intacct.com/x')).toBe('http://127.0.0.1:4010/intacct/ia/xml/xmlgw.phtml');
	});

	it('masks every secret and keeps the session in an expirable hidden field', () => {
		const byName = Object.fromEntries(credentialType.properties.map((p) => [p.name, p]));
		expect(byName.senderPassword.typeOptions?.password).toBe(true);
		expect(byName.userPassword.typeOptions?.password).toBe(true);
		expect(byName.sessionToken).toMatchObject({ type: 'hidden', typeOptions: { expirable: true } });
		expect(String(credentialType.test.request.body)).toContain(AUTH_SLOT);
	});
});
