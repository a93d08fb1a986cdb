import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export const operations = { create, delete: del, get, getAll, update, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customer'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a customer', action: 'Create a customer' },
			{ name: 'Create or Update', value: 'upsert', description: 'Create a new record, or update the current one if it already exists (upsert)', action: 'Create or update a customer' },
			{ name: 'Delete', value: 'delete', description: 'Delete a customer', action: 'Delete a customer' },
			{ name: 'Get', value: 'get', description: 'Get a customer by ID', action: 'Get a customer' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many customers', action: 'Get many customers' },
			{ name: 'Update', value: 'update', description: 'Update fields of a customer', action: 'Update a customer' },
		],
		default: 'get',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
	...upsert.description,
];
