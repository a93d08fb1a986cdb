import { deleteOperation } from '../operations';
import { item } from '../definitions';

const operation = deleteOperation(item);

export const description = operation.description;
export const execute = operation.execute;
