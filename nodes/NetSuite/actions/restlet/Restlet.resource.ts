import type { INodeProperties } from 'n8n-workflow';

import * as call from './call.operation';

export const operations = { call };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['restlet'] } },
		options: [{ name: 'Call', value: 'call', description: 'Call a deployed RESTlet', action: 'Call a res tlet' }],
		default: 'call',
	},
	...call.description,
];
