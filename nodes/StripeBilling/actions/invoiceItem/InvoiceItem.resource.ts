import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const operations = { create, delete: del, get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['invoiceItem'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create an invoice item', action: 'Create an invoice item' },
			{ name: 'Delete', value: 'delete', description: 'Delete an invoice item', action: 'Delete an invoice item' },
			{ name: 'Get', value: 'get', description: 'Get an invoice item', action: 'Get an invoice item' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many invoice items', action: 'Get many invoice items' },
		],
		default: 'get',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
];
