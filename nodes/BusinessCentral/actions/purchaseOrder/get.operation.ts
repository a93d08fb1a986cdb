import { getOperation } from '../operations';
import { purchaseOrder } from '../definitions';

const operation = getOperation(purchaseOrder);

export const description = operation.description;
export const execute = operation.execute;
