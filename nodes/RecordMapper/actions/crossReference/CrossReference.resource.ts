import type { INodeProperties } from 'n8n-workflow';

import { tableField } from './common';
import * as del from './delete.operation';
import * as list from './list.operation';
import * as lookup from './lookup.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export const operations = { lookup, upsert, update, delete: del, list };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['crossReference'] } },
		options: [
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update a cross reference',
			},
			{ name: 'Delete', value: 'delete', description: 'Delete an entity, or unlink one system ID', action: 'Delete a cross reference' },
			{ name: 'List', value: 'list', description: 'List the entities of a table', action: 'List cross references' },
			{ name: 'Lookup', value: 'lookup', description: "Find all IDs of a record by one system's ID", action: 'Look up a cross reference' },
			{ name: 'Update', value: 'update', description: 'Set or remove IDs of an entity', action: 'Update a cross reference' },
		],
		default: 'lookup',
	},
	tableField,
	...lookup.description,
	...upsert.description,
	...update.description,
	...del.description,
	...list.description,
];
