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
		displayOptions: { show: { resource: ['company'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a company, or return or update the one with the same identifier',
				action: 'Create a company',
			},
			{ name: 'Delete', value: 'delete', description: 'Delete a company', action: 'Delete a company' },
			{ name: 'Get', value: 'get', description: 'Get a company by ID', action: 'Get a company' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many companies', action: 'Get many companies' },
			{ name: 'Update', value: 'update', description: 'Update fields of a company', action: 'Update a company' },
		],
		default: 'get',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
];
