import { createOperation } from '../operations';
import { item } from '../definitions';

const operation = createOperation(item);

export const description = operation.description;
export const execute = operation.execute;
