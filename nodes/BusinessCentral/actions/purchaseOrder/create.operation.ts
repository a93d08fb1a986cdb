import { createOperation } from '../operations';
import { purchaseOrder } from '../definitions';

const operation = createOperation(purchaseOrder);

export const description = operation.description;
export const execute = operation.execute;
