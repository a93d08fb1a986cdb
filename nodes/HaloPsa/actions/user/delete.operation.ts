import { user } from '../definitions';
import { deleteOperation } from '../operations';

const operation = deleteOperation(user);

export const description = operation.description;
export const execute = operation.execute;
