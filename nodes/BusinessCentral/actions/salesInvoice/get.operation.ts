import { getOperation } from '../operations';
import { salesInvoice } from '../definitions';

const operation = getOperation(salesInvoice);

export const description = operation.description;
export const execute = operation.execute;
