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
		displayOptions: { show: { resource: ['purchaseOrder'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a purchase order (with its lines in one request)', action: 'Create a purchase order' },
			{ name: 'Delete', value: 'delete', description: 'Delete a purchase order', action: 'Delete a purchase order' },
			{ name: 'Get', value: 'get', description: 'Get a purchase order by ID', action: 'Get a purchase order' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many purchase orders', action: 'Get many purchase orders' },
			{ name: 'Update', value: 'update', description: 'Update fields of a purchase order', action: 'Update a purchase order' },
		],
		default: 'get',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
];
