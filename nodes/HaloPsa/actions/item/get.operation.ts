import { item } from '../definitions';
import { getOperation } from '../operations';

const operation = getOperation(item);

export const description = operation.description;
export const execute = operation.execute;
