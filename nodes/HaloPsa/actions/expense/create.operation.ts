import { expense } from '../definitions';
import { createOperation } from '../operations';

const operation = createOperation(expense);

export const description = operation.description;
export const execute = operation.execute;
