import { getAllOperation } from '../operations';
import { salesInvoice } from '../definitions';

const operation = getAllOperation(salesInvoice);

export const description = operation.description;
export const execute = operation.execute;
