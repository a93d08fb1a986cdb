import type { INodeProperties } from 'n8n-workflow';

import * as add from './add.operation';
import * as getAll from './getAll.operation';
import * as remove from './remove.operation';
import * as replace from './replace.operation';

export const operations = { add, getAll, remove, replace };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['inventory'] } },
		options: [
			{ name: 'Add', value: 'add', description: 'Add units to a SKU’s stock in a warehouse', action: 'Add inventory' },
			{ name: 'Get Many', value: 'getAll', description: 'Get stock per SKU and warehouse (warehouse products)', action: 'Get many warehouse products' },
			{ name: 'Remove', value: 'remove', description: 'Remove units from a SKU’s stock in a warehouse', action: 'Remove inventory' },
			{ name: 'Replace', value: 'replace', description: 'Set a SKU’s on-hand stock in a warehouse (safe to repeat)', action: 'Replace inventory' },
		],
		default: 'getAll',
	},
	...add.description,
	...getAll.description,
	...remove.description,
	...replace.description,
];
