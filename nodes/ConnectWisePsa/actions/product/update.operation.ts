import { updateOperation } from '../operations';
import { product } from './definition';

const operation = updateOperation(product);

export const description = operation.description;
export const execute = operation.execute;
