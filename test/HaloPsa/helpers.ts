import type { ICredentialDataDecryptedObject, INodeExecutionData } from 'n8n-workflow';

import { HaloPsaOAuth2Api } from '../../credentials/HaloPsaOAuth2Api.credentials';
import { HaloPsa } from '../../nodes/HaloPsa/HaloPsa.node';
import { createExecuteContext, createLoadOptionsContext } from '../helpers/fakeContext';
import type { FakeExecuteFunctions, Parameters } from '../helpers/fakeContext';

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

export interface RunOptions {
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	credentials?: ICredentialDataDecryptedObject;
}

export function executeContext(parameters: Parameters, options: RunOptions = {}): FakeExecuteFunctions {
	return createExecuteContext({
		parameters,
		items: options.items,
		continueOnFail: options.continueOnFail,
		credentials: { haloPsaOAuth2Api: options.credentials ?? credentials() },
		credentialTypes: [credentialType],
		nodeProperties: node.description.properties,
		node: { type: 'n8n-nodes-erp-interop.haloPsa', name: 'HaloPSA' },
	});
}

export async function run(parameters: Parameters, options: RunOptions = {}) {
	const ctx = executeContext(parameters, options);
	const [output] = await node.execute.call(ctx);
	return { output, ctx, json: output.map((item) => item.json) };
}

export function loadOptionsContext(parameters: Record<string, unknown>) {
	return createLoadOptionsContext({
		parameters: parameters as never,
		credentials: { haloPsaOAuth2Api: credentials() },
		credentialTypes: [credentialType],
		nodeProperties: node.description.properties,
	});
}
