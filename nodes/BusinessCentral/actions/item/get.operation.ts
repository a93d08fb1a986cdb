import { getOperation } from '../operations';
import { item } from '../definitions';

const operation = getOperation(item);

export const description = operation.description;
export const execute = operation.execute;
