import type { InventoryLevel, Item } from '../../common/canonical';
import { compact, decimal, EXTERNAL_ID_KEY, externalIdFor, fromRef, identity, num, str, SYSTEM, toRef } from './common';
import type { NsRecord } from './common';
import { referenceTo } from '../../common/canonical';

export function fromNetSuiteItem(record: NsRecord, kind: Item['kind'] = 'inventory'): Item {
	return compact<Item>({
		type: 'Item',
		...identity(record),
		sku: str(record.itemId) ?? '',
		name: str(record.displayName) ?? str(record.itemId),
		description: str(record.salesDescription) ?? str(record.purchaseDescription),
		kind,
		price: decimal(record.salesPrice ?? record.basePrice),
		cost: decimal(record.cost),
		gtin: str(record.upcCode),
		supplier: fromRef(record.vendor),
		active: record.isInactive === undefined ? undefined : record.isInactive !== true,
	});
}

export function toNetSuiteItem(item: Item): NsRecord {
	return compact({
		itemId: item.sku,
		displayName: item.name,
		salesDescription: item.description,
		cost: num(item.cost),
		upcCode: item.gtin,
		isInactive: item.active === undefined ? undefined : !item.active,
		vendor: toRef(item.supplier),
		externalId: externalIdFor(item),
	});
}

/** A SuiteQL `inventoryitemlocations` row (item, location, quantityonhand, …) as an InventoryLevel. */
export function fromNetSuiteInventoryRow(row: NsRecord): InventoryLevel {
	const item = str(row.item);
	const location = str(row.location);
	return compact<InventoryLevel>({
		type: 'InventoryLevel',
		externalIds: item && location ? { [SYSTEM]: `${item}:${location}` } : {},
		item: compact({ ...(referenceTo(SYSTEM, item) ?? {}), sku: str(row.itemid) }),
		location: referenceTo(SYSTEM, location, compact({ name: str(row.locationname) })),
		onHand: decimal(row.quantityonhand),
		available: decimal(row.quantityavailable),
		committed: decimal(row.quantitycommitted),
		onOrder: decimal(row.quantityonorder),
	});
}

/**
 * NetSuite has no writable inventory-level record: quantities change through inventory
 * adjustments. The reverse mapping builds the body of an `inventoryAdjustment` that sets one
 * item at one location to the canonical on-hand quantity, given the current one.
 */
export function toNetSuiteInventoryAdjustment(level: InventoryLevel, currentOnHand = '0'): NsRecord {
	const target = Number(level.onHand ?? '0');
	const delta = Math.round((target - Number(currentOnHand)) * 1e6) / 1e6;
	const item = toRef(level.item);
	const location = toRef(level.location);
	return compact({
		adjLocation: location,
		inventory: { items: [compact({ item, location, adjustQtyBy: delta })] },
		externalId: level.externalIds?.[EXTERNAL_ID_KEY],
	});
}
