import nock from 'nock';
import type { ICredentialDataDecryptedObject, IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

import { useNock } from '../helpers/fakeContext';
import { API, DISCOVERY, SECRET, ZONE, api, credentialType, credentials, executeContext, resetCaches, zone } from './helpers';

useNock();
beforeEach(resetCaches);

describe('Autotask PSA API credential', () => {
	it('sends UserName, Secret, ApiIntegrationCode (and an impersonation id) on every request', async () => {
		const creds = credentials({ impersonationResourceId: '29682885' });
		const out = await credentialType.authenticate(creds, { url: `${ZONE}/atservicesrest/v1.0/Tickets/1`, headers: { Accept: 'application/json' } });
		expect(out.headers).toEqual({
			Accept: 'application/json',
			UserName: creds.userName,
			Secret: SECRET,
			ApiIntegrationCode: creds.integrationCode,
			ImpersonationResourceId: '29682885',
		});
		expect(out.baseURL).toBeUndefined();
	});

	it('tests against ThresholdInformation in the zone found by preAuthentication', async () => {
		const creds = credentials({ zoneApiUrl: '' });
		zone(String(creds.userName));
		const helper = { helpers: { httpRequest: async (o: IHttpRequestOptions) => (await fetch(`${o.url}?user=${encodeURIComponent(String(o.qs?.user))}`)).json() } };
		const discovered = await credentialType.preAuthentication.call(helper as unknown as IHttpRequestHelper, creds);
		expect(discovered).toEqual({ zoneApiUrl: `${ZONE}/atservicesrest/v1.0` });
		const request = await credentialType.authenticate({ ...creds, ...discovered } as ICredentialDataDecryptedObject, { ...(credentialType.test.request as IHttpRequestOptions) });
		expect(request.baseURL).toBe(`${ZONE}/atservicesrest/v1.0`);
		expect(request.url).toBe('/ThresholdInformation');
	});

	it('uses the fixed zone without asking zoneInformation', async () => {
		const out = await credentialType.preAuthentication.call({ helpers: {} } as unknown as IHttpRequestHelper, credentials({ zoneUrl: 'webservices2.autotask.net' }));
		expect(out).toEqual({ zoneApiUrl: 'https://webservices2.autotask.net/atservicesrest/v1.0' });
	});

	it('is applied by n8n’s request helper when the stored zone is empty (first use)', async () => {
		const creds = credentials({ zoneApiUrl: '' });
		zone(String(creds.userName)).persist();
		api().get(`${API}/Tickets/5`).reply(200, { item: { id: 5 } });
		const ctx = executeContext({ resource: 'ticket', operation: 'get', recordId: { __rl: true, mode: 'id', value: '5' }, options: {} }, { credentials: creds });
		const { AutotaskPsa } = await import('../../nodes/AutotaskPsa/AutotaskPsa.node');
		const [out] = await new AutotaskPsa().execute.call(ctx);
		expect(out.map((o) => o.json)).toEqual([{ id: 5 }]);
		// n8n stores the zone on the credential; the secret never went to the discovery host.
		expect(ctx.credentialStore.autotaskPsaApi.zoneApiUrl).toBe(`${ZONE}/atservicesrest/v1.0`);
		for (const sent of ctx.sentRequests.filter((r) => String(r.url).startsWith(DISCOVERY))) expect(JSON.stringify(sent)).not.toContain(SECRET);
		nock.cleanAll();
	});
});
