import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { runMutation, stamp } from '../operations';
import { orderId, orderIdValue } from './definition';

const properties: INodeProperties[] = [
	orderId,
	{ displayName: 'Reason', name: 'reason', type: 'string', default: '', description: 'Why the order is canceled (kept in the order history)' },
	{ displayName: 'Void on Platform', name: 'voidOnPlatform', type: 'boolean', default: false, description: 'Whether to also cancel the order on its sales channel' },
];

export const description = stamp('order', 'cancel', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const reason = this.getNodeParameter('reason', itemIndex, '') as string;
	return await runMutation(this, itemIndex, {
		root: 'order_cancel',
		input: 'CancelOrderInput',
		key: 'order',
		kind: 'order',
		data: { order_id: orderIdValue(this, itemIndex), void_on_platform: this.getNodeParameter('voidOnPlatform', itemIndex, false) as boolean, ...(reason ? { reason } : {}) },
		// Canceling a canceled order changes nothing.
		idempotent: true,
	});
}
