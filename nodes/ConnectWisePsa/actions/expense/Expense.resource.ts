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
			{
				name: 'Create',
				value: 'create',
				description: 'Create an expense entry',
				action: 'Create an expense entry',
			},
			{ name: 'Delete', value: 'delete', description: 'Delete an expense entry', action: 'Delete an expense entry' },
			{ name: 'Get', value: 'get', description: 'Get an expense entry by ID', action: 'Get an expense entry' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many expense entries', action: 'Get many expense entries' },
			{ name: 'Update', value: 'update', description: 'Update fields of an expense entry', action: 'Update an expense entry' },
		],
		default: 'get',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
];
