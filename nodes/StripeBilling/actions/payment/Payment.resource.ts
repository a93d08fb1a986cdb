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
		displayOptions: { show: { resource: ['payment'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get a charge, payment intent or invoice payment', action: 'Get a payment' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many payments', action: 'Get many payments' },
		],
		default: 'get',
	},
	...get.description,
	...getAll.description,
];
