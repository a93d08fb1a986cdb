import type { INodeParameters, INodeTypeDescription } from 'n8n-workflow';

import { scorecardField } from './fields';
import { operations } from './router';

/** Compute has a KPI output and a Report output. Inlined as text by n8n: it must not refer to anything outside itself. */
const configuredOutputs = (parameters: INodeParameters) =>
	parameters.operation === 'history'
		? [{ type: 'main' }]
		: [
				{ type: 'main', displayName: 'KPIs' },
				{ type: 'main', displayName: 'Report' },
			];

export const versionDescription: Omit<INodeTypeDescription, 'displayName' | 'name' | 'group' | 'description' | 'version' | 'credentials'> = {
	defaults: { name: 'Scorecard' },
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
					name: 'Compute',
					value: 'compute',
					description: 'Score KPIs per group for a period, compare with the previous period and render the HTML report',
					action: 'Compute a scorecard',
				},
				{
					name: 'Get History',
					value: 'history',
					description: 'Read the results earlier runs recorded',
					action: 'Get scorecard history',
				},
			],
			default: 'compute',
		},
		scorecardField,
		...Object.values(operations).flatMap((operation) => operation.description),
	],
};
