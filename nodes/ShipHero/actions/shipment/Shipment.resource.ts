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
		displayOptions: { show: { resource: ['shipment'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get a shipment', action: 'Get a shipment' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many shipments', action: 'Get many shipments' },
		],
		default: 'getAll',
	},
	...get.description,
	...getAll.description,
];
