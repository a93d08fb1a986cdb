import { upsertOperation } from '../operations';
import { salesInvoice } from '../definitions';

const operation = upsertOperation(salesInvoice);

export const description = operation.description;
export const execute = operation.execute;
