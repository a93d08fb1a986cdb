import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';

export const operations = { create };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['meterEvent'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Record usage as a meter event', action: 'Create a meter event' },
		],
		default: 'create',
	},
	...create.description,
];
