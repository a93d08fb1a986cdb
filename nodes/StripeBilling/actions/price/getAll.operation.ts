import { getAllOperation } from '../operations';
import { price } from '../definitions';

const operation = getAllOperation(price);

export const description = operation.description;
export const execute = operation.execute;
