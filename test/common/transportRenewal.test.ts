import nock from 'nock';
import type { ICredentialType, INodeProperties } from 'n8n-workflow';

import { errorClassOf } from '../../nodes/common/errors';
import { sendRequest } from '../../nodes/common/transport';
import { createExecuteContext, useNock } from '../helpers/fakeContext';
import { testMapper } from './testSupport';

useNock();

const BASE = 'https://api.renewal.test';
let issued = 0;

class SessionApi implements ICredentialType {
	name = 'sessionApi';
	displayName = 'Session API';
	properties: INodeProperties[] = [
		{ displayName: 'Session', name: 'session', type: 'hidden', typeOptions: { expirable: true }, default: '' },
	];
	async preAuthentication() {
		issued++;
		return { session: `fresh-${issued}` };
	}
	authenticate = { type: 'generic' as const, properties: { headers: { Authorization: '=Session {{$credentials.session}}' } } };
}

function post(method: 'POST' | 'PUT' = 'POST') {
	const ctx = createExecuteContext({ credentials: { sessionApi: { session: 'stale' } }, credentialTypes: [new SessionApi()] });
	return sendRequest(ctx, {
		credentialType: 'sessionApi',
		request: { method, url: `${BASE}/things`, body: { a: 1 }, json: true },
		errorMapper: testMapper,
		retry: { baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 2 },
		renewOn401: true,
	});
}

describe('sendRequest: a request refused for another reason after the credential was renewed', () => {
	beforeEach(() => (issued = 0));

	it('reports the real 4xx, not the stale 401', async () => {
		nock(BASE).post('/things').times(2).matchHeader('authorization', 'Session stale').reply(401, { message: 'expired' });
		const fresh = nock(BASE).post('/things').times(2).matchHeader('authorization', 'Session fresh-1').reply(400, { message: 'name is required' });

		const error = await post().catch((e: unknown) => e);

		expect(errorClassOf(error)).toBe('validation');
		expect((error as Error).message).toContain('name is required');
		expect(issued).toBe(1);
		expect(fresh.isDone()).toBe(true);
	});

	it('does not resend a non-idempotent write that failed with a 5xx after renewal', async () => {
		let writes = 0;
		nock(BASE).post('/things').times(2).matchHeader('authorization', 'Session stale').reply(401, { message: 'expired' });
		nock(BASE)
			.post('/things')
			.times(3)
			.matchHeader('authorization', 'Session fresh-1')
			.reply(() => {
				writes++;
				return [500, { message: 'boom' }];
			});

		const error = await post().catch((e: unknown) => e);

		expect(errorClassOf(error)).toBe('auth');
		expect(writes).toBe(1);
	});

	it('keeps the auth error when the renewal itself is refused with a 400 (an OAuth invalid_grant)', async () => {
		class RefusedRenewal extends SessionApi {
			async preAuthentication(this: { helpers: { httpRequest(o: object): Promise<unknown> } }) {
				issued++;
				// The token endpoint refuses: RFC 6749 answers invalid_grant with a 400.
				await this.helpers.httpRequest({ method: 'POST', url: `${BASE}/token`, body: {}, json: true });
				return { session: 'never' };
			}
		}
		// First send, the send that renews, and the extra read after the renewal's 400.
		const stale = nock(BASE).post('/things').times(3).matchHeader('authorization', 'Session stale').reply(401, { message: 'expired' });
		nock(BASE).post('/token').reply(400, { error: 'invalid_grant' });
		const ctx = createExecuteContext({ credentials: { sessionApi: { session: 'stale' } }, credentialTypes: [new RefusedRenewal()] });

		const error = await sendRequest(ctx, {
			credentialType: 'sessionApi',
			request: { method: 'POST', url: `${BASE}/things`, body: { a: 1 }, json: true },
			errorMapper: testMapper,
			retry: { baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 2 },
			renewOn401: true,
		}).catch((e: unknown) => e);

		expect(errorClassOf(error)).toBe('auth');
		expect(issued).toBe(1);
		expect(stale.isDone()).toBe(true);
	});
});
