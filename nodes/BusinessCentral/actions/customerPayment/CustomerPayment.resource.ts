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
		displayOptions: { show: { resource: ['customerPayment'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a customer payment', action: 'Create a customer payment' },
			{ name: 'Delete', value: 'delete', description: 'Delete a customer payment', action: 'Delete a customer payment' },
			{ name: 'Get', value: 'get', description: 'Get a customer payment by ID', action: 'Get a customer payment' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many customer payments', action: 'Get many customer payments' },
			{ name: 'Update', value: 'update', description: 'Update fields of a customer payment', action: 'Update a customer payment' },
		],
		default: 'get',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
];
