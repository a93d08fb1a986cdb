import { deleteOperation } from '../operations';
import { invoiceItem } from '../definitions';

const operation = deleteOperation(invoiceItem);

export const description = operation.description;
export const execute = operation.execute;
