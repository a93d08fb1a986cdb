import { getAllOperation } from '../operations';
import { product } from '../definitions';

const operation = getAllOperation(product);

export const description = operation.description;
export const execute = operation.execute;
