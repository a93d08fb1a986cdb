import type { IDataObject } from 'n8n-workflow';

import { actionOperation, clean } from '../operations';
import { invoice } from '../definitions';

/** Charges the invoice now, or records a payment received outside Stripe. */
const operation = actionOperation(
	invoice,
	'pay',
	'pay',
	[
		{
			displayName: 'Options',
			name: 'payOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{ displayName: 'Paid Out of Band', name: 'paid_out_of_band', type: 'boolean', default: false, description: 'Whether the customer paid outside Stripe (check, bank transfer); marks the invoice paid without charging' },
				{ displayName: 'Payment Method', name: 'payment_method', type: 'string', default: '', placeholder: 'pm_…', description: 'Charge this payment method instead of the customer’s default' },
				{ displayName: 'Off Session', name: 'off_session', type: 'boolean', default: true, description: 'Whether the customer is not present (no authentication challenge)' },
			],
		},
	],
	(ctx, itemIndex) => {
		const options = ctx.getNodeParameter('payOptions', itemIndex, {}) as IDataObject;
		return clean({ ...options, paid_out_of_band: options.paid_out_of_band === true ? true : undefined });
	},
);

export const description = operation.description;
export const execute = operation.execute;
