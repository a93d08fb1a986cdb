import { invoice } from '../definitions';
import { createOperation } from '../operations';

const operation = createOperation(invoice);

export const description = operation.description;
export const execute = operation.execute;
