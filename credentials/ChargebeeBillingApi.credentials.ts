import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

/** The API root from the credential: the base URL override, else `https://{site}.chargebee.com/api/v2`. */
export function chargebeeBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const override = String(credentials.baseUrl ?? '').trim();
	if (override) return (/^https?:\/\//i.test(override) ? override : `https://${override}`).replace(/\/+$/, '');
	const site = String(credentials.site ?? '').trim().replace(/\.chargebee\.com.*$/i, '').replace(/^https?:\/\//i, '');
	return `https://${site}.chargebee.com/api/v2`;
}

/**
 * Chargebee Billing API v2: HTTP Basic auth with the site's API key as the user name and an empty
 * password. The base URL is `https://{site}.chargebee.com/api/v2` unless overridden (sandbox, proxy).
 */
export class ChargebeeBillingApi implements ICredentialType {
	name = 'chargebeeBillingApi';

	displayName = 'Chargebee Billing API';

	icon: Icon = { light: 'file:../nodes/ChargebeeBilling/chargebeeBilling.svg', dark: 'file:../nodes/ChargebeeBilling/chargebeeBilling.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-erp-interop/n8n-nodes-erp-interop/blob/main/docs/nodes/chargebee-billing.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Site',
			name: 'site',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. acme-test',
			description: 'Your Chargebee site name: the part before .chargebee.com (test sites usually end in -test)',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'A full-access (or read-only, for reads) API key from Settings › Configure Chargebee › API Keys',
		},
		{
			displayName: 'Base URL Override',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. http://127.0.0.1:4010/chargebee/api/v2',
			description: 'Only for a sandbox or a proxy: the API root to use instead of https://{site}.chargebee.com/api/v2',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: { username: '={{$credentials.apiKey}}', password: '' },
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl ? $credentials.baseUrl.replace(/\\/+$/, "") : "https://" + $credentials.site + ".chargebee.com/api/v2"}}',
			url: '/customers',
			qs: { limit: 1 },
		},
	};
}
