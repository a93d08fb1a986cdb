import { deleteOperation } from '../operations';
import { salesOrder } from '../definitions';

const operation = deleteOperation(salesOrder);

export const description = operation.description;
export const execute = operation.execute;
