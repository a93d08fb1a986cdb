import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { runMutation, stamp } from '../operations';
import { orderId, orderIdValue } from './definition';

export const description = stamp('order', 'removeLines', [
	orderId,
	{
		displayName: 'Line Item IDs',
		name: 'lineItemIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. TGluZUl0ZW06MTIz, TGluZUl0ZW06MTI0',
		description: 'Comma-separated ShipHero line item IDs (the "ID" of each line in Get Order)',
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const ids = String(this.getNodeParameter('lineItemIds', itemIndex, '')).split(',').map((id) => id.trim()).filter(Boolean);
	if (ids.length === 0) throw new NodeOperationError(this.getNode(), 'Line Item IDs: give at least one ID', { itemIndex });
	return await runMutation(this, itemIndex, {
		root: 'order_remove_line_items',
		input: 'RemoveLineItemsInput',
		key: 'order',
		kind: 'order',
		data: { order_id: orderIdValue(this, itemIndex), line_item_ids: ids },
	});
}
