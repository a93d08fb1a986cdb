import type { IDataObject } from 'n8n-workflow';

import { amountDescription, currencyProperty, customerLocator } from '../common.descriptions';
import { invoiceItem } from '../definitions';
import { additionalFieldsCollection, clean, idParameter, minorUnits, writeOperation } from '../operations';

const customerParam = customerLocator();

/** A charge for the customer's next invoice, or for a given draft. */
const operation = writeOperation(
	invoiceItem,
	'create',
	[
		customerParam,
		{ displayName: 'Description', name: 'description', type: 'string', default: '' },
		{ displayName: 'Unit Amount', name: 'amount', type: 'string', default: '', placeholder: 'e.g. 185.00', description: `${amountDescription}. Leave empty when a Price ID is set.` },
		{ displayName: 'Quantity', name: 'quantity', type: 'number', default: 1, typeOptions: { minValue: 1 } },
		currencyProperty(),
		additionalFieldsCollection([
			{ displayName: 'Invoice ID', name: 'invoice', type: 'string', default: '', placeholder: 'in_…', description: 'A draft invoice to add the item to; without it the item waits for the customer’s next invoice' },
			{ displayName: 'Price ID', name: 'price', type: 'string', default: '', placeholder: 'price_…', description: 'A one-time price instead of an amount' },
			{ displayName: 'Subscription ID', name: 'subscription', type: 'string', default: '', placeholder: 'sub_…' },
		]),
	],
	{
		body: (ctx, itemIndex) => {
			const { price, ...additional } = clean(ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject);
			const quantity = (ctx.getNodeParameter('quantity', itemIndex, 1) as number) || 1;
			const currency = String(ctx.getNodeParameter('currency', itemIndex, 'usd')).trim().toLowerCase();
			const description = ctx.getNodeParameter('description', itemIndex, '') as string;
			const base = { customer: idParameter(ctx, customerParam, itemIndex), description, ...additional };
			if (price) return clean({ ...base, pricing: { price }, quantity });
			const unit = minorUnits(ctx, itemIndex, ctx.getNodeParameter('amount', itemIndex), currency, 'Unit Amount', quantity !== 1);
			return clean({ ...base, currency, ...(quantity === 1 ? { amount: unit } : { unit_amount_decimal: unit, quantity }) });
		},
	},
);

export const description = operation.description;
export const execute = operation.execute;
