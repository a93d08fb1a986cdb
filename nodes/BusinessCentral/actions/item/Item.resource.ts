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
		displayOptions: { show: { resource: ['item'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a item', action: 'Create a item' },
			{ name: 'Create or Update', value: 'upsert', description: 'Create a new record, or update the current one if it already exists (upsert)', action: 'Create or update a item' },
			{ name: 'Delete', value: 'delete', description: 'Delete a item', action: 'Delete a item' },
			{ name: 'Get', value: 'get', description: 'Get a item by ID', action: 'Get a item' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many items', action: 'Get many items' },
			{ name: 'Update', value: 'update', description: 'Update fields of a item', action: 'Update a item' },
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
