import { user } from '../definitions';
import { createOperation } from '../operations';

const operation = createOperation(user);

export const description = operation.description;
export const execute = operation.execute;
