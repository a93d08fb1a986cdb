import { fromShipHeroPurchaseOrder } from '../../mapping';
import { dateFilter, stringFilter } from '../common.descriptions';
import type { GetDefinition, ListDefinition } from '../operations';

export const purchaseOrderList: ListDefinition = {
	resource: 'purchaseOrder',
	nouns: 'purchase orders',
	root: 'purchase_orders',
	kind: 'purchaseOrder',
	pageSize: 50,
	canonical: { type: 'PurchaseOrder', map: fromShipHeroPurchaseOrder },
	filters: [
		stringFilter('sku', 'SKU', 'Only purchase orders with a line of this SKU'),
		stringFilter('warehouse_id', 'Warehouse ID', 'Only purchase orders arriving at this warehouse'),
		stringFilter('fulfillment_status', 'Fulfillment Status', 'e.g. pending or closed'),
		dateFilter('created_from', 'Created After', 'Only purchase orders created at or after this time'),
	],
};

export const purchaseOrderGet: GetDefinition = {
	resource: 'purchaseOrder',
	noun: 'purchase order',
	root: 'purchase_order',
	kind: 'purchaseOrder',
	arg: 'id',
	argType: 'String',
	id: { displayName: 'Purchase Order ID', name: 'purchaseOrderId', type: 'string', default: '', required: true, placeholder: 'e.g. UHVyY2hhc2VPcmRlcjo3MDAw or 7000' },
	canonical: { type: 'PurchaseOrder', map: fromShipHeroPurchaseOrder },
};
