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
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create an user', action: 'Create an user' },
			{ name: 'Delete', value: 'delete', description: 'Delete an user', action: 'Delete an user' },
			{ name: 'Get', value: 'get', description: 'Get an user by ID', action: 'Get an user' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many users', action: 'Get many users' },
			{ name: 'Update', value: 'update', description: 'Update an user', action: 'Update an user' },
		],
		default: 'get',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
];
