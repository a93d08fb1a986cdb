import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/**
 * ConnectWise PSA (Manage) REST API member keys. Every request carries Basic auth of
 * "companyId+publicKey:privateKey" and the integration's clientId header; the base URL
 * ({siteUrl}/{codebase}/apis/3.0), the version Accept header and the rate limits are applied
 * by the node's transport.
 */
export class ConnectWisePsaApi implements ICredentialType {
	name = 'connectWisePsaApi';

	displayName = 'ConnectWise PSA API';

	icon: Icon = {
		light: 'file:../nodes/ConnectWisePsa/connectWisePsa.svg',
		dark: 'file:../nodes/ConnectWisePsa/connectWisePsa.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-erp-interop/n8n-nodes-erp-interop/blob/main/docs/nodes/connectwise-psa.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Site URL',
			name: 'siteUrl',
			type: 'string',
			default: 'https://api-na.myconnectwise.net',
			placeholder: 'e.g. https://api-na.myconnectwise.net',
			required: true,
			description:
				'The API host of your ConnectWise PSA: api-na, api-eu, api-au or api-staging (.myconnectwise.net / .connectwisedev.com) for cloud, or your own server for on-premises',
		},
		{
			displayName: 'Codebase',
			name: 'codebase',
			type: 'string',
			default: 'v4_6_release',
			required: true,
			description:
				'The path segment before /apis/3.0. v4_6_release works on every cloud site; on-premises sites may use their own.',
		},
		{
			displayName: 'Company ID',
			name: 'companyId',
			type: 'string',
			default: '',
			required: true,
			description: 'The company ID you log in with',
		},
		// n8n's base rules require masking any field named "key"; a masked public key does no harm.
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password
		{
			displayName: 'Public Key',
			name: 'publicKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Public key of the API member (System > Members > API Members > API Keys)',
		},
		{
			displayName: 'Private Key',
			name: 'privateKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		// ConnectWise asks integrators to keep their clientId private, so it is masked too.
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The integration clientId issued by the ConnectWise developer portal, sent with every request',
		},
		{
			displayName: 'API Version',
			name: 'apiVersion',
			type: 'string',
			default: '',
			placeholder: 'e.g. 2025.1',
			description:
				'Pins the response schema with the Accept header (application/vnd.connectwise.com+json; version=…). Empty uses the site’s current version.',
		},
		{
			displayName: 'Max Concurrent Requests',
			name: 'maxConcurrent',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 20 },
			default: 4,
			description: 'Requests in flight at once with this credential, shared by all executions in this n8n process',
		},
		{
			displayName: 'Max Requests per Minute',
			name: 'requestsPerMinute',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'Paces requests with this credential across all executions in this n8n process; 0 means no pacing',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: {
				username: '={{$credentials.companyId}}+{{$credentials.publicKey}}',
				password: '={{$credentials.privateKey}}',
			},
			headers: {
				clientId: '={{$credentials.clientId}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.siteUrl}}/{{$credentials.codebase}}/apis/3.0',
			url: '/system/info',
			method: 'GET',
		},
	};
}
