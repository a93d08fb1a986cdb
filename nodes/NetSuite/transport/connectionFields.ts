import type { INodeProperties } from 'n8n-workflow';

/** The connection fields both NetSuite credentials share (after their own auth fields). */
export const connectionFields: INodeProperties[] = [
	{
		displayName: 'Base URL',
		name: 'baseUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://1234567-sb1.suitetalk.api.netsuite.com',
		description:
			'Leave empty to use https://{account}.suitetalk.api.netsuite.com. Set it to reach a proxy or the local sandbox.',
	},
	{
		displayName: 'RESTlet Base URL',
		name: 'restletBaseUrl',
		type: 'string',
		default: '',
		description: 'Leave empty to use https://{account}.restlets.api.netsuite.com (or the Base URL when that is set)',
	},
	{
		displayName: 'User Event Webhook Secret',
		name: 'webhookSecret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description:
			'Shared secret of the SuiteScript user-event script that posts record events to the NetSuite ERP User Event Trigger (HMAC-SHA256). Only that trigger uses it.',
	},
	{
		displayName: 'Max Concurrent Requests',
		name: 'maxConcurrent',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 100 },
		default: 5,
		description:
			'The account’s concurrency limit (5 for a base account, +10 per SuiteCloud Plus licence), shared by every execution in this n8n process',
	},
];
