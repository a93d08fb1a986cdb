import { getAllOperation } from '../operations';
import { product } from './definition';

const operation = getAllOperation(product);

export const description = operation.description;
export const execute = operation.execute;
