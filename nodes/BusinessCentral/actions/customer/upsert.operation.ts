import { upsertOperation } from '../operations';
import { customer } from '../definitions';

const operation = upsertOperation(customer);

export const description = operation.description;
export const execute = operation.execute;
