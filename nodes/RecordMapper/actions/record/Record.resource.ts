import type { INodeProperties } from 'n8n-workflow';

import * as fromCanonical from './fromCanonical.operation';
import * as toCanonical from './toCanonical.operation';

export const operations = { toCanonical, fromCanonical };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['record'] } },
		options: [
			{
				name: 'From Canonical',
				value: 'fromCanonical',
				description: "Map a canonical record to a system's record shape",
				action: 'Map a canonical record to a system record',
			},
			{
				name: 'To Canonical',
				value: 'toCanonical',
				description: 'Map a system record to the canonical model',
				action: 'Map a system record to a canonical record',
			},
		],
		default: 'toCanonical',
	},
	...toCanonical.description,
	...fromCanonical.description,
];
