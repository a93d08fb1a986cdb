import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { RESOURCE_OPTIONS, resources } from './resources';

/** What version 1 of the node adds to the base description in AutotaskPsa.node.ts. */
export const versionDescription: Omit<INodeTypeDescription, 'displayName' | 'name' | 'group' | 'description' | 'version'> = {
	defaults: { name: 'Autotask PSA' },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'autotaskPsaApi', required: true }],
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: RESOURCE_OPTIONS,
			default: 'ticket',
		},
		...Object.values(resources).flatMap((r) => r.description as INodeProperties[]),
	],
};
