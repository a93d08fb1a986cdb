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
			{ name: 'Create', value: 'create', description: 'Create a ticket', action: 'Create a ticket' },
			{ name: 'Delete', value: 'delete', description: 'Delete a ticket', action: 'Delete a ticket' },
			{ name: 'Get', value: 'get', description: 'Get a ticket by ID', action: 'Get a ticket' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many tickets', action: 'Get many tickets' },
			{ name: 'Update', value: 'update', description: 'Update a ticket', action: 'Update a ticket' },
		],
		default: 'get',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
];
