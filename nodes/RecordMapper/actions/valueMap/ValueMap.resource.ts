import type { INodeProperties } from 'n8n-workflow';

import * as del from './delete.operation';
import * as getMany from './getMany.operation';
import * as set from './set.operation';
import * as translate from './translate.operation';

export const operations = { set, getMany, delete: del, translate };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['valueMap'] } },
		options: [
			{ name: 'Delete', value: 'delete', description: 'Delete a row or a whole map', action: 'Delete a value map row' },
			{ name: 'Get Many', value: 'getMany', description: 'List the rows of a map', action: 'Get many value map rows' },
			{ name: 'Set', value: 'set', description: 'Add or replace rows (seed a map from a sheet)', action: 'Set value map rows' },
			{ name: 'Translate', value: 'translate', description: 'Translate fields of the input items', action: 'Translate values' },
		],
		default: 'translate',
	},
	...set.description,
	...getMany.description,
	...del.description,
	...translate.description,
];
