import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const operations = { get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['company'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get a company by ID', action: 'Get a company' },
			{ name: 'Get Many', value: 'getAll', description: 'Get the companies of the environment', action: 'Get many companies' },
		],
		default: 'getAll',
	},
	...get.description,
	...getAll.description,
];
