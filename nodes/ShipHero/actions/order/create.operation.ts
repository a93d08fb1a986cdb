import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { SalesOrder } from '../../../common/canonical';
import { toShipHeroOrder } from '../../mapping';
import { shipHeroConnection } from '../../transport';
import { lineItemsInput, lineItemsProperty } from '../common.descriptions';
import type { LineInput } from '../common.descriptions';
import { accountFilter, canonicalInput, canonicalJsonProperty, canonicalModeProperty, jsonObject, runMutation, stamp } from '../operations';
import { FIELDS, listQuery } from '../queries';

const fields = { show: { inputMode: ['fields'] } };

const properties: INodeProperties[] = [
	canonicalModeProperty('SalesOrder'),
	canonicalJsonProperty('SalesOrder'),
	{
		displayName: 'Partner Order ID',
		name: 'partnerOrderId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: fields,
		description: 'Your ID of the order (from the sales channel or ERP); with the shop name it identifies the order, so a repeated run finds it instead of creating it twice',
	},
	{ displayName: 'Order Number', name: 'orderNumber', type: 'string', default: '', displayOptions: fields, placeholder: 'e.g. #1001' },
	{ displayName: 'Shop Name', name: 'shopName', type: 'string', default: 'n8n', description: 'The store or channel the order belongs to' },
	{ ...lineItemsProperty, displayOptions: fields },
	{
		displayName: 'Shipping Address (JSON)',
		name: 'shippingAddress',
		type: 'json',
		default: '{\n  "first_name": "",\n  "last_name": "",\n  "address1": "",\n  "city": "",\n  "state": "",\n  "zip": "",\n  "country": "US"\n}',
		displayOptions: fields,
		description: 'ShipHero order address: first_name, last_name, company, address1, address2, city, state, zip, country, email, phone',
	},
	{
		displayName: 'If Order Exists',
		name: 'ifExists',
		type: 'options',
		default: 'returnExisting',
		options: [
			{ name: 'Fail', value: 'error', description: 'Stop with ShipHero’s duplicate error' },
			{ name: 'Return Existing', value: 'returnExisting', description: 'Output the order with the same partner order ID and shop unchanged' },
		],
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'json',
		default: '{}',
		displayOptions: fields,
		description: 'More CreateOrderInput fields as JSON, e.g. {"email": "…", "shipping_lines": {"title": "Ground", "price": "7.95"}, "total_price": "59.90"}',
	},
];

export const description = stamp('order', 'create', properties);

async function findExisting(ctx: IExecuteFunctions, partnerOrderId: string, shopName: string, itemIndex: number) {
	const { query, variables } = listQuery(
		'orders',
		{ partner_order_id: { type: 'String', value: partnerOrderId }, shop_name: { type: 'String', value: shopName }, ...(await accountFilter(ctx)) },
		FIELDS.order,
	);
	const [found] = await shipHeroConnection(ctx, { query, variables, rootField: 'orders', returnAll: false, limit: 1, pageSize: 1, itemIndex });
	return found;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const shopName = (this.getNodeParameter('shopName', itemIndex, '') as string) || 'n8n';
	let data: IDataObject;
	if (this.getNodeParameter('inputMode', itemIndex) === 'canonical') {
		data = toShipHeroOrder(canonicalInput<SalesOrder>(this, 'SalesOrder', itemIndex));
	} else {
		const partnerOrderId = String(this.getNodeParameter('partnerOrderId', itemIndex)).trim();
		const lines = ((this.getNodeParameter('lineItems', itemIndex, {}) as { lines?: LineInput[] }).lines ?? []).filter((l) => l.sku);
		data = {
			...jsonObject(this, 'additionalFields', 'Additional Fields', itemIndex),
			partner_order_id: partnerOrderId,
			line_items: lineItemsInput(lines, `${partnerOrderId}-`),
		};
		const orderNumber = this.getNodeParameter('orderNumber', itemIndex, '') as string;
		if (orderNumber) data.order_number = orderNumber;
		const address = jsonObject(this, 'shippingAddress', 'Shipping Address', itemIndex);
		if (address) data.shipping_address = address;
	}
	data.shop_name = shopName;
	if (!Array.isArray(data.line_items) || data.line_items.length === 0) {
		throw new NodeOperationError(this.getNode(), 'An order needs at least one line item with a SKU', { itemIndex });
	}
	if (this.getNodeParameter('ifExists', itemIndex, 'returnExisting') === 'returnExisting' && data.partner_order_id) {
		const found = await findExisting(this, String(data.partner_order_id), shopName, itemIndex);
		if (found) return found;
	}
	return await runMutation(this, itemIndex, { root: 'order_create', input: 'CreateOrderInput', key: 'order', kind: 'order', data });
}
