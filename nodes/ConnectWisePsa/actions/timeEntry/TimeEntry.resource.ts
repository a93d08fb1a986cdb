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
		displayOptions: { show: { resource: ['timeEntry'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a time entry',
				action: 'Create a time entry',
			},
			{ name: 'Delete', value: 'delete', description: 'Delete a time entry', action: 'Delete a time entry' },
			{ name: 'Get', value: 'get', description: 'Get a time entry by ID', action: 'Get a time entry' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many time entries', action: 'Get many time entries' },
			{ name: 'Update', value: 'update', description: 'Update fields of a time entry', action: 'Update a time entry' },
		],
		default: 'get',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
];
