import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { HaloPsaOAuth2Api } from '../../credentials/HaloPsaOAuth2Api.credentials';
import { HaloPsa } from '../../nodes/HaloPsa/HaloPsa.node';
import { nodeKit } from '../helpers/nodeKit';

export const HOST = 'https://acme.halopsa.test';
export const API = '/api';

let accounts = 0;

/** A credential of its own per call, so each test gets its own process-wide limiter. */
export function credentials(overrides: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
	accounts++;
	return {
		grantType: 'clientCredentials',
		authServerUrl: `${HOST}/auth`,
		resourceServerUrl: `${HOST}/api`,
		tenant: 'acme',
		clientId: `client-${accounts}`,
		clientSecret: 'Halo-Client-Secret-123',
		scope: 'all',
		maxConcurrent: 4,
		oauthTokenData: { access_token: 'halo-access-token-1', token_type: 'Bearer' },
		...overrides,
	};
}

export const node = new HaloPsa();
export const credentialType = new HaloPsaOAuth2Api();

export const { executeContext, run, loadOptionsContext } = nodeKit({ node, credentialType, credentials, nodeName: 'HaloPSA' });

