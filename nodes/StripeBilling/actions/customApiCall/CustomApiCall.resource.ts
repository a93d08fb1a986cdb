import type { INodeProperties } from 'n8n-workflow';

import * as request from './request.operation';

export const operations = { request };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customApiCall'] } },
		options: [
			{ name: 'Request', value: 'request', description: 'Send any Stripe API request with the credential', action: 'Make an API request' },
		],
		default: 'request',
	},
	...request.description,
];
