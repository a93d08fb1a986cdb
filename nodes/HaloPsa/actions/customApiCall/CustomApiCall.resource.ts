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
			{ name: 'Request', value: 'request', description: 'Send any request to the Halo API', action: 'Send a request to the halo api' },
		],
		default: 'request',
	},
	...request.description,
];
