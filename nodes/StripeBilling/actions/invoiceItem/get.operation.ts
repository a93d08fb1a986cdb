import { getOperation } from '../operations';
import { invoiceItem } from '../definitions';

const operation = getOperation(invoiceItem);

export const description = operation.description;
export const execute = operation.execute;
