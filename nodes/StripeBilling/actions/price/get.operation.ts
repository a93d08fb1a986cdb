import { getOperation } from '../operations';
import { price } from '../definitions';

const operation = getOperation(price);

export const description = operation.description;
export const execute = operation.execute;
