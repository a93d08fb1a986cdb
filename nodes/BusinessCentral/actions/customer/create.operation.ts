import { createOperation } from '../operations';
import { customer } from '../definitions';

const operation = createOperation(customer);

export const description = operation.description;
export const execute = operation.execute;
