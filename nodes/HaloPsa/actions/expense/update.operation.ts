import { expense } from '../definitions';
import { updateOperation } from '../operations';

const operation = updateOperation(expense);

export const description = operation.description;
export const execute = operation.execute;
