import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * Microsoft Dynamics 365 Business Central API v2.0 as an app (service-to-service): OAuth 2.0 client
 * credentials against Microsoft Entra ID. n8n fetches the token on first use, stores it encrypted
 * with the credential (so every worker shares it) and fetches a new one when Business Central answers
 * 401. Login URL and API URL can point the same credential at the local sandbox.
 */
export class BusinessCentralOAuth2Api implements ICredentialType {
	name = 'businessCentralOAuth2Api';

	displayName = 'Business Central OAuth2 API';

	extends = ['oAuth2Api'];

	icon: Icon = {
		light: 'file:../nodes/BusinessCentral/businessCentral.svg',
		dark: 'file:../nodes/BusinessCentral/businessCentral.dark.svg',
	};

	documentationUrl = 'https://github.com/n8n-nodes-erp-interop/n8n-nodes-erp-interop/blob/main/docs/nodes/business-central.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'clientCredentials',
		},
		{
			displayName: 'Tenant ID',
			name: 'tenantId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 7c0e4c2a-3b1d-4f6e-9a8b-2d5c1e0f9a31 or contoso.onmicrosoft.com',
			description: 'The Microsoft Entra tenant (directory) ID or primary domain of the Business Central customer',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'string',
			default: 'production',
			required: true,
			description: 'The Business Central environment name as shown in the admin center (e.g. production, sandbox)',
		},
		{
			displayName: 'Login URL',
			name: 'loginUrl',
			type: 'string',
			default: 'https://login.microsoftonline.com',
			description: 'Microsoft Entra ID authority. Change only for national clouds or to use the local sandbox.',
		},
		{
			displayName: 'API URL',
			name: 'apiUrl',
			type: 'string',
			default: 'https://api.businesscentral.dynamics.com',
			description: 'Business Central API host. Change only to use the local sandbox.',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default:
				'={{ ($self["loginUrl"] || "https://login.microsoftonline.com").replace(/\\/+$/, "") + "/" + $self["tenantId"] + "/oauth2/v2.0/token" }}',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: 'https://api.businesscentral.dynamics.com/.default',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
	];

	// A cheap read that needs a valid token and access to the environment.
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ ($credentials.apiUrl || "https://api.businesscentral.dynamics.com").replace(/\\/+$/, "") + "/v2.0/" + $credentials.tenantId + "/" + ($credentials.environment || "production") + "/api/v2.0" }}',
			url: '/companies',
			qs: { $select: 'id,name', $top: 1 },
		},
	};
}
