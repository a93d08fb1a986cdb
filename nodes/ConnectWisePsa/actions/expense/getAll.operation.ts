import { getAllOperation } from '../operations';
import { expense } from './definition';

const operation = getAllOperation(expense);

export const description = operation.description;
export const execute = operation.execute;
