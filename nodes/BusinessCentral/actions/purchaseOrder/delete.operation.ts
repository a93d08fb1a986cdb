import { deleteOperation } from '../operations';
import { purchaseOrder } from '../definitions';

const operation = deleteOperation(purchaseOrder);

export const description = operation.description;
export const execute = operation.execute;
