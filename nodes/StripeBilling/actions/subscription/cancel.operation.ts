import type { IDataObject } from 'n8n-workflow';

import { subscription } from '../definitions';
import { recordPath, stamp } from '../operations';
import type { OperationModule } from '../operations';
import { stripeApi } from '../../transport';

/** DELETE /v1/subscriptions/{id}: cancels at once (use Update > Cancel at Period End to cancel later). */
const operation: OperationModule = {
	description: stamp(subscription, 'cancel', [
		subscription.id,
		{
			displayName: 'Options',
			name: 'cancelOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{ displayName: 'Invoice Now', name: 'invoice_now', type: 'boolean', default: false, description: 'Whether to invoice pending usage and prorations now' },
				{ displayName: 'Prorate', name: 'prorate', type: 'boolean', default: false, description: 'Whether to credit the unused part of the period' },
			],
		},
	]),
	async execute(this, itemIndex) {
		const options = this.getNodeParameter('cancelOptions', itemIndex, {}) as IDataObject;
		return await stripeApi<IDataObject>(this, {
			method: 'DELETE',
			path: recordPath(subscription, this, itemIndex),
			qs: { invoice_now: options.invoice_now === true ? true : undefined, prorate: options.prorate === true ? true : undefined },
			itemIndex,
		});
	},
};

export const description = operation.description;
export const execute = operation.execute;
