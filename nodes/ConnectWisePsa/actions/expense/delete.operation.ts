import { deleteOperation } from '../operations';
import { expense } from './definition';

const operation = deleteOperation(expense);

export const description = operation.description;
export const execute = operation.execute;
