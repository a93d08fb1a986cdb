import { upsertOperation } from '../operations';
import { salesOrder } from '../definitions';

const operation = upsertOperation(salesOrder);

export const description = operation.description;
export const execute = operation.execute;
