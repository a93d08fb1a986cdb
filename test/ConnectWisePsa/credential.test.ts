import { NodeApiError } from 'n8n-workflow';

import { API, SITE, api, byId, credentialType, credentials, run, setupNock } from './helpers';

setupNock();

function basic(companyId: string, publicKey: string, privateKey: string): string {
	return `Basic ${Buffer.from(`${companyId}+${publicKey}:${privateKey}`).toString('base64')}`;
}

describe('ConnectWisePsaApi credential', () => {
	it('is named connectWisePsaApi and masks the private key', () => {
		expect(credentialType.name).toBe('connectWisePsaApi');
		expect(credentialType.displayName).toBe('ConnectWise PSA API');
		const privateKey = credentialType.properties.find((p) => p.name === 'privateKey');
		expect(privateKey?.typeOptions?.password).toBe(true);
		const defaults = Object.fromEntries(credentialType.properties.map((p) => [p.name, p.default]));
		expect(defaults).toMatchObject({ codebase: 'v4_6_release', maxConcurrent: 4, requestsPerMinute: 0, apiVersion: '' });
	});

	it('sends Basic auth of companyId+publicKey:privateKey and the clientId header', async () => {
		const creds = credentials();
		api()
			.matchHeader('authorization', basic('acme', String(creds.publicKey), 'Priv8-Secret-Key'))
			.matchHeader('clientid', '0b8e7a3c-1111-4222-8333-944455556666')
			.matchHeader('accept', 'application/json')
			.get(`${API}/service/tickets/5`)
			.reply(200, { id: 5 });
		const { json } = await run({ resource: 'ticket', operation: 'get', ticketId: byId(5) }, { credentials: creds });
		expect(json).toEqual([{ id: 5 }]);
	});

	it('pins the API version with the Accept header when one is set', async () => {
		api()
			.matchHeader('accept', 'application/vnd.connectwise.com+json; version=2025.1')
			.get(`${API}/service/tickets/5`)
			.reply(200, { id: 5 });
		const { json } = await run(
			{ resource: 'ticket', operation: 'get', ticketId: byId(5) },
			{ credentials: credentials({ apiVersion: '2025.1' }) },
		);
		expect(json).toEqual([{ id: 5 }]);
	});

	it('tests the credential with GET {siteUrl}/{codebase}/apis/3.0/system/info', () => {
		const request = credentialType.test.request;
		const creds = credentials();
		// The expressions are plain credential references; resolve them the way n8n would.
		const baseURL = String(request.baseURL).replace(/^=/, '').replace(/\{\{\$credentials\.(\w+)\}\}/g, (_, key: string) => String(creds[key]));
		expect(`${baseURL}${request.url}`).toBe(`${SITE}${API}/system/info`);
		expect(request.method ?? 'GET').toBe('GET');
	});

	it('turns a rejected private key into a credential error that contains no secret', async () => {
		const creds = credentials({ privateKey: 'Wrong-Private-Key-123' });
		api()
			.get(`${API}/company/companies/3`)
			.reply(401, { code: 'Unauthorized', message: 'Invalid credentials for acme+key Wrong-Private-Key-123' });
		const error = (await run({ resource: 'company', operation: 'get', companyId: byId(3) }, { credentials: creds }).catch(
			(e: unknown) => e,
		)) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('ConnectWise PSA rejected the credentials');
		expect(error.context.errorClass).toBe('auth');
		const serialized = JSON.stringify({
			error,
			message: error.message,
			description: error.description,
			context: error.context,
			cause: error.cause,
		});
		const secret = 'Wrong-Private-Key-123';
		const token = Buffer.from(`acme+${String(creds.publicKey)}:${secret}`).toString('base64');
		expect(serialized).not.toContain(secret);
		expect(serialized).not.toContain(Buffer.from(secret).toString('base64'));
		expect(serialized).not.toContain(token);
	});
});
