import { searchOperation } from '../operations';
import { customer } from '../definitions';

const operation = searchOperation(customer);

export const description = operation.description;
export const execute = operation.execute;
