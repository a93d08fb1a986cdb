import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { lineItemsInput, lineItemsProperty } from '../common.descriptions';
import type { LineInput } from '../common.descriptions';
import { runMutation, stamp } from '../operations';
import { orderId, orderIdValue } from './definition';

export const description = stamp('order', 'addLines', [orderId, lineItemsProperty]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = orderIdValue(this, itemIndex);
	const lines = ((this.getNodeParameter('lineItems', itemIndex, {}) as { lines?: LineInput[] }).lines ?? []).filter((l) => l.sku);
	if (lines.length === 0) throw new NodeOperationError(this.getNode(), 'Add at least one line item with a SKU', { itemIndex });
	return await runMutation(this, itemIndex, {
		root: 'order_add_line_items',
		input: 'AddLineItemsInput',
		key: 'order',
		kind: 'order',
		data: { order_id: id, line_items: lineItemsInput(lines, `${id}-`) },
	});
}
