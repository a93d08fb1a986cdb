import { searchOperation } from '../operations';
import { invoice } from '../definitions';

const operation = searchOperation(invoice);

export const description = operation.description;
export const execute = operation.execute;
