import { updateOperation } from '../operations';
import { expense } from './definition';

const operation = updateOperation(expense);

export const description = operation.description;
export const execute = operation.execute;
