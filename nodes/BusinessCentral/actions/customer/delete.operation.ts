import { deleteOperation } from '../operations';
import { customer } from '../definitions';

const operation = deleteOperation(customer);

export const description = operation.description;
export const execute = operation.execute;
