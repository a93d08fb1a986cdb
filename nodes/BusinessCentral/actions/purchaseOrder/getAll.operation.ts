import { getAllOperation } from '../operations';
import { purchaseOrder } from '../definitions';

const operation = getAllOperation(purchaseOrder);

export const description = operation.description;
export const execute = operation.execute;
