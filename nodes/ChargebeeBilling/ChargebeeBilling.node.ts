import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { resources } from './actions/resources';
import { router } from './actions/router';
import { searchCustomers, searchSubscriptions } from './methods/listSearch';

export class ChargebeeBilling implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Chargebee Billing',
		name: 'chargebeeBilling',
		icon: { light: 'file:chargebeeBilling.svg', dark: 'file:chargebeeBilling.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		usableAsTool: true,
		description: 'Customers, subscriptions, metered usage, invoices, credit notes and payments in Chargebee Billing (API v2)',
		defaults: { name: 'Chargebee Billing' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'chargebeeBillingApi', required: true }],
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
					{ name: 'Item', value: 'item' },
					{ name: 'Item Price', value: 'itemPrice' },
					{ name: 'Payment Source', value: 'paymentSource' },
					{ name: 'Subscription', value: 'subscription' },
					{ name: 'Transaction (Payment)', value: 'transaction' },
					{ name: 'Usage', value: 'usage' },
				],
				default: 'usage',
			},
			...resources.creditNote.description,
			...resources.customApiCall.description,
			...resources.customer.description,
			...resources.invoice.description,
			...resources.item.description,
			...resources.itemPrice.description,
			...resources.paymentSource.description,
			...resources.subscription.description,
			...resources.transaction.description,
			...resources.usage.description,
		],
	};

	methods = { listSearch: { searchCustomers, searchSubscriptions } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
