import { getOperation } from '../operations';
import { productGet } from './definition';

const operation = getOperation(productGet);

export const description = operation.description;
export const execute = operation.execute;
