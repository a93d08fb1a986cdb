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
		options: [{ name: 'Request', value: 'request', description: 'Call any API v2.0 endpoint with the credential', action: 'Make an API call' }],
		default: 'request',
	},
	...request.description,
];
