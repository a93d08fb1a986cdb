import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The shared secret a HaloPSA outbound webhook sends (Halo signs nothing): Basic credentials, or a
 * header such as `Authorization: Bearer <token>` or an API-key header. Only checked by the HaloPSA
 * Interop Trigger on incoming deliveries, so it is tested by the trigger (`testedBy`), not by a call.
 */
export class HaloPsaWebhookApi implements ICredentialType {
	name = 'haloPsaWebhookApi';

	displayName = 'HaloPSA Webhook API';

	icon: Icon = { light: 'file:../nodes/HaloPsa/haloPsa.svg', dark: 'file:../nodes/HaloPsa/haloPsa.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-erp-interop/n8n-nodes-erp-interop/blob/main/docs/nodes/halopsa.md#trigger';

	properties: INodeProperties[] = [
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{ name: 'Basic Auth', value: 'basicAuth', description: 'Halo webhook authentication type "Basic"' },
				{ name: 'Header', value: 'headerAuth', description: 'Halo "Bearer token" or "API key" header' },
			],
			default: 'basicAuth',
		},
		{
			displayName: 'Username',
			name: 'user',
			type: 'string',
			default: '',
			displayOptions: { show: { authentication: ['basicAuth'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { authentication: ['basicAuth'] } },
			description: 'A long random value (at least 16 characters), entered on the Halo webhook as Basic password',
		},
		{
			displayName: 'Header Name',
			name: 'headerName',
			type: 'string',
			default: 'Authorization',
			displayOptions: { show: { authentication: ['headerAuth'] } },
			description: 'Authorization for a Halo bearer token, or the API key header name configured on the webhook',
		},
		// The header value is the webhook's shared secret (a bearer token or API key).
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password
		{
			displayName: 'Header Value',
			name: 'headerValue',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { authentication: ['headerAuth'] } },
			description: 'The exact header value Halo sends, e.g. "Bearer 3f9c…" for a bearer token',
		},
	];
}
