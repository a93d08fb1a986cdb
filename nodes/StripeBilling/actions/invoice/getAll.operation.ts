import { getAllOperation } from '../operations';
import { invoice } from '../definitions';

const operation = getAllOperation(invoice);

export const description = operation.description;
export const execute = operation.execute;
