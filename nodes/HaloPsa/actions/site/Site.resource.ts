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
		displayOptions: { show: { resource: ['site'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a site', action: 'Create a site' },
			{ name: 'Delete', value: 'delete', description: 'Delete a site', action: 'Delete a site' },
			{ name: 'Get', value: 'get', description: 'Get a site by ID', action: 'Get a site' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many sites', action: 'Get many sites' },
			{ name: 'Update', value: 'update', description: 'Update a site', action: 'Update a site' },
		],
		default: 'get',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
];
