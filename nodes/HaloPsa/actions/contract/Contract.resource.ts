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
		displayOptions: { show: { resource: ['contract'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a contract', action: 'Create a contract' },
			{ name: 'Delete', value: 'delete', description: 'Delete a contract', action: 'Delete a contract' },
			{ name: 'Get', value: 'get', description: 'Get a contract by ID', action: 'Get a contract' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many contracts', action: 'Get many contracts' },
			{ name: 'Update', value: 'update', description: 'Update a contract', action: 'Update a contract' },
		],
		default: 'get',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
];
