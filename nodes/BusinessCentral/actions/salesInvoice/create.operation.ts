import { createOperation } from '../operations';
import { salesInvoice } from '../definitions';

const operation = createOperation(salesInvoice);

export const description = operation.description;
export const execute = operation.execute;
