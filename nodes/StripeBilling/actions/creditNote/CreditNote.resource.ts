import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as voidOp from './void.operation';

export const operations = { create, get, getAll, void: voidOp };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['creditNote'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a credit note', action: 'Create a credit note' },
			{ name: 'Get', value: 'get', description: 'Get a credit note', action: 'Get a credit note' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many credit notes', action: 'Get many credit notes' },
			{ name: 'Void', value: 'void', description: 'Void a credit note', action: 'Void a credit note' },
		],
		default: 'get',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...voidOp.description,
];
