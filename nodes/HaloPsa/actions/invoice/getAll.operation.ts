import { invoice } from '../definitions';
import { getAllOperation } from '../operations';

const operation = getAllOperation(invoice);

export const description = operation.description;
export const execute = operation.execute;
