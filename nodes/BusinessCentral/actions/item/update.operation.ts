import { updateOperation } from '../operations';
import { item } from '../definitions';

const operation = updateOperation(item);

export const description = operation.description;
export const execute = operation.execute;
