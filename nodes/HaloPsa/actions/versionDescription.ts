import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeTypeDescription } from 'n8n-workflow';

import { resources } from './resources';

/** What version 1 of the node adds to the base description in HaloPsa.node.ts. */
export const versionDescription: Omit<INodeTypeDescription, 'displayName' | 'name' | 'group' | 'description' | 'version'> = {
	defaults: { name: 'HaloPSA Interop' },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'haloPsaOAuth2Api', required: true }],
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Action (Time)', value: 'action' },
				{ name: 'Asset', value: 'asset' },
				{ name: 'Client', value: 'client' },
				{ name: 'Contract', value: 'contract' },
				{ name: 'Custom API Call', value: 'customApiCall' },
				{ name: 'Expense', value: 'expense' },
				{ name: 'Invoice', value: 'invoice' },
				{ name: 'Item', value: 'item' },
				{ name: 'Project', value: 'project' },
				{ name: 'Site', value: 'site' },
				{ name: 'Ticket', value: 'ticket' },
				{ name: 'User', value: 'user' },
			],
			default: 'ticket',
		},
		...resources.action.description,
		...resources.asset.description,
		...resources.client.description,
		...resources.contract.description,
		...resources.customApiCall.description,
		...resources.expense.description,
		...resources.invoice.description,
		...resources.item.description,
		...resources.project.description,
		...resources.site.description,
		...resources.ticket.description,
		...resources.user.description,
	],
};
