import { getAllOperation } from '../operations';
import { salesOrder } from '../definitions';

const operation = getAllOperation(salesOrder);

export const description = operation.description;
export const execute = operation.execute;
