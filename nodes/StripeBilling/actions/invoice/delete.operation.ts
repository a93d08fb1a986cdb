import { deleteOperation } from '../operations';
import { invoice } from '../definitions';

const operation = deleteOperation(invoice);

export const description = operation.description;
export const execute = operation.execute;
