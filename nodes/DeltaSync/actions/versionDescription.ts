import type { INodeParameters, INodeTypeDescription } from 'n8n-workflow';

import { scopeField } from './common';
import { operations } from './router';

/** Compare has four outputs. Inlined as text by n8n: it must not refer to anything outside itself. */
const configuredOutputs = (parameters: INodeParameters) =>
	parameters.operation === 'confirm'
		? [{ type: 'main' }]
		: [
				{ type: 'main', displayName: 'New' },
				{ type: 'main', displayName: 'Changed' },
				{ type: 'main', displayName: 'Unchanged' },
				{ type: 'main', displayName: 'Deleted' },
			];

export const versionDescription: Omit<INodeTypeDescription, 'displayName' | 'name' | 'group' | 'description' | 'version' | 'credentials'> = {
	defaults: { name: 'Delta Sync' },
	inputs: ['main'],
	outputs: `={{(${configuredOutputs})($parameter)}}`,
	properties: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Compare',
					value: 'diff',
					description: 'Split the input into new, changed, unchanged and deleted records',
					action: 'Compare records with the last sync',
				},
				{
					name: 'Confirm',
					value: 'confirm',
					description: 'Commit the records that were written successfully',
					action: 'Confirm written records',
				},
			],
			default: 'diff',
		},
		scopeField,
		...Object.values(operations).flatMap((operation) => operation.description),
	],
};
