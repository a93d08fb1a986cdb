import { getOperation } from '../operations';
import { customer } from '../definitions';

const operation = getOperation(customer);

export const description = operation.description;
export const execute = operation.execute;
