import { fromShipHeroProduct } from '../../mapping';
import { dateFilter, stringFilter } from '../common.descriptions';
import type { GetDefinition, ListDefinition } from '../operations';

export const productList: ListDefinition = {
	resource: 'product',
	nouns: 'products',
	root: 'products',
	kind: 'product',
	pageSize: 100,
	canonical: { type: 'Item', map: fromShipHeroProduct },
	filters: [
		stringFilter('sku', 'SKU', 'Only the product with this SKU'),
		dateFilter('created_from', 'Created After', 'Only products created at or after this time'),
		dateFilter('updated_from', 'Updated After', 'Only products changed at or after this time (for incremental syncs)'),
	],
};

export const productGet: GetDefinition = {
	resource: 'product',
	noun: 'product',
	root: 'product',
	kind: 'product',
	arg: 'sku',
	argType: 'String',
	id: { displayName: 'SKU', name: 'sku', type: 'string', default: '', required: true, placeholder: 'e.g. SKU-1000', description: 'The product’s SKU' },
	canonical: { type: 'Item', map: fromShipHeroProduct },
};
