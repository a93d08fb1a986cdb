import { getAllOperation } from '../operations';
import { item } from '../definitions';

const operation = getAllOperation(item);

export const description = operation.description;
export const execute = operation.execute;
