import { compact } from '../../common/canonical';
import type { InventoryLevel, Item } from '../../common/canonical';
import { decimal, identity, num, str, SYSTEM, type BcRecord } from './common';

const KINDS: Record<string, Item['kind']> = { Inventory: 'inventory', Service: 'service', 'Non-Inventory': 'non_inventory' };
const TYPES: Record<string, string> = { inventory: 'Inventory', service: 'Service', non_inventory: 'Non-Inventory' };

export function fromBusinessCentralItem(record: BcRecord): Item {
	const type = str(record.type);
	return compact({
		type: 'Item' as const,
		...identity(record),
		sku: str(record.number) ?? '',
		name: str(record.displayName),
		description: str(record.displayName2),
		kind: type ? KINDS[type] : undefined,
		unitOfMeasure: str(record.baseUnitOfMeasureCode),
		price: decimal(record.unitPrice),
		cost: decimal(record.unitCost),
		gtin: str(record.gtin),
		active: typeof record.blocked === 'boolean' ? !record.blocked : undefined,
		extensions: { [SYSTEM]: compact({ itemCategoryCode: str(record.itemCategoryCode), taxGroupCode: str(record.taxGroupCode), inventory: decimal(record.inventory) }) },
	});
}

export function toBusinessCentralItem(item: Item): BcRecord {
	return compact({
		number: item.sku || undefined,
		displayName: item.name,
		displayName2: item.description,
		type: item.kind ? TYPES[item.kind] : undefined,
		baseUnitOfMeasureCode: item.unitOfMeasure,
		unitPrice: num(item.price),
		unitCost: num(item.cost),
		gtin: item.gtin,
		blocked: item.active === undefined ? undefined : !item.active,
	});
}

/** `items.inventory` is the quantity on hand over all locations (the standard API has no per-location figure). */
export function fromBusinessCentralInventory(record: BcRecord): InventoryLevel {
	const { externalIds, source } = identity(record);
	return compact({
		type: 'InventoryLevel' as const,
		externalIds,
		source,
		item: compact({ externalIds, sku: str(record.number), code: str(record.number), name: str(record.displayName) }),
		onHand: decimal(record.inventory),
		unitOfMeasure: str(record.baseUnitOfMeasureCode),
		asOf: source?.updatedAt,
	});
}

/**
 * Inventory is read-only in the standard API (it changes through item journals and documents), so the
 * way back only identifies the item whose level is meant.
 */
export function toBusinessCentralInventory(level: InventoryLevel): BcRecord {
	return compact({ id: level.item.externalIds?.[SYSTEM], number: level.item.sku ?? level.item.code });
}
