import { expense } from '../definitions';
import { getAllOperation } from '../operations';

const operation = getAllOperation(expense);

export const description = operation.description;
export const execute = operation.execute;
