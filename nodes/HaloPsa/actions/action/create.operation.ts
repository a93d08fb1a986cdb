import { action } from '../definitions';
import { createOperation } from '../operations';

const operation = createOperation(action);

export const description = operation.description;
export const execute = operation.execute;
