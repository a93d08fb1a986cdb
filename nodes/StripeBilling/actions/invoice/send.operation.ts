import { actionOperation } from '../operations';
import { invoice } from '../definitions';

/** Emails a Send Invoice invoice to the customer (a draft is finalized first). */
const operation = actionOperation(invoice, 'send', 'send');

export const description = operation.description;
export const execute = operation.execute;
