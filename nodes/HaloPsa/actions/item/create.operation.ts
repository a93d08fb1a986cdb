import { item } from '../definitions';
import { createOperation } from '../operations';

const operation = createOperation(item);

export const description = operation.description;
export const execute = operation.execute;
