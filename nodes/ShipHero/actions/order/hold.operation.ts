import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { runMutation, stamp } from '../operations';
import { orderId, orderIdValue } from './definition';

const HOLDS = [
	['addressHold', 'address_hold', 'Address Hold'],
	['clientHold', 'client_hold', 'Client Hold'],
	['fraudHold', 'fraud_hold', 'Fraud Hold'],
	['operatorHold', 'operator_hold', 'Operator Hold'],
	['paymentHold', 'payment_hold', 'Payment Hold'],
] as const;

export const description = stamp('order', 'hold', [
	orderId,
	{
		displayName: 'Holds',
		name: 'holds',
		type: 'collection',
		placeholder: 'Add Hold',
		default: {},
		description: 'The holds to set (on) or release (off); holds not listed stay as they are',
		options: HOLDS.map(([name, , displayName]) => ({ displayName, name, type: 'boolean' as const, default: true, description: `Whether the order is on ${displayName.toLowerCase()}` })),
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const holds = this.getNodeParameter('holds', itemIndex, {}) as IDataObject;
	const data: IDataObject = { order_id: orderIdValue(this, itemIndex) };
	for (const [name, field] of HOLDS) if (typeof holds[name] === 'boolean') data[field] = holds[name];
	if (Object.keys(data).length === 1) throw new NodeOperationError(this.getNode(), 'Holds: choose at least one hold to set or release', { itemIndex });
	return await runMutation(this, itemIndex, { root: 'order_update_holds', input: 'UpdateOrderHoldsInput', key: 'order', kind: 'order', data, idempotent: true });
}
