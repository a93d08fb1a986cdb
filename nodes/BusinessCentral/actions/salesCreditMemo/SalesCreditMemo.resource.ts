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
		displayOptions: { show: { resource: ['salesCreditMemo'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a sales credit memo (with its lines in one request)', action: 'Create a sales credit memo' },
			{ name: 'Delete', value: 'delete', description: 'Delete a sales credit memo', action: 'Delete a sales credit memo' },
			{ name: 'Get', value: 'get', description: 'Get a sales credit memo by ID', action: 'Get a sales credit memo' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many sales credit memos', action: 'Get many sales credit memos' },
			{ name: 'Update', value: 'update', description: 'Update fields of a sales credit memo', action: 'Update a sales credit memo' },
		],
		default: 'get',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
];
