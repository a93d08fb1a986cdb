import type { INodeParameters, INodeTypeDescription } from 'n8n-workflow';

import * as crossReference from './crossReference/CrossReference.resource';
import * as record from './record/Record.resource';
import * as valueMap from './valueMap/ValueMap.resource';

/** Lookup can send misses to a second output. Inlined as text by n8n: it must not refer to anything outside itself. */
const configuredOutputs = (parameters: INodeParameters) =>
	parameters.resource === 'crossReference' && parameters.operation === 'lookup' && (parameters.notFound ?? 'output') === 'output'
		? [
				{ type: 'main', displayName: 'Found' },
				{ type: 'main', displayName: 'Not Found' },
			]
		: [{ type: 'main' }];

export const versionDescription: Omit<INodeTypeDescription, 'displayName' | 'name' | 'group' | 'description' | 'version' | 'credentials'> = {
	defaults: { name: 'Record Mapper' },
	inputs: ['main'],
	outputs: `={{(${configuredOutputs})($parameter)}}`,
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Cross-Reference', value: 'crossReference', description: 'IDs of one record in several systems' },
				{ name: 'Record', value: 'record', description: 'Map records to and from the canonical model' },
				{ name: 'Value Map', value: 'valueMap', description: 'Translate codes: units, ship methods, statuses' },
			],
			default: 'record',
		},
		...record.description,
		...crossReference.description,
		...valueMap.description,
	],
};
