import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { clean } from '../operations';

/** Customer fields shared by Create (Additional Fields) and Update (Update Fields). */
export const customerFields: INodeProperties[] = [
	{
		displayName: 'Address',
		name: 'address',
		type: 'fixedCollection',
		default: {},
		options: [
			{
				name: 'value',
				displayName: 'Address',
				values: [
					{ displayName: 'Line 1', name: 'line1', type: 'string', default: '' },
					{ displayName: 'Line 2', name: 'line2', type: 'string', default: '' },
					{ displayName: 'City', name: 'city', type: 'string', default: '' },
					{ displayName: 'State', name: 'state', type: 'string', default: '' },
					{ displayName: 'Postal Code', name: 'postal_code', type: 'string', default: '' },
					{ displayName: 'Country', name: 'country', type: 'string', default: '', description: 'Two-letter ISO code (US, DE, JP)' },
				],
			},
		],
	},
	{ displayName: 'Default Payment Method', name: 'defaultPaymentMethod', type: 'string', default: '', placeholder: 'pm_…', description: 'Used for invoices and subscriptions that charge automatically' },
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	{ displayName: 'Invoice Prefix', name: 'invoice_prefix', type: 'string', default: '', description: '3-12 upper-case letters or digits that start this customer’s invoice numbers' },
	{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
	{ displayName: 'Preferred Locales', name: 'preferred_locales', type: 'string', default: '', placeholder: 'e.g. en, de', description: 'Comma-separated, in order of preference' },
];

/** Stripe parameters of the customer fields chosen in a collection. */
export function customerParams(values: IDataObject): IDataObject {
	const { address, defaultPaymentMethod, preferred_locales: locales, ...rest } = values;
	const addressValue = (address as { value?: IDataObject } | undefined)?.value;
	return clean({
		...rest,
		address: addressValue ? clean(addressValue) : undefined,
		invoice_settings: defaultPaymentMethod ? { default_payment_method: defaultPaymentMethod } : undefined,
		preferred_locales:
			typeof locales === 'string' && locales.trim()
				? locales
						.split(',')
						.map((s) => s.trim())
						.filter(Boolean)
				: undefined,
	});
}
