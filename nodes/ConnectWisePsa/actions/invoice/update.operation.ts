import { updateOperation } from '../operations';
import { invoice } from './definition';

const operation = updateOperation(invoice);

export const description = operation.description;
export const execute = operation.execute;
