import type { IDataObject } from 'n8n-workflow';

import { compact, toDecimal, toIsoDateTime } from '../../common/canonical';
import type { InventoryLevel, Item } from '../../common/canonical';
import { SYSTEM, idsOf, obj, str } from './common';

/** A customer's SKU in the warehouse as a canonical Item. */
export function fromExtensivItem(record: IDataObject): Item {
	const readOnly = obj(record.readOnly);
	const id = str(record.itemId ?? readOnly.itemId);
	return compact({
		type: 'Item' as const,
		externalIds: idsOf(id),
		source: id ? compact({ system: SYSTEM, id, updatedAt: toIsoDateTime(readOnly.lastModifiedDate) }) : undefined,
		sku: String(record.sku ?? ''),
		name: str(record.description),
		description: str(record.description2),
		kind: 'inventory' as const,
		gtin: str(record.upc),
		price: toDecimal(record.price),
		cost: toDecimal(record.cost),
		active: readOnly.deactivated === undefined ? undefined : readOnly.deactivated !== true,
	});
}

export function toExtensivItem(item: Item): IDataObject {
	return compact({
		sku: item.sku,
		description: item.name ?? item.description,
		description2: item.name ? item.description : undefined,
		upc: item.gtin,
		// Extensiv takes decimals as JSON numbers; the canonical string is parsed only at the wire.
		price: item.price !== undefined ? Number(item.price) : undefined,
		cost: item.cost !== undefined ? Number(item.cost) : undefined,
	}) as IDataObject;
}

/** A stock summary (one item in one facility) as a canonical InventoryLevel. */
export function fromExtensivStockSummary(record: IDataObject): InventoryLevel {
	const item = obj(record.itemIdentifier);
	const facilityId = str(record.facilityId ?? obj(record.facilityIdentifier).id);
	const itemId = str(item.id);
	return compact({
		type: 'InventoryLevel' as const,
		externalIds: idsOf(itemId && facilityId ? `${facilityId}:${itemId}` : undefined),
		item: compact({ sku: str(item.sku), code: str(item.sku), externalIds: itemId ? { [SYSTEM]: itemId } : undefined }),
		location: facilityId ? { externalIds: { [SYSTEM]: facilityId }, name: str(obj(record.facilityIdentifier).name) } : undefined,
		onHand: toDecimal(record.onHand),
		available: toDecimal(record.available),
		committed: toDecimal(record.allocated),
	});
}

export function toExtensivStockSummary(level: InventoryLevel): IDataObject {
	const facility = level.location?.externalIds?.[SYSTEM];
	const item = level.item.externalIds?.[SYSTEM];
	return compact({
		facilityId: facility !== undefined ? Number(facility) : undefined,
		itemIdentifier: compact({ id: item !== undefined ? Number(item) : undefined, sku: level.item.sku ?? level.item.code }),
		onHand: level.onHand !== undefined ? Number(level.onHand) : undefined,
		available: level.available !== undefined ? Number(level.available) : undefined,
		allocated: level.committed !== undefined ? Number(level.committed) : undefined,
	}) as IDataObject;
}
