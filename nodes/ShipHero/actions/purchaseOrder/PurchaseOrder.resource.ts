import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const operations = { create, get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['purchaseOrder'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a purchase order (inbound stock)', action: 'Create a purchase order' },
			{ name: 'Get', value: 'get', description: 'Get a purchase order', action: 'Get a purchase order' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many purchase orders', action: 'Get many purchase orders' },
		],
		default: 'getAll',
	},
	...create.description,
	...get.description,
	...getAll.description,
];
