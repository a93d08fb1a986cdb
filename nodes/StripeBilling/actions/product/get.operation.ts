import { getOperation } from '../operations';
import { product } from '../definitions';

const operation = getOperation(product);

export const description = operation.description;
export const execute = operation.execute;
