import { createOperation } from '../operations';
import { expense } from './definition';

const operation = createOperation(expense);

export const description = operation.description;
export const execute = operation.execute;
