import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operations = { create, delete: del, get, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['client'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a client', action: 'Create a client' },
			{ name: 'Delete', value: 'delete', description: 'Delete a client', action: 'Delete a client' },
			{ name: 'Get', value: 'get', description: 'Get a client by ID', action: 'Get a client' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many clients', action: 'Get many clients' },
			{ name: 'Update', value: 'update', description: 'Update a client', action: 'Update a client' },
		],
		default: 'get',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
];
