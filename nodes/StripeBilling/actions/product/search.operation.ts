import { searchOperation } from '../operations';
import { product } from '../definitions';

const operation = searchOperation(product);

export const description = operation.description;
export const execute = operation.execute;
