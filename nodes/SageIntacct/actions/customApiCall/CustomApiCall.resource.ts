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
			{
				name: 'Call Function',
				value: 'request',
				description: 'Send any XML API function with the credential',
				action: 'Call an XML API function',
			},
		],
		default: 'request',
	},
	...request.description,
];
