import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeTypeDescription } from 'n8n-workflow';

import { authenticationProperty, credentials } from './authentication';
import { resources } from './resources';

/** What version 1 of the node adds to the base description in NetSuite.node.ts. */
export const versionDescription: Omit<INodeTypeDescription, 'displayName' | 'name' | 'group' | 'description' | 'version'> = {
	defaults: { name: 'NetSuite ERP' },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials,
	properties: [
		authenticationProperty,
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Custom API Call', value: 'customApiCall' },
				{ name: 'Record', value: 'record' },
				{ name: 'RESTlet', value: 'restlet' },
				{ name: 'SuiteQL', value: 'suiteql' },
			],
			default: 'record',
		},
		...resources.customApiCall.description,
		...resources.record.description,
		...resources.restlet.description,
		...resources.suiteql.description,
	],
};
