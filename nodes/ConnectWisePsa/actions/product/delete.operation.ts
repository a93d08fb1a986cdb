import { deleteOperation } from '../operations';
import { product } from './definition';

const operation = deleteOperation(product);

export const description = operation.description;
export const execute = operation.execute;
