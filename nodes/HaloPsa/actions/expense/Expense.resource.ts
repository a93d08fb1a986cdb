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
		displayOptions: { show: { resource: ['expense'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create an expense', action: 'Create an expense' },
			{ name: 'Delete', value: 'delete', description: 'Delete an expense', action: 'Delete an expense' },
			{ name: 'Get', value: 'get', description: 'Get an expense by ID', action: 'Get an expense' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many expenses', action: 'Get many expenses' },
			{ name: 'Update', value: 'update', description: 'Update an expense', action: 'Update an expense' },
		],
		default: 'get',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
];
