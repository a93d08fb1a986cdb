import { actionOperation } from '../operations';
import { invoice } from '../definitions';

/** Open → void; the invoice keeps its number but is no longer owed. */
const operation = actionOperation(invoice, 'void', 'void');

export const description = operation.description;
export const execute = operation.execute;
