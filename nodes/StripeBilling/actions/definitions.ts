import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { fromStripeCreditNote, fromStripeCustomer, fromStripeInvoice, fromStripeMeterEvent, fromStripeSubscription } from '../mapping';
import { customerLocator, invoiceLocator, locator, meterLocator, opt, priceLocator, productLocator, subscriptionLocator } from './common.descriptions';
import type { ResourceDefinition } from './operations';

const idFilter = (name: string, displayName: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
});

export const customer: ResourceDefinition = {
	resource: 'customer',
	noun: 'customer',
	path: '/v1/customers',
	id: customerLocator(),
	canonical: { type: 'Customer', map: (r) => fromStripeCustomer(r) },
	filters: [{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: 'Exact, case-sensitive email' }],
	searchable: true,
	searchExample: "e.g. email:'billing@acme.example' OR metadata['erp_customer_id']:'C-10023'",
};

export const product: ResourceDefinition = {
	resource: 'product',
	noun: 'product',
	path: '/v1/products',
	id: productLocator(),
	filters: [
		{
			displayName: 'Active',
			name: 'active',
			type: 'options',
			default: '',
			options: [opt('Any', ''), opt('Active Only', 'true'), opt('Archived Only', 'false')],
		},
	],
	searchable: true,
	searchExample: "e.g. active:'true' AND name~'backup'",
};

export const price: ResourceDefinition = {
	resource: 'price',
	noun: 'price',
	path: '/v1/prices',
	id: priceLocator(),
	filters: [
		idFilter('product', 'Product ID', 'Only prices of this product (prod_…)'),
		{ displayName: 'Active', name: 'active', type: 'options', default: '', options: [opt('Any', ''), opt('Active Only', 'true'), opt('Inactive Only', 'false')] },
		{ displayName: 'Currency', name: 'currency', type: 'string', default: '', placeholder: 'e.g. usd' },
		{ displayName: 'Type', name: 'type', type: 'options', default: '', options: [opt('Any', ''), opt('One-Time', 'one_time'), opt('Recurring', 'recurring')] },
	],
	searchable: true,
	searchExample: "e.g. lookup_key:'managed_endpoint_monthly'",
};

export const subscription: ResourceDefinition = {
	resource: 'subscription',
	noun: 'subscription',
	path: '/v1/subscriptions',
	id: subscriptionLocator(),
	canonical: { type: 'Agreement', map: (r) => fromStripeSubscription(r) },
	filters: [
		idFilter('customer', 'Customer ID', 'Only subscriptions of this customer (cus_…)'),
		idFilter('price', 'Price ID', 'Only subscriptions with this price (price_…)'),
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			default: '',
			description: 'Without a status Stripe returns every subscription that is not canceled',
			options: [
				opt('Active', 'active'),
				opt('All (Including Canceled)', 'all'),
				opt('Canceled', 'canceled'),
				opt('Not Canceled', ''),
				opt('Past Due', 'past_due'),
				opt('Paused', 'paused'),
				opt('Trialing', 'trialing'),
				opt('Unpaid', 'unpaid'),
			],
		},
	],
	searchable: true,
	searchExample: "e.g. status:'active' AND metadata['agreement']:'AGR-2001'",
};

export const invoice: ResourceDefinition = {
	resource: 'invoice',
	noun: 'invoice',
	path: '/v1/invoices',
	id: invoiceLocator(),
	canonical: { type: 'Invoice', map: (r) => fromStripeInvoice(r) },
	filters: [
		idFilter('customer', 'Customer ID', 'Only invoices of this customer (cus_…)'),
		idFilter('subscription', 'Subscription ID', 'Only invoices of this subscription (sub_…)'),
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			default: '',
			options: [opt('Any', ''), opt('Draft', 'draft'), opt('Open', 'open'), opt('Paid', 'paid'), opt('Uncollectible', 'uncollectible'), opt('Void', 'void')],
		},
		{
			displayName: 'Collection Method',
			name: 'collection_method',
			type: 'options',
			default: '',
			options: [opt('Any', ''), opt('Charge Automatically', 'charge_automatically'), opt('Send Invoice', 'send_invoice')],
		},
	],
	searchable: true,
	searchExample: "e.g. status:'open' AND total>10000",
};

export const invoiceItem: ResourceDefinition = {
	resource: 'invoiceItem',
	noun: 'invoice item',
	path: '/v1/invoiceitems',
	id: locator({ name: 'invoiceItemId', displayName: 'Invoice Item', prefix: 'ii' }),
	filters: [
		idFilter('customer', 'Customer ID', 'Only items of this customer (cus_…)'),
		idFilter('invoice', 'Invoice ID', 'Only items on this invoice (in_…)'),
		{ displayName: 'Pending Only', name: 'pending', type: 'boolean', default: false, description: 'Whether to return only items not yet on an invoice' },
	],
};

export const creditNote: ResourceDefinition = {
	resource: 'creditNote',
	noun: 'credit note',
	path: '/v1/credit_notes',
	id: locator({ name: 'creditNoteId', displayName: 'Credit Note', prefix: 'cn', dashboardPath: 'credit_notes' }),
	canonical: { type: 'CreditMemo', map: (r) => fromStripeCreditNote(r) },
	filters: [idFilter('customer', 'Customer ID', 'Only credit notes of this customer (cus_…)'), idFilter('invoice', 'Invoice ID', 'Only credit notes of this invoice (in_…)')],
};

export const meter: ResourceDefinition = {
	resource: 'meter',
	noun: 'meter',
	path: '/v1/billing/meters',
	id: meterLocator(),
	filters: [{ displayName: 'Status', name: 'status', type: 'options', default: '', options: [opt('Any', ''), opt('Active', 'active'), opt('Inactive', 'inactive')] }],
};

export const meterEvent: ResourceDefinition = {
	resource: 'meterEvent',
	noun: 'meter event',
	path: '/v1/billing/meter_events',
	id: { displayName: 'Identifier', name: 'identifier', type: 'string', default: '' },
	canonical: { type: 'UsageRecord', map: (r: IDataObject) => fromStripeMeterEvent(r) },
};

export { customerLocator, invoiceLocator, priceLocator, productLocator, subscriptionLocator };
