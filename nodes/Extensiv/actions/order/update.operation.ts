import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { extensivRequest } from '../../transport';
import { etagOf, idParameter, parseJson, stamp } from '../shared';
import { orderLocator } from './get.operation';

export const etagProperty: INodeProperties = {
	displayName: 'ETag',
	name: 'etag',
	type: 'string',
	default: '={{ $json.etag }}',
	description:
		'The ETag of the order as you read it (Get returns it as "etag"). The change is refused if the order changed since. Empty reads the current ETag first, which skips that protection.',
};

const properties: INodeProperties[] = [
	orderLocator,
	etagProperty,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Carrier', name: 'carrier', type: 'string', default: '' },
			{ displayName: 'Earliest Ship Date', name: 'earliestShipDate', type: 'dateTime', default: '' },
			{ displayName: 'Notes', name: 'notes', type: 'string', default: '' },
			{ displayName: 'Other Fields (JSON)', name: 'other', type: 'json', default: '', description: 'More order fields to set, as JSON' },
			{ displayName: 'PO Number', name: 'poNum', type: 'string', default: '' },
			{ displayName: 'Reference Number', name: 'referenceNum', type: 'string', default: '' },
			{ displayName: 'Ship To (JSON)', name: 'shipTo', type: 'json', default: '' },
			{ displayName: 'Shipping Mode', name: 'mode', type: 'string', default: '' },
			{ displayName: 'Shipping Notes', name: 'shippingNotes', type: 'string', default: '' },
			{ displayName: 'Tracking Number', name: 'trackingNumber', type: 'string', default: '' },
		],
	},
];

export const description = stamp('order', 'update', properties);

const READ_ONLY = new Set(['readOnly', '_links', '_embedded', 'etag', 'orderItems', 'OrderItems']);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = idParameter(this, 'orderId', 'Order', itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const node = this.getNode();
	const change: IDataObject = {};
	for (const key of ['referenceNum', 'poNum', 'notes', 'shippingNotes', 'earliestShipDate'] as const) {
		if (fields[key] !== undefined && fields[key] !== '') change[key] = fields[key];
	}
	const shipTo = parseJson(node, fields.shipTo, 'Ship To (JSON)', itemIndex);
	const other = parseJson(node, fields.other, 'Other Fields (JSON)', itemIndex) ?? {};
	if (Object.keys(change).length === 0 && !shipTo && Object.keys(other).length === 0 && !fields.carrier && !fields.mode && !fields.trackingNumber) {
		throw new NodeOperationError(node, 'Update Fields: choose at least one field to update', { itemIndex });
	}
	// PUT replaces the order header, so the change is applied to the current order.
	const current = await extensivRequest<IDataObject>(this, { path: `/orders/${id}`, itemIndex });
	const given = String(this.getNodeParameter('etag', itemIndex, '') ?? '').trim();
	const ifMatch = given || etagOf(current.headers);
	const body: IDataObject = Object.fromEntries(Object.entries(current.body).filter(([key]) => !READ_ONLY.has(key)));
	Object.assign(body, change, other);
	if (shipTo) body.shipTo = { ...(body.shipTo as IDataObject), ...shipTo };
	if (fields.carrier || fields.mode || fields.trackingNumber) {
		body.routingInfo = {
			...(body.routingInfo as IDataObject),
			...(fields.carrier ? { carrier: fields.carrier } : {}),
			...(fields.mode ? { mode: fields.mode } : {}),
			...(fields.trackingNumber ? { trackingNumber: fields.trackingNumber } : {}),
		};
	}
	const response = await extensivRequest<IDataObject>(this, {
		method: 'PUT',
		path: `/orders/${id}`,
		body,
		headers: ifMatch ? { 'If-Match': ifMatch } : {},
		// The ETag makes a resend harmless: a second PUT with the same ETag is refused, not applied twice.
		idempotent: true,
		itemIndex,
	});
	const etag = etagOf(response.headers);
	return { ...response.body, ...(etag ? { etag } : {}) };
}
