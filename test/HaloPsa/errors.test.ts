import nock from 'nock';

import { haloErrorMapper } from '../../nodes/HaloPsa/transport';
import { useNock } from '../helpers/fakeContext';
import { API, HOST, credentials, run } from './helpers';

useNock();

const map = (statusCode: number, body: unknown) => haloErrorMapper.map({ statusCode, headers: {}, body });

describe('HaloPSA error mapper', () => {
	it.each([
		[400, { ClassName: 'Halo.Api.HaloValidationException', Message: "Tickets: 'summary' is required" }, 'validation', 'HaloValidationException'],
		[404, { ClassName: 'HaloNotFoundException', Message: 'Client with id 9 was not found' }, 'not_found', 'HaloNotFoundException'],
		[400, { error: 'invalid_client', error_description: 'Invalid client' }, 'auth', 'invalid_client'],
		[400, { error: 'invalid_scope' }, 'permission', 'invalid_scope'],
		[500, { ClassName: 'System.NullReferenceException', Message: 'Object reference not set' }, 'transient', 'NullReferenceException'],
		[403, 'Forbidden', 'permission', undefined],
	])('classifies %i %j by its vendor code', (status, body, errorClass, code) => {
		const mapped = map(status, body);
		expect(mapped.errorClass).toBe(errorClass);
		expect(mapped.code).toBe(code);
	});

	it('names the validation problem from Halo’s message', () => {
		expect(map(400, JSON.stringify({ ClassName: 'HaloValidationException', Message: "'client_id' is required" })).message).toBe("'client_id' is required");
	});

	it('turns a final 401 into a credential error that names what to check', () => {
		const mapped = map(401, { Message: 'Authorization has been denied for this request.' });
		expect(mapped).toMatchObject({ errorClass: 'auth', message: expect.stringMatching(/client ID, client secret, tenant/) });
	});

	it('reports an API error on the item without leaking the token or secret', async () => {
		nock(HOST).post(`${API}/Tickets`).reply(400, { ClassName: 'HaloValidationException', Message: 'client_id 999 does not exist' });
		const creds = credentials();
		const { json } = await run(
			{ resource: 'ticket', operation: 'create', summary: 'x', client_id: 999, additionalFields: {} },
			{ continueOnFail: true, credentials: creds },
		);
		expect(json[0]).toMatchObject({ error: expect.stringContaining('client_id 999 does not exist'), errorClass: 'validation' });
		expect(JSON.stringify(json)).not.toContain('halo-access-token-1');
		expect(JSON.stringify(json)).not.toContain(String(creds.clientSecret));
	});
});
