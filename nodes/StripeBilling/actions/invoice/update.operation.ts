import type { IDataObject } from 'n8n-workflow';

import { invoice } from '../definitions';
import { clean, recordPath, updateFieldsCollection, writeOperation } from '../operations';

/** Only drafts take most changes; metadata can change in any status. */
const operation = writeOperation(
	invoice,
	'update',
	[
		invoice.id,
		updateFieldsCollection([
			{ displayName: 'Auto Advance', name: 'auto_advance', type: 'boolean', default: false, description: 'Whether Stripe finalizes and collects the invoice automatically' },
			{ displayName: 'Days Until Due', name: 'days_until_due', type: 'number', default: 30 },
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
			{ displayName: 'Footer', name: 'footer', type: 'string', default: '' },
		]),
	],
	{
		path: (ctx, itemIndex) => recordPath(invoice, ctx, itemIndex),
		body: (ctx, itemIndex) => clean(ctx.getNodeParameter('updateFields', itemIndex, {}) as IDataObject),
	},
);

export const description = operation.description;
export const execute = operation.execute;
