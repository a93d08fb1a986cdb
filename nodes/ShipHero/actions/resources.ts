import * as customApiCall from './customApiCall/CustomApiCall.resource';
import * as inventory from './inventory/Inventory.resource';
import type { ShipHeroResource } from './node.type';
import * as order from './order/Order.resource';
import * as product from './product/Product.resource';
import * as purchaseOrder from './purchaseOrder/PurchaseOrder.resource';
import * as shipment from './shipment/Shipment.resource';

/** Every resource of the node: its operation selector, parameters and operation modules. */
export const resources = { customApiCall, inventory, order, product, purchaseOrder, shipment } satisfies Record<ShipHeroResource, unknown>;
