import * as customApiCall from './customApiCall/CustomApiCall.resource';
import * as inventory from './inventory/Inventory.resource';
import * as item from './item/Item.resource';
import * as order from './order/Order.resource';
import * as receiver from './receiver/Receiver.resource';

export const resources = { customApiCall, inventory, item, order, receiver };
