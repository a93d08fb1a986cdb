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
		displayOptions: { show: { resource: ['meter'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get a billing meter', action: 'Get a meter' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many billing meters', action: 'Get many meters' },
		],
		default: 'get',
	},
	...get.description,
	...getAll.description,
];
