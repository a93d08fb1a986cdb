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
		displayOptions: { show: { resource: ['action'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create an action (time)', action: 'Create an action time' },
			{ name: 'Delete', value: 'delete', description: 'Delete an action (time)', action: 'Delete an action time' },
			{ name: 'Get', value: 'get', description: 'Get an action (time) by ID', action: 'Get an action time' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many actions', action: 'Get many actions' },
			{ name: 'Update', value: 'update', description: 'Update an action (time)', action: 'Update an action time' },
		],
		default: 'get',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
];
