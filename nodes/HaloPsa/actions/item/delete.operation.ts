import { item } from '../definitions';
import { deleteOperation } from '../operations';

const operation = deleteOperation(item);

export const description = operation.description;
export const execute = operation.execute;
