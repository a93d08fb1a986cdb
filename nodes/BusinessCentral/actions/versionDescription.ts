import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeTypeDescription } from 'n8n-workflow';

import { resources } from './resources';

/** What version 1 of the node adds to the base description in BusinessCentral.node.ts. */
export const versionDescription: Omit<INodeTypeDescription, 'displayName' | 'name' | 'group' | 'description' | 'version'> = {
	defaults: { name: 'Business Central' },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'businessCentralOAuth2Api', required: true }],
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Company', value: 'company' },
				{ name: 'Custom API Call', value: 'customApiCall' },
				{ name: 'Customer', value: 'customer' },
				{ name: 'Customer Payment', value: 'customerPayment' },
				{ name: 'Item', value: 'item' },
				{ name: 'Purchase Order', value: 'purchaseOrder' },
				{ name: 'Sales Credit Memo', value: 'salesCreditMemo' },
				{ name: 'Sales Invoice', value: 'salesInvoice' },
				{ name: 'Sales Order', value: 'salesOrder' },
				{ name: 'Sales Shipment', value: 'salesShipment' },
				{ name: 'Vendor', value: 'vendor' },
			],
			default: 'salesOrder',
		},
		...resources.company.description,
		...resources.customApiCall.description,
		...resources.customer.description,
		...resources.customerPayment.description,
		...resources.item.description,
		...resources.purchaseOrder.description,
		...resources.salesCreditMemo.description,
		...resources.salesInvoice.description,
		...resources.salesOrder.description,
		...resources.salesShipment.description,
		...resources.vendor.description,
	],
};
