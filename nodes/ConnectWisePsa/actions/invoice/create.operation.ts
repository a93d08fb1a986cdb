import { createOperation } from '../operations';
import { invoice } from './definition';

const operation = createOperation(invoice);

export const description = operation.description;
export const execute = operation.execute;
