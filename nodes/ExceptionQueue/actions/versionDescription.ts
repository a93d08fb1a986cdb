import type { INodeTypeDescription } from 'n8n-workflow';

import { operations } from './router';

export const versionDescription: Omit<INodeTypeDescription, 'displayName' | 'name' | 'group' | 'description' | 'version' | 'credentials'> = {
	defaults: { name: 'Exception Queue' },
	inputs: ['main'],
	outputs: ['main'],
	properties: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Add', value: 'add', description: 'Keep a failed record with its error', action: 'Add a failed record' },
				{ name: 'Get', value: 'get', description: 'Get one exception', action: 'Get an exception' },
				{ name: 'Get Many', value: 'getMany', description: 'List exceptions by status, class, system, entity or age', action: 'Get many exceptions' },
				{
					name: 'Mark Key Succeeded',
					value: 'markSucceeded',
					description: 'Resolve the exceptions of a record that has now gone through',
					action: 'Mark a key as succeeded',
				},
				{ name: 'Replay', value: 'replay', description: 'Emit stored records for reprocessing', action: 'Replay exceptions' },
				{ name: 'Resolve', value: 'resolve', description: 'Close an exception', action: 'Resolve an exception' },
				{ name: 'Update Payload', value: 'update', description: 'Correct the stored record before a replay', action: 'Update an exception payload' },
			],
			default: 'add',
		},
		{
			displayName: 'Queue',
			name: 'queue',
			type: 'string',
			default: 'default',
			description: 'Name of the queue; one per template or per partner keeps them apart',
		},
		...Object.values(operations).flatMap((operation) => operation.description),
	],
};
