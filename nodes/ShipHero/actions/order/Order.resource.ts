import type { INodeProperties } from 'n8n-workflow';

import * as addLines from './addLines.operation';
import * as cancel from './cancel.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as hold from './hold.operation';
import * as removeLines from './removeLines.operation';
import * as update from './update.operation';

export const operations = { addLines, cancel, create, get, getAll, hold, removeLines, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{ name: 'Add Line Items', value: 'addLines', description: 'Add lines to an order', action: 'Add line items to an order' },
			{ name: 'Cancel', value: 'cancel', description: 'Cancel an order', action: 'Cancel an order' },
			{ name: 'Create', value: 'create', description: 'Create an order, or return the one with the same partner order ID', action: 'Create an order' },
			{ name: 'Get', value: 'get', description: 'Get an order', action: 'Get an order' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many orders', action: 'Get many orders' },
			{ name: 'Remove Line Items', value: 'removeLines', description: 'Remove lines from an order', action: 'Remove line items from an order' },
			{ name: 'Set Holds', value: 'hold', description: 'Put an order on hold or release it', action: 'Set holds on an order' },
			{ name: 'Update', value: 'update', description: 'Update fields of an order', action: 'Update an order' },
		],
		default: 'get',
	},
	...addLines.description,
	...cancel.description,
	...create.description,
	...get.description,
	...getAll.description,
	...hold.description,
	...removeLines.description,
	...update.description,
];
