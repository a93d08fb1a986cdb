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
		displayOptions: { show: { resource: ['agreement'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create an agreement',
				action: 'Create an agreement',
			},
			{ name: 'Delete', value: 'delete', description: 'Delete an agreement', action: 'Delete an agreement' },
			{ name: 'Get', value: 'get', description: 'Get an agreement by ID', action: 'Get an agreement' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many agreements', action: 'Get many agreements' },
			{ name: 'Update', value: 'update', description: 'Update fields of an agreement', action: 'Update an agreement' },
		],
		default: 'get',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
];
