import { expense } from '../definitions';
import { deleteOperation } from '../operations';

const operation = deleteOperation(expense);

export const description = operation.description;
export const execute = operation.execute;
