import type { INodeTypeDescription } from 'n8n-workflow';

import { operations } from './router';

export const versionDescription: Omit<INodeTypeDescription, 'displayName' | 'name' | 'group' | 'description' | 'version' | 'credentials'> = {
	defaults: { name: 'Audit Log' },
	inputs: ['main'],
	outputs: ['main'],
	properties: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Append', value: 'append', description: 'Record a decision or change; the input item passes through', action: 'Append an audit entry' },
				{ name: 'Query', value: 'query', description: 'Get the entries about one record, or all of them', action: 'Query audit entries' },
				{ name: 'Verify', value: 'verify', description: 'Check that no entry was edited, deleted or reordered', action: 'Verify the audit log' },
			],
			default: 'append',
		},
		{
			displayName: 'Log',
			name: 'log',
			type: 'string',
			default: 'default',
			description: 'Name of the log, e.g. one per process (rebates, orders)',
		},
		...Object.values(operations).flatMap((operation) => operation.description),
	],
};
