import { autotaskErrorMapper } from '../../nodes/AutotaskPsa/transport/errorMapper';
import { useNock } from '../helpers/fakeContext';
import { API, SECRET, ZONE, api, credentials, resetCaches, run } from './helpers';

useNock();
beforeEach(resetCaches);

describe('Autotask error mapper', () => {
	it('classes by status (Autotask sends no error codes) and joins the errors array', () => {
		expect(autotaskErrorMapper.map({ statusCode: 400, headers: {}, body: { errors: ['companyID is required.', 'title is required.'] } })).toMatchObject({
			errorClass: 'validation',
			message: 'companyID is required.; title is required.',
			fieldErrors: [{ message: 'companyID is required.' }, { message: 'title is required.' }],
		});
		expect(autotaskErrorMapper.map({ statusCode: 401, headers: {}, body: '' })).toMatchObject({ errorClass: 'auth', code: 'Unauthorized' });
		expect(autotaskErrorMapper.map({ statusCode: 429, headers: {}, body: { errors: ['Thread limit exceeded'] } })).toMatchObject({
			errorClass: 'rate_limit',
			message: 'Thread limit exceeded',
			description: expect.stringMatching(/3 requests in flight per endpoint/),
		});
		expect(autotaskErrorMapper.map({ statusCode: 500, headers: {}, body: '<html>oops</html>' })).toMatchObject({ errorClass: 'transient', message: '<html>oops</html>' });
	});

	it('shows a rejected credential as such, without the secret', async () => {
		const creds = credentials({ zoneUrl: `${ZONE}/atservicesrest` });
		api().get(`${API}/Companies/1`).reply(401, { errors: [`Authentication failed for ${SECRET}`] });
		const error = await run({ resource: 'company', operation: 'get', recordId: { __rl: true, mode: 'id', value: '1' }, options: {} }, { credentials: creds }).catch(
			(e: Error) => e,
		);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toBe(
			'Autotask PSA 401 [Unauthorized]: Autotask PSA rejected the credentials (API user name, secret or integration code)',
		);
		expect(JSON.stringify(error)).not.toContain(SECRET);
	});

	it('names the offending fields of a refused write', async () => {
		const creds = credentials({ zoneUrl: `${ZONE}/atservicesrest` });
		api().post(`${API}/Tickets`).reply(400, { errors: ['companyID is required.'] });
		await expect(
			run({ resource: 'ticket', operation: 'create', inputMode: 'json', json: '{"title":"x"}', options: {} }, { credentials: creds }),
		).rejects.toThrow('Autotask PSA 400: companyID is required.');
	});
});
