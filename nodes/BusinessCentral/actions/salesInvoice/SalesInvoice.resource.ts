import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';
import * as post from './post.operation';
import * as send from './send.operation';

export const operations = { create, delete: del, get, getAll, update, upsert, post, send };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['salesInvoice'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a sales invoice (with its lines in one request)', action: 'Create a sales invoice' },
			{ name: 'Create or Update', value: 'upsert', description: 'Create a new record, or update the current one if it already exists (upsert)', action: 'Create or update a sales invoice' },
			{ name: 'Delete', value: 'delete', description: 'Delete a sales invoice', action: 'Delete a sales invoice' },
			{ name: 'Get', value: 'get', description: 'Get a sales invoice by ID', action: 'Get a sales invoice' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many sales invoices', action: 'Get many sales invoices' },
			{ name: 'Post', value: 'post', description: 'Post a draft sales invoice (Microsoft.NAV.post)', action: 'Post a sales invoice' },
			{ name: 'Send', value: 'send', description: 'Email a posted sales invoice to the customer (Microsoft.NAV.send)', action: 'Send a sales invoice' },
			{ name: 'Update', value: 'update', description: 'Update fields of a sales invoice', action: 'Update a sales invoice' },
		],
		default: 'get',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
	...upsert.description,
	...post.description,
	...send.description,
];
