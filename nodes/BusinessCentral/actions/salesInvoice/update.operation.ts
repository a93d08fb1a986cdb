import { updateOperation } from '../operations';
import { salesInvoice } from '../definitions';

const operation = updateOperation(salesInvoice);

export const description = operation.description;
export const execute = operation.execute;
