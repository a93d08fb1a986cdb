import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { extensivRequest } from '../../transport';
import { etagOf, idParameter, stamp } from '../shared';
import { orderLocator } from './get.operation';
import { etagProperty } from './update.operation';

export const description = stamp('order', 'cancel', [
	orderLocator,
	etagProperty,
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Customer cancelled',
		description: 'Why the order is cancelled (required by Extensiv)',
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = idParameter(this, 'orderId', 'Order', itemIndex);
	const reason = String(this.getNodeParameter('reason', itemIndex, '')).trim() || 'Cancelled from n8n';
	let ifMatch = String(this.getNodeParameter('etag', itemIndex, '') ?? '').trim();
	if (!ifMatch) ifMatch = etagOf((await extensivRequest(this, { path: `/orders/${id}`, itemIndex })).headers) ?? '';
	await extensivRequest(this, {
		method: 'POST',
		path: `/orders/${id}/canceler`,
		body: { reason },
		headers: ifMatch ? { 'If-Match': ifMatch } : {},
		idempotent: true,
		itemIndex,
	});
	return { orderId: id, cancelled: true, reason };
}
