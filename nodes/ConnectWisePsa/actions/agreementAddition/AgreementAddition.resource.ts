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
		displayOptions: { show: { resource: ['agreementAddition'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create an agreement addition',
				action: 'Create an agreement addition',
			},
			{ name: 'Delete', value: 'delete', description: 'Delete an agreement addition', action: 'Delete an agreement addition' },
			{ name: 'Get', value: 'get', description: 'Get an agreement addition by ID', action: 'Get an agreement addition' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many agreement additions', action: 'Get many agreement additions' },
			{ name: 'Update', value: 'update', description: 'Update fields of an agreement addition', action: 'Update an agreement addition' },
		],
		default: 'get',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
];
