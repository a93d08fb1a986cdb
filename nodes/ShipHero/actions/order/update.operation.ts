import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { jsonObject, runMutation, stamp } from '../operations';
import { orderId, orderIdValue } from './definition';

const properties: INodeProperties[] = [
	orderId,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
			{ displayName: 'Gift Note', name: 'gift_note', type: 'string', default: '' },
			{ displayName: 'Order Number', name: 'order_number', type: 'string', default: '' },
			{ displayName: 'Packing Note', name: 'packing_note', type: 'string', default: '' },
			{ displayName: 'Required Ship Date', name: 'required_ship_date', type: 'dateTime', default: '' },
			{ displayName: 'Shipping Address (JSON)', name: 'shipping_address', type: 'json', default: '{}' },
			{ displayName: 'Tags', name: 'tags', type: 'string', default: '', description: 'Comma-separated; replaces the order’s tags' },
		],
	},
];

export const description = stamp('order', 'update', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const values = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const data: IDataObject = { order_id: orderIdValue(this, itemIndex) };
	for (const [key, value] of Object.entries(values)) {
		if (value === '' || value === undefined) continue;
		if (key === 'tags') data.tags = String(value).split(',').map((t) => t.trim()).filter(Boolean);
		else if (key === 'shipping_address') data.shipping_address = typeof value === 'object' ? value : jsonObject(this, 'updateFields.shipping_address', 'Shipping Address', itemIndex);
		else data[key] = value;
	}
	if (Object.keys(data).length === 1) {
		throw new NodeOperationError(this.getNode(), 'Update Fields: choose at least one field to update', { itemIndex });
	}
	// Setting the same fields again leaves the order as it is: safe to resend.
	return await runMutation(this, itemIndex, { root: 'order_update', input: 'UpdateOrderInput', key: 'order', kind: 'order', data, idempotent: true });
}
