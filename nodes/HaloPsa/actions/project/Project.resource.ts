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
		displayOptions: { show: { resource: ['project'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a project', action: 'Create a project' },
			{ name: 'Delete', value: 'delete', description: 'Delete a project', action: 'Delete a project' },
			{ name: 'Get', value: 'get', description: 'Get a project by ID', action: 'Get a project' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many projects', action: 'Get many projects' },
			{ name: 'Update', value: 'update', description: 'Update a project', action: 'Update a project' },
		],
		default: 'get',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
];
