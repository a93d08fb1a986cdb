import { item } from '../definitions';
import { getAllOperation } from '../operations';

const operation = getAllOperation(item);

export const description = operation.description;
export const execute = operation.execute;
