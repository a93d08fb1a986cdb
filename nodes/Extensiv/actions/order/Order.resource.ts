import type { INodeProperties } from 'n8n-workflow';

import * as cancel from './cancel.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operations = { cancel, create, get, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{ name: 'Cancel', value: 'cancel', description: 'Cancel an open order', action: 'Cancel an order' },
			{
				name: 'Create',
				value: 'create',
				description: 'Create a shipping order, or return the existing one with the same reference number',
				action: 'Create an order',
			},
			{ name: 'Get', value: 'get', description: 'Get an order with its ETag', action: 'Get an order' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many orders', action: 'Get many orders' },
			{ name: 'Update', value: 'update', description: 'Update an order, protected by its ETag', action: 'Update an order' },
		],
		default: 'get',
	},
	...cancel.description,
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
];
