import { getAllOperation } from '../operations';
import { invoiceItem } from '../definitions';

const operation = getAllOperation(invoiceItem);

export const description = operation.description;
export const execute = operation.execute;
