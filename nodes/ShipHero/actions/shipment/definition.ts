import { fromShipHeroShipment } from '../../mapping';
import { dateFilter, stringFilter } from '../common.descriptions';
import type { GetDefinition, ListDefinition } from '../operations';

export const shipmentList: ListDefinition = {
	resource: 'shipment',
	nouns: 'shipments',
	root: 'shipments',
	kind: 'shipment',
	pageSize: 50,
	canonical: { type: 'Shipment', map: fromShipHeroShipment },
	filters: [
		stringFilter('order_id', 'Order ID', 'Only shipments of this order (UUID or legacy id)'),
		dateFilter('date_from', 'Shipped After', 'Only shipments created at or after this time'),
		dateFilter('date_to', 'Shipped Before', 'Only shipments created at or before this time'),
	],
};

export const shipmentGet: GetDefinition = {
	resource: 'shipment',
	noun: 'shipment',
	root: 'shipment',
	kind: 'shipment',
	arg: 'id',
	argType: 'String!',
	id: { displayName: 'Shipment ID', name: 'shipmentId', type: 'string', default: '', required: true, placeholder: 'e.g. U2hpcG1lbnQ6ODAwMDAw' },
	canonical: { type: 'Shipment', map: fromShipHeroShipment },
};
