import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isCanonical } from '../../../common/canonical';
import type { SalesOrder } from '../../../common/canonical';
import { toExtensivOrder } from '../../mapping';
import { extensivList, extensivRequest } from '../../transport';
import {
	andRql,
	customerIdProperty,
	etagOf,
	facilityIdProperty,
	lineItemsProperty,
	linesFrom,
	parseJson,
	positiveNumber,
	rqlValue,
	stamp,
} from '../shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Input',
		name: 'input',
		type: 'options',
		default: 'fields',
		options: [
			{ name: 'Fields', value: 'fields', description: 'Fill in the order below' },
			{ name: 'Canonical Sales Order', value: 'canonical', description: 'A canonical SalesOrder, e.g. from X12 850 or another system' },
		],
	},
	{
		displayName: 'Canonical Sales Order',
		name: 'canonical',
		type: 'json',
		default: '={{ $json }}',
		displayOptions: { show: { input: ['canonical'] } },
		description: 'A canonical SalesOrder; Customer ID and Facility ID below fill what it does not name',
	},
	customerIdProperty,
	facilityIdProperty,
	{
		displayName: 'Reference Number',
		name: 'referenceNum',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { input: ['fields'] } },
		description: 'The order number the customer knows the order by; unique per customer',
	},
	lineItemsProperty('lines', 'Lines'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { input: ['fields'] } },
		options: [
			{ displayName: 'Carrier', name: 'carrier', type: 'string', default: '' },
			{ displayName: 'Earliest Ship Date', name: 'earliestShipDate', type: 'dateTime', default: '' },
			{ displayName: 'Notes', name: 'notes', type: 'string', default: '' },
			{ displayName: 'PO Number', name: 'poNum', type: 'string', default: '' },
			{
				displayName: 'Ship To (JSON)',
				name: 'shipTo',
				type: 'json',
				default: '',
				placeholder: '{"companyName": "Acme", "name": "Receiving", "address1": "1 Main St", "city": "Reno", "state": "NV", "zip": "89501", "country": "US"}',
			},
			{ displayName: 'Shipping Mode', name: 'mode', type: 'string', default: '', placeholder: 'e.g. Ground' },
			{ displayName: 'Shipping Notes', name: 'shippingNotes', type: 'string', default: '' },
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Return Existing Order',
				name: 'returnExisting',
				type: 'boolean',
				default: true,
				description:
					'Whether to look the reference number up first and return the customer’s existing (not cancelled) order instead of creating a second one, so a retried run does not duplicate the order',
			},
		],
	},
];

export const description = stamp('order', 'create', properties);

function fromFields(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const extra = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { referenceNum: String(ctx.getNodeParameter('referenceNum', itemIndex, '')).trim() };
	for (const key of ['poNum', 'notes', 'shippingNotes'] as const) if (extra[key]) body[key] = extra[key];
	if (extra.earliestShipDate) body.earliestShipDate = extra.earliestShipDate;
	if (extra.carrier || extra.mode) body.routingInfo = { ...(extra.carrier ? { carrier: extra.carrier } : {}), ...(extra.mode ? { mode: extra.mode } : {}) };
	const shipTo = parseJson(ctx.getNode(), extra.shipTo, 'Ship To (JSON)', itemIndex);
	if (shipTo) body.shipTo = shipTo;
	return body;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = this.getNodeParameter('input', itemIndex, 'fields') as string;
	let body: IDataObject;
	if (input === 'canonical') {
		const value = parseJson(this.getNode(), this.getNodeParameter('canonical', itemIndex), 'Canonical Sales Order', itemIndex);
		if (!isCanonical(value, 'SalesOrder')) {
			throw new NodeOperationError(this.getNode(), 'Canonical Sales Order is not a canonical SalesOrder (type "SalesOrder" with externalIds)', { itemIndex });
		}
		body = toExtensivOrder(value as unknown as SalesOrder);
	} else {
		body = fromFields(this, itemIndex);
	}
	const customerId = (body.customerIdentifier as IDataObject | undefined)?.id ?? positiveNumber(this, 'customerId', 'Customer ID', itemIndex);
	const facilityId = (body.facilityIdentifier as IDataObject | undefined)?.id ?? positiveNumber(this, 'facilityId', 'Facility ID', itemIndex);
	body.customerIdentifier = { ...(body.customerIdentifier as IDataObject), id: customerId };
	body.facilityIdentifier = { ...(body.facilityIdentifier as IDataObject), id: facilityId };
	const lines = linesFrom(this, 'lines', itemIndex);
	if (lines.length) body.orderItems = lines;
	const referenceNum = String(body.referenceNum ?? '').trim();
	if (!referenceNum) throw new NodeOperationError(this.getNode(), 'Reference Number is required to create an order', { itemIndex });
	if (!Array.isArray(body.orderItems) || body.orderItems.length === 0) {
		throw new NodeOperationError(this.getNode(), 'An order needs at least one line with a SKU', { itemIndex });
	}

	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	if (options.returnExisting !== false) {
		const [existing] = await extensivList(this, {
			path: '/orders',
			qs: { rql: andRql(`referenceNum==${rqlValue(referenceNum)}`, `customerIdentifier.id==${String(customerId)}`, 'readOnly.status!=2'), detail: 'OrderItems' },
			returnAll: false,
			limit: 1,
			itemIndex,
		});
		if (existing) return existing;
	}
	const response = await extensivRequest<IDataObject>(this, { method: 'POST', path: '/orders', body, itemIndex });
	const etag = etagOf(response.headers);
	return { ...response.body, ...(etag ? { etag } : {}) };
}
