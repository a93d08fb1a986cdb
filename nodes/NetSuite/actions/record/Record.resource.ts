import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as transform from './transform.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export const operations = { create, delete: del, get, getAll, transform, update, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['record'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a record', action: 'Create a record' },
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Upsert a record by external ID',
			},
			{ name: 'Delete', value: 'delete', description: 'Delete a record', action: 'Delete a record' },
			{ name: 'Get', value: 'get', description: 'Get a record by internal or external ID', action: 'Get a record' },
			{ name: 'Get Many', value: 'getAll', description: 'List records, optionally filtered', action: 'Get many records' },
			{
				name: 'Transform',
				value: 'transform',
				description: 'Make a fulfillment, receipt, invoice, bill, credit memo or payment from a transaction',
				action: 'Transform a record',
			},
			{ name: 'Update', value: 'update', description: 'Update fields of a record', action: 'Update a record' },
		],
		default: 'get',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...transform.description,
	...update.description,
	...upsert.description,
];
