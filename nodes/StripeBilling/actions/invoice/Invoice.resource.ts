import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as finalize from './finalize.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as pay from './pay.operation';
import * as search from './search.operation';
import * as send from './send.operation';
import * as update from './update.operation';
import * as voidOp from './void.operation';

export const operations = { create, delete: del, finalize, get, getAll, pay, search, send, update, void: voidOp };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['invoice'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a draft invoice with its lines', action: 'Create an invoice' },
			{ name: 'Delete', value: 'delete', description: 'Delete a draft invoice', action: 'Delete an invoice' },
			{ name: 'Finalize', value: 'finalize', description: 'Finalize a draft invoice', action: 'Finalize an invoice' },
			{ name: 'Get', value: 'get', description: 'Get an invoice', action: 'Get an invoice' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many invoices', action: 'Get many invoices' },
			{ name: 'Pay', value: 'pay', description: 'Pay an invoice', action: 'Pay an invoice' },
			{ name: 'Search', value: 'search', description: 'Search invoices with the query language', action: 'Search invoices' },
			{ name: 'Send', value: 'send', description: 'Send an invoice to the customer', action: 'Send an invoice' },
			{ name: 'Update', value: 'update', description: 'Update an invoice', action: 'Update an invoice' },
			{ name: 'Void', value: 'void', description: 'Void an open invoice', action: 'Void an invoice' },
		],
		default: 'get',
	},
	...create.description,
	...del.description,
	...finalize.description,
	...get.description,
	...getAll.description,
	...pay.description,
	...search.description,
	...send.description,
	...update.description,
	...voidOp.description,
];
