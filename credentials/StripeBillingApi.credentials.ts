import type {
	Icon,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

/** The API version the node is written and tested against; billing meters, no legacy usage records. */
export const STRIPE_PINNED_API_VERSION = '2025-03-31.basil';

/**
 * A Stripe secret (sk_…) or restricted (rk_…) key, sent as a Bearer token with a pinned
 * `Stripe-Version` so that an account's default version can never change what the node reads and
 * writes. The base URL can point at the sandbox; Stripe-Account acts on a connected account.
 */
export class StripeBillingApi implements ICredentialType {
	name = 'stripeBillingApi';

	displayName = 'Stripe Billing API';

	icon: Icon = { light: 'file:../nodes/StripeBilling/stripeBilling.svg', dark: 'file:../nodes/StripeBilling/stripeBilling.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-erp-interop/n8n-nodes-erp-interop/blob/main/docs/nodes/stripe-billing.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'sk_test_…',
			description: 'Developers > API keys in the Stripe Dashboard: a secret key (sk_test_/sk_live_) or a restricted key (rk_) with write access to Billing',
		},
		{
			displayName: 'API Version',
			name: 'apiVersion',
			type: 'string',
			default: STRIPE_PINNED_API_VERSION,
			required: true,
			description:
				'Sent as Stripe-Version on every request. The node is built for 2025-03-31.basil (billing meters; legacy usage records no longer exist). Change it only to a later version you have checked.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.stripe.com',
			description: 'Stripe’s API host; point it at the local sandbox for tests (the sandbox prints its URL)',
		},
		{
			displayName: 'Connected Account ID',
			name: 'stripeAccount',
			type: 'string',
			default: '',
			placeholder: 'acct_…',
			description: 'Optional: act on a connected account (Stripe-Account header) with a platform key',
		},
		{
			displayName: 'Max Concurrent Requests',
			name: 'maxConcurrent',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 50 },
			default: 10,
			description: 'Requests in flight at once with this key, shared by all executions in this n8n process',
		},
		{
			displayName: 'Max Requests per Second',
			name: 'requestsPerSecond',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 20,
			description: 'Paces requests with this key across executions in this n8n process (Stripe allows about 25/s in test mode and 100/s in live mode); 0 means no pacing',
		},
	];

	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const account = String(credentials.stripeAccount ?? '').trim();
		return {
			...requestOptions,
			headers: {
				...requestOptions.headers,
				Authorization: `Bearer ${String(credentials.secretKey ?? '')}`,
				'Stripe-Version': String(credentials.apiVersion ?? '').trim() || STRIPE_PINNED_API_VERSION,
				...(account ? { 'Stripe-Account': account } : {}),
			},
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{($credentials.baseUrl || "https://api.stripe.com").replace(/\\/+$/, "")}}',
			url: '/v1/balance',
			method: 'GET',
		},
	};
}
