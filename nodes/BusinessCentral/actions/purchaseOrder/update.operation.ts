import { updateOperation } from '../operations';
import { purchaseOrder } from '../definitions';

const operation = updateOperation(purchaseOrder);

export const description = operation.description;
export const execute = operation.execute;
