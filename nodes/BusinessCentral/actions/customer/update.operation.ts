import { updateOperation } from '../operations';
import { customer } from '../definitions';

const operation = updateOperation(customer);

export const description = operation.description;
export const execute = operation.execute;
