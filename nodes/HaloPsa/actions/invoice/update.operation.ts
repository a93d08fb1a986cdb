import { invoice } from '../definitions';
import { updateOperation } from '../operations';

const operation = updateOperation(invoice);

export const description = operation.description;
export const execute = operation.execute;
