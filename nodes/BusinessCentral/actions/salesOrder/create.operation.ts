import { createOperation } from '../operations';
import { salesOrder } from '../definitions';

const operation = createOperation(salesOrder);

export const description = operation.description;
export const execute = operation.execute;
