import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';

export const operations = { get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['apiUsage'] } },
		options: [
			{
				name: 'Get Threshold Information',
				value: 'get',
				description: 'Get the hourly request threshold and current usage of the Autotask database',
				action: 'Get API usage threshold information',
			},
		],
		default: 'get',
	},
	...get.description,
];
