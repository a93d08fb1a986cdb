import { action } from '../definitions';
import { deleteOperation } from '../operations';

const operation = deleteOperation(action);

export const description = operation.description;
export const execute = operation.execute;
