import { deleteOperation } from '../operations';
import { product } from '../definitions';

const operation = deleteOperation(product);

export const description = operation.description;
export const execute = operation.execute;
