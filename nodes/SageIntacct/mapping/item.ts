import type { InventoryLevel, Item } from '../../common/canonical';
import { bool, compact, dateTimeFrom, dec, ids, ref, refId, source, str, SYSTEM } from './common';
import type { IntacctRecord } from './common';

const KINDS: Record<string, Item['kind']> = {
	Inventory: 'inventory',
	'Non-Inventory': 'non_inventory',
	'Non-Inventory (Purchase only)': 'non_inventory',
	'Non-Inventory (Sales only)': 'non_inventory',
	Kit: 'kit',
	'Stockable Kit': 'kit',
};

export function fromIntacctItem(record: IntacctRecord): Item {
	const type = str(record.ITEMTYPE);
	const status = str(record.STATUS)?.toLowerCase();
	return compact<Item>({
		type: 'Item',
		externalIds: ids(record),
		source: source(record),
		sku: str(record.ITEMID) ?? '',
		name: str(record.NAME),
		description: str(record.EXTENDED_DESCRIPTION) ?? str(record.SODESCRIPTION),
		kind: type ? (KINDS[type] ?? 'other') : undefined,
		unitOfMeasure: str(record.STANDARD_UNIT) ?? str(record.UOMGRP),
		price: dec(record.BASEPRICE),
		cost: dec(record.STANDARD_COST),
		gtin: str(record.UPC),
		supplier: ref(record.VENDORID),
		taxable: bool(record.TAXABLE),
		active: status === undefined ? undefined : status === 'active' || status === 't',
	});
}

const ITEMTYPES: Record<NonNullable<Item['kind']>, string> = {
	inventory: 'Inventory',
	non_inventory: 'Non-Inventory',
	service: 'Non-Inventory (Sales only)',
	kit: 'Kit',
	other: 'Non-Inventory',
};

export function toIntacctItem(item: Item): IntacctRecord {
	return compact({
		ITEMID: item.sku,
		NAME: item.name ?? item.sku,
		EXTENDED_DESCRIPTION: item.description,
		ITEMTYPE: item.kind ? ITEMTYPES[item.kind] : undefined,
		STANDARD_UNIT: item.unitOfMeasure,
		BASEPRICE: item.price,
		STANDARD_COST: item.cost,
		UPC: item.gtin,
		VENDORID: refId(item.supplier),
		TAXABLE: item.taxable === undefined ? undefined : String(item.taxable),
		STATUS: item.active === undefined ? undefined : item.active ? 'active' : 'inactive',
	});
}

/** ITEMWAREHOUSEINFO (quantities per item and warehouse), or an ITEM with its company-wide quantities. */
export function fromIntacctInventory(record: IntacctRecord): InventoryLevel {
	const itemId = str(record.ITEMID) ?? '';
	const onHand = dec(record.QTYONHAND ?? record.ONHAND);
	const onHold = dec(record.QTYONHOLD ?? record.ONHOLD);
	return compact<InventoryLevel>({
		type: 'InventoryLevel',
		externalIds: ids(record),
		source: source(record),
		item: { externalIds: { [SYSTEM]: itemId }, sku: itemId, code: itemId },
		location: ref(record.WAREHOUSEID, record.WAREHOUSENAME),
		onHand,
		committed: onHold,
		onOrder: dec(record.QTYONORDER ?? record.ONORDER),
		available: dec(record.QTYAVAILABLE),
		unitOfMeasure: str(record.UNIT),
		asOf: dateTimeFrom(record.WHENMODIFIED),
	});
}

/** Quantities are computed by Intacct from transactions; only the reorder settings are writable. */
export function toIntacctInventory(level: InventoryLevel): IntacctRecord {
	return compact({
		ITEMID: level.item.sku ?? refId(level.item),
		WAREHOUSEID: refId(level.location),
	});
}
