import { invoice } from '../definitions';
import { deleteOperation } from '../operations';

const operation = deleteOperation(invoice);

export const description = operation.description;
export const execute = operation.execute;
