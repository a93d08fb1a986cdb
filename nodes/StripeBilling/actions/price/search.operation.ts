import { searchOperation } from '../operations';
import { price } from '../definitions';

const operation = searchOperation(price);

export const description = operation.description;
export const execute = operation.execute;
