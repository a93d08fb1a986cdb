import type { INodeProperties } from 'n8n-workflow';

import * as cancel from './cancel.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as search from './search.operation';
import * as update from './update.operation';

export const operations = { cancel, create, get, getAll, search, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['subscription'] } },
		options: [
			{ name: 'Cancel', value: 'cancel', description: 'Cancel a subscription now', action: 'Cancel a subscription' },
			{ name: 'Create', value: 'create', description: 'Create a subscription', action: 'Create a subscription' },
			{ name: 'Get', value: 'get', description: 'Get a subscription', action: 'Get a subscription' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many subscriptions', action: 'Get many subscriptions' },
			{ name: 'Search', value: 'search', description: 'Search subscriptions with the query language', action: 'Search subscriptions' },
			{ name: 'Update', value: 'update', description: 'Update a subscription', action: 'Update a subscription' },
		],
		default: 'get',
	},
	...cancel.description,
	...create.description,
	...get.description,
	...getAll.description,
	...search.description,
	...update.description,
];
