import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { oauth1Header, requestParameters } from '../nodes/common/auth/oauth1';
import { accountRealm } from '../nodes/NetSuite/transport/urls';
import { connectionFields } from '../nodes/NetSuite/transport/connectionFields';

/**
 * NetSuite token-based authentication: OAuth 1.0a with HMAC-SHA256, signed per request. The realm
 * is the account id (upper case, "_"), sent in the header but not signed.
 */
export class NetSuiteTbaApi implements ICredentialType {
	name = 'netSuiteTbaApi';

	displayName = 'NetSuite Token-Based Auth (OAuth 1.0a) API';

	icon: Icon = { light: 'file:../nodes/NetSuite/netSuite.svg', dark: 'file:../nodes/NetSuite/netSuite.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-erp-interop/n8n-nodes-erp-interop/blob/main/docs/nodes/netsuite.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Account ID',
			name: 'accountId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 1234567 or 1234567_SB1',
			description: 'Setup > Company > Company Information > Account ID; sandbox accounts end in _SB1, _SB2…',
		},
		// NetSuite shows the consumer key once, beside its secret, and asks that it be kept private.
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password
		{
			displayName: 'Consumer Key',
			name: 'consumerKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'From the integration record (Setup > Integration > Manage Integrations), shown once when it is saved',
		},
		{
			displayName: 'Consumer Secret',
			name: 'consumerSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Token ID',
			name: 'tokenId',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'From the access token (Setup > Users/Roles > Access Tokens > New) for the integration, user and role',
		},
		{
			displayName: 'Token Secret',
			name: 'tokenSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		...connectionFields,
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const url = requestOptions.baseURL
			? `${requestOptions.baseURL.replace(/\/+$/, '')}/${requestOptions.url.replace(/^\/+/, '')}`
			: requestOptions.url;
		const authorization = oauth1Header(
			requestOptions.method ?? 'GET',
			url,
			requestParameters(url, requestOptions.qs as Record<string, unknown> | undefined),
			{
				consumerKey: String(credentials.consumerKey ?? ''),
				consumerSecret: String(credentials.consumerSecret ?? ''),
				token: String(credentials.tokenId ?? ''),
				tokenSecret: String(credentials.tokenSecret ?? ''),
				realm: accountRealm(String(credentials.accountId ?? '')),
			},
		);
		return { ...requestOptions, headers: { ...requestOptions.headers, Authorization: authorization } };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.baseUrl ? $credentials.baseUrl.replace(/\\/+$/, "") : "https://" + $credentials.accountId.trim().toLowerCase().replace(/_/g, "-") + ".suitetalk.api.netsuite.com"}}',
			url: '/services/rest/record/v1/metadata-catalog',
			method: 'GET',
		},
	};
}
