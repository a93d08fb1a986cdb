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
		displayOptions: { show: { resource: ['ticket'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a service ticket',
				action: 'Create a service ticket',
			},
			{ name: 'Delete', value: 'delete', description: 'Delete a service ticket', action: 'Delete a service ticket' },
			{ name: 'Get', value: 'get', description: 'Get a service ticket by ID', action: 'Get a service ticket' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many service tickets', action: 'Get many service tickets' },
			{ name: 'Update', value: 'update', description: 'Update fields of a service ticket', action: 'Update a service ticket' },
		],
		default: 'get',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
];
