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
		displayOptions: { show: { resource: ['asset'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create an asset', action: 'Create an asset' },
			{ name: 'Delete', value: 'delete', description: 'Delete an asset', action: 'Delete an asset' },
			{ name: 'Get', value: 'get', description: 'Get an asset by ID', action: 'Get an asset' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many assets', action: 'Get many assets' },
			{ name: 'Update', value: 'update', description: 'Update an asset', action: 'Update an asset' },
		],
		default: 'get',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
];
