import { getOperation } from '../operations';
import { invoice } from '../definitions';

const operation = getOperation(invoice);

export const description = operation.description;
export const execute = operation.execute;
