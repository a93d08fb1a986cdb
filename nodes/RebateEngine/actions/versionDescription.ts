import type { INodeParameters, INodeTypeDescription } from 'n8n-workflow';

import { ledgerField } from './common';
import { operations } from './router';

/** Calculate has two outputs. Inlined as text by n8n: it must not refer to anything outside itself. */
export const configuredOutputs = (parameters: INodeParameters) =>
	parameters.operation === 'releaseClaims'
		? [{ type: 'main' }]
		: [
				{ type: 'main', displayName: 'Accruals' },
				{ type: 'main', displayName: 'Exceptions' },
			];

export const versionDescription: Omit<INodeTypeDescription, 'displayName' | 'name' | 'group' | 'description' | 'version' | 'credentials'> = {
	defaults: { name: 'Rebate Engine' },
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
					name: 'Calculate',
					value: 'calculate',
					description: 'Accrue rebates per partner, program and period from invoice lines, with exceptions',
					action: 'Calculate rebate accruals',
				},
				{
					name: 'Release Claims',
					value: 'releaseClaims',
					description: 'Free the lines an accrual claimed, e.g. after reversing it',
					action: 'Release the claims of an accrual',
				},
			],
			default: 'calculate',
		},
		...Object.values(operations).flatMap((operation) => operation.description),
		ledgerField,
	],
};
