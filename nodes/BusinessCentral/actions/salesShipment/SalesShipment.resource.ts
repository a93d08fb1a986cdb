import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const operations = { get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['salesShipment'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get a sales shipment by ID', action: 'Get a sales shipment' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many sales shipments', action: 'Get many sales shipments' },
		],
		default: 'get',
	},
	...get.description,
	...getAll.description,
];
