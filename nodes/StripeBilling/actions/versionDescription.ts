import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeTypeDescription } from 'n8n-workflow';

import { resources } from './resources';

/** What version 1 of the node adds to the base description in StripeBilling.node.ts. */
export const versionDescription: Omit<INodeTypeDescription, 'displayName' | 'name' | 'group' | 'description' | 'version'> = {
	defaults: { name: 'Stripe Billing' },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'stripeBillingApi', required: true }],
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Credit Note', value: 'creditNote' },
				{ name: 'Custom API Call', value: 'customApiCall' },
				{ name: 'Customer', value: 'customer' },
				{ name: 'Invoice', value: 'invoice' },
				{ name: 'Invoice Item', value: 'invoiceItem' },
				{ name: 'Meter', value: 'meter' },
				{ name: 'Meter Event (Usage)', value: 'meterEvent' },
				{ name: 'Payment', value: 'payment' },
				{ name: 'Price', value: 'price' },
				{ name: 'Product', value: 'product' },
				{ name: 'Subscription', value: 'subscription' },
			],
			default: 'invoice',
		},
		...resources.creditNote.description,
		...resources.customApiCall.description,
		...resources.customer.description,
		...resources.invoice.description,
		...resources.invoiceItem.description,
		...resources.meter.description,
		...resources.meterEvent.description,
		...resources.payment.description,
		...resources.price.description,
		...resources.product.description,
		...resources.subscription.description,
	],
};
