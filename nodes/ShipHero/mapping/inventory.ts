import { compact, referenceTo } from '../../common/canonical';
import type { InventoryLevel } from '../../common/canonical';
import { decimal, identity, isoDateTime, shipHeroId, str, SYSTEM } from './common';
import type { ShRecord } from './common';

/** A ShipHero warehouse product (stock of one SKU in one warehouse) as a canonical InventoryLevel. */
export function fromShipHeroWarehouseProduct(wp: ShRecord): InventoryLevel {
	return compact<InventoryLevel>({
		type: 'InventoryLevel',
		...identity(wp),
		item: { sku: str(wp.sku), code: str(wp.sku) },
		location: referenceTo(SYSTEM, str(wp.warehouse_id), { code: str(wp.warehouse_identifier) }),
		onHand: decimal(wp.on_hand),
		available: decimal(wp.available),
		committed: decimal(wp.allocated),
		asOf: isoDateTime(wp.updated_at),
	});
}

/** The `inventory_replace` input that sets a canonical level's on-hand quantity. */
export function toShipHeroInventory(level: InventoryLevel): ShRecord {
	const quantity = level.onHand === undefined ? undefined : Number(level.onHand);
	return compact({
		sku: level.item.sku ?? level.item.code,
		warehouse_id: shipHeroId(level.location),
		quantity: quantity !== undefined && Number.isInteger(quantity) ? quantity : undefined,
	});
}
