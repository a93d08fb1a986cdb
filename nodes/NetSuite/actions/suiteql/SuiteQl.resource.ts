import type { INodeProperties } from 'n8n-workflow';

import * as execute from './execute.operation';

export const operations = { execute };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['suiteql'] } },
		options: [{ name: 'Execute Query', value: 'execute', description: 'Run a SuiteQL query', action: 'Execute a suite ql query' }],
		default: 'execute',
	},
	...execute.description,
];
