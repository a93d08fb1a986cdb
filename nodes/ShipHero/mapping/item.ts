import { compact } from '../../common/canonical';
import type { Item } from '../../common/canonical';
import { decimal, identity, moneyTo, obj, str } from './common';
import type { ShRecord } from './common';

/** A ShipHero product as a canonical Item (price and cost from its first warehouse product). */
export function fromShipHeroProduct(product: ShRecord): Item {
	const placements = Array.isArray(product.warehouse_products) ? (product.warehouse_products as ShRecord[]) : [];
	const weight = decimal(obj(product.dimensions)?.weight);
	return compact<Item>({
		type: 'Item',
		...identity(product),
		sku: str(product.sku) ?? '',
		name: str(product.name),
		kind: product.kit === true ? 'kit' : 'inventory',
		price: decimal(placements[0]?.price),
		cost: decimal(placements[0]?.value),
		gtin: str(product.barcode),
		active: typeof product.active === 'boolean' ? product.active : undefined,
		weight: weight ? { value: weight, unit: 'lb' } : undefined,
	});
}

/** The `product_create` input for a canonical Item. */
export function toShipHeroProduct(item: Item): ShRecord {
	return compact({
		sku: item.sku,
		name: item.name ?? item.description ?? item.sku,
		price: moneyTo(item.price),
		value: moneyTo(item.cost),
		barcode: item.gtin,
		dimensions: item.weight ? { weight: item.weight.value } : undefined,
	});
}
