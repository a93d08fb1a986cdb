import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * HaloPSA API application with the client-credentials grant. n8n fetches the token from
 * `{authServerUrl}/token?tenant={tenant}`, stores it encrypted with the credential (so every
 * worker shares it) and fetches a new one when a request answers 401.
 */
export class HaloPsaOAuth2Api implements ICredentialType {
	name = 'haloPsaOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'HaloPSA OAuth2 API';

	icon: Icon = { light: 'file:../nodes/HaloPsa/haloPsa.svg', dark: 'file:../nodes/HaloPsa/haloPsa.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-erp-interop/n8n-nodes-erp-interop/blob/main/docs/nodes/halopsa.md';

	properties: INodeProperties[] = [
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'clientCredentials' },
		{
			displayName: 'Authorisation Server URL',
			name: 'authServerUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://yourcompany.halopsa.com/auth',
			description: 'Shown in Halo under Configuration > Integrations > Halo API > API Details',
		},
		{
			displayName: 'Resource Server URL',
			name: 'resourceServerUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://yourcompany.halopsa.com/api',
			description: 'The API root, shown beside the authorisation server on the API Details screen',
		},
		{
			displayName: 'Tenant',
			name: 'tenant',
			type: 'string',
			default: '',
			placeholder: 'e.g. yourcompany',
			description: 'Your tenant name for Halo-hosted instances (sent as ?tenant= on the token call); leave empty when self-hosted',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default:
				'={{String($self["authServerUrl"] ?? "").replace(/\\/+$/, "")}}/token{{$self["tenant"] ? "?tenant=" + encodeURIComponent(String($self["tenant"]).trim()) : ""}}',
		},
		{ displayName: 'Authorization URL', name: 'authUrl', type: 'hidden', default: '' },
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'hidden', default: '' },
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: 'all',
			description:
				'Space-separated scopes granted to the application, e.g. "all" or "read:tickets edit:tickets read:customers"',
		},
		// Halo reads the client id and secret from the form body of the token request.
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
		{
			displayName: 'Max Concurrent Requests',
			name: 'maxConcurrent',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 20 },
			default: 4,
			description: 'Requests in flight at once with this credential, shared by all executions in this n8n process',
		},
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{String($credentials.resourceServerUrl).replace(/\\/+$/, "")}}',
			url: '/Status',
			method: 'GET',
		},
	};
}
