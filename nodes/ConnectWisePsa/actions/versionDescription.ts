import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeTypeDescription } from 'n8n-workflow';

import { resources } from './resources';

/** What version 1 of the node adds to the base description in ConnectWisePsa.node.ts. */
export const versionDescription: Omit<
	INodeTypeDescription,
	'displayName' | 'name' | 'group' | 'description' | 'version'
> = {
	defaults: { name: 'ConnectWise PSA' },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'connectWisePsaApi', required: true }],
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Agreement', value: 'agreement' },
				{ name: 'Agreement Addition', value: 'agreementAddition' },
				{ name: 'Company', value: 'company' },
				{ name: 'Contact', value: 'contact' },
				{ name: 'Custom API Call', value: 'customApiCall' },
				{ name: 'Expense Entry', value: 'expense' },
				{ name: 'Invoice', value: 'invoice' },
				{ name: 'Product', value: 'product' },
				{ name: 'Project', value: 'project' },
				{ name: 'Service Ticket', value: 'ticket' },
				{ name: 'Time Entry', value: 'timeEntry' },
			],
			default: 'ticket',
		},
		...resources.agreement.description,
		...resources.agreementAddition.description,
		...resources.company.description,
		...resources.contact.description,
		...resources.customApiCall.description,
		...resources.expense.description,
		...resources.invoice.description,
		...resources.product.description,
		...resources.project.description,
		...resources.ticket.description,
		...resources.timeEntry.description,
	],
};
