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
		displayOptions: { show: { resource: ['salesOrder'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a sales order (with its lines in one request)', action: 'Create a sales order' },
			{ name: 'Create or Update', value: 'upsert', description: 'Create a new record, or update the current one if it already exists (upsert)', action: 'Create or update a sales order' },
			{ name: 'Delete', value: 'delete', description: 'Delete a sales order', action: 'Delete a sales order' },
			{ name: 'Get', value: 'get', description: 'Get a sales order by ID', action: 'Get a sales order' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many sales orders', action: 'Get many sales orders' },
			{ name: 'Update', value: 'update', description: 'Update fields of a sales order', action: 'Update a sales order' },
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
