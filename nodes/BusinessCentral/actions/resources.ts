import * as company from './company/Company.resource';
import * as customApiCall from './customApiCall/CustomApiCall.resource';
import * as customer from './customer/Customer.resource';
import * as customerPayment from './customerPayment/CustomerPayment.resource';
import * as item from './item/Item.resource';
import * as purchaseOrder from './purchaseOrder/PurchaseOrder.resource';
import * as salesCreditMemo from './salesCreditMemo/SalesCreditMemo.resource';
import * as salesInvoice from './salesInvoice/SalesInvoice.resource';
import * as salesOrder from './salesOrder/SalesOrder.resource';
import * as salesShipment from './salesShipment/SalesShipment.resource';
import * as vendor from './vendor/Vendor.resource';
import type { BusinessCentralResource } from './node.type';

/** Every resource of the node: its operation selector, parameters and operation modules. */
export const resources = {
	company,
	customApiCall,
	customer,
	customerPayment,
	item,
	purchaseOrder,
	salesCreditMemo,
	salesInvoice,
	salesOrder,
	salesShipment,
	vendor,
} satisfies Record<BusinessCentralResource, unknown>;
