import { createOperation } from '../operations';
import { product } from './definition';

const operation = createOperation(product);

export const description = operation.description;
export const execute = operation.execute;
