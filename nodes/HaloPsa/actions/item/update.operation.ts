import { item } from '../definitions';
import { updateOperation } from '../operations';

const operation = updateOperation(item);

export const description = operation.description;
export const execute = operation.execute;
