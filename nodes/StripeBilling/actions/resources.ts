import * as customer from './customer/Customer.resource';
import * as product from './product/Product.resource';
import * as price from './price/Price.resource';
import * as subscription from './subscription/Subscription.resource';
import * as invoice from './invoice/Invoice.resource';
import * as invoiceItem from './invoiceItem/InvoiceItem.resource';
import * as creditNote from './creditNote/CreditNote.resource';
import * as meterEvent from './meterEvent/MeterEvent.resource';
import * as meter from './meter/Meter.resource';
import * as payment from './payment/Payment.resource';
import * as customApiCall from './customApiCall/CustomApiCall.resource';

/** Every resource of the node: its operation selector, parameters and operation modules. */
export const resources = {
	customer,
	product,
	price,
	subscription,
	invoice,
	invoiceItem,
	creditNote,
	meterEvent,
	meter,
	payment,
	customApiCall,
};
