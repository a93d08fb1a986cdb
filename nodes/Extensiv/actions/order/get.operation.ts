import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fromExtensivOrder, fromExtensivShipment } from '../../mapping';
import { extensivRequest } from '../../transport';
import { etagOf, idLocator, idParameter, outputOption, stamp } from '../shared';

export const orderLocator = idLocator('orderId', 'Order', 'order', 'orders', 'searchOrders');

export const orderOutput = outputOption([
	{ name: 'Canonical Sales Order', value: 'salesOrder' },
	{ name: 'Canonical Shipment', value: 'shipment' },
]);

export const detailOption: INodeProperties = {
	displayName: 'Detail',
	name: 'detail',
	type: 'options',
	default: 'OrderItems',
	options: [
		{ name: 'All', value: 'All' },
		{ name: 'None', value: 'None' },
		{ name: 'Order Items', value: 'OrderItems' },
		{ name: 'Packages', value: 'Packages' },
	],
	description: 'Child data to include (Extensiv "detail")',
};

export function orderAs(output: unknown, record: IDataObject): IDataObject {
	if (output === 'salesOrder') return fromExtensivOrder(record) as unknown as IDataObject;
	if (output === 'shipment') return fromExtensivShipment(record) as unknown as IDataObject;
	return record;
}

export const description = stamp('order', 'get', [
	orderLocator,
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [detailOption, orderOutput] },
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = idParameter(this, 'orderId', 'Order', itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const response = await extensivRequest<IDataObject>(this, {
		path: `/orders/${id}`,
		qs: { detail: (options.detail as string) || 'OrderItems' },
		itemIndex,
	});
	const etag = etagOf(response.headers);
	// The ETag goes along with the raw record: Update and Cancel send it back as If-Match.
	return options.output && options.output !== 'raw' ? orderAs(options.output, response.body) : { ...response.body, ...(etag ? { etag } : {}) };
}
