import type { InventoryLevel, Item, PurchaseOrder, SalesOrder, Shipment, SystemMappings } from '../../common/canonical';
import { fromShipHeroWarehouseProduct, toShipHeroInventory } from './inventory';
import { fromShipHeroProduct, toShipHeroProduct } from './item';
import { fromShipHeroPurchaseOrder, toShipHeroPurchaseOrder } from './purchaseOrder';
import { fromShipHeroOrder, toShipHeroOrder } from './salesOrder';
import { fromShipHeroShipment, toShipHeroShipment } from './shipment';

export { SYSTEM } from './common';
export { fromShipHeroProduct, toShipHeroProduct } from './item';
export { fromShipHeroWarehouseProduct, toShipHeroInventory } from './inventory';
export { fromShipHeroOrder, toShipHeroOrder } from './salesOrder';
export { fromShipHeroShipment, toShipHeroShipment } from './shipment';
export { fromShipHeroPurchaseOrder, toShipHeroPurchaseOrder } from './purchaseOrder';

/** Every canonical type ShipHero maps, both ways (read by the Record Mapper). */
export const shipHeroMappings: SystemMappings = {
	Item: { resource: 'product', toCanonical: fromShipHeroProduct, fromCanonical: (c) => toShipHeroProduct(c as Item) },
	InventoryLevel: { resource: 'inventory', toCanonical: fromShipHeroWarehouseProduct, fromCanonical: (c) => toShipHeroInventory(c as InventoryLevel) },
	SalesOrder: { resource: 'order', toCanonical: fromShipHeroOrder, fromCanonical: (c) => toShipHeroOrder(c as SalesOrder) },
	Shipment: { resource: 'shipment', toCanonical: fromShipHeroShipment, fromCanonical: (c) => toShipHeroShipment(c as Shipment) },
	PurchaseOrder: { resource: 'purchaseOrder', toCanonical: fromShipHeroPurchaseOrder, fromCanonical: (c) => toShipHeroPurchaseOrder(c as PurchaseOrder) },
};
