import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fromShipHeroOrder } from '../../mapping';
import { dateFilter, orderLocator, stringFilter } from '../common.descriptions';
import { requiredString } from '../operations';
import type { GetDefinition, ListDefinition } from '../operations';

export const orderList: ListDefinition = {
	resource: 'order',
	nouns: 'orders',
	root: 'orders',
	kind: 'order',
	// Each order costs 1 credit plus up to 20 for its line items: 50 orders ≈ 1,050 of the 4,004 credits.
	pageSize: 50,
	canonical: { type: 'SalesOrder', map: fromShipHeroOrder },
	filters: [
		stringFilter('order_number', 'Order Number', 'Only the order with this number', 'e.g. #1001'),
		stringFilter('partner_order_id', 'Partner Order ID', 'Only the order with this id from the sales channel'),
		stringFilter('shop_name', 'Shop Name', 'Only orders of this store or channel'),
		{
			arg: 'fulfillment_status',
			type: 'String',
			property: {
				displayName: 'Fulfillment Status',
				name: 'fulfillment_status',
				type: 'options',
				default: 'pending',
				options: [
					{ name: 'Canceled', value: 'canceled' },
					{ name: 'Fulfilled', value: 'fulfilled' },
					{ name: 'Pending', value: 'pending' },
				],
			},
		},
		stringFilter('sku', 'SKU', 'Only orders with a line of this SKU'),
		dateFilter('updated_from', 'Updated After', 'Only orders changed at or after this time (for incremental syncs)'),
		dateFilter('order_date_from', 'Ordered After', 'Only orders placed at or after this time'),
		dateFilter('order_date_to', 'Ordered Before', 'Only orders placed at or before this time'),
	],
};

export const orderId = orderLocator();

export const orderGet: GetDefinition = {
	resource: 'order',
	noun: 'order',
	root: 'order',
	kind: 'order',
	arg: 'id',
	argType: 'String!',
	id: orderId,
	canonical: { type: 'SalesOrder', map: fromShipHeroOrder },
};

export function orderIdValue(ctx: IExecuteFunctions, itemIndex: number, property: INodeProperties = orderId): string {
	return requiredString(ctx, property, itemIndex);
}
