import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

export const SHIPHERO_DEFAULT_BASE_URL = 'https://public-api.shiphero.com';

function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	return String(credentials.baseUrl || SHIPHERO_DEFAULT_BASE_URL).trim().replace(/\/+$/, '');
}

/**
 * ShipHero Public API: a developer user's refresh token is exchanged at `POST /auth/refresh` for an
 * access token (valid 28 days). n8n keeps the access token in the hidden expirable field, so it is
 * fetched once and shared by every execution (and queue-mode worker); a 401 fetches a new one.
 */
export class ShipHeroApi implements ICredentialType {
	name = 'shipHeroApi';

	displayName = 'ShipHero API';

	icon: Icon = { light: 'file:../nodes/ShipHero/shipHero.svg', dark: 'file:../nodes/ShipHero/shipHero.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-erp-interop/n8n-nodes-erp-interop/blob/main/docs/nodes/shiphero.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Refresh Token',
			name: 'refreshToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The refresh token of a ShipHero Third-Party Developer user (My Account > Third-Party Developer), or the one returned by /auth/token',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: SHIPHERO_DEFAULT_BASE_URL,
			description: 'The ShipHero Public API host; change it only to use a sandbox or proxy',
		},
		{
			displayName: 'Customer Account ID',
			name: 'customerAccountId',
			type: 'string',
			default: '',
			description: '3PLs only: the customer account to act on by default (sent as customer_account_id)',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const response = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${baseUrlOf(credentials)}/auth/refresh`,
			body: { refresh_token: credentials.refreshToken },
			json: true,
		})) as { access_token?: string };
		if (!response?.access_token) throw new Error('ShipHero did not return an access token for the refresh token');
		return { accessToken: response.access_token };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.accessToken}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{($credentials.baseUrl || "https://public-api.shiphero.com").replace(/\\/+$/, "")}}',
			url: '/graphql',
			method: 'POST',
			body: { query: 'query { account { request_id complexity data { id } } }' },
			json: true,
		},
	};
}
