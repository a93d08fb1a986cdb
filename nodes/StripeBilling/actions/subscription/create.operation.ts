import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { Agreement } from '../../../common/canonical';
import { toStripeSubscription } from '../../mapping';
import { customerLocator, inputModeProperty, opt } from '../common.descriptions';
import { subscription } from '../definitions';
import { additionalFieldsCollection, canonicalInput, clean, idParameter, writeOperation } from '../operations';

const fieldsOnly = { show: { inputMode: ['fields'] } };
const customerParam = { ...customerLocator(), displayOptions: fieldsOnly };

export const subscriptionFields: INodeProperties[] = [
	{ displayName: 'Cancel at Period End', name: 'cancel_at_period_end', type: 'boolean', default: false, description: 'Whether to end the subscription at the end of the current period' },
	{
		displayName: 'Collection Method',
		name: 'collection_method',
		type: 'options',
		default: 'charge_automatically',
		options: [opt('Charge Automatically', 'charge_automatically'), opt('Send Invoice', 'send_invoice')],
	},
	{ displayName: 'Days Until Due', name: 'days_until_due', type: 'number', default: 30, description: 'For Send Invoice: days the customer has to pay each invoice' },
	{ displayName: 'Default Payment Method', name: 'default_payment_method', type: 'string', default: '', placeholder: 'pm_…' },
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
];

const operation = writeOperation(
	subscription,
	'create',
	[
		inputModeProperty('Agreement'),
		customerParam,
		{
			displayName: 'Items',
			name: 'items',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: 'Add Item',
			displayOptions: fieldsOnly,
			options: [
				{
					name: 'item',
					displayName: 'Item',
					values: [
						{ displayName: 'Price ID', name: 'price', type: 'string', default: '', placeholder: 'price_…', description: 'A recurring price' },
						{ displayName: 'Quantity', name: 'quantity', type: 'number', default: 1, description: 'Ignored for metered prices (usage comes from meter events)' },
						{ displayName: 'Metered', name: 'metered', type: 'boolean', default: false, description: 'Whether the price is metered (no quantity is sent)' },
					],
				},
			],
		},
		{ ...additionalFieldsCollection([...subscriptionFields, { displayName: 'Trial Period Days', name: 'trial_period_days', type: 'number', default: 0 }]), displayOptions: fieldsOnly },
	],
	{
		body: (ctx, itemIndex) => {
			if (ctx.getNodeParameter('inputMode', itemIndex, 'fields') === 'canonical') {
				return toStripeSubscription(canonicalInput<Agreement>(ctx, itemIndex, 'Agreement')) as IDataObject;
			}
			const items = ((ctx.getNodeParameter('items', itemIndex, {}) as { item?: IDataObject[] }).item ?? []).map((item) =>
				clean({ price: String(item.price ?? '').trim(), quantity: item.metered ? undefined : item.quantity }),
			);
			const additional = clean(ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject);
			if (additional.trial_period_days === 0) delete additional.trial_period_days;
			if (additional.collection_method !== 'send_invoice') delete additional.days_until_due;
			return { customer: idParameter(ctx, customerParam, itemIndex), items, ...additional };
		},
	},
);

export const description = operation.description;
export const execute = operation.execute;
