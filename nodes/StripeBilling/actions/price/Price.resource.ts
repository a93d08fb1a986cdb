import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as search from './search.operation';
import * as update from './update.operation';

export const operations = { create, get, getAll, search, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['price'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a price', action: 'Create a price' },
			{ name: 'Get', value: 'get', description: 'Get a price', action: 'Get a price' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many prices', action: 'Get many prices' },
			{ name: 'Search', value: 'search', description: 'Search prices with the query language', action: 'Search prices' },
			{ name: 'Update', value: 'update', description: 'Update a price (amounts are fixed)', action: 'Update a price' },
		],
		default: 'get',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...search.description,
	...update.description,
];
