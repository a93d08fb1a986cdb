import * as customApiCall from './customApiCall';
import * as customer from './customer';
import { creditNote, invoice, item, itemPrice, paymentSource, transaction } from './readResources';
import * as subscription from './subscription';
import * as usage from './usage';

export const resources = { creditNote, customApiCall, customer, invoice, item, itemPrice, paymentSource, subscription, transaction, usage };
