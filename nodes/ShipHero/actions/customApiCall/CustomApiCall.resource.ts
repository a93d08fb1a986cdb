import type { INodeProperties } from 'n8n-workflow';

import * as graphql from './graphql.operation';

export const operations = { graphql };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customApiCall'] } },
		options: [{ name: 'GraphQL Request', value: 'graphql', description: 'Send any query or mutation to the ShipHero API', action: 'Send a graph ql request' }],
		default: 'graphql',
	},
	...graphql.description,
];
