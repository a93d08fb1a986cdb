import type { IDataObject } from 'n8n-workflow';

import { fromExtensivItem, fromExtensivStockSummary, toExtensivItem, toExtensivStockSummary } from './item';
import { fromExtensivOrder, fromExtensivShipment, toExtensivOrder, toExtensivShipment } from './order';
import { fromExtensivReceiver, toExtensivReceiver } from './receiver';

export { SYSTEM } from './common';
export { fromExtensivItem, fromExtensivStockSummary, toExtensivItem, toExtensivStockSummary } from './item';
export { fromExtensivOrder, fromExtensivShipment, toExtensivOrder, toExtensivShipment } from './order';
export { fromExtensivReceiver, toExtensivReceiver } from './receiver';

export interface ExtensivMapping {
	/** The node resource the records belong to. */
	resource: string;
	toCanonical(record: IDataObject): object;
	fromCanonical(canonical: never): IDataObject;
}

/** Canonical type → how Extensiv records convert both ways (used by the Record Mapper). */
export const extensivMappings = {
	Item: { resource: 'item', toCanonical: fromExtensivItem, fromCanonical: toExtensivItem },
	InventoryLevel: { resource: 'inventory', toCanonical: fromExtensivStockSummary, fromCanonical: toExtensivStockSummary },
	SalesOrder: { resource: 'order', toCanonical: fromExtensivOrder, fromCanonical: toExtensivOrder },
	Shipment: { resource: 'order', toCanonical: fromExtensivShipment, fromCanonical: toExtensivShipment },
	PurchaseOrder: { resource: 'receiver', toCanonical: fromExtensivReceiver, fromCanonical: toExtensivReceiver },
} satisfies Record<string, ExtensivMapping>;
