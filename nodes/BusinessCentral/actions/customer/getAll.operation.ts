import { getAllOperation } from '../operations';
import { customer } from '../definitions';

const operation = getAllOperation(customer);

export const description = operation.description;
export const execute = operation.execute;
