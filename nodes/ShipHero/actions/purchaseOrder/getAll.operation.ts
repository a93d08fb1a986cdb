import { getAllOperation } from '../operations';
import { purchaseOrderList } from './definition';

const operation = getAllOperation(purchaseOrderList);

export const description = operation.description;
export const execute = operation.execute;
