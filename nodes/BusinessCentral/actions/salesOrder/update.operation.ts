import { updateOperation } from '../operations';
import { salesOrder } from '../definitions';

const operation = updateOperation(salesOrder);

export const description = operation.description;
export const execute = operation.execute;
