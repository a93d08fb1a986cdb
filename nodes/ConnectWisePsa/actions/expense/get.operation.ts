import { getOperation } from '../operations';
import { expense } from './definition';

const operation = getOperation(expense);

export const description = operation.description;
export const execute = operation.execute;
