import { getAllOperation } from '../operations';
import { productList } from './definition';

const operation = getAllOperation(productList);

export const description = operation.description;
export const execute = operation.execute;
