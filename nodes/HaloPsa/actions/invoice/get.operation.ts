import { invoice } from '../definitions';
import { getOperation } from '../operations';

const operation = getOperation(invoice);

export const description = operation.description;
export const execute = operation.execute;
