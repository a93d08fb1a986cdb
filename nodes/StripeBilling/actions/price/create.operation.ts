import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { amountDescription, currencyProperty, meterLocator, opt, productLocator } from '../common.descriptions';
import { price } from '../definitions';
import { additionalFieldsCollection, clean, idParameter, minorUnits, writeOperation } from '../operations';

const recurringOnly = { show: { priceType: ['recurring'] } };
const productParam = productLocator();
const meterParam: INodeProperties = {
	...meterLocator(),
	description: 'The billing meter whose events this price charges for',
	displayOptions: { show: { priceType: ['recurring'], usageType: ['metered'] } },
};

export const priceFields: INodeProperties[] = [
	{ displayName: 'Active', name: 'active', type: 'boolean', default: true, description: 'Whether the price can be used for new purchases' },
	{ displayName: 'Lookup Key', name: 'lookup_key', type: 'string', default: '', description: 'A stable key of your own to find the price by (e.g. managed_endpoint_monthly)' },
	{ displayName: 'Nickname', name: 'nickname', type: 'string', default: '' },
	{
		displayName: 'Tax Behavior',
		name: 'tax_behavior',
		type: 'options',
		default: 'unspecified',
		options: [opt('Exclusive', 'exclusive'), opt('Inclusive', 'inclusive'), opt('Unspecified', 'unspecified')],
	},
];

const operation = writeOperation(
	price,
	'create',
	[
		productParam,
		currencyProperty(),
		{ displayName: 'Unit Amount', name: 'unitAmount', type: 'string', default: '', required: true, placeholder: 'e.g. 45.00', description: `${amountDescription}. Sub-cent amounts (0.0005) become unit_amount_decimal.` },
		{ displayName: 'Type', name: 'priceType', type: 'options', default: 'recurring', options: [opt('One-Time', 'oneTime'), opt('Recurring', 'recurring')] },
		{ displayName: 'Interval', name: 'interval', type: 'options', default: 'month', displayOptions: recurringOnly, options: [opt('Day', 'day'), opt('Month', 'month'), opt('Week', 'week'), opt('Year', 'year')] },
		{ displayName: 'Interval Count', name: 'intervalCount', type: 'number', default: 1, typeOptions: { minValue: 1 }, displayOptions: recurringOnly },
		{
			displayName: 'Usage Type',
			name: 'usageType',
			type: 'options',
			default: 'licensed',
			displayOptions: recurringOnly,
			options: [opt('Licensed (Per Quantity)', 'licensed'), opt('Metered (Billing Meter)', 'metered')],
		},
		meterParam,
		additionalFieldsCollection(priceFields),
	],
	{
		body: (ctx, itemIndex) => {
			const currency = String(ctx.getNodeParameter('currency', itemIndex)).trim().toLowerCase();
			const amount = minorUnits(ctx, itemIndex, ctx.getNodeParameter('unitAmount', itemIndex), currency, 'Unit Amount', true);
			const body: IDataObject = {
				product: idParameter(ctx, productParam, itemIndex),
				currency,
				...(amount.includes('.') ? { unit_amount_decimal: amount } : { unit_amount: amount }),
				...clean(ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
			};
			if (ctx.getNodeParameter('priceType', itemIndex) === 'recurring') {
				const usageType = ctx.getNodeParameter('usageType', itemIndex, 'licensed') as string;
				body.recurring = clean({
					interval: ctx.getNodeParameter('interval', itemIndex) as string,
					interval_count: ctx.getNodeParameter('intervalCount', itemIndex, 1) as number,
					usage_type: usageType,
					meter: usageType === 'metered' ? idParameter(ctx, meterParam, itemIndex) : undefined,
				});
			}
			return body;
		},
	},
);

export const description = operation.description;
export const execute = operation.execute;
