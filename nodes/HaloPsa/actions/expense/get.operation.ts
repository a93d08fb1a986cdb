import { expense } from '../definitions';
import { getOperation } from '../operations';

const operation = getOperation(expense);

export const description = operation.description;
export const execute = operation.execute;
