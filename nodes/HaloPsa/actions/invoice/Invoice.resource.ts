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
		displayOptions: { show: { resource: ['invoice'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create an invoice', action: 'Create an invoice' },
			{ name: 'Delete', value: 'delete', description: 'Delete an invoice', action: 'Delete an invoice' },
			{ name: 'Get', value: 'get', description: 'Get an invoice by ID', action: 'Get an invoice' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many invoices', action: 'Get many invoices' },
			{ name: 'Update', value: 'update', description: 'Update an invoice', action: 'Update an invoice' },
		],
		default: 'get',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
];
