import { deleteOperation } from '../operations';
import { salesInvoice } from '../definitions';

const operation = deleteOperation(salesInvoice);

export const description = operation.description;
export const execute = operation.execute;
