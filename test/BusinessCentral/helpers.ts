import nock from 'nock';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { BusinessCentralOAuth2Api } from '../../credentials/BusinessCentralOAuth2Api.credentials';
import { BusinessCentral } from '../../nodes/BusinessCentral/BusinessCentral.node';
import { BusinessCentralTrigger } from '../../nodes/BusinessCentral/BusinessCentralTrigger.node';
import { byId, nodeKit, strictNock } from '../helpers/nodeKit';

export const HOST = 'https://api.bc.example.test';
export const TENANT = 'contoso.onmicrosoft.com';
export const ROOT = `/v2.0/${TENANT}/production/api/v2.0`;
export const COMPANY = '5106c77d-af37-4e2d-bb88-45d87aba1033';
export const CO = `${ROOT}/companies(${COMPANY})`;
export const SECRET = 'Cl1ent~Secret.Value-42';
export const TOKEN = 'eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJiYyJ9.c2lnbmF0dXJl';

let apps = 0;

/** A credential of its own per call (own client id), so each test gets its own process-wide rate limiter. */
export function credentials(overrides: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
	apps++;
	return {
		grantType: 'clientCredentials',
		tenantId: TENANT,
		environment: 'production',
		clientId: `00000000-0000-4000-8000-${String(apps).padStart(12, '0')}`,
		clientSecret: SECRET,
		apiUrl: HOST,
		loginUrl: 'https://login.example.test',
		scope: 'https://api.businesscentral.dynamics.com/.default',
		oauthTokenData: { access_token: TOKEN, token_type: 'Bearer', expires_in: 3599 },
		...overrides,
	};
}

export const node = new BusinessCentral();
export const trigger = new BusinessCentralTrigger();
export const credentialType = new BusinessCentralOAuth2Api();

export const { executeContext, run, loadOptionsContext } = nodeKit({ node, credentialType, credentials, nodeName: 'Business Central' });

export const api = () => nock(HOST);
export { byId };
export const company = byId(COMPANY);

export const guid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const setupNock = strictNock;
