import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export const operations = { create, delete: del, get, getAll, update, upsert };

/** The operations that can travel in one multi-function request. */
export const batchable = { create, update, delete: del };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['record'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a record (generic create function)', action: 'Create a record' },
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update a record',
			},
			{ name: 'Delete', value: 'delete', description: 'Delete a record by RECORDNO', action: 'Delete a record' },
			{ name: 'Get', value: 'get', description: 'Read a record by RECORDNO or ID', action: 'Get a record' },
			{ name: 'Get Many', value: 'getAll', description: 'Query records with readByQuery and readMore', action: 'Get many records' },
			{ name: 'Update', value: 'update', description: 'Update fields of a record', action: 'Update a record' },
		],
		default: 'getAll',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
	...upsert.description,
];
