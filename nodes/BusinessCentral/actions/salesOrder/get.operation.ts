import { getOperation } from '../operations';
import { salesOrder } from '../definitions';

const operation = getOperation(salesOrder);

export const description = operation.description;
export const execute = operation.execute;
